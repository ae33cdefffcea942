"""The event knowledge base: the CAMEO ontology, trigger words, complement frames, contexts.

Loaded once from the TSV files in `data/` (and the user's own); the coder asks it which rules a
word could fire, and what a code means (PLOVER type, Goldstein score, quad class).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..datafiles import load_table, split_values
from ..kb import NOT_AN_EVENT

PACKAGE = "newsevents.events"


@dataclass(frozen=True)
class Code:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    mode: str | None


@dataclass(frozen=True)
class Phrase:
    """Words that stand around a verb in its sentence, in text order (PETRARCH's patterns:
    "heavily unjustly *", "* trade protocol", "recently_*"). Each group's words follow each
    other; other words may stand between groups, and between the verb and a group not joined
    to it."""

    before: tuple[tuple[str, ...], ...]
    after: tuple[tuple[str, ...], ...]
    joined_before: bool  # the last group before ends right before the verb
    joined_after: bool  # the first group after starts right after it

    @classmethod
    def parse(cls, text: str) -> Phrase:
        groups = [g.split("_") for g in text.split()]
        (verb,) = [n for n, g in enumerate(groups) if "*" in g]
        star = groups[verb].index("*")
        left, right = groups[verb][:star], groups[verb][star + 1:]
        before = [tuple(g) for g in groups[:verb]] + ([tuple(left)] if left else [])
        after = ([tuple(right)] if right else []) + [tuple(g) for g in groups[verb + 1:]]
        return cls(tuple(before), tuple(after), bool(left), bool(right))

    @property
    def size(self) -> int:
        return sum(map(len, self.before)) + sum(map(len, self.after))

    def matches(self, labels: Sequence[frozenset[str]], at: int) -> bool:
        """Whether the sentence, as the labels of its words (lower-case form, `%` for a word
        of a compound actor), holds the phrase around its verb at index `at`."""
        def fits(group, start):
            return start >= 0 and start + len(group) <= len(labels) and all(
                w in labels[start + n] for n, w in enumerate(group))
        end = at
        for n, group in enumerate(reversed(self.before)):
            starts = [end - len(group)] if n == 0 and self.joined_before else \
                range(end - len(group), -1, -1)
            end = next((s for s in starts if fits(group, s)), None)
            if end is None:
                return False
        start = at + 1
        for n, group in enumerate(self.after):
            starts = [start] if n == 0 and self.joined_after else range(start, len(labels))
            found = next((s for s in starts if fits(group, s)), None)
            if found is None:
                return False
            start = found + len(group)
        return True


@dataclass(frozen=True)
class Trigger:
    """A word that signals an event: `lemma` (+ `prep`, + one of `objects`, + one of
    `phrases` around it) -> `cameo` (NOT_AN_EVENT: the pattern stops its word being coded)."""

    cameo: str
    pos: str
    lemma: str
    prep: str | None
    objects: frozenset[str]
    mode: str | None
    phrases: tuple[Phrase, ...] = ()

    def specificity(self) -> int:
        return 2 * bool(self.objects) + bool(self.prep)


@dataclass(frozen=True)
class Lexicon:
    codes: dict[str, Code]
    triggers: dict[tuple[str, str], tuple[Trigger, ...]]  # (pos, lemma) -> rules
    frames: dict[str, str]  # verb lemma -> intent | threat | refusal | request | command |
    # attempt | preparation | speech | accusation | denial | wish
    complements: dict[tuple[str, str], str]  # (root, complement PLOVER type) -> code
    contexts: dict[str, tuple[str, ...]]  # lemma or phrase -> contexts
    refinements: dict[str, tuple[tuple[str, str], ...]]  # code -> ((when, refined), ...)
    # Phrases (lower-case words) that cancel the coding of their sentence or of their story.
    discards: dict[str, tuple[tuple[str, ...], ...]]  # scope (sentence | story) -> phrases
    words: dict[str, frozenset[str]]  # word class (wordclasses.tsv) -> lemmas
    versions: tuple[str, ...]

    def code(self, code: str) -> Code:
        """The ontology entry of a code, falling back to its parent (a user's 5th digit)."""
        while code and code not in self.codes:
            code = code[:-1]
        return self.codes[code]

    def kind(self, code: str) -> str | None:
        """The PLOVER type of a CAMEO code (None for statements and appeals, 01x/02x)."""
        return self.code(code).plover


@lru_cache(maxsize=4)
def load_lexicon(user_dirs: tuple[str, ...] = ()) -> Lexicon:
    versions: list[str] = []

    def table(prefix):
        t = load_table(PACKAGE, prefix, user_dirs)
        versions.extend(t.versions)
        return t.rows

    codes = {
        r["code"]: Code(r["code"], r["name"], float(r["goldstein"]), int(r["quad_class"]),
                        r.get("plover") or None, r.get("plover_mode") or None)
        for r in table("cameo")
    }
    triggers: dict[tuple[str, str], list[Trigger]] = defaultdict(list)
    for r in table("triggers"):
        rule = Trigger(r["cameo"], r["pos"].upper(), r["lemma"].lower(),
                       r.get("prep", "").lower() or None,
                       frozenset(o.lower() for o in split_values(r.get("object", ""))),
                       r.get("mode") or None,
                       tuple(Phrase.parse(p.lower()) for p in split_values(r.get("phrase", ""))))
        if rule.cameo[:2] in {c[:2] for c in codes} or rule.cameo == NOT_AN_EVENT:
            bucket = triggers[(rule.pos, rule.lemma)]
            # A later file's rule for the same pattern overrides an earlier one.
            bucket[:] = [t for t in bucket if (t.prep, t.objects, t.phrases)
                         != (rule.prep, rule.objects, rule.phrases)]
            bucket.append(rule)
    frames = {r["lemma"].lower(): r["frame"] for r in table("frames")}
    complements = {(r["root"], r["complement"]): r["code"] for r in table("complements")}
    contexts: dict[str, list[str]] = defaultdict(list)
    for r in table("contexts"):
        for word in split_values(r["words"]):
            contexts[word.lower()].append(r["context"])
    refinements: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in table("refinements"):
        refinements[r["code"]].append((r["when"], r["refined"]))
    discards: dict[str, list[tuple[str, ...]]] = {"sentence": [], "story": []}
    for r in table("discards"):
        discards[r["scope"]].append(tuple(r["phrase"].lower().split()))
    words = {r["class"]: frozenset(w.lower() for w in split_values(r["words"]))
             for r in table("wordclasses")}  # (a later file's row replaces the class)
    return Lexicon(
        codes,
        {k: tuple(v) for k, v in triggers.items()},
        frames,
        complements,
        {k: tuple(v) for k, v in contexts.items()},
        {k: tuple(v) for k, v in refinements.items()},
        {k: tuple(v) for k, v in discards.items()},
        words,
        tuple(versions),
    )
