"""Typed records passed between the pipeline's stages.

Articles come out of `ingest`, actors out of `actors`, events out of `events`; everything after
the coder (output, storage, evaluation) sees `Event.to_dict()` rows.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class Article:
    """One news article. `text` is the text as received (offsets refer to it); `coding_text` has
    metadata and boilerplate blanked out with spaces, so it keeps every offset of `text`."""

    id: str
    text: str
    coding_text: str
    date: str | None = None
    url: str | None = None
    title: str | None = None
    origin: str | None = None
    author: str | None = None
    site: str | None = None
    language: str | None = None
    dateline: str | None = None
    # Filled by the coder: the article's tone and its article-level facts.
    tone: float | None = None
    facts: tuple[Fact, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Actor:
    """A political actor as mentioned in a text, resolved against the knowledge base."""

    text: str
    name: str | None
    code: str | None
    country: str | None
    sector: str | None
    start: int
    end: int
    kind: str  # person | named (country, organisation...) | agent (generic, "troops")
    location: Location | None = None  # where the text places the actor ("protesters in Bamako")

    def to_dict(self) -> dict:
        out = {
            "text": self.text,
            "name": self.name,
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
        }
        if self.location is not None:
            out["location"] = self.location.to_dict()
        return out


@dataclass(frozen=True, kw_only=True)
class Location:
    """Where an event happened, resolved against the offline gazetteer (see `where`)."""

    name: str
    geonames_id: int | None
    lat: float | None
    lon: float | None
    admin1: str | None
    country: str | None  # ISO3
    feature_class: str | None  # GeoNames: P populated place, A admin area, L region/area...
    precision: str  # city | admin1 | country | region
    text: str | None  # the words it came from (the dateline's for a dateline placing)
    start: int | None  # offsets of `text`; None when it is the dateline or the article focus
    end: int | None

    def to_dict(self) -> dict:
        return {"name": self.name, "geonames_id": self.geonames_id, "lat": self.lat,
                "lon": self.lon, "admin1": self.admin1, "country": self.country,
                "feature_class": self.feature_class, "precision": self.precision,
                "text": self.text}


@dataclass(frozen=True, kw_only=True)
class Quantity:
    """A number the text states: casualties, arrests, crowd sizes, money, aid goods, troops,
    population. `start`/`end` are offsets of `text` (in the Doc while coding, in the article's
    text once an Event or Fact carries it)."""

    kind: str  # killed | wounded | missing | arrested | crowd | money | aid | troops | ...
    value: float | None  # None for aid goods named without a number ("wheat, fertilizer")
    unit: str | None  # ISO 4217 code for money, the goods for aid ("trucks"), "people"...
    text: str
    start: int
    end: int
    qualifier: str | None = None  # "nearly", "at least", "more than", "about"...

    def to_dict(self) -> dict:
        return {"type": self.kind, "value": self.value, "unit": self.unit, "text": self.text,
                "qualifier": self.qualifier}


@dataclass(frozen=True, kw_only=True)
class Fact:
    """An article-level figure not tied to an event ("Mali, a country of nearly 20 million")."""

    doc_id: str
    sentence_index: int
    subject: Actor | None
    quantity: Quantity

    def to_dict(self) -> dict:
        return {"doc_id": self.doc_id, "sentence_index": self.sentence_index,
                "subject": self.subject.to_dict() if self.subject else None,
                **self.quantity.to_dict(),
                "evidence": [self.quantity.start, self.quantity.end]}


@dataclass(frozen=True, kw_only=True)
class Event:
    """One coded event: who did what to whom, when, with the evidence that supports it."""

    doc_id: str
    sentence_index: int
    sentence: str
    event: str | None
    cameo: str
    mode: str | None
    context: tuple[str, ...]
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    date: str | None
    date_text: str | None
    negated: bool  # not counted as done: negated, denied, or only requested
    modality: str
    goldstein: float
    quad_class: int
    confidence: float
    trigger: str
    trigger_span: tuple[int, int]
    version: str
    mentions: int = 1
    location: Location | None = None
    numbers: tuple[Quantity, ...] = ()
    tone: float | None = None  # of the event's sentence, GDELT-style (see `tone`)

    def to_dict(self) -> dict:
        return {
            "doc_id": self.doc_id,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "event": self.event,
            "cameo": self.cameo,
            "mode": self.mode,
            "context": list(self.context),
            "source": _actors_out(self.source),
            "target": _actors_out(self.target),
            "date": self.date,
            "date_text": self.date_text,
            "negated": self.negated,
            "modality": self.modality,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "confidence": self.confidence,
            "trigger": self.trigger,
            "location": self.location.to_dict() if self.location else None,
            "numbers": [q.to_dict() for q in self.numbers],
            "tone": self.tone,
            "evidence": {
                "trigger": list(self.trigger_span),
                "source": [[a.start, a.end] for a in self.source],
                "target": [[a.start, a.end] for a in self.target],
                "location": [self.location.start, self.location.end]
                if self.location and self.location.start is not None else None,
                "numbers": [[q.start, q.end] for q in self.numbers],
            },
            "mentions": self.mentions,
            "version": self.version,
        }


def _actors_out(actors: tuple[Actor, ...]) -> dict | list | None:
    """One actor is an object, a compound actor a list (PLOVER style), no actor null."""
    if not actors:
        return None
    if len(actors) == 1:
        return actors[0].to_dict()
    return [a.to_dict() for a in actors]
