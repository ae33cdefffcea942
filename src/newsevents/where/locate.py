"""Place every event, and the actors the text places: a spaCy component after the event coder.

1. Place mentions: country actors the actor stage resolved ("Mali"), the places it knows
   ("Goma"), named entities (GPE, LOC, FAC) and proper nouns after a locative preposition
   ("near Kidal", whatever label the tagger gave them), looked up in the gazetteer; "Kidal
   region" is the division, "Paris, Texas" the Paris in Texas.
2. Ambiguous names are settled by the article: a candidate in a country the article's actors,
   dateline or unambiguous places point to beats a bigger namesake elsewhere; then population.
3. An event is placed at the place named in its clause (a locative phrase first, the most
   specific place next); else where the coder placed the sentence; else, for force and aid,
   in its target's country; else at the dateline; else at the article's focus (its most
   mentioned country).
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
                          "around", "within", "off", "along", "on", "into"})
# CAMEO roots of acts placed where they land when the text names no place: aid (07),
# assault, fight and mass violence (18-20).
LANDING_ROOTS = frozenset({"07", "18", "19", "20"})
DESTINATION_PREPS = frozenset({"to", "into", "toward", "towards"})
PLACE_NOUNS = frozenset({"city", "town", "village", "capital", "province", "region", "district",
                         "state", "port", "county", "municipality", "outskirts", "area",
                         "island", "islands"})
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
    end = span.end
    after = span.doc[end] if end < len(span.doc) else None
    for name in dict.fromkeys((normalise(span.text), _strip_direction(span.text))):
        if after is not None and after.lower_ in ADMIN1_WORDS:
            found = gaz.by_name.get(f"{name} {ADMIN1_SUFFIX_KEY}", [])
            if found:
                return list(found), end + 1
        found = gaz.by_name.get(name, [])
        if found:
            return list(found), end
    return [], end


class PlaceLocator:
    """spaCy component: `span._.location` on each event span, `doc.spans["geo"]` for the
    places named, `doc.user_data["actor_locations"]` {(start_char, end_char): Location}."""

    def __init__(self, gazetteer: GeoGazetteer, country_names: dict[str, str]):
        self.gaz = gazetteer
        self.country_names = country_names  # every name of a country (actors' gazetteer) -> ISO3

    # -- mentions ---------------------------------------------------------------------------
    def mentions(self, doc: Doc) -> list[Mention]:
        """Every place named, longest names first ("Sea of Japan" before "Japan")."""
        proposed: list[tuple[Span, int, list[Place]]] = []

        def propose(span: Span, candidates: list[Place], end: int | None = None) -> None:
            if candidates:
                proposed.append((span, end or span.end, candidates))

        for span in doc.spans.get("actors", []):
            for actor in span._.actors:
                # The actor stage already settled which country a name is ("Congo" -> COG).
                name = doc.text[actor.start:actor.end]
                iso3 = self.country_names.get(name[4:] if name.startswith("the ") else name)
                sub = doc.char_span(actor.start, actor.end, alignment_mode="expand")
                if iso3 in self.gaz.countries and sub is not None:
                    # "Gaza" (a name the actor stage gives the Palestinian state) is a city.
                    city = [p for p in self.gaz.lookup(name) if p.precision == "city" and
                            p.country == iso3 and normalise(p.name) == normalise(name)]
                    if city and normalise(name) != normalise(self.gaz.countries[iso3].name):
                        propose(sub, city)
                        continue
                    # "the Gaza Strip", "Abkhazia": named like a state, placed as a region.
                    same_name = [p for p in self.gaz.lookup(name) if p.precision in
                                 ("region", "admin1")]
                    inner = [p for p in same_name if p.country == iso3]
                    # ... and "Georgia" may be the US state: the article decides.
                    elsewhere = [p for p in same_name if p.country != iso3]
                    propose(sub, inner or [self.gaz.countries[iso3], *elsewhere])
        for span in doc.spans.get("places", []):
            hint = {a.country for a in span._.actors}
            candidates, end = _candidates(self.gaz, span)
            propose(span, [p for p in candidates if p.country in hint] or candidates, end)
        for ent in doc.ents:
            if ent.label_ in ENTITY_LABELS or _after_locative(ent):
                candidates, end = _candidates(self.gaz, _trim(ent))
                propose(_trim(ent), candidates, end)
        for token in doc:
            last_of_name = token.dep_ != "compound" or token.head.pos_ != "PROPN"
            if token.pos_ == "PROPN" and last_of_name and _after_locative(token):
                run = _proper_noun_run(doc, token)
                # The whole name, else its end ("the Saharan-Sahel region" -> "Sahel").
                for start in range(run.start, token.i + 1):
                    if doc[start].is_punct:
                        continue
                    candidates, end = _candidates(self.gaz, doc[start:token.i + 1])
                    if start > run.start:  # a part of a name: an area, never a town
                        candidates = [p for p in candidates if p.precision != "city"]
                    if candidates:
                        propose(doc[start:token.i + 1], candidates, end)
                        break

        # People and organisations are not places, even when a town shares their name
        # ("NATO", a town in the Philippines); nor are other acronyms.
        taken: set[int] = {t.i for span in doc.spans.get("actors", []) for a in span._.actors
                           if a.kind == "person" or (a.kind == "named" and a.country is None
                                                     and a.code is not None)
                           for t in span if a.start <= t.idx < a.end}
        # Nor are dates: "in June" (a town in France), "in March" (one in England).
        taken.update(t.i for ent in doc.ents if ent.label_ in ("DATE", "TIME") for t in ent)
        found: list[Mention] = []
        for span, end, candidates in sorted(proposed, key=lambda p: (p[0].start - p[1],
                                                                     p[0].start)):
            text = doc[span.start:end].text
            acronym = text.isupper() and len(text) <= 5 and \
                any(p.precision == "city" for p in candidates)
            if acronym or any(i in taken for i in range(span.start, end)):
                continue
            taken.update(range(span.start, end))
            found.append(Mention(span.start, end, doc[span.start:end].text, span.start_char,
                                 doc[end - 1].idx + len(doc[end - 1]), candidates, []))
        found.sort(key=lambda m: m.start)
        _qualify(doc, found)
        return found

    # -- resolution ---------------------------------------------------------------------------
    def resolve(self, doc: Doc, mentions: list[Mention]) -> None:
        """Pick each mention's place. Evidence for a country: the places the article names
        unambiguously and its dateline (strong), its actors' countries (weak)."""
        weak: Counter = Counter(a.country for span in doc.spans.get("actors", [])
                                for a in span._.actors if a.country)
        dateline = doc.user_data.get("dateline_place")
        # counted[n]: the country mention n gives evidence for (unambiguous names first).
        counted = {n: m.candidates[0].country for n, m in enumerate(mentions)
                   if len({p.country for p in m.candidates}) == 1}
        # Two rounds: what the first settles ("Savannah" -> the US one, next to Atlanta) is
        # evidence in the second ("Georgia" -> the state).
        for _ in range(2):
            strong = Counter(c for c in counted.values() if c)
            if dateline is not None and dateline.country:
                strong[dateline.country] += 1
            for m in mentions:
                own = Counter({c: 1 for c in {p.country for p in m.candidates}})
                if len(own) > 1:
                    # A name is no evidence for its own reading (nor are its repetitions).
                    same = Counter(c for n, c in counted.items() if c and
                                   normalise(mentions[n].text) == normalise(m.text))
                    evidence = (strong - same, weak - own)
                else:
                    evidence = (strong, weak)
                m.place = max(m.candidates, key=lambda p: _score(p, m, *evidence))
            counted = {n: m.place.country for n, m in enumerate(mentions)}

    def find(self, doc: Doc) -> list[Mention]:
        """The dateline's place and every place the text names, resolved: run before the
        events are coded (as `newsevents_places`), so the coder can aim at a named town."""
        doc.user_data["dateline_place"] = place_name(self.gaz, doc.user_data.get("dateline"))
        mentions = self.mentions(doc)
        self.resolve(doc, mentions)
        doc.spans["geo"] = [Span(doc, m.start, m.end, label=m.place.precision)
                            for m in mentions if m.place is not None]
        doc.user_data["geo_mentions"] = mentions
        return mentions

    def __call__(self, doc: Doc) -> Doc:
        mentions = doc.user_data.get("geo_mentions")
        if mentions is None:
            mentions = self.find(doc)
        by_token = {i: m for m in mentions for i in range(m.start, m.end)}
        fallback = self.article_location(doc, mentions)
        by_char = {m.start_char: m for m in mentions if m.place is not None}
        for span in doc.spans.get("events", []):
            span._.location = self.event_location(span, by_token) or \
                self._coder_location(span, by_char) or self._target_country(span) or fallback
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
            if prep is not None and prep.lower_ == "of" and prep.head.lemma_ in PLACE_NOUNS:
                # "in the city of Jenin", "raided the town of Bunia": the noun's place
                noun = prep.head
                prep = noun.head if noun.dep_ == "pobj" else noun.head if noun.dep_ in (
                    "dobj", "nsubjpass") else None
                strong = prep is not None
            else:
                # "deployed police to Haiti", "sent aid to Sudan": where the act arrives
                strong = prep is not None and (prep.lower_ in STRONG_PREPS or (
                    prep.lower_ in DESTINATION_PREPS and prep.head.i == trigger.i))
            # "visited Washington", "shelled Kharkiv": the place is what the act is done to.
            strong = strong or (root.dep_ == "dobj" and root.head.i == trigger.i
                                and m.place.precision != "country")
            in_actor = any(s <= m.start_char and m.end_char <= e for s, e in actor_chars)
            if m.place.precision == "country" and not strong:
                continue  # "Russia condemned Mali": countries as actors are not places
            if in_actor and not strong:
                continue
            if not strong and root.dep_ in ("nsubj", "nsubjpass"):
                continue  # "Seoul said", "Kyiv accused...": the city speaks for a government
            score = (strong, _governs(trigger, head),
                     PRECISION_RANK[m.place.precision] if strong or not in_actor else -1,
                     -abs(head.i - trigger.i))
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

    def _target_country(self, span: Span) -> Location | None:
        """Force and aid happen where they land: "Russia's invasion of Ukraine" is placed in
        Ukraine, not at a Brussels dateline."""
        draft = span._.draft
        if draft.cameo[:2] not in LANDING_ROOTS:
            return None
        countries = {a.country for a in draft.target if a.country in self.gaz.countries}
        if len(countries) != 1:
            return None
        return _location(self.gaz.countries[countries.pop()], None, None, None)

    def article_location(self, doc: Doc, mentions: list[Mention]) -> Location | None:
        dateline = doc.user_data.get("dateline_place")
        if dateline is not None:
            return _location(dateline, doc.user_data["dateline"], None, None)
        counts = Counter(m.place.country for m in mentions if m.place and m.place.country)
        if counts:
            country, _ = counts.most_common(1)[0]
            first = next(m for m in mentions if m.place and m.place.country == country)
            return _location(self.gaz.countries.get(country) or first.place, first.text, None,
                             None)
        # No place named at all: the country its actors belong to ("Armenian troops").
        actors = Counter(a.country for span in doc.spans.get("actors", [])
                         for a in span._.actors if a.country in self.gaz.countries)
        if not actors:
            return None
        country, _ = actors.most_common(1)[0]
        return _location(self.gaz.countries[country], None, None, None)


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


