"""The event knowledge base: the CAMEO ontology, trigger words, complement frames, contexts.

Loaded once from the TSV files in `data/` (and the user's own); the coder asks it which rules a
word could fire, and what a code means (PLOVER type, Goldstein score, quad class).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from ..datafiles import load_table, split_values

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
class Trigger:
    """A word that signals an event: `lemma` (+ `prep`, + one of `objects`) -> `cameo`."""

    cameo: str
    pos: str
    lemma: str
    prep: str | None
    objects: frozenset[str]
    mode: str | None

    def specificity(self) -> int:
        return 2 * bool(self.objects) + bool(self.prep)


@dataclass(frozen=True)
class Lexicon:
    codes: dict[str, Code]
    triggers: dict[tuple[str, str], tuple[Trigger, ...]]  # (pos, lemma) -> rules
    frames: dict[str, str]  # verb lemma -> intent | threat | refusal | request | attempt | speech
    complements: dict[tuple[str, str], str]  # (root, complement PLOVER type) -> code
    contexts: dict[str, tuple[str, ...]]  # lemma or phrase -> contexts
    refinements: dict[str, tuple[tuple[str, str], ...]]  # code -> ((when, refined), ...)
    versions: tuple[str, ...]

    def code(self, code: str) -> Code:
        """The ontology entry of a code, falling back to its parent (a user's 5th digit)."""
        while code and code not in self.codes:
            code = code[:-1]
        return self.codes[code]


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
                       r.get("mode") or None)
        if rule.cameo[:2] in {c[:2] for c in codes}:
            bucket = triggers[(rule.pos, rule.lemma)]
            # A later file's rule for the same pattern overrides an earlier one.
            bucket[:] = [t for t in bucket if (t.prep, t.objects) != (rule.prep, rule.objects)]
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
    return Lexicon(
        codes,
        {k: tuple(v) for k, v in triggers.items()},
        frames,
        complements,
        {k: tuple(v) for k, v in contexts.items()},
        {k: tuple(v) for k, v in refinements.items()},
        tuple(versions),
    )
