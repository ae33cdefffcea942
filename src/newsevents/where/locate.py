"""Place every event, and the actors the text places: a spaCy component after the event coder.

1. Place mentions: country actors the actor stage resolved ("Mali"), the places it knows
   ("Goma"), named entities (GPE, LOC, FAC) and proper nouns after a locative preposition
   ("near Kidal", whatever label the tagger gave them), looked up in the gazetteer; "Kidal
   region" is the division, "Paris, Texas" the Paris in Texas.
2. Ambiguous names are settled by the article: a candidate in a country the article's actors,
   dateline or unambiguous places point to beats a bigger namesake elsewhere; then population.
3. An event is placed at the place named in its clause (a locative phrase first, the most
   specific place next); else where the coder placed the sentence; else at the dateline; else
   at the article's focus (its most mentioned country).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..records import Location
from .gazetteer import ADMIN1_SUFFIX_KEY, ADMIN1_WORDS, GeoGazetteer, Place, normalise

LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout",
                            "around", "within", "into", "on", "off", "from", "to", "toward",
                            "towards", "through", "along", "between", "by", "of"})
# Prepositions that put an event *in* the place (not "to" or "from" it).
STRONG_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout",
                          "around", "within", "off", "along", "on"})
ENTITY_LABELS = frozenset({"GPE", "LOC", "FAC"})
DIRECTIONS = ("north", "south", "east", "west", "northern", "southern", "eastern", "western",
              "central", "northeastern", "northwestern", "southeastern", "southwestern",
              "north eastern", "north western", "south eastern", "south western", "upper",
              "lower", "greater", "occupied")
PRECISION_RANK = {"city": 3, "admin1": 2, "region": 1, "country": 0}


@dataclass
class Mention:
    """A place named in the text (token span) and what it resolved to."""

    start: int
    end: int
    text: str
    start_char: int
    end_char: int
    candidates: list[Place]
    qualifier: list[Place]
    place: Place | None = None


def _strip_direction(text: str) -> str:
    words = normalise(text)
    for d in sorted(DIRECTIONS, key=len, reverse=True):
        if words.startswith(d + " "):
            return words[len(d) + 1:]
    return words


def _candidates(gaz: GeoGazetteer, span: Span) -> tuple[list[Place], int]:
    """Places the span can name, and the token end consumed ("Kidal region" takes "region")."""
    name = _strip_direction(span.text)
    end = span.end
    after = span.doc[end] if end < len(span.doc) else None
    if after is not None and after.lower_ in ADMIN1_WORDS:
        found = gaz.by_name.get(f"{name} {ADMIN1_SUFFIX_KEY}", [])
        if found:
            return list(found), end + 1
    found = gaz.by_name.get(name, [])
    if not found and name.endswith("s") and span[-1].tag_ == "POS":
        found = gaz.by_name.get(name[:-1].rstrip(), [])
    return list(found), end


class PlaceLocator:
    """spaCy component: `span._.location` on each event span, `doc.spans["geo"]` for the
    places named, `doc.user_data["actor_locations"]` {(start_char, end_char): Location}."""

    def __init__(self, gazetteer: GeoGazetteer, country_names: dict[str, str]):
        self.gaz = gazetteer
        self.country_names = country_names  # every name of a country (actors' gazetteer) -> ISO3

    # -- mentions ---------------------------------------------------------------------------
    def mentions(self, doc: Doc) -> list[Mention]:
        taken: set[int] = set()
        found: list[Mention] = []

        def add(span: Span, candidates: list[Place], end: int | None = None) -> None:
            end = end or span.end
            if not candidates or any(i in taken for i in range(span.start, end)):
                return
            taken.update(range(span.start, end))
            found.append(Mention(span.start, end, doc[span.start:end].text, span.start_char,
                                 doc[end - 1].idx + len(doc[end - 1]), candidates, []))

        for span in doc.spans.get("actors", []):
            for actor in span._.actors:
                # The actor stage already settled which country a name is ("Congo" -> COG).
                name = doc.text[actor.start:actor.end]
                iso3 = self.country_names.get(name[4:] if name.startswith("the ") else name)
                sub = doc.char_span(actor.start, actor.end, alignment_mode="expand")
                if iso3 in self.gaz.countries and sub is not None:
                    add(sub, [self.gaz.countries[iso3]])
        for span in doc.spans.get("places", []):
            hint = {a.country for a in span._.actors}
            candidates, end = _candidates(self.gaz, span)
            add(span, [p for p in candidates if p.country in hint] or candidates, end)
        for ent in doc.ents:
            if ent.label_ in ENTITY_LABELS or _after_locative(ent):
                candidates, end = _candidates(self.gaz, _trim(ent))
                add(_trim(ent), candidates, end)
        for token in doc:
            if token.pos_ == "PROPN" and token.i not in taken and _after_locative(token):
                span = _proper_noun_run(doc, token)
                candidates, end = _candidates(self.gaz, span)
                add(span, candidates, end)
        found.sort(key=lambda m: m.start)
        _qualify(doc, found)
        return found

    # -- resolution ---------------------------------------------------------------------------
    def resolve(self, doc: Doc, mentions: list[Mention]) -> Counter:
        """Pick each mention's place; returns the countries the article points to."""
        context: Counter = Counter()
        for span in doc.spans.get("actors", []):
            for actor in span._.actors:
                if actor.country:
                    context[actor.country] += 1
        dateline = doc.user_data.get("dateline_place")
        if dateline is not None and dateline.country:
            context[dateline.country] += 2
        for m in mentions:
            if len({p.country for p in m.candidates}) == 1 and m.candidates[0].country:
                context[m.candidates[0].country] += 1
        for m in mentions:
            own = Counter({c: 1 for c in {p.country for p in m.candidates}})
            others = context - own if len(m.candidates) > 1 else context
            m.place = max(m.candidates, key=lambda p: _score(p, m, others))
        return context

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data["dateline_place"] = self.place_name(doc.user_data.get("dateline"))
        mentions = self.mentions(doc)
        self.resolve(doc, mentions)
        doc.spans["geo"] = [Span(doc, m.start, m.end, label=m.place.precision)
                            for m in mentions if m.place is not None]
        by_token = {i: m for m in mentions for i in range(m.start, m.end)}
        fallback = self.article_location(doc, mentions)
        by_char = {m.start_char: m for m in mentions if m.place is not None}
        for span in doc.spans.get("events", []):
            span._.location = self.event_location(span, by_token) or \
                self._coder_location(span, by_char) or fallback
        doc.user_data["actor_locations"] = self.actor_locations(doc, by_token)
        return doc

    # -- choosing -----------------------------------------------------------------------------
    def event_location(self, span: Span, by_token: dict[int, Mention]) -> Location | None:
        draft = span._.draft
        trigger = draft.trigger.root
        sent = trigger.sent
        actor_chars = [(a.start, a.end) for a in (*draft.source, *draft.target)]
        best, best_score = None, None
        for m in {id(m): m for i, m in by_token.items() if sent.start <= i < sent.end}.values():
            head = span.doc[m.start]
            root = span.doc[m.start:m.end].root
            prep = root.head if root.dep_ == "pobj" else None
            strong = prep is not None and prep.lower_ in STRONG_PREPS
            in_actor = any(s <= m.start_char and m.end_char <= e for s, e in actor_chars)
            if m.place.precision == "country" and not strong:
                continue  # "Russia condemned Mali": countries as actors are not places
            if in_actor and not strong:
                continue
            score = (strong, PRECISION_RANK[m.place.precision] if strong or not in_actor else -1,
                     _governs(trigger, head), -abs(head.i - trigger.i))
            if best_score is None or score > best_score:
                best, best_score = m, score
        return _location(best.place, best.text, best.start_char, best.end_char) if best else None

    def _coder_location(self, span: Span, by_char: dict[int, Mention]) -> Location | None:
        """The coder places a sentence in a country ("in Mali", "near Kidal"), carried over a
        few sentences: the place named there, else its country."""
        for actor in span._.draft.location:
            named = by_char.get(actor.start)
            if named is not None:
                return _location(named.place, named.text, named.start_char, named.end_char)
            place = self.gaz.countries.get(actor.country or "")
            if place is not None:
                return _location(place, actor.text, actor.start, actor.end)
        return None

    def article_location(self, doc: Doc, mentions: list[Mention]) -> Location | None:
        dateline = doc.user_data.get("dateline_place")
        if dateline is not None:
            return _location(dateline, doc.user_data["dateline"], None, None)
        counts = Counter(m.place.country for m in mentions if m.place and m.place.country)
        if not counts:
            return None
        country, _ = counts.most_common(1)[0]
        first = next(m for m in mentions if m.place and m.place.country == country)
        return _location(self.gaz.countries.get(country) or first.place, first.text, None, None)

    def place_name(self, text: str | None) -> Place | None:
        """A free-standing place name ("BAMAKO, Mali", "Kyiv"), e.g. a dateline."""
        if not text:
            return None
        parts = [p.strip() for p in text.split(",") if p.strip()]
        candidates = self.gaz.lookup(parts[0])
        if not candidates:
            return None
        qualifier = {p.country for part in parts[1:] for p in self.gaz.lookup(part)} | \
            {p.admin1 for part in parts[1:] for p in self.gaz.lookup(part) if p.admin1}
        narrowed = [p for p in candidates if p.country in qualifier or p.admin1 in qualifier]
        return max(narrowed or candidates, key=lambda p: (PRECISION_RANK[p.precision] == 0,
                                                          p.population))

    def actor_locations(self, doc: Doc, by_token: dict[int, Mention]) -> dict:
        """"protesters in Bamako", "the governor of Kidal region": the actor's own place."""
        located = {}
        for span in doc.spans.get("actors", []):
            for token in span.root.children:
                if token.dep_ == "prep" and token.lower_ in ("in", "from", "at", "near", "of",
                                                            "outside"):
                    for obj in token.children:
                        m = by_token.get(obj.i)
                        if m is not None and m.place is not None:
                            loc = _location(m.place, m.text, m.start_char, m.end_char)
                            for actor in span._.actors:
                                located[(actor.start, actor.end)] = loc
        return located


