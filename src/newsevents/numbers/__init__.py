"""Numbers linked to events: a spaCy component writing `span._.numbers` on each event span,
`doc.spans["numbers"]` and the article-level facts in `doc.user_data["facts"]`.

A number phrase ("at least 12", "$5 million", "tens of thousands of protesters", "25,000 tonnes
of wheat") gets its kind from, in order: a currency (money); a casualty or arrest word that
governs it ("killing 12", "12 people were killed", "the death toll rose to 12"); the noun it
counts ("30 protesters" crowd, "20 trucks" aid); a population word ("a country of 20 million");
any other cue ("thousands marched"). Numbers of no kind (years, ages, percentages, ranks) are
left out. Each number belongs to the event whose trigger is its nearest ancestor in the
dependency tree, else to the event of its sentence nearest in the tree. Aid goods named without
a number ("aid in the form of wheat, fertilizer, and fuel") are aid quantities whose value is
None. Population figures, and numbers in sentences without an event, are facts: `(actor span or
None, Quantity)`, the actor being the country or organisation the figure is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..datafiles import load_table
from ..records import Quantity
from .words import PACKAGE, NumberWords, is_vague, load_number_words, parse_number

if not Span.has_extension("numbers"):
    Span.set_extension("numbers", default=())
if not Span.has_extension("quantity"):
    Span.set_extension("quantity", default=None)

# Named entity types that are never counts (dates, times, percentages, ranks).
NOT_COUNTS = {"DATE", "TIME", "PERCENT", "ORDINAL"}
PERCENT_WORDS = {"%", "percent", "per", "pct"}
# Kinds that what happened to people decides, whatever the noun ("12 soldiers were killed").
CASUALTY_KINDS = {"killed", "wounded", "missing", "kidnapped", "arrested", "released"}
FIRED = "fired"  # weapons launched or shot down
# Verbs that report a total: "the death toll rose to 12" takes its kind from the subject.
TOTAL_VERBS = {"rise", "reach", "climb", "stand", "be", "hit", "jump", "increase", "top",
               "exceed", "surpass", "mount", "soar", "grow"}
RANGE_WORDS = {"to", "-", "–", "or"}
# A range written as one token: "20-25".
RANGE_TOKEN = re.compile(r"(\d[\d,.]*)[-–](\d[\d,.]*)")
# Words that may stand between a number and the noun it counts ("12 more people").
COUNT_FILLERS = {"more", "other", "additional", "further", "fewer", "extra", "new"}
# CAMEO 07x: providing aid. Goods named in such an event's clause are what it gave.
AID_CAMEO = "07"


@dataclass(frozen=True)
class CountWords:
    nouns: dict[str, tuple[str, str, str]]  # lemma -> (kind, unit, role)
    cues: dict[str, str]  # lemma -> kind
    versions: tuple[str, ...]


@lru_cache(maxsize=4)
def load_count_words(knowledge_dirs: tuple[str, ...] = ()) -> CountWords:
    nouns = load_table(PACKAGE, "count_nouns", knowledge_dirs)
    cues = load_table(PACKAGE, "count_cues", knowledge_dirs)
    return CountWords({r["lemma"]: (r["kind"], r["unit"], r["role"]) for r in nouns.rows},
                      {r["lemma"]: r["kind"] for r in cues.rows},
                      nouns.versions + cues.versions)


@dataclass
class Mention:
    """A number phrase found in a sentence, before it is tied to an event or a fact."""

    first: int  # token index where the phrase starts (qualifier, currency, number)
    last: int  # token index after the phrase (the counted noun and its goods included)
    anchor: Token  # the token that the rest of the sentence governs
    quantity: Quantity


class NumberFinder:
    """spaCy component: numbers for each event span, `doc.spans["numbers"]`, facts."""

    def __init__(self, words: NumberWords, counts: CountWords):
        self.words = words
        self.counts = counts

    def __call__(self, doc: Doc) -> Doc:
        events = list(doc.spans.get("events", []))
        actors = list(doc.spans.get("actors", []))
        found: dict[int, list[Quantity]] = {id(span): [] for span in events}
        facts: list[tuple[Span | None, Quantity]] = []
        spans = []
        actor_tokens = {i for span in actors for i in range(span.start, span.end)}
        for sent in doc.sents:
            if not sent.text.strip():
                continue
            in_sentence = [e for e in events if sent.start <= e.start < sent.end]
            mentions = self.mentions(sent, in_sentence, actor_tokens)
            for mention in mentions:
                span = Span(doc, mention.first, mention.last, label=mention.quantity.kind)
                span._.quantity = mention.quantity
                spans.append(span)
                owners = [] if mention.quantity.kind == "population" else owning_events(
                    mention.anchor, in_sentence)
                for event in owners:
                    found[id(event)].append(mention.quantity)
                if not owners:
                    facts.append((subject_actor(mention.anchor, sent, actors),
                                  mention.quantity))
        for span in events:
            span._.numbers = tuple(found[id(span)])
        doc.spans["numbers"] = spans
        doc.user_data["facts"] = facts
        return doc

    # -- finding number phrases -----------------------------------------------------------
    def mentions(self, sent: Span, events: list[Span], actor_tokens: set[int]
                 ) -> list[Mention]:
        out: list[Mention] = []
        i = sent.start
        while i < sent.end:
            run = self.number_run(sent, i)
            if run is None:
                i += 1
                continue
            mention = self.read(sent, *run, actor_tokens)
            if mention is not None:
                out.append(mention)
            i = max(run[1], mention.last if mention else run[1])
        covered = {t for m in out for t in range(m.first, m.last)}
        out.extend(self.goods_without_numbers(sent, events, covered))
        return out

    def is_number_token(self, token: Token) -> bool:
        word = token.lower_
        if word in self.words.values:
            return self.words.values[word][1] in ("small", "hundred", "scale", "vague", "suffix")
        if RANGE_TOKEN.fullmatch(word):
            return True
        return (token.like_num or word[:1].isdigit()) and parse_number(word, self.words) \
            is not None

    def number_run(self, sent: Span, i: int) -> tuple[int, int] | None:
        """(start, end) token indices of the longest number phrase starting at `i`."""
        doc = sent.doc
        token = doc[i]
        starts_with_article = token.lower_ in ("a", "an", "half") and i + 1 < sent.end and (
            self.is_number_token(doc[i + 1]) or token.lower_ == "half" and i + 2 < sent.end
            and doc[i + 1].lower_ in ("a", "an") and self.is_number_token(doc[i + 2]))
        if not (self.is_number_token(token) or starts_with_article):
            return None
        if token.ent_type_ in NOT_COUNTS and not is_vague(token.lower_, self.words):
            return None
        best = None
        end = i + 1
        while end <= sent.end:
            text = doc[i:end].text
            ends_on_number = self.is_number_token(doc[end - 1])
            if ends_on_number and (parse_number(text, self.words) is not None
                                   or RANGE_TOKEN.fullmatch(text)):
                best = end
            if end == sent.end or end - i > 12:
                break
            following = doc[end]
            if not (self.is_number_token(following) or following.lower_ in ("and", "of", "-",
                                                                             "a", "an")):
                break
            end += 1
        if best is None:
            return None
        if best < sent.end and doc[best].lower_ in PERCENT_WORDS:
            return None
        # a hyphenated modifier, not a count: "a 45-year-old man", "a 10-point plan"
        if best + 1 < sent.end and doc[best].text == "-" and not doc[best].whitespace_ and \
                not self.is_number_token(doc[best + 1]):
            return None
        return i, best

    def read(self, sent: Span, start: int, end: int, actor_tokens: set[int]) -> Mention | None:
        """The quantity that the number at doc[start:end] states, with its kind, or None.
        A counted noun that the table lacks but that names actors ("27 Palestinians") counts
        people."""
        doc = sent.doc
        text = doc[start:end].text
        one_token_range = RANGE_TOKEN.fullmatch(text)
        value = parse_number(one_token_range.group(1) if one_token_range else text, self.words)
        if value is None:
            return None
        qualifier = "range" if one_token_range else (
            "at least" if is_vague(text, self.words) else None)
        last = end
        head = run_head(doc[start:end])
        # a range: "10 to 15", "10-15", "two or three", "between 10 and 15": the lower bound
        between = start > sent.start and doc[start - 1].lower_ == "between"
        if end + 1 < sent.end and (doc[end].lower_ in RANGE_WORDS
                                   or between and doc[end].lower_ == "and"):
            upper = self.number_run(sent, end + 1)
            if upper is not None:
                qualifier, last = "range", upper[1]
                head = run_head(doc[upper[0]:upper[1]])
        first = start
        currency, first = self.currency_before(sent, first)
        if currency is None:
            currency, last = self.currency_after(sent, last)
        qualifier_start, qualifier_word = self.qualifier_before(sent, first)
        if qualifier_word is not None:
            qualifier, first = qualifier_word, qualifier_start
        if qualifier == "range" and first > sent.start and doc[first - 1].lower_ == "between":
            first -= 1
        if currency is not None:
            return self.mention(doc, first, last, head, "money", value, currency, qualifier)
        counted, after = self.counted_noun(sent, last, head)
        anchor = counted or head
        noun_kind, unit, role = self.counts.nouns.get(counted.lemma_.lower(), ("", "", "")) \
            if counted is not None else ("", "", "")
        if counted is not None and not unit and counted.i in actor_tokens:
            unit, role = "people", "counted"
        if counted is not None and not (noun_kind or unit):
            # a noun of no kind ("60 years", "three sectors") is not a count we keep
            return None
        if role == "measure":
            goods, after = self.goods_after(sent, after)
            unit = f"{counted.lower_} of {goods}" if goods else counted.lower_
        elif role == "goods":
            unit = counted.lower_
        last = max(last, after)
        cue = self.cue_kind(anchor, sent)
        if cue in CASUALTY_KINDS or cue == FIRED and noun_kind == "aid":
            kind = cue  # (drones "fired" or "shot down" are no aid)
        elif noun_kind:
            kind = noun_kind
        elif cue:
            kind = cue
        else:
            return None
        if kind == "aid" and role not in ("measure", "goods"):
            return None
        if kind == "population" and counted is not None and role != "counted":
            return None
        return self.mention(doc, first, last, anchor, kind, value, unit or "people", qualifier)

    def mention(self, doc: Doc, first: int, last: int, anchor: Token, kind: str,
                value: float | None, unit: str | None, qualifier: str | None) -> Mention:
        span = doc[first:last]
        return Mention(first, last, anchor, Quantity(
            kind=kind, value=value, unit=unit, text=span.text, start=span.start_char,
            end=span.end_char, qualifier=qualifier))

    def currency_before(self, sent: Span, start: int) -> tuple[str | None, int]:
        doc = sent.doc
        for width in (2, 1):
            if start - width >= sent.start:
                form = "".join(t.lower_ for t in doc[start - width:start])
                spaced = doc[start - width:start].text.lower()
                code = self.words.currencies_before.get(form) or \
                    self.words.currencies_before.get(spaced)
                if code:
                    return code, start - width
        return None, start

    def currency_after(self, sent: Span, end: int) -> tuple[str | None, int]:
        doc = sent.doc
        for width in (3, 2, 1):
            if end + width <= sent.end:
                code = self.words.currencies_after.get(doc[end:end + width].text.lower())
                if code:
                    return code, end + width
        return None, end

    def qualifier_before(self, sent: Span, start: int) -> tuple[int, str | None]:
        doc = sent.doc
        for width in (3, 2, 1):
            if start - width >= sent.start:
                words = " ".join(t.lower_ for t in doc[start - width:start])
                if words in self.words.qualifiers:
                    return start - width, self.words.qualifiers[words]
        return start, None

    def counted_noun(self, sent: Span, after: int, number: Token) -> tuple[Token | None, int]:
        """The noun the number counts ("12 more civilians", "thousands of protesters", "12
        dead") and the index after it; (None, after) for a bare number ("killing 12")."""
        doc = sent.doc
        j = after
        via_of = j < sent.end and doc[j].lower_ == "of" and number.lower_ in self.words.values
        if via_of:
            j += 1
            while j < sent.end and doc[j].pos_ == "DET":
                j += 1
        while j < sent.end and (doc[j].lower_ in COUNT_FILLERS or doc[j].pos_ == "ADJ"
                                and doc[j].lemma_.lower() not in self.counts.cues):
            j += 1
        if j >= sent.end:
            return None, after
        token = doc[j]
        if token.pos_ not in ("NOUN", "PROPN"):
            return None, after
        while j + 1 < sent.end and doc[j + 1].pos_ == "NOUN" and token.dep_ == "compound":
            j += 1
            token = doc[j]
        # the noun governs the number ("20 soldiers"; "between 20 and 25 soldiers" through
        # the conjunct) or the number governs it
        if not (via_of or token.i in (number.head.i, number.head.head.i)
                or token.head.i == number.i):
            return None, after
        return token, j + 1

    def goods_after(self, sent: Span, after: int) -> tuple[str | None, int]:
        """'of wheat' after a measure ("25,000 tonnes of wheat"): the goods and the end."""
        doc = sent.doc
        if after + 1 < sent.end and doc[after].lower_ == "of" and \
                doc[after + 1].pos_ in ("NOUN", "ADJ"):
            j = after + 1
            while j + 1 < sent.end and doc[j + 1].pos_ == "NOUN":
                j += 1
            return doc[after + 1:j + 1].text.lower(), j + 1
        return None, after

    def cue_kind(self, anchor: Token, sent: Span) -> str:
        """The kind that the words governing the count give it: the count's own modifiers
        ("12 dead", "people killed"), its ancestors up to the first verb ("killing 12 people",
        "a country of 20 million"), that verb's predicative words ("left 12 dead"), and for
        totals the subject ("the death toll rose to 12")."""
        cues = self.counts.cues
        near = [c for c in anchor.children if c.dep_ in ("amod", "acl", "relcl", "appos")]
        for token in near:
            if cue_lemma(token) in cues:
                return cues[cue_lemma(token)]
        chain = []
        token = anchor
        while token.head.i != token.i and sent.start <= token.head.i < sent.end:
            token = token.head
            chain.append(token)
            if token.pos_ in ("VERB", "AUX"):
                break
        for token in chain:
            if cue_lemma(token) in cues:
                return cues[cue_lemma(token)]
        if chain and chain[-1].pos_ in ("VERB", "AUX"):
            verb = chain[-1]
            for child in verb.children:
                if child.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and \
                        cue_lemma(child) in cues:
                    return cues[cue_lemma(child)]
            if verb.lemma_.lower() in TOTAL_VERBS:
                # the subject, or when the parse gives none, the words just before the verb
                subjects = [t for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                            for t in c.subtree] or sent.doc[max(sent.start, verb.i - 3):verb.i]
                for token in subjects:
                    if cue_lemma(token) in cues:
                        return cues[cue_lemma(token)]
            # "With nearly 20 million people, Mali is...", "Mali has 20 million people"
            if verb.lemma_.lower() in ("be", "have") and anchor.pos_ in ("NOUN", "NUM") and (
                    verb.lemma_.lower() == "have" and anchor.dep_ == "dobj"
                    or any(t.lower_ == "with" for t in chain)):
                return "population"
        return ""

    def goods_without_numbers(self, sent: Span, events: list[Span], covered: set[int]
                              ) -> list[Mention]:
        """Aid goods named without a number, in the clause of an aid event or an aid word."""
        doc = sent.doc
        out = []
        for token in sent:
            if token.i in covered or token.pos_ != "NOUN":
                continue
            kind, unit, role = self.counts.nouns.get(token.lemma_.lower(), ("", "", ""))
            if role != "goods":
                continue
            owners = owning_events(token, events)
            aid_event = any(e.label_.startswith(AID_CAMEO) for e in owners)
            aid_word = any(self.counts.cues.get(cue_lemma(a)) == "aid"
                           for a in list(token.ancestors)[:5])
            if aid_event or aid_word:
                out.append(self.mention(doc, token.i, token.i + 1, token, kind, None, unit,
                                        None))
        return out


def cue_lemma(token: Token) -> str:
    """The lemma, with the verb's particle when it has one ("round up")."""
    lemma = token.lemma_.lower()
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
    return f"{lemma} {particle}" if particle else lemma


def run_head(run: Span) -> Token:
    """The token of a number phrase that the rest of the sentence attaches to."""
    outside = [t for t in run if not (run.start <= t.head.i < run.end) or t.head.i == t.i]
    return outside[-1] if outside else run[-1]


def owning_events(anchor: Token, events: list[Span]) -> list[Span]:
    """The events a number belongs to: those whose trigger is its nearest ancestor (or the
    token itself), else the sentence's events nearest to it in the dependency tree."""
    if not events:
        return []
    by_token: dict[int, list[Span]] = {}
    for event in events:
        for i in range(event.start, event.end):
            by_token.setdefault(i, []).append(event)
    for token in (anchor, *anchor.ancestors):
        if token.i in by_token:
            return by_token[token.i]
    distances = [(tree_distance(anchor, event.root), n) for n, event in enumerate(events)]
    nearest = min(d for d, _ in distances)
    return [events[n] for d, n in distances if d == nearest]


def tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens of one sentence in the dependency tree."""
    up_a = [a, *a.ancestors]
    depth_in_a = {t.i: n for n, t in enumerate(up_a)}
    for n, token in enumerate([b, *b.ancestors]):
        if token.i in depth_in_a:
            return n + depth_in_a[token.i]
    return len(up_a) + 1_000


def subject_actor(anchor: Token, sent: Span, actors: list[Span]) -> Span | None:
    """The named actor a figure is about: one the figure hangs from ("the Republic of the
    Congo, with a population of 5.3 million"), the subject of its clause ("With nearly 20
    million people, Mali is..."), else the nearest named actor before it in the sentence."""
    named = [a for a in actors if sent.start <= a.start < sent.end
             and any(x.kind != "agent" for x in a._.actors)]
    if not named:
        return None

    def actor_at(token: Token) -> Span | None:
        return next((a for a in named if a.start <= token.i < a.end), None)

    for token in anchor.ancestors:
        if actor_at(token):
            return actor_at(token)
        if token.pos_ in ("VERB", "AUX"):
            for child in token.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    found = actor_at(child) or next(
                        (actor_at(t) for t in child.subtree if actor_at(t)), None)
                    if found:
                        return found
    before = [a for a in named if a.end <= anchor.i]
    return before[-1] if before else None


@Language.factory("newsevents_numbers", default_config={"knowledge_dirs": []})
def make_number_finder(nlp: Language, name: str, knowledge_dirs: list[str]):
    dirs = tuple(knowledge_dirs)
    return NumberFinder(load_number_words(dirs), load_count_words(dirs))
