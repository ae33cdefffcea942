"""Reading numbers written in digits, words or both: "25,000", "5.3 million", "two hundred and
fifty", "tens of thousands", "a dozen", "€2bn".

Vague plurals count as the least they say: "dozens" is 24, "hundreds" 200, "tens of thousands"
20,000 (two of the unit, times what follows "of"). The tables are `data/number_words.tsv`
(words, scales, qualifiers) and `data/currencies.tsv`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..datafiles import load_table, split_values

PACKAGE = "newsevents.numbers"
DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([a-z]*)$")
# Pieces of a number phrase: digits (with grouping commas and decimals, maybe glued to an
# abbreviation: "2bn"), or words.
_PIECE = re.compile(r"\d[\d,]*(?:\.\d+)?[a-z]*|[^\W\d_]+")
# Words that join the parts of one number ("two hundred and fifty", "tens of thousands").
JOINERS = {"and", "of"}


@dataclass(frozen=True)
class NumberWords:
    """The number vocabulary: word -> (value, role); qualifier phrases -> canonical form."""

    values: dict[str, tuple[float, str]]
    qualifiers: dict[str, str]
    currencies_before: dict[str, str]
    currencies_after: dict[str, str]
    versions: tuple[str, ...]


@lru_cache(maxsize=4)
def load_number_words(knowledge_dirs: tuple[str, ...] = ()) -> NumberWords:
    words = load_table(PACKAGE, "number_words", knowledge_dirs)
    currencies = load_table(PACKAGE, "currencies", knowledge_dirs)
    values, qualifiers = {}, {}
    for row in words.rows:
        if row["role"] == "qualifier":
            qualifiers[row["word"].lower()] = row["value"]
        else:
            values[row["word"].lower()] = (float(row["value"]), row["role"])
    before, after = {}, {}
    for row in currencies.rows:
        for position in split_values(row["position"]):
            (before if position == "before" else after)[row["form"].lower()] = row["code"]
    return NumberWords(values, qualifiers, before, after, words.versions + currencies.versions)


def pieces(text: str) -> list[str]:
    """The lower-cased pieces of a number phrase ("twenty-five" -> ["twenty", "five"])."""
    return _PIECE.findall(text.lower())


def parse_number(text: str, words: NumberWords | None = None) -> float | None:
    """The value of a number phrase, or None when `text` is not one number. Never raises."""
    words = words or load_number_words()
    parts = pieces(text)
    if not parts or len(parts) > 40:
        return None
    total = 0.0  # finished groups ("two million" in "two million three hundred")
    current: float | None = None  # the group being read
    vague = False
    previous = ""  # the role of the part before
    for n, part in enumerate(parts):
        following = words.values.get(parts[n + 1], (0.0, ""))[1] if n + 1 < len(parts) else ""
        if part in JOINERS:
            # "and" after a hundred or a scale, "of" after a vague plural, both mid-phrase
            if not previous or n + 1 == len(parts) or (part == "of") != (previous == "vague"):
                return None
            previous = "joiner"
            continue
        found = DIGITS.match(part)
        if found:
            if previous:
                return None
            value = float(found.group(1).replace(",", "") + (found.group(2) or ""))
            if found.group(3):
                scale = words.values.get(found.group(3))
                if scale is None or scale[1] not in ("suffix", "scale"):
                    return None
                total, previous = value * scale[0], "scale"
            else:
                current, previous = value, "digits"
            continue
        value, role = words.values.get(part, (0.0, ""))
        if role == "small":
            fresh = current is None or previous == "hundred" or (
                previous == "joiner" and current % 100 == 0)
            units_after_tens = (previous == "small" and current is not None
                                and 20 <= current % 100 and current % 10 == 0 and 1 <= value <= 9)
            if not (fresh or units_after_tens):
                return None
            current = (current or 0.0) + value
        elif role == "hundred":
            if previous not in ("small", "article", "digits") or current is None or current >= 100:
                return None
            current *= value
        elif role in ("scale", "suffix"):
            allowed = ("digits",) if role == "suffix" else ("small", "hundred", "digits", "article")
            if previous not in allowed:
                return None
            total += (current if current is not None else 1.0) * value
            current = None
        elif role == "vague":
            if previous == "joiner" and vague:
                total, current = (total + (current or 0.0)) * value, None
            elif previous:
                return None
            else:
                current, vague = 2 * value, True
        elif role == "article":
            if previous not in ("", "fraction") or following not in ("hundred", "scale"):
                return None
            current = current if previous == "fraction" else value
        elif role == "fraction":
            if previous or following != "article":
                return None
            current = value
        else:
            return None
        previous = role
    if previous in ("joiner", "article", "fraction", ""):
        return None
    return total + (current or 0.0)


def is_vague(text: str, words: NumberWords | None = None) -> bool:
    """True for numbers that give a lower bound only ("dozens", "tens of thousands")."""
    words = words or load_number_words()
    return any(words.values.get(p, (0, ""))[1] == "vague" for p in pieces(text))