# Prior for what a bare name means among areas: a country or region over a division (the
# article's evidence can turn "Georgia" into the US state); among cities, size (log10 of the
# population, weighted) against the evidence.
KIND_PRIOR = {"country": 10.0, "region": 8.0, "admin1": 6.0, "city": 0.0}
CITY_SIZE_WEIGHT = 3.0
STRONG_EVIDENCE, WEAK_EVIDENCE = 3.0, 1.0  # per other place / per actor, each capped at 3


def _score(place: Place, mention: Mention, strong: Counter, weak: Counter) -> tuple:
    qualified = any(q.country == place.country or (q.admin1 and q.admin1 == place.admin1)
                    for q in mention.qualifier) if mention.qualifier else None
    weight = KIND_PRIOR[place.precision] + \
        STRONG_EVIDENCE * min(strong.get(place.country, 0), 3) + \
        WEAK_EVIDENCE * min(weak.get(place.country, 0), 3)
    if place.precision == "city":
        weight += CITY_SIZE_WEIGHT * math.log10(place.population + 1)
    # A country, region or division named outright is meant, not a town that once bore its
    # name ("Africa" was Mahdia's): areas beat cities, then the weights decide.
    return (qualified is not False, place.precision != "city", weight)


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
    """The whole name a proper noun ends: "Port-au-Prince", "Pont-Sonde", "Jebel Marra"."""
    start = token.i
    while start > 0 and (doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound"
                         or doc[start - 1].text in "-‐–" and start > 1 and
                         doc[start - 2].pos_ == "PROPN"):
        start -= 1
    return doc[start:token.i + 1]


def _governs(trigger, token) -> bool:
    return any(t.i == trigger.i for t in token.ancestors)


def _location(place: Place, text: str, start: int | None, end: int | None) -> Location:
    return Location(name=place.name, geonames_id=place.geonames_id, lat=place.lat,
                    lon=place.lon, admin1=place.admin1, country=place.country,
                    feature_class=place.feature_class, precision=place.precision, text=text,
                    start=start, end=end)


def place_name(gaz: GeoGazetteer, text: str | None) -> Place | None:
    """A free-standing place name ("BAMAKO, Mali", "Kyiv"), e.g. a dateline."""
    if not text:
        return None
    parts = [p.strip() for p in text.split(",") if p.strip()]
    candidates = gaz.lookup(parts[0]) if parts else []
    if not candidates:
        return None
    qualifiers = [p for part in parts[1:] for p in gaz.lookup(part)]
    qualifier = {p.country for p in qualifiers} | {p.admin1 for p in qualifiers if p.admin1}
    narrowed = [p for p in candidates if p.country in qualifier or p.admin1 in qualifier]
    return max(narrowed or candidates, key=lambda p: (PRECISION_RANK[p.precision] == 0,
                                                      p.population))
