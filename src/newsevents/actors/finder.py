"""Find the political actors of an article: a spaCy component writing `doc.spans["actors"]`.

Four steps, kept apart: matching names and agent words against the gazetteer (names in odd
casing too; ambiguous surnames and shared city names read from their context); grouping the
matches that belong to one noun phrase ("Russian President Vladimir Putin", "Sri Lanka's
police", "rebels in the Ivory Coast") into one actor; giving a country to what the sentence
places ("refugees fleeing Liberia", "a report released in Kigali"); resolving references
("both leaders", "he", "it") to actors named before. Each actor span carries `span._.actors`
(one or more `Actor` records, several for "Hungarian and Romanian officials") and
`span._.head_i`, the token the phrase hangs from in the parse, which is what the event coder
looks up.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..records import Actor
from ..where.gazetteer import load_geo_gazetteer, normalise
from ..where.locate import PLACE_NOUNS, Mention, _score, place_name
from .gazetteer import Entry, Gazetteer, fold

if not Span.has_extension("actors"):
    Span.set_extension("actors", default=())
    Span.set_extension("head_i", default=-1)

# Dependency labels by which a modifier belongs to the noun it modifies, for actor phrases.
MODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "flat", "appos"}
# Prepositions that tie a person or agent to its country: "Goïta of Mali", "rebels in Chad".
ATTACHING_PREPS = {"of", "in", "from"}
# Bodies that act at home ("police", "prosecutors", "parliament"): one with no country of its
# own is not of a place its sentence names outside its clause. Troops and officials travel.
HOME_SECTORS = {"COP", "JUD", "LEG"}
LOCATIVE_PREPS = {"in", "at", "near", "across", "throughout", "inside", "outside", "from"}
# Clauses of their own within a sentence: a place named there does not place the agent.
OTHER_CLAUSES = {"conj", "ccomp", "advcl", "parataxis", "relcl", "acl"}
# Sectors of agent words that say whose side people are on, whatever else the phrase says.
SIDE_SECTORS = {"OPP", "REB"}
# People who speak or act for someone named after "for": "a spokesman for the Secretary-General"
# is the Secretary-General's ("an envoy for Ukraine" is sent to it, and stays apart).
SPEAKING_FOR = {"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen",
                "spokespeople", "lawyer", "lawyers"}
# Bodies made of people of another kind: "a delegation of U.S. lawmakers" is legislators.
MADE_OF = {"delegation", "delegations"}
# People of the body they are "of": "members of Congress" are legislators.
MEMBER_NOUNS = {"member", "members"}
# Relation nouns that say someone opposes the actor named with them: "Kremlin critic Alexei
# Navalny" is Russia's opposition, not its government.
OPPONENT_NOUNS = {"critic", "critics", "opponent", "opponents"}
# Words in the name of an organisation the knowledge base does not know that say what it is
# ("the Daily News", "Eastern Airways", "the Reform Party"): an actor of that sector.
ORGANISATION_NAME_WORDS = {"news": "MED", "times": "MED", "post": "MED", "herald": "MED",
                           "gazette": "MED", "tribune": "MED", "journal": "MED", "radio": "MED",
                           "television": "MED", "tv": "MED", "broadcasting": "MED",
                           "airlines": "BUS", "airways": "BUS", "bank": "BUS", "mining": "BUS",
                           "petroleum": "BUS", "corporation": "BUS", "holdings": "BUS",
                           "party": "PTY"}
# Entity labels of such names (the tagger takes a newspaper's title for a work of art).
ORGANISATION_LABELS = {"ORG", "WORK_OF_ART"}
# Sectors a description in apposition gives such an organisation ("RCTV, the country's oldest
# private television channel").
DESCRIBED_SECTORS = {"MED", "BUS", "PTY"}
# Kinds of name that give a sentence a country.
COUNTRY_KINDS = ("country", "adjective", "capital", "leader", "institution")
# People who work somewhere: "workers at Nigeria's state oil company" are Nigerian (but
# "protesters at the U.S. embassy" are not American).
WORKFORCE_NOUNS = {"workers", "employees", "staff", "miners", "engineers", "doctors", "nurses",
                   "teachers", "students", "journalists", "officials", "guards"}
# Sentences back that a pronoun or "both leaders" may reach for its antecedent.
REFERENCE_WINDOW = 4
PERSON_PRONOUNS = {"he", "him", "his", "she", "her"}
GROUP_PRONOUNS = {"they", "them", "their"}
THING_PRONOUNS = {"it", "its"}
# In a quote, "we" and "I" are its speaker: '"We will not negotiate," a spokesman said'.
FIRST_PERSON = {"we", "us", "our", "i", "me", "my"}
SPEECH_VERBS = {"say", "tell", "add", "state", "declare", "write", "insist", "warn", "stress",
                "announce", "vow", "pledge", "quote"}
# Speech verbs whose passive subject is the speaker: "X was quoted as saying".
QUOTING_VERBS = {"quote"}
PLURAL_DETERMINERS = {"both", "two", "the", "these", "those"}
# Nouns that, with "the", "both" or "two" and no country of their own, point back to actors
# named before ("the two leaders", "the president"); "the crowd" or "the police" do not.
REFERENCE_NOUNS = {"leader", "leaders", "president", "presidents", "minister", "ministers",
                   "man", "men", "woman", "women", "premier", "premiers", "counterpart",
                   "counterparts", "head", "heads", "chancellor", "king", "emir", "envoy",
                   "envoys", "delegation", "delegations", "prime minister", "prime ministers",
                   "foreign minister", "foreign ministers", "side", "sides", "country",
                   "countries", "nation", "nations", "governments"}
# Plain words for people: "the two men" points back to the persons named before.
PEOPLE_NOUNS = {"men", "women"}
# "the three leaders": how many actors a plural reference stands for (two unless counted).
COUNT_WORDS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}
COUNTRY_NOUNS = {"country", "countries", "nation", "nations", "side", "sides", "state", "states"}
# "the two sides" of a ceasefire may be a government and a rebel group of one country.
SIDE_NOUNS = {"side", "sides"}
# "the group", "the militant group", "the bloc": the organisation of these sectors named last.
NON_STATE = frozenset({"REB", "OPP", "PTY", "NGO", "REL"})
ORGANISATION_NOUNS = {"group": NON_STATE, "movement": NON_STATE, "militia": NON_STATE,
                      "faction": NON_STATE, "party": frozenset({"PTY", "OPP"}),
                      "organisation": NON_STATE | {"IGO"}, "organization": NON_STATE | {"IGO"},
                      "alliance": frozenset({"IGO"}), "bloc": frozenset({"IGO"})}
# Words before a surname that say it is a person's: "President Abbas", "Mr. Salam".
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "gen", "gen.", "sheikh"}
# Tokens before a surname that a title may stand in: "President Omar El Bashir".
TITLE_REACH = 3
# Parts of speech of a word that is not the city its spelling names: "Male voters" (not the
# Maldives' capital), read so by the tagger and not part of a named entity ("the Sagaing
# region" may be tagged VERB, but is a LOC). Country names are tagged ADJ when they modify a
# noun ("Mozambique government"), so they are not held to this.
WORD_POS = {"ADJ", "ADV", "VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "INTJ",
            "NUM"}
# Tokens shorter than this are not read in capitals as a name ("IN", "US" is matched as such).
MIN_CAPITALISED_NAME = 3
# "the Rwandan capital", "Syria's capital": the capital of the country that modifies it.
CAPITAL_NOUNS = {"capital"}
# A namesake town rivals the city the knowledge base means only from this share of its size.
MIN_NAMESAKE_SHARE = 0.1
# Kinds of name that are an actor in their own right: two of them side by side ("Liberia, the
# World Food Program") are two actors, not one phrase in apposition.
NAME_KINDS = {"country", "capital", "organization", "leader", "institution"}
# Refugees take the country they flee: "refugees fleeing the war in Liberia".
FLIGHT_VERBS = {"flee", "escape", "leave"}
# A document or body with no author of its own in the text ("a report released in the
# Rwandan capital", "a statement issued in Paris", "a commission set up in Kigali") speaks for
# where it was released or set up, or for whoever the text says did it ("a report published by
# Human Rights Watch", "a panel appointed by the Kenyan government").
DOCUMENT_NOUNS = {"report", "statement", "communique", "communiqué", "document", "declaration",
                  "letter", "study", "dossier", "memorandum", "bulletin",
                  "commission", "committee", "panel", "inquiry"}
RELEASE_VERBS = {"release", "issue", "publish", "present", "unveil", "circulate", "distribute",
                 "deliver", "read", "broadcast", "post", "make",
                 "set", "establish", "create", "form", "appoint", "convene", "base"}
# Talks someone holds in a capital, with no partner named, are talks with its government
# ("held talks in Kigali"); named talks held there ("the ceasefire talks in Doha") are not.
MEETING_NOUNS = {"talks", "meeting", "meetings", "negotiations", "consultations"}
HOLDING_VERBS = {"hold", "have", "open", "begin", "start", "conclude", "wrap"}
PARTNER_PREPS = {"with", "between", "among"}
# Nouns of a relation to someone: "Israel's militia ally in southern Lebanon", "Putin's
# critics", "allies of Russia" are not Israel, Putin or Russia. The possessor stays an actor
# of its own; the relation takes its country from the rest of its phrase ("in Lebanon").
RELATION_NOUNS = {"ally", "allies", "proxy", "proxies", "partner", "partners", "rival",
                  "rivals", "enemy", "enemies", "foe", "foes", "opponent", "opponents",
                  "critic", "critics", "adversary", "adversaries", "neighbour", "neighbours",
                  "neighbor", "neighbors", "backer", "backers"}
# Documents, accords and meetings named after the city where they were signed or held ("the
# Rome Statute", "the Oslo Accords", "the Minsk agreements", "the Istanbul talks"): the city
# names no actor there, its government is no party to them by that name.
NAMED_AFTER_CITY = {"statute", "accord", "accords", "agreement", "agreements", "convention",
                    "conventions", "treaty", "treaties", "protocol", "protocols", "charter",
                    "declaration", "memorandum", "communique", "communiqué", "process",
                    "format", "talks", "summit", "conference", "negotiations", "pact",
                    "principles", "consensus", "group"}
# Words after a country and a hyphen that say where a thing comes from ("Iranian-made").
MADE_WORDS = {"made", "built", "designed", "manufactured", "supplied", "produced"}
# ...and that say whose it is ("a Greek-owned tanker", "an Israel-linked ship").
OWNED_WORDS = {"owned", "flagged", "linked", "registered", "operated"}
# Kin of a named person ("Kim Yo Jong, the sister of leader Kim Jong Un"): of that person's
# country, in no sector of their own.
KIN_NOUNS = {"wife", "husband", "widow", "widower", "son", "daughter", "brother", "sister",
             "father", "mother", "nephew", "niece", "cousin", "son-in-law", "daughter-in-law",
             "brother-in-law", "sister-in-law", "stepson", "stepdaughter", "grandson",
             "granddaughter", "child", "children", "sons", "daughters", "brothers", "sisters"}
# People who work for a named person ("X, an aide to President Y"): of that person's country
# and sector.
ENTOURAGE_NOUNS = {"aide", "aides", "adviser", "advisers", "advisor", "advisors", "spokesman",
                   "spokeswoman", "spokesperson", "bodyguard", "bodyguards", "secretary",
                   "assistant", "confidant", "confidante", "protege", "protégé", "lieutenant"}
# Places where people eat, sleep, pray, learn or meet, which a people's or country's word only
# describes ("a Spanish restaurant", "a Jewish community centre" in Casablanca): no actor of
# that country (an embassy or a ship is its country's, a military base its army's).
VENUE_NOUNS = {"restaurant", "restaurants", "cafe", "cafes", "café", "cafés", "bar", "bars",
               "nightclub", "nightclubs", "hotel", "hotels", "shop", "shops", "store", "stores",
               "supermarket", "supermarkets", "bakery", "school", "schools",
               "synagogue", "synagogues", "mosque", "mosques", "temple", "temples",
               "cemetery", "cemeteries", "quarter", "neighbourhood", "neighborhood",
               "community centre", "community center", "cultural centre", "cultural center",
               "club", "clubs"}
# Waters named after or beside a city ("the Gulf of Aden", "Aden harbour").
WATERS = {"gulf", "bay", "strait", "straits", "sea", "port", "harbour", "harbor", "waters"}
KIND_PRIORITY = ["leader", "organization", "institution", "capital", "country", "adjective",
                 "place", "region"]


@dataclass
class Group:
    """The matches that form one actor phrase, keyed by the token the phrase hangs from."""

    head: int
    matches: list[tuple[Span, Entry]] = field(default_factory=list)


class ActorFinder:
    """spaCy component: `doc.spans["actors"]` from the gazetteer and the dependency parse."""

    def __init__(self, nlp, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.name_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.agent_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.name_matcher.add("NAME", list(nlp.tokenizer.pipe(sorted(gazetteer.names))))
        # Names in odd casing ("RUSSIA", "iSrael"), matched case-blind and kept only when
        # oddly cased, so "chad" or "turkey" in lower case stay words.
        self.folded_names: dict[str, list[Entry]] = defaultdict(list)
        for form, entries in gazetteer.names.items():
            if form.lower() != form:
                self.folded_names[form.lower()].extend(
                    e for e in entries if e not in self.folded_names[form.lower()])
        self.folded_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.folded_matcher.add("NAME", list(nlp.tokenizer.pipe(sorted(self.folded_names))))
        self.agent_matcher.add("AGENT", list(nlp.tokenizer.pipe(sorted(gazetteer.agents))))

    def __call__(self, doc: Doc) -> Doc:
        matches = self.match(doc)
        groups = self.group(doc, matches)
        spans, places = [], []
        for group in groups:
            span = self.actor_span(doc, group)
            if all(a.kind == "agent" and not (a.country or a.code or a.sector)
                   for a in span._.actors):
                continue  # "Russia's allies": a relation to an actor, with no country of its own
            (places if span.label_ == "PLACE" else spans).append(span)
        spans, places = _own_meeting_places(doc, spans, places)
        doc.spans["places"] = places
        spans = _at_home(doc, _placed_by_context(doc, _kin_of_named(doc, spans), places))
        spans = _opposition_at_home(doc, spans)
        spans = self.resolve_references(doc, spans)
        doc.spans["actors"] = sorted(spans, key=lambda s: s.start)
        return doc

    # -- matching ---------------------------------------------------------------------------
    def match(self, doc: Doc) -> list[tuple[Span, Entry]]:
        found = [Span(doc, s, e, label="NAME") for _, s, e in self.name_matcher(doc)]
        found += [Span(doc, s, e, label="NAME") for _, s, e in self.folded_matcher(doc)
                  if doc[s:e].text not in self.gazetteer.names and _oddly_cased(doc[s:e])]
        named = {i for span in found for i in range(span.start, span.end)}
        found = [span for span in found if not _inside_hyphenated_name(span, named)]
        for _, s, e in self.agent_matcher(doc):
            span = Span(doc, s, e, label="AGENT")
            if span.root.pos_ in ("NOUN", "PROPN"):
                found.append(span)
        taken = {i for span in found for i in range(span.start, span.end)}
        for ent in doc.ents:
            if (ent.label_ == "PERSON" or _kin_noun(ent.root) is not None) \
                    and (not taken.intersection(range(ent.start, ent.end))
                                           or self._named_beyond(ent, found)
                                           or self._place_in_name(ent, found)):
                found.append(Span(doc, ent.start, ent.end, label="PERSON"))
        found += _surnames_again(doc, found)
        chosen = filter_spans(found)
        date = doc.user_data.get("date")
        context, codes = self._article_names(chosen)
        out = []
        for span in chosen:
            entry = self.choose(span, date, context, codes)
            if entry is not None and entry.kind == "adjective" and _ethnic(span):
                # "ethnic Albanians in Serbia": an ethnicity, placed by the text, not a state.
                entry = Entry("agent", entry.name, None, "CVL")
            if entry is not None and entry.kind in ("adjective", "country") and \
                    _for_or_against(span):
                continue  # "anti-Japanese protesters", "pro-Russian separatists": not theirs
            if entry is not None and entry.kind in ("adjective", "country") and _made_in(span):
                continue  # "Iranian-made drones": where they were made, not who uses them
            if entry is not None and entry.kind == "adjective" and _describes_a_venue(span):
                continue  # "a Spanish restaurant" in Casablanca: its cuisine, not Spain
            if entry is not None and entry.kind in ("capital", "place"):
                entry = None if _names_a_document(span) or _names_waters(span) else \
                    self.local_reading(span, entry, context, chosen)
            if entry is not None and entry.kind == "region" and span.root.lower_ in WATERS \
                    and any(c.dep_ == "prep" and c.lower_ == "of" for c in span.root.children):
                continue  # "the Gulf of Aden": waters, not the Gulf states
            if entry is not None and entry.kind == "capital" and _on_the_waters(span):
                entry = replace(entry, kind="place", sector=None)  # "in Aden harbour"
            if entry is not None:
                out.append((span, entry))
        out = [(span, self._institution_abroad(span, entry, out)) for span, entry in out]
        out += self._unknown_organisations(doc, chosen, out)
        out = [(span, land) for span, entry in out
               if (land := _land_of(span, entry, out)) is not None]
        return out + _capital_nouns(doc, out) + _relations(doc, chosen)

    def _institution_abroad(self, span: Span, entry: Entry, matches: list[tuple[Span, Entry]]
                            ) -> Entry:
        """"stormed Congress ... in Brasilia": an institution named by a word other countries'
        bodies bear too ("Congress", "Senate") is the knowledge base's only where the sentence
        places nothing in another country ("in Brasilia"); else it is that body of the place's
        country."""
        if entry.kind != "institution" or entry.name.lower() not in self.gazetteer.agents:
            return entry
        sent = span.sent
        here = {e.country for s, e in matches if sent.start <= s.start < sent.end
                and s.start != span.start and e.country}
        abroad = {e.country for s, e in matches if sent.start <= s.start < sent.end
                  and e.kind in ("capital", "place") and e.country
                  and s.root.dep_ == "pobj" and s.root.head.lower_ in LOCATIVE_PREPS}
        if abroad and entry.country not in here:
            return Entry("agent", span.text, None, entry.sector)
        return entry

    def _unknown_organisations(self, doc: Doc, chosen: list[Span],
                               matches: list[tuple[Span, Entry]]) -> list[tuple[Span, Entry]]:
        """"the independent Daily News", "RCTV, the country's oldest private television
        channel": an organisation the knowledge base does not know, whose name or description
        says it is media, a company or a party, is an actor of that sector, of the country its
        sentence gives when the sentence names one only."""
        taken = {i for span in chosen if span.label_ != "AGENT"
                 for i in range(span.start, span.end)}  # ("the Daily News": not "daily")
        found = []
        for ent in doc.ents:
            start = ent.start + (ent[0].lower_ == "the")
            if ent.label_ not in ORGANISATION_LABELS or start >= ent.end \
                    or taken.intersection(range(ent.start, ent.end)):
                continue
            sector = self._organisation_sector(doc[start:ent.end])
            if sector is None or ent.label_ == "WORK_OF_ART" and sector != "MED":
                continue
            sent = ent.sent
            countries = {e.country for s, e in matches if sent.start <= s.start < sent.end
                         and e.kind in COUNTRY_KINDS and e.country}
            country = countries.pop() if len(countries) == 1 else None
            found.append((Span(doc, start, ent.end, label="NAME"),
                          Entry("organization", doc[start:ent.end].text, country, sector)))
        return found

    def _organisation_sector(self, name: Span) -> str | None:
        """The sector a name's own words ("News", "Airways") or its description in apposition
        ("a television channel", "the Irish airline") give it."""
        named = [ORGANISATION_NAME_WORDS[t.lower_] for t in name
                 if t.lower_ in ORGANISATION_NAME_WORDS]
        if named:
            return named[-1]
        root = name.root
        described = [c for c in root.children if c.dep_ == "appos"] + (
            [root.head] if root.dep_ == "appos" else []) + [
            c for c in root.children if c.dep_ == "compound" and c.i < name.start]
        for noun in described:
            words = [noun.lower_] + [f"{c.lower_} {noun.lower_}" for c in noun.children
                                     if c.dep_ == "compound"]
            sectors = {e.sector for w in words for e in self.gazetteer.agents.get(w, ())
                       if e.sector in DESCRIBED_SECTORS}
            if len(sectors) == 1:
                return sectors.pop()
        return None

    def local_reading(self, span: Span, entry: Entry, context: Counter, names: list[Span]
                      ) -> Entry:
        """A city name shared with towns in other countries ("Tripoli": Libya's capital and
        a Lebanese port) is the one the sentence points to: a description of it ("the north
        Lebanese port"), "Tripoli, Lebanon", or a country named in the sentence. Without such
        evidence the knowledge base's reading stands; with it, the choice among the namesakes
        is the place locator's (`where`). Namesakes are towns called so, not towns that a
        translation of the name also fits ("White House" is Casablanca's)."""
        geo = load_geo_gazetteer()
        towns = [p for p in geo.lookup(span.text) if p.precision == "city"
                 and normalise(p.name) == normalise(span.text)]
        own = max((p.population for p in towns if p.country == entry.country), default=0)
        # A town a fraction of the size of the one the knowledge base means is no rival
        # ("Washington" in England beside Washington, DC).
        namesakes = [p for p in towns if p.country == entry.country
                     or p.population >= MIN_NAMESAKE_SHARE * own]
        if not own or not any(p.country != entry.country for p in namesakes):
            return entry
        sentence = Counter()
        described = set()
        sent = span.sent
        for other in names:
            if other.start == span.start or not sent.start <= other.start < sent.end:
                continue
            countries = {e.country for e in self._entries(other) if e.country}
            if len(countries) == 1:
                country = countries.pop()
                sentence[country] += 1
                if _describes(other, span):
                    described.add(country)
        if not any(sentence.get(p.country) for p in namesakes if p.country != entry.country):
            return entry
        mention = Mention(span.start, span.end, span.text, span.start_char, span.end_char,
                          namesakes, [geo.countries[c] for c in described if c in geo.countries])
        # The name is no evidence for its own reading (as in `where`).
        others = context - Counter({entry.country: 1})
        chosen = max(namesakes, key=lambda p: _score(p, mention, sentence, others))
        if chosen.country == entry.country or chosen.country is None:
            return entry
        return Entry("place", span.text, chosen.country)

    def _named_beyond(self, person: Span, found: list[Span]) -> bool:
        """"Mohammad Yunus Yawar", "Donald Trump Jr.": a person's name that goes on, with
        names not the leader's, past a leader's name it holds names someone else ("Sheikh
        Hamad bin Khalifa al-Thani" is still the emir)."""
        inner = [s for s in found if s.label_ == "NAME" and person.start <= s.start
                 and s.end < person.end]
        if not inner:
            return False
        rest = person[inner[-1].end - person.start:]
        words = set(fold(" ".join(t.text for t in rest)).lower().replace("-", " ").split())
        leaders = [e for e in self._entries(inner[-1]) if e.kind == "leader"]
        return bool(leaders) and all(t.pos_ == "PROPN" for t in rest) and not any(
            words <= set(fold(e.name).lower().replace("-", " ").split()) for e in leaders)

    def _place_in_name(self, person: Span, found: list[Span]) -> bool:
        """"Nadine Heredia", "Jordan Bardella": a person's name one of whose words is a place's
        or a country's name (Heredia in Costa Rica) is the person's."""
        inner = [s for s in found if s.start < person.end and person.start < s.end]
        return len(person) > 1 and all(t.pos_ == "PROPN" for t in person) and all(
            s.label_ == "NAME" and person.start <= s.start and s.end <= person.end
            and len(s) < len(person) and self._entries(s)
            and all(e.kind in ("place", "country") for e in self._entries(s))
            for s in inner)

    def _entries(self, span: Span) -> tuple[Entry, ...]:
        if span.label_ == "AGENT":
            return self.gazetteer.agents.get(span.text.lower(), ())
        if span.label_ == "PERSON":
            return (Entry("person", span.text, None, None, person=True),)
        return self.gazetteer.names.get(span.text) or \
            tuple(self.folded_names.get(span.text.lower(), ()))

    def _article_names(self, spans: list[Span]) -> tuple[Counter, set[str]]:
        """Countries the article names unambiguously (they settle the ambiguous names), and
        the organisations it names."""
        counts: Counter = Counter()
        codes = set()
        for span in spans:
            entries = [e for e in self._entries(span) if not e.ambiguous]
            countries = {e.country for e in entries if e.country}
            if len(countries) == 1:
                counts[countries.pop()] += 1
            codes.update(e.code for e in entries if e.kind == "organization")
        return counts, codes

    def supported(self, span: Span, entry: Entry, context: Counter, codes: set[str]) -> bool:
        """An ambiguous surname ("Mustafa", "Kim") names the leader only after a title
        ("President Abbas"), in an article that names the leader's country or organisation,
        or after the leader's full name."""
        if not entry.ambiguous:
            return True
        doc = span.doc
        titled = any(t.lower_ in HONORIFICS or t.is_title and any(
            e.person for e in self.gazetteer.agents.get(t.lower_, ()))
            for t in doc[max(0, span.start - TITLE_REACH):span.start])
        named = bool(entry.country and context.get(entry.country)) or entry.code in codes
        if entry.kind == "organization":
            # "Republicans" in a story that names the United States, but not the "Republican
            # Guard" or the "Democratic Unionist Party" (a "Republican Senator" is one)
            after = doc[span.end] if span.end < len(doc) else None
            named_on = after is not None and after.pos_ == "PROPN" and after.is_title and not any(
                e.person for e in self.gazetteer.agents.get(after.lower_, ()))
            return named and not named_on
        return titled or named or entry.name in doc.text

    def choose(self, span: Span, date: str | None, context: Counter, codes: set[str]
               ) -> Entry | None:
        entries = [e for e in self._entries(span) if self.supported(span, e, context, codes)]
        if len(span) == 1 and span[0].pos_ in WORD_POS and not span[0].ent_type_:
            entries = [e for e in entries if e.kind not in ("capital", "place")]
        if len(span) == 1 and span.end < len(span.doc) and span.doc[span.end].pos_ == "PROPN" \
                and span.doc[span.end].ent_type_ == "PERSON":
            # "Abdelaziz Bouteflika": a one-word name followed by more name is a given name,
            # not the leader whose surname it may be.
            entries = [e for e in entries if e.kind != "leader"]
        if len(span) == 1 and (_placed_there(span[0])
                               or any(c.dep_ == "det" for c in span[0].children)):
            # "an army base in Djibo", "The Hague": a surname alone where a place goes
            entries = [e for e in entries if e.kind != "leader" or fold(e.name) == fold(span.text)]
        given = _given_name_before(span[0]) if len(span) == 1 else None
        if given is not None:
            # "Arturo Murillo" is not the leader Murillo, but a person of that name (and
            # "Volodymyr Zelenskiy" is Zelensky)
            kept = [e for e in entries if e.kind != "leader" or fold(given.text) in fold(e.name)]
            if len(kept) < len(entries) and not kept:
                return Entry("person", f"{given.text} {span.text}", None, person=True)
            entries = kept
        if not entries:
            return None
        leaders = [e for e in entries if e.kind == "leader"]
        if leaders and date:
            nearest = min(e.distance(date) for e in leaders)
            entries = [e for e in entries if e.kind != "leader" or e.distance(date) == nearest]
        elif leaders:
            # Undated text: a name is most likely its best-known, latest holder.
            entries.sort(key=lambda e: e.start or "", reverse=True)
        if len({e.country for e in entries}) > 1:
            entries.sort(key=lambda e: -context.get(e.country, 0))
        entries.sort(key=lambda e: KIND_PRIORITY.index(e.kind) if e.kind in KIND_PRIORITY else 99)
        return entries[0]

    # -- grouping ---------------------------------------------------------------------------
    def group(self, doc: Doc, matches: list[tuple[Span, Entry]]) -> list[Group]:
        actor_tokens = {span.root.i for span, _ in matches if _is_actor_word(_)}
        name_tokens = {span.root.i: entry.country for span, entry in matches
                       if entry.kind in NAME_KINDS}
        groups: dict[int, Group] = {}
        for span, entry in matches:
            if entry.equipment and span.root.dep_ in ("compound", "nmod") \
                    and span.root.head.i not in actor_tokens:
                continue  # "drone attacks": the weapon of an act, not who acts
            head = _phrase_head(span.root, actor_tokens, name_tokens)
            groups.setdefault(head.i, Group(head.i)).matches.append((span, entry))
        return [groups[k] for k in sorted(groups)]

    def actor_span(self, doc: Doc, group: Group) -> Span:
        """The actor phrase of a group; a group of place names only is a PLACE span (where
        something happened, not who did it)."""
        entries = [e for _, e in group.matches]
        start = min(s.start for s, _ in group.matches)
        end = max(s.end for s, _ in group.matches)
        head = doc[group.head]
        if head.pos_ in ("NOUN", "PROPN") and any(_is_actor_word(e) for e in entries):
            start, end = min(start, head.i), max(end, head.i + 1)
        label = "PLACE" if {e.kind for e in entries} <= {"place"} else "ACTOR"
        span = Span(doc, start, end, label=label)
        span._.head_i = group.head
        span._.actors = build_actors(span, group.matches, self.gazetteer)
        return span

    # -- references -------------------------------------------------------------------------
    def _one_person(self, spans: list[Span]) -> frozenset[int]:
        """Heads of the phrases that name one person by a word for people ("a BBC
        correspondent", "the spokesman")."""
        return frozenset(s._.head_i for s in spans if s.doc[s._.head_i].tag_ == "NN" and any(
            e.person for e in self.gazetteer.agents.get(s.doc[s._.head_i].lower_, ())))

    def resolve_references(self, doc: Doc, spans: list[Span]) -> list[Span]:
        by_head = {s._.head_i: s for s in spans}
        sentence_of = {s.start: n for n, s in enumerate(doc.sents)}
        sent_index = []
        n = -1
        for token in doc:
            if token.i in sentence_of:
                n = sentence_of[token.i]
            sent_index.append(n)
        out = []
        quoted_later: list[Token] = []
        for token in doc:
            span = by_head.get(token.i)
            if span is not None and not _is_reference_phrase(token, span):
                earlier = [s for s in out if 0 < sent_index[token.i] - sent_index[s.start]
                           <= REFERENCE_WINDOW]
                span = _coordinated_agent(_named_before(span, out), by_head)
                out.append(_definite(_owned(span, out), earlier))
                continue
            lower = token.lower_
            want = None
            if span is not None:
                count = _counted(token)
                want = ("sides", count) if token.lower_ in SIDE_NOUNS else (
                    "countries", count) if token.lower_ in COUNTRY_NOUNS else ("persons", count)
                if not _plural(token):
                    want = (want[0], 1)
            elif token.pos_ == "PRON" and lower in PERSON_PRONOUNS:
                want = ("persons", 1)
            elif token.pos_ == "PRON" and lower in GROUP_PRONOUNS:
                want = ("group", 2)
            elif token.pos_ == "PRON" and lower in THING_PRONOUNS:
                want = ("things", 1)
            elif token.pos_ == "PRON" and lower in FIRST_PERSON:
                speaker = _speaker(token, by_head)
                if speaker is not None:
                    out.append(_referring(doc, token, span, speaker._.actors))
                else:
                    quoted_later.append(token)  # '"We ...," he told reporters': he, first
                continue
            elif span is None and token.lemma_.lower() in ORGANISATION_NOUNS \
                    and _names_back(token):
                earlier = [s for s in out if sent_index[token.i] - sent_index[s.start]
                           <= REFERENCE_WINDOW and s.start < token.i]
                found = _organisation(earlier, ORGANISATION_NOUNS[token.lemma_.lower()])
                if found:
                    out.append(_referring(doc, token, None, found))
                continue
            elif span is None and lower in PEOPLE_NOUNS and _has_plural_determiner(token):
                want = ("persons", _counted(token))  # "the two men", "the three women"
            elif lower in COUNTRY_NOUNS and _has_plural_determiner(token):
                want = ("sides" if lower in SIDE_NOUNS else "countries", 2)
            if want is None:
                continue
            earlier = [s for s in out if sent_index[token.i] - sent_index[s.start]
                       <= REFERENCE_WINDOW]
            if token.dep_ in ("dobj", "dative", "pobj"):
                # "Qatar and Saudi Arabia urged the two governments": not themselves
                own = _clause_subjects(token)
                earlier = [s for s in earlier if s._.head_i not in own]
            binder = _clause_subject(token, out, want[0] == "things") if token.dep_ == "poss" \
                else \
                _reporter(token, out, want[0]) if span is None else None
            # "Pakistan ... has urged its citizens": a possessive is its clause's subject's
            # ("police arrested X over his war on drugs": "his" is no body's)
            if binder is not None and want[0] == "persons" and span is None \
                    and binder._.head_i not in self._one_person([binder]) \
                    and not any(a.kind == "person" for a in binder._.actors):
                binder = None
            if binder is None and want[0] == "things" \
                    and _possessed_thing(earlier, self.gazetteer.agents):
                continue  # "Israel's latest proposal ..., saying it did not": the proposal
            antecedents = list(binder._.actors) if binder is not None else \
                _antecedents(earlier, *want, one_person=self._one_person(earlier))
            if not antecedents and want[0] == "persons" and span is not None:
                # "both presidents" with no persons named nearby: the presidents of the
                # countries named there.
                antecedents = [replace(a, sector="GOV", code=a.country + "GOV") for a in
                               _antecedents(earlier, "countries", want[1])]
            if not antecedents:
                continue
            out.append(_referring(doc, token, span, antecedents))
        resolved = {s._.head_i: s for s in out}
        for token in quoted_later:
            speaker = _speaker(token, resolved)
            if speaker is not None:
                out.append(_referring(doc, token, None, speaker._.actors))
        return out


def _referring(doc: Doc, token: Token, span: Span | None, antecedents) -> Span:
    """A REFERENCE span at `token` (or its phrase) standing for `antecedents`."""
    ref = span if span is not None else Span(doc, token.i, token.i + 1, label="ACTOR")
    ref = Span(doc, ref.start, ref.end, label="REFERENCE")
    ref._.head_i = token.i
    ref._.actors = tuple(
        Actor(text=ref.text, name=a.name, code=a.code, country=a.country, sector=a.sector,
              start=ref.start_char, end=ref.end_char, kind=a.kind)
        for a in antecedents
    )
    return ref


def _speaker(token: Token, by_head: dict[int, Span]) -> Span | None:
    """The actor who says the quote `token` is in: the subject of the speech verb the quoted
    clause hangs from ('"We will not negotiate," army spokesman X told state television')."""
    before = token.doc[token.sent.start: token.i].text
    if before.count('"') % 2 == 0 and before.count("“") <= before.count("”"):
        return None
    verb = next((t for t in token.ancestors if t.lemma_.lower() in SPEECH_VERBS), None)
    if verb is None:
        return None
    # ('"We value our partnership," Putin was quoted as saying': the one quoted)
    subjects = ("nsubj", "nsubjpass") if verb.lemma_.lower() in QUOTING_VERBS else ("nsubj",)
    subject = next((c for c in verb.children if c.dep_ in subjects), None)
    found = by_head.get(subject.i) if subject is not None else None
    return found if found is not None and found._.actors and any(
        a.country or a.code for a in found._.actors) else None


def _possessed_thing(earlier: list[Span], agents: dict) -> bool:
    """Whether the last actor phrase is a possessor's thing that is no actor ("Israel's latest
    proposal"): a pronoun "it" after it stands for the thing."""
    if not earlier:
        return False
    head = earlier[-1].doc[earlier[-1]._.head_i]
    return head.pos_ == "NOUN" and head.lower_ not in agents and any(
        c.dep_ == "poss" for c in head.children)


def _reporter(token: Token, resolved: list[Span], want: str) -> Span | None:
    """"Police said they had opened an investigation", "Hamas said it was ready": the subject
    of what someone says is, as a pronoun, the one who says it (when it can be: "he" a
    person, "it" no person)."""
    verb = token.head
    if token.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "ccomp" \
            or verb.head.lemma_.lower() not in SPEECH_VERBS:
        return None
    speaker = next((c for c in verb.head.children if c.dep_ == "nsubj" and c.i < token.i),
                   None)
    found = next((s for s in resolved if speaker is not None and s._.head_i == speaker.i
                  and s._.actors), None)
    if found is None:
        return None
    people = all(a.kind == "person" for a in found._.actors)
    fits = people if want == "persons" else not people if want == "things" else (
        len(found._.actors) > 1 or not people or _plural(found.doc[found._.head_i]))
    return found if fits else None


def _clause_subjects(token: Token) -> set[int]:
    """The tokens of the subjects (and their conjuncts) of the verb `token` is an object of."""
    verb = next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return set()
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return {t.i for s in subjects for t in s.subtree if t.i == s.i or t.dep_ == "conj"}


def _clause_subject(token: Token, resolved: list[Span], thing: bool = False) -> Span | None:
    """The resolved actor that is the subject of the clause `token` is in (climbing from a
    coordinated verb to the one that has the subject), if it comes before `token`. For "its"
    (`thing`), a subject that cannot be "it" (people, a plural) is passed over for the subject
    of the clause this one hangs from ("Japan protested after protesters stoned its embassy")."""
    verb = next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is not None and verb.lemma_.lower() in SPEECH_VERBS and token.head.dep_ == "nsubj" \
            and token.head.head.i == verb.i:
        # "India flew tents to Kabul, its foreign ministry said": the reported clause's
        reported = verb.head if verb.dep_ == "parataxis" else next(
            (c for c in verb.children if c.dep_ == "ccomp" and c.i < token.i), None)
        verb = reported if reported is not None else verb
    climb = ("conj", "advcl", "xcomp", "ccomp") if thing else ("conj",)
    while verb is not None:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        found = next((s for s in resolved if subject is not None and s._.head_i == subject.i
                      and subject.i < token.i and s._.actors), None)
        if subject is not None and not (thing and (found is None or _plural(subject) or any(
                a.kind == "person" for a in found._.actors))):
            return found
        verb = verb.head if verb.dep_ in climb and verb.head.i != verb.i else None
    return None


def _placed_by_context(doc: Doc, spans: list[Span], places: list[Span]) -> list[Span]:
    """Actors whose country the sentence gives, not their own words: refugees take the
    country they flee; a document with no author of its own speaks for where (or by whom) it
    was released; talks held in a capital with no partner named are with its government."""
    by_head = {s._.head_i: s for s in (*spans, *places)}
    for span in spans:
        actors = span._.actors
        if len(actors) == 1 and actors[0].sector == "REF" and not actors[0].country:
            head = doc[span._.head_i]
            flight = [v for v in head.children if v.dep_ in ("acl", "relcl")]
            if head.dep_ == "nsubj":
                flight.append(head.head)  # "Refugees fled the war in X" (or misparsed so)
            fled = next((a for v in flight if v.lemma_.lower() in FLIGHT_VERBS
                         for a in _fled_from(v, by_head)), None)
            if fled is not None:
                span._.actors = (replace(actors[0], country=fled.country,
                                         code=fled.country + "REF"),)
    added = []
    for token in doc:
        if token.i in by_head or token.pos_ not in ("NOUN", "PROPN"):
            continue
        found = ()
        if token.lemma_.lower() in DOCUMENT_NOUNS or token.lower_ in DOCUMENT_NOUNS:
            found = _released_by(token, by_head)
        elif _held_without_partner(token, by_head):
            found = tuple(a for a in _places_of(token, by_head) if a.sector == "GOV")
        if found:
            span = Span(doc, token.i, token.i + 1, label="ACTOR")
            span._.head_i = token.i
            span._.actors = found
            added.append(span)
    return sorted([*spans, *added], key=lambda s: s.start)


def _kin_of_named(doc: Doc, spans: list[Span]) -> list[Span]:
    """"Kim Yo Jong, the sister of North Korean leader Kim Jong Un": a person the knowledge
    base does not know, described as a named actor's kin, is of that actor's country (in no
    sector); as an aide, adviser or spokesman, of its country and sector too. Kin named by
    no name of their own ("Lukashenko's daughter met Xi") are such a person too."""
    by_head = {s._.head_i: s for s in spans}
    for span in spans:
        actors = span._.actors
        head = doc[span._.head_i]
        kin = head if head.lower_ in KIN_NOUNS | ENTOURAGE_NOUNS else _kin_noun(head)
        owner = _owner_of(kin, by_head) if kin is not None else None
        if len(actors) != 1 or actors[0].kind != "person" or actors[0].country \
                or actors[0].code or owner is None:
            continue
        sector = owner.sector if kin.lower_ in ENTOURAGE_NOUNS else None
        span._.actors = (replace(actors[0], country=owner.country,
                                 code=owner.country + (sector or ""), sector=sector),)
    covered = {i for s in spans for i in range(s.start, s.end)}
    added = []
    for token in doc:
        owner = _owner_of(token, by_head) if token.lower_ in KIN_NOUNS | ENTOURAGE_NOUNS \
            and token.pos_ == "NOUN" and token.i not in covered else None
        if owner is None or owner.kind != "person":
            continue
        sector = owner.sector if token.lower_ in ENTOURAGE_NOUNS else None
        span = Span(doc, token.i, token.i + 1, label="ACTOR")
        span._.head_i = token.i
        span._.actors = (Actor(text=token.text, name=None, code=owner.country + (sector or ""),
                               country=owner.country, sector=sector, start=span.start_char,
                               end=span.end_char, kind="person"),)
        added.append(span)
    return sorted([*spans, *added], key=lambda s: s.start)


def _owner_of(kin: Token, by_head: dict[int, Span]) -> Actor | None:
    """Whose kin or aide `kin` says someone is: its possessor or the object of its "of", "to"
    or "for", when that is one actor of a known country."""
    owners = [c for c in kin.children if c.dep_ == "poss"] + [
        o for p in kin.children if p.dep_ == "prep" and p.lower_ in ("of", "to", "for")
        for o in p.children if o.dep_ == "pobj"]
    found = [a for o in owners if o.i in by_head for a in by_head[o.i]._.actors]
    return found[0] if len(found) == 1 and found[0].country else None


def _own_meeting_places(doc: Doc, spans: list[Span], places: list[Span]
                        ) -> tuple[list[Span], list[Span]]:
    """"EU foreign ministers meeting in Luxembourg", "NATO leaders met in Brussels", "Arab
    foreign ministers meeting in Cairo": where an international body or a region's ministers
    meet on their own is a place, not a partner in their talks (its host's government is no
    party to them)."""
    by_head = {s._.head_i: s for s in spans}
    own = []
    for span in spans:
        root = doc[span._.head_i]
        prep = root.head
        if root.dep_ != "pobj" or prep.lower_ not in ("in", "at") \
                or any(a.kind != "named" or not a.country or a.sector not in (None, "GOV")
                       for a in span._.actors):
            continue
        meeting = prep.head
        if meeting.lower_ not in MEETING_NOUNS and meeting.lemma_.lower() != "meet":
            continue
        members = [meeting, *(c for c in meeting.children if c.dep_ in ("nsubj", "compound")),
                   *([meeting.head] if meeting.dep_ == "acl" else [])]
        if any(a.sector == "IGO" or a.kind == "region" for m in members if m.i in by_head
               for a in by_head[m.i]._.actors):
            own.append(span)
    for span in own:
        span.label_ = "PLACE"
    return [s for s in spans if s not in own], sorted([*places, *own], key=lambda s: s.start)


def _at_home(doc: Doc, spans: list[Span]) -> list[Span]:
    """Police, prosecutors, courts and parliaments with no country of their own, whose own
    clause places them nowhere, are where the story was last placed before their sentence
    ("in Poland"), else at the dateline's country when the story names it; a place named in
    another clause of their sentence is not theirs ("Police have detained nine people, and
    investigators are seeking two suspects believed to be in Russia")."""
    located: dict[int, str] = {}  # token -> the country a locative phrase there names
    for span in (*spans, *doc.spans.get("places", [])):
        root = doc[span._.head_i] if span._.head_i >= 0 else span.root
        countries = {a.country for a in span._.actors if a.country and a.kind != "agent"}
        if len(countries) == 1 and root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS:
            located[root.i] = countries.pop()
    dateline = place_name(load_geo_gazetteer(), doc.user_data.get("dateline"))
    named = {a.country for s in spans for a in s._.actors}
    fallback = dateline.country if dateline is not None and dateline.country in named else None
    for span in spans:
        actors = span._.actors
        if len(actors) != 1 or actors[0].kind != "agent" or actors[0].country \
                or actors[0].sector not in HOME_SECTORS or span.label_ != "ACTOR":
            continue
        head = doc[span._.head_i]
        sent = head.sent
        if _placed_in_clause(head, located):
            continue
        before = [located[i] for i in sorted(located) if i < sent.start]
        home = before[-1] if before else fallback
        if home:
            span._.actors = (replace(actors[0], country=home, code=home + actors[0].sector),)
    return spans


def _opposition_at_home(doc: Doc, spans: list[Span]) -> list[Span]:
    """"Veteran opposition leader Kizza Besigye ... seized him in Nairobi": an opposition
    figure or group with no country of its own opposes the government of the story's own
    country, not of where something happened to it: the country of the opposition named before
    it, else the country the story names most as an actor (places where things happen, "in
    Nairobi", left out), if one leads."""
    named: Counter = Counter()
    for span in spans:
        head = doc[span._.head_i]
        if not (head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS):
            named.update({a.country for a in span._.actors if a.country})
    ranked = named.most_common(2)
    main = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) \
        else None
    for n, span in enumerate(spans):
        actors = span._.actors
        if len(actors) != 1 or actors[0].country or actors[0].sector != "OPP" \
                or actors[0].code not in (None, "OPP") or span.label_ != "ACTOR":
            continue
        before = next((a.country for s in reversed(spans[:n]) for a in s._.actors
                       if a.sector == "OPP" and a.country), None)
        home = before or main
        if home:
            span._.actors = (replace(actors[0], country=home, code=home + "OPP"),)
    return spans


def _placed_in_clause(token: Token, located: dict[int, str]) -> bool:
    """Whether the clause `token` belongs to names a place after a locative preposition."""
    verb = next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    skipped = {t.i for c in verb.children if c.dep_ in OTHER_CLAUSES for t in c.subtree}
    return any(t.i in located and t.i not in skipped for t in verb.subtree)


def _held_without_partner(noun: Token, by_head: dict[int, Span]) -> bool:
    """"X held talks in Kigali": talks one side holds, with no partner and no name of their
    own ("peace talks", "the talks"); "X and Y held talks" are talks between them."""
    verb = noun.head
    if noun.lower_ not in MEETING_NOUNS or noun.dep_ != "dobj" \
            or verb.lemma_.lower() not in HOLDING_VERBS:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    one_side = len(subjects) == 1 and not _plural(subjects[0]) and not any(
        t.dep_ == "conj" for t in subjects[0].subtree) and len(
        by_head[subjects[0].i]._.actors if subjects[0].i in by_head else ()) <= 1
    return one_side and not any(
        c.dep_ in ("compound", "amod", "det", "poss") and c.lower_ != "a"
        or c.dep_ == "prep" and c.lower_ in PARTNER_PREPS for c in noun.children)


def _fled_from(verb: Token, by_head: dict[int, Span]) -> list[Actor]:
    """The actors with a country in what `verb` flees ("fled Eritrea", "fleeing the war in
    Sudan", "escaping from Libya"), not where it goes ("fled to Uganda")."""
    fled = [c for c in verb.children if c.dep_ == "dobj"] + [
        o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("from", "out", "in")
        for o in p.subtree if o.dep_ == "pobj"]
    return [a for phrase in fled for t in phrase.subtree if t.i in by_head
            for a in by_head[t.i]._.actors if a.country]


def _places_of(token: Token, by_head: dict[int, Span]) -> tuple[Actor, ...]:
    """The actors `token` is placed at: "in Kigali", "at the Rwandan capital"."""
    return tuple(a for prep in token.children if prep.dep_ == "prep"
                 and prep.lower_ in ("in", "at") for obj in prep.children
                 if obj.dep_ == "pobj" and obj.i in by_head
                 for a in by_head[obj.i]._.actors if a.country)


def _released_by(document: Token, by_head: dict[int, Span]) -> tuple[Actor, ...]:
    """"a report published by HRW": HRW; "a statement issued in Paris": France. A document
    with an author in its own phrase ("a UN report", "a report by HRW") is left alone: its
    phrase is already that actor, or the event coder reaches through "by"."""
    if any(c.dep_ == "prep" and c.lower_ in ("by", "from") for c in document.children):
        return ()
    for verb in document.children:
        if verb.dep_ != "acl" or verb.lemma_.lower() not in RELEASE_VERBS:
            continue
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            authors = [by_head[o.i]._.actors for o in agent.children if o.i in by_head]
            known = [a for a in authors[:1] if any(x.country or x.kind != "agent" for x in a)]
            if authors:
                return known[0] if known else ()  # "by the ministry": whose, the text says
        placed = _places_of(verb, by_head)
        if placed:
            return placed[:1]
    return ()


def _coordinated_agent(span: Span, by_head: dict[int, Span]) -> Span:
    """"Russian tanks and troops", "Israeli soldiers and settlers", "Guyana's defence force
    and coast guard": a bare agent word joined to an agent phrase with a country shares that
    country."""
    actors = span._.actors
    head = span.doc[span._.head_i]
    bare = all(t.dep_ in ("compound", "amod", "conj") for t in span)  # no "of X", "X's"
    if len(actors) != 1 or actors[0].kind != "agent" or actors[0].country or not bare \
            or head.dep_ != "conj" or head.head.i not in by_head:
        return span
    partner = by_head[head.head.i]._.actors
    countries = {a.country for a in partner if a.kind == "agent" and a.country}
    if len(partner) == 1 and len(countries) == 1:
        country = countries.pop()
        span._.actors = (replace(actors[0], country=country,
                                 code=country + (actors[0].sector or "")),)
    return span


def _named_before(span: Span, resolved: list[Span]) -> Span:
    """"Polish Foreign Minister Radoslaw Sikorski ... Sikorski said": a person the knowledge
    base does not know, named again by surname, is the person named in full before, with the
    country and title given there."""
    actors = span._.actors
    if len(actors) != 1 or actors[0].kind != "person" or actors[0].country or actors[0].code:
        return span
    words = fold(actors[0].name or span.text).split()
    for before in reversed(resolved):
        for actor in before._.actors:
            named = fold(actor.name or "").split()
            if actor.kind == "person" and (actor.country or actor.code) and len(named) > 1 \
                    and named[-len(words):] == words and len(words) < len(named):
                span._.actors = (replace(actor, text=span.text, start=span.start_char,
                                         end=span.end_char),)
                return span
    return span


def _owned(span: Span, resolved: list[Span]) -> Span:
    """"its forces", "their police": an agent with no country of its own belongs to the
    country of the possessive pronoun's antecedent; so does one only placed somewhere by its
    phrase ("its officials in Vienna" are not Austria's; but "its embassy in Kyiv" stays
    where it is, like "an embassy in Tehran")."""
    actors = span._.actors
    if any(a.country and not _placed_only(span) or a.kind != "agent" for a in actors) \
            or span.doc[span._.head_i].lower_ in RELATION_NOUNS | {"embassy", "embassies",
                                                                  "consulate", "consulates"}:
        return span  # "their allies" are not theirs to be coded as
    owner = next((r for r in reversed(resolved) if r.label_ == "REFERENCE"
                  and span.doc[r._.head_i].dep_ == "poss"
                  and span.doc[r._.head_i].head.i == span._.head_i), None)
    countries = {a.country for a in owner._.actors if a.country} if owner is not None else set()
    if len(countries) != 1:
        return span
    country = countries.pop()
    span._.actors = tuple(replace(a, country=country, code=country + (a.sector or ""),
                                  name=a.name if a.country in (None, country) else None)
                          for a in actors)
    return span


def _placed_only(span: Span) -> bool:
    """Whether the phrase gets its country only from where it is ("officials in Vienna"), no
    word before its head saying whose it is ("Syrian officials in Vienna")."""
    head = span.doc[span._.head_i]
    return not any(c.dep_ in MODIFIER_DEPS and c.i < head.i and c.text[:1].isupper()
                   for c in head.children) and any(
        c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS for c in head.children)


def _definite(span: Span, earlier: list[Span]) -> Span:
    """"the junta", "the ministry", "the army": a definite singular agent with no country
    is the latest one named before with the same head word ("Mali's junta"). Without one it
    is left to the event's place or the other side (a story moves between countries)."""
    actors = span._.actors
    head = span.doc[span._.head_i]
    if len(actors) != 1 or actors[0].country or actors[0].kind != "agent" \
            or not actors[0].sector or _plural(head) \
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return span
    sector = actors[0].sector
    same_word = [s for s in earlier if s.doc[s._.head_i].lemma_ == head.lemma_]
    for before in reversed(same_word):
        found = {a.country for a in before._.actors if a.sector == sector and a.country}
        if len(found) == 1:
            country = found.pop()
            span._.actors = (replace(actors[0], country=country, code=country + sector),)
            break
    return span


def _capital_nouns(doc: Doc, matches: list[tuple[Span, Entry]]) -> list[tuple[Span, Entry]]:
    """"the Rwandan capital", "Syria's capital": a capital entry for the noun, from the
    country that modifies it."""
    country_at = {span.root.i: entry for span, entry in matches
                  if entry.kind in ("country", "adjective") and entry.country}
    found = []
    for token in doc:
        if token.lower_ in CAPITAL_NOUNS and token.pos_ == "NOUN":
            owner = next((country_at[c.i] for c in token.children
                          if c.dep_ in ("amod", "poss", "compound", "nmod") and c.i in country_at),
                         None)
            if owner is not None:
                found.append((Span(doc, token.i, token.i + 1, label="AGENT"),
                              Entry("capital", owner.name, owner.country, "GOV")))
    return found


def _relations(doc: Doc, taken: list[Span]) -> list[tuple[Span, Entry]]:
    """Relation nouns ("allies", "critics") as actor words of no sector: their phrase is an
    actor, whose country is not its possessor's; and "members", whose phrase is the body
    they are members of ("members of Congress")."""
    inside = {i for span in taken for i in range(span.start, span.end)}
    return [(Span(doc, t.i, t.i + 1, label="AGENT"), Entry("agent", t.text, None, None))
            for t in doc if t.lower_ in RELATION_NOUNS | MEMBER_NOUNS and t.pos_ == "NOUN"
            and t.i not in inside]


def _given_name_before(token: Token) -> Token | None:
    """"Mikhail Flores": the capitalised name before a surname in one person's name."""
    if token.i == 0 or token.ent_iob_ != "I":
        return None
    before = token.doc[token.i - 1]
    named = before.pos_ == "PROPN" and before.text[:1].isupper() and before.ent_type_ == "PERSON"
    return before if named else None


def _placed_there(token: Token) -> bool:
    """A word where a place goes: after "in", "at", "near"."""
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS - {"from"}


def _surnames_again(doc: Doc, found: list[Span]) -> list[Span]:
    """"Venancio Mondlane ... Mondlane, who came second": a surname alone, after the full name
    of a person the text named, is that person even where the tagger took it for no name."""
    taken = {i for span in found for i in range(span.start, span.end)}
    first: dict[str, int] = {}  # surname -> where its full name is first given
    for span in sorted(found, key=lambda s: s.start):
        if span.label_ == "PERSON" and len(span) > 1:
            first.setdefault(span[-1].text, span.start)
    return [Span(doc, t.i, t.i + 1, label="PERSON") for t in doc
            if t.text in first and t.i > first[t.text] and t.i not in taken
            and t.pos_ == "PROPN"]


def _names_waters(span: Span) -> bool:
    """"the Gulf of Aden", "the Bay of Bengal": a city in the name of waters beyond it."""
    head = span.root.head
    return span.root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in WATERS \
        and head.head.text[:1].isupper()


def _on_the_waters(span: Span) -> bool:
    """"Aden harbour", "the port of Aden": a city's waters are a place, not its government."""
    head = span.root.head
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and after.lower_ in WATERS or \
        span.root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in WATERS \
        and not head.head.text[:1].isupper()


def _names_a_document(span: Span) -> bool:
    """"the Rome Statute", "the Paris climate agreement": a city name in the name of an accord
    or a meeting."""
    token = span.root
    while token.dep_ in ("compound", "nmod", "amod") and token.head.i != token.i \
            and token.head.pos_ in ("NOUN", "PROPN"):
        token = token.head
        if token.lower_ in NAMED_AFTER_CITY:
            return True
    return False


def _land_of(span: Span, entry: Entry, matches: list[tuple[Span, Entry]]) -> Entry | None:
    """"Kurdish rebels killed 12 Turkish soldiers", "Kurdish militants in northern Syria": a
    people without a state is of the state among those it lives in that its clause names,
    else its sentence (the only state it lives in, if one); else it stays a region. Placed
    by its own phrase in another state ("Chechen rebel bases in Georgia"), it is no word
    for a country at all: it is of where it acts, which the event's place says."""
    if entry.kind != "region" or not entry.lands:
        return entry
    sent = span.sent
    noun = span.root.head if span.root.dep_ in MODIFIER_DEPS else span.root
    phrase = {t.i for t in noun.subtree}
    if any(s.root.i in phrase and e.country and e.country not in entry.lands
           and e.kind in COUNTRY_KINDS + ("place",) for s, e in matches):
        return None
    if len(entry.lands) == 1:
        return Entry("adjective", entry.name, entry.lands[0])
    verb = next((t for t in span.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    clause = {t.i for t in verb.subtree} - {
        t.i for c in verb.children if c.dep_ in OTHER_CLAUSES for t in c.subtree} \
        if verb is not None else set()
    named = [(s.root.i, e.country) for s, e in matches if sent.start <= s.start < sent.end
             and e.kind in COUNTRY_KINDS + ("place",) and e.country in entry.lands]
    for scope in (clause, range(sent.start, sent.end)):
        countries = {country for i, country in named if i in scope}
        if len(countries) == 1:
            return Entry("adjective", entry.name, countries.pop())
    return entry


def _describes(description: Span, name: Span) -> bool:
    """"Tripoli ... the north Lebanese port", "Tripoli, Lebanon": a country adjective on a
    place noun, or a country named right after the name and a comma."""
    head = description.root.head
    if description.root.dep_ in ("amod", "compound", "nmod", "poss") and \
            head.lemma_ in PLACE_NOUNS and head.i != name.root.i:
        return True
    return description.start == name.end + 1 and name.doc[name.end].text == ","


def _oddly_cased(span: Span) -> bool:
    """"RUSSIA", "iSrael": a word in capitals throughout, or with a capital after a small
    letter."""
    return any((t.text.isupper() and len(t.text) >= MIN_CAPITALISED_NAME)
               or any(a.islower() and b.isupper()
                      for a, b in zip(t.text, t.text[1:], strict=False))
               for t in span if t.is_alpha)


def _kin_noun(token: Token) -> Token | None:
    """The word saying whose kin or aide the name at `token` is: "Kim Yo Jong, the sister of
    ...", "the sister of ..., Kim Yo Jong", "Humala's wife Nadine Heredia"."""
    words = KIN_NOUNS | ENTOURAGE_NOUNS
    near = [c for c in token.children if c.dep_ == "appos"] + (
        [token.head] if token.dep_ in ("appos", "compound") and token.head.i != token.i else [])
    return next((t for t in near if t.lower_ in words and t.pos_ == "NOUN"), None)


def _describes_a_venue(span: Span) -> bool:
    """"a Spanish restaurant", "a Jewish community centre": a people's word on a place where
    people eat, pray or meet (its noun, or its noun with the noun's compound)."""
    token = span.root
    if token.dep_ not in ("amod", "compound", "nmod") or token.head.i == token.i:
        return False
    noun = token.head
    while noun.dep_ == "compound" and noun.head.i != noun.i and noun.head.pos_ in ("NOUN",
                                                                                   "PROPN"):
        noun = noun.head
    words = {noun.lower_} | {f"{c.lower_} {noun.lower_}" for c in noun.children
                             if c.dep_ == "compound"}
    return bool(words & VENUE_NOUNS)


def _ethnic(span: Span) -> bool:
    doc = span.doc
    return any(doc[i].lower_ == "ethnic" for i in range(max(0, span.start - 2), span.start))


def _is_actor_word(entry: Entry) -> bool:
    """Words that can head an actor phrase themselves (a person, agent, country...)."""
    return entry.kind in ("leader", "person", "agent", "organization", "institution",
                          "capital", "country")


def _inside_hyphenated_name(span: Span, named: set[int]) -> bool:
    """"Yunus" in "Yunus-Bek Yevkurov": a name joined by a hyphen to a capitalised word of the
    same person's name that names nothing itself is part of a longer name ("Iran-backed",
    "the Israel-Hamas war" and "Al-Shabaab" are not)."""
    doc = span.doc

    def other_name_part(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].is_title and i not in named \
            and doc[i].ent_type_ == doc[span.start].ent_type_ == "PERSON"
    after = span.end + 1 < len(doc) and doc[span.end].text == "-" \
        and not doc[span.end - 1].whitespace_ and other_name_part(span.end + 1)
    before = span.start >= 2 and doc[span.start - 1].text == "-" \
        and not doc[span.start - 2].whitespace_ and other_name_part(span.start - 2)
    return after or before


def _phrase_head(token: Token, actor_tokens: set[int], name_tokens: dict[int, str | None]
                 ) -> Token:
    """Climb from a matched word to the noun its phrase hangs from. `name_tokens`: the
    countries of the words that name an actor outright."""
    while token.head.i != token.i:
        head = token.head
        if token.dep_ == "appos" and token.i in name_tokens and head.i in name_tokens \
                and name_tokens[token.i] != name_tokens[head.i]:
            break  # "Liberia, the World Food Program said": two actors side by side
        if token.dep_ == "poss" and head.lower_ in RELATION_NOUNS | KIN_NOUNS:
            break  # "Russia's allies", "Lukashenko's daughter": one actor, the other another
        if token.dep_ in MODIFIER_DEPS and head.pos_ in ("NOUN", "PROPN", "ADJ"):
            token = head
        elif token.dep_ == "conj" and head.dep_ in ("amod", "compound", "nmod", "poss"):
            token = head
        elif token.dep_ == "npadvmod" and token.pos_ == "PROPN" and head.dep_ == "amod" \
                and (head.head.i in actor_tokens or head.lower_ in OWNED_WORDS):
            # "Vietnamese-led forces", "Saudi-backed troops" (not "deal"); "a Greek-owned
            # tanker", "the Israel-linked ship": its owner's
            token = head
        elif token.dep_ == "pobj" and head.lower_ == "for" and head.head.lower_ in SPEAKING_FOR \
                and head.head.i in actor_tokens:
            token = head.head
        elif (token.dep_ == "pobj" and (head.lower_ in ATTACHING_PREPS or head.lower_ == "at"
                                        and head.head.lower_ in WORKFORCE_NOUNS)
              and head.head.i in actor_tokens and head.head.i != token.i
              and not (head.lower_ == "of" and head.head.lower_ in RELATION_NOUNS)):
            token = head.head
        else:
            break
    return token


def build_actors(span: Span, matches: list[tuple[Span, Entry]], gazetteer: Gazetteer
                 ) -> tuple[Actor, ...]:
    """One phrase -> its actor(s). Coordinated countries ("U.S. and Russian negotiators") give
    one actor each, sharing the phrase's sector."""
    def first(kinds):
        return next((e for _, e in matches if e.kind in kinds), None)

    def other_person(m: Span, e: Entry) -> bool:
        """"Edmundo Gonzalez" is not Felipe González: a surname after a given name that is
        not the leader's."""
        before = span.doc[m.start - 1] if m.start > span.start else None
        return before is not None and before.pos_ == "PROPN" and before.i not in matched \
            and before.text[:1].isupper() and fold(m.text) != fold(e.name) \
            and fold(before.text) not in fold(e.name)

    matched = {i for m, _ in matches for i in range(m.start, m.end)}  # titles are matched
    opposed = any(e.kind == "agent" and e.name.lower() in OPPONENT_NOUNS for _, e in matches)
    if opposed:
        # "Putin critic X": the leader named says whose opponent, not who acts
        matches = [(m, replace(e, kind="country") if e.kind == "leader" else e)
                   for m, e in matches]

    matches = [(m, e) for m, e in matches if not (e.kind == "leader" and other_person(m, e))]
    titles = {m.start for m, e in matches if e.kind == "agent"}
    # "Deputy Defence Minister", "Deputy Prime Minister": the rank of the title after it, no
    # legislator
    matches = [(m, e) for m, e in matches if not (
        e.kind == "agent" and m.text.lower() == "deputy" and (
            m.end in titles or m.end + 1 in titles))]

    headed_by = next((e for m, e in matches if m.start <= span.root.i < m.end), None)
    if headed_by is not None and headed_by.kind == "agent" and _plural(span.root) and any(
            e.kind in ("leader", "person") for _, e in matches):
        # "supporters of former prime minister Imran Khan": the supporters, of his country
        country = next((e.country for _, e in matches if e.country), None)
        return (_actor(span, None, None, country, headed_by.sector, "agent", gazetteer),)
    leaders = {e.name: (m, e) for m, e in matches if e.kind == "leader"}
    if len(leaders) > 1:
        # Two named leaders the parse folded into one phrase ("President X and President Y"):
        # one actor each.
        return tuple(Actor(text=m.text, name=e.name, code=(e.country or "") + (e.sector or ""),
                           country=e.country, sector=e.sector, start=m.start_char,
                           end=m.end_char, kind="person") for m, e in leaders.values())
    leader = first({"leader"})
    org = first({"organization"})
    national = org is not None and not org.country and any(
        e.kind in ("country", "adjective") and e.country and m.start < org_span.start
        for m, e in matches for org_span in [next(m2 for m2, e2 in matches if e2 is org)])
    if national:
        # "Russian Security Council Secretary Sergei Shoigu", "the French UN envoy": a state's
        # own body or envoy, not the international organisation.
        org = None
    person = first({"person"})
    institution = first({"institution"})
    # "Russian state media", "government troops": the word the phrase is about, unless a
    # word of the phrase says whose side they are on ("opposition lawmakers", "rebel troops")
    agent = next((e for _, e in matches if e.kind == "agent" and e.sector in SIDE_SECTORS),
                 None) or (headed_by if headed_by is not None and headed_by.kind == "agent"
                           and headed_by.sector else first({"agent"}))
    if agent is not None and agent.name.lower() in SPEAKING_FOR | MADE_OF:
        # "an army spokesman", "a spokeswoman for the military": the body's sector ("a
        # delegation of U.S. lawmakers": its members')
        agent = next((e for _, e in matches if e.kind == "agent" and e is not agent), agent)
    capital = first({"capital"})
    countries = []
    for _, e in matches:
        if e.country and e.kind in ("country", "adjective", "capital", "place", "institution") \
                and e.country not in countries:
            countries.append(e.country)
    sector = "GOV" if national else None
    for candidate in (leader, institution, org, agent, capital):
        if candidate is not None and candidate.sector and not national:
            sector = candidate.sector
            break
    if opposed and countries:
        sector = "OPP"
    if org is not None and org.sector == "PTY" and headed_by is not None \
            and headed_by.kind == "agent" and headed_by.sector == "LEG":
        sector = "LEG"  # "Republican lawmakers", "Likud MPs": a party's legislators
    section = org is not None and not org.country and org.sector == "NGO" and bool(countries)
    if leader is not None:
        country = leader.country
    elif org is not None and org.country:
        country = org.country
    elif section:
        # "Amnesty International Kenya": a non-governmental body's national section
        country = countries[0]
    else:
        country = countries[0] if countries else None
    if leader is None and org is None and len(countries) > 1 and _coordinated(matches):
        return tuple(_actor(span, None, None, c, sector, "agent", gazetteer) for c in countries)
    if person is not None and agent is not None and not agent.person and (
            headed_by is agent or headed_by is person and agent.sector in ("BUS", "MED")):
        # "the Frelimo party": a name on a body is the body's, not a person's; "planemaker
        # Embraer": a company's name the tagger took for a person's
        person = None
        named = Entry("organization", next(m.text for m, e in matches if e.kind == "person"),
                      None, agent.sector)
    else:
        named = leader or org or person or institution
    kind = "person" if (leader or person) else ("named" if named or not agent else "agent")
    if kind == "agent" and not country and first({"region"}):
        kind = "region"  # "European companies": no state, and none to be guessed
    org_code = org.code if org is not None and not org.country and not section else None
    if leader is not None and leader.code and not leader.country:
        org_code = leader.code
    return (_actor(span, named.name if named else None, org_code, country, sector, kind,
                   gazetteer),)


def _coordinated(matches) -> bool:
    return any(span.root.dep_ == "conj" for span, _ in matches)


def _actor(span: Span, name, org_code, country, sector, kind, gazetteer: Gazetteer) -> Actor:
    if org_code:
        code = ("IGO" + org_code) if (sector or "IGO") == "IGO" else org_code
    elif country:
        code = country + (sector or "")
    else:
        code = sector
    if name is None and country:
        name = gazetteer.countries.get(country, country)
    return Actor(text=span.text, name=name, code=code, country=country, sector=sector,
                 start=span.start_char, end=span.end_char, kind=kind)


def _counted(token: Token) -> int:
    return next((COUNT_WORDS[c.lower_] for c in token.children if c.lower_ in COUNT_WORDS), 2)


def _plural(token: Token) -> bool:
    return token.tag_ in ("NNS", "NNPS") or any(
        c.lower_ in ("both", "two") for c in token.children)


def _has_plural_determiner(token: Token) -> bool:
    return _plural(token) and any(c.lower_ in PLURAL_DETERMINERS for c in token.children)


def _for_or_against(span: Span) -> bool:
    """A country word after "anti-" or "pro-": a stance toward the country, not its actor."""
    doc = span.doc
    before = doc[span.start - 2: span.start] if span.start >= 2 else None
    return before is not None and before[1].text == "-" and before[0].lower_ in ("anti", "pro")


def _made_in(span: Span) -> bool:
    """A country word before "-made", "-built": the origin of a thing, not its user."""
    doc = span.doc
    after = doc[span.end: span.end + 2]
    return len(after) == 2 and after[0].text == "-" and after[1].lower_ in MADE_WORDS


def _names_back(token: Token) -> bool:
    """"the group", "the militant group": "the" and no words of its own that say which ("the
    group of seven", "a group of protesters", "the Wagner group" are not references)."""
    children = list(token.children)
    return token.tag_ in ("NN", "NNS") and any(
        c.dep_ == "det" and c.lower_ == "the" for c in children) and not any(
        c.dep_ in ("prep", "compound", "nummod", "poss", "acl", "relcl") for c in children)


def _organisation(earlier: list[Span], sectors: frozenset[str]) -> list[Actor]:
    """The organisation named last, of one of `sectors` ("Hamas ... the group")."""
    for span in reversed(earlier):
        for actor in reversed(span._.actors):
            if actor.kind == "named" and actor.sector in sectors:
                return [actor]
    return []


def _is_reference_phrase(token: Token, span: Span) -> bool:
    """"the leaders", "both presidents", "the two countries": an agent word with no country
    and no name of its own, so it points back to actors named earlier."""
    actors = span._.actors
    if any(a.country or a.kind != "agent" for a in actors):
        return False
    if not any(c.lower_ in PLURAL_DETERMINERS for c in token.children):
        return False
    return span.text.lower().split(" ", 1)[-1] in REFERENCE_NOUNS or \
        token.lower_ in REFERENCE_NOUNS


def _plural_phrase(earlier: list[Span]) -> list[Actor]:
    """"they" after a plural actor phrase of the sentence before it ("Turkish troops will stay
    in Syria as long as they are needed", not Syria): that phrase, unless actors named
    together come after it ("Russia and Ukraine ... they")."""
    if not earlier:
        return []
    last = earlier[-1].sent.start
    for span in reversed([s for s in earlier if s.sent.start == last]):
        head = span.doc[span._.head_i]
        if head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children):
            return []
        if head.tag_ in ("NNS", "NNPS") and any(a.country or a.kind != "agent"
                                                 for a in span._.actors):
            return list(span._.actors)
    return []


def _antecedents(earlier: list[Span], want: str, count: int,
                 one_person: frozenset[int] = frozenset()) -> list[Actor]:
    """The actors a reference stands for; `one_person`: heads of phrases naming one person
    by a word for people ("a BBC correspondent"), who may be "he" or "him" too."""
    if want == "sides":
        # "The two sides": the parties last named together ("Congo and the M23 rebels").
        # (the partner's phrase may hang from a title: "army chief General X and Y")
        within = {i: sp for sp in earlier for i in range(sp.start, sp.end)}
        for span in reversed(earlier):
            head = span.doc[span._.head_i]
            partner = within.get(head.head.i) if head.dep_ == "conj" else None
            if partner is not None:
                return [a for sp in (partner, span) for a in sp._.actors
                        if a.country or a.code]
    if want == "persons" and count == 1:
        # "he": the subject of the last sentence that names a person, before any other.
        people = [sp for sp in earlier if any(a.kind == "person" for a in sp._.actors)
                  or sp._.head_i in one_person]
        if people:
            last = [sp for sp in people if sp.sent.start == people[-1].sent.start]
            subjects = [sp for sp in last if sp.doc[sp._.head_i].dep_ in ("nsubj", "nsubjpass")
                        and len(sp._.actors) == 1]
            if subjects:
                known = [a for a in subjects[-1]._.actors if a.country or a.code]
                return known  # empty when the subject is a person we do not know
    if want == "group":
        plural = _plural_phrase(earlier)
        if plural:
            return plural
    seen: list[Actor] = []
    for span in reversed(earlier):
        for actor in reversed(span._.actors):
            if not actor.country and not actor.code:
                if want == "persons" and actor.kind == "person":
                    return seen  # an unknown person stands between: do not reach past it
                continue
            is_person = actor.kind == "person" or span._.head_i in one_person
            if want == "persons" and not is_person:
                continue
            if want == "things" and (is_person or _plural(span.doc[span._.head_i])):
                continue  # ("its" is no person's, nor a plural's: "U.N. investigators")
            if want == "countries" and actor.sector not in (None, "GOV", "MIL"):
                continue
            if want == "countries" and actor.sector == "MIL":
                # "Pakistani and Afghan forces clashed ... the two countries": the states
                actor = replace(actor, sector=None, code=actor.country, kind="named")
            if want in ("things", "sides", "countries") and not actor.country \
                    and actor.kind == "agent":
                continue  # "police", "civilians": no one thing to point back to
            if want == "sides" and (is_person or actor.sector == "IGO"):
                continue  # (the mediator is no side)

            def key_of(a: Actor):
                return a.country if want == "countries" else (a.code or a.country) \
                    if want == "sides" else (a.name, a.country)
            key = key_of(actor)
            if all(key_of(a) != key for a in seen):
                seen.append(actor)
            if len(seen) == count:
                return seen
    return seen if want != "persons" or len(seen) == count else []