def _score(place: Place, mention: Mention, context: Counter) -> tuple:
    qualified = any(q.country == place.country or (q.admin1 and q.admin1 == place.admin1)
                    for q in mention.qualifier) if mention.qualifier else None
    kind = {"country": 4, "region": 3, "admin1": 2, "city": 0}[place.precision]
    # A country, region or division named outright is meant; a city must be big or local.
    weight = kind * 3 + (4 if context.get(place.country) else 0) + \
        math.log10(place.population + 1) * 0.6
    return (qualified is not False, weight)


def _qualify(doc: Doc, mentions: list[Mention]) -> None:
    """"Paris, Texas": a place followed by a comma and a division or country it lies in."""
    for a, b in zip(mentions, mentions[1:], strict=False):
        between = doc[a.end:b.start]
        if len(between) == 1 and between[0].text == "," and any(
                p.precision in ("admin1", "country") for p in b.candidates):
            a.qualifier = [p for p in b.candidates if p.precision in ("admin1", "country")]


def _trim(span: Span) -> Span:
    """Drop a leading "the" and a trailing possessive from an entity."""
    start, end = span.start, span.end
    if span[0].lower_ == "the" and end - start > 1:
        start += 1
    if span.doc[end - 1].tag_ == "POS" and end - start > 1:
        end -= 1
    return span.doc[start:end]


def _after_locative(span_or_token) -> bool:
    root = span_or_token.root if isinstance(span_or_token, Span) else span_or_token
    while root.dep_ == "compound" and root.head.i != root.i:
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS


def _proper_noun_run(doc: Doc, token) -> Span:
    start = token.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
        start -= 1
    return doc[start:token.i + 1]


def _governs(trigger, token) -> bool:
    return any(t.i == trigger.i for t in token.ancestors)


def _location(place: Place, text: str, start: int | None, end: int | None) -> Location:
    return Location(name=place.name, geonames_id=place.geonames_id, lat=place.lat,
                    lon=place.lon, admin1=place.admin1, country=place.country,
                    feature_class=place.feature_class, precision=place.precision, text=text,
                    start=start, end=end)
