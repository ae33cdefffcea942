"""Tone of a sentence or an article, GDELT style: (positive words - negative words) / words x 100.

The word list is VADER's lexicon (Hutto & Gilbert 2014; the `vaderSentiment` package, MIT
licence), read offline from the installed package: a word is positive when its mean valence is
at least +1, negative when at most -1. `data/tone_words.tsv` adds news-domain words VADER lacks
("ceasefire", "airstrike", "displaced") and overrides its ratings. Negation is kept simple: a
tone word within three words after "not", "no", "never", "without" or a "-n't" word counts with
the opposite sign ("did not condemn" is positive). See data/FORMAT.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span

from ..datafiles import load_table

# VADER valences are means of ratings from -4 to +4; weaker words are left out.
VALENCE_THRESHOLD = 1.0
NEGATORS = {"not", "no", "never", "without", "nor", "neither", "none", "nobody", "nothing",
            "cannot"}
NEGATION_WINDOW = 3
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Inflections tried when a word is not listed as it stands: "condemns" -> "condemn".
SUFFIXES = (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""),
            ("ing", "e"), ("ies", "y"), ("ied", "y"))


@dataclass(frozen=True)
class ToneLexicon:
    polarity: dict[str, int]  # word -> +1 | -1
    versions: tuple[str, ...]

    def word_polarity(self, word: str) -> int:
        if word in self.polarity:
            return self.polarity[word]
        for cut, add in SUFFIXES:
            if word.endswith(cut) and len(word) - len(cut) >= 3:
                found = self.polarity.get(word[: -len(cut)] + add)
                if found:
                    return found
        return 0


@lru_cache(maxsize=4)
def load_tone_lexicon(knowledge_dirs: tuple[str, ...] = ()) -> ToneLexicon:
    polarity: dict[str, int] = {}
    vader = resources.files("vaderSentiment").joinpath("vader_lexicon.txt")
    for line in vader.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) < 2 or not _WORD.fullmatch(cells[0]):
            continue  # emoticons and malformed lines
        valence = float(cells[1])
        if abs(valence) >= VALENCE_THRESHOLD:
            polarity[cells[0].lower()] = 1 if valence > 0 else -1
    table = load_table("newsevents.tone", "tone_words", knowledge_dirs)
    for row in table.rows:
        value = int(row["polarity"])
        if value:
            polarity[row["word"].lower()] = 1 if value > 0 else -1
        else:
            polarity.pop(row["word"].lower(), None)
    return ToneLexicon(polarity, ("vader_lexicon@3.3.2", *table.versions))


def tone(text: str, lexicon: ToneLexicon | None = None) -> float:
    """GDELT-style tone of a text: (positive - negative) / words x 100; 0.0 for no words."""
    lexicon = lexicon or load_tone_lexicon()
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
    if not words:
        return 0.0
    score = 0
    negated_until = -1
    for n, word in enumerate(words):
        if word in NEGATORS or word.endswith("n't"):
            negated_until = n + NEGATION_WINDOW
            continue
        polarity = lexicon.word_polarity(word)
        score += -polarity if n <= negated_until else polarity
    return round(score / len(words) * 100, 4)


def sentence_tone(span: Span) -> float:
    """Tone of one sentence (or any span) of a parsed Doc."""
    return tone(span.text)


def article_tone(text: str) -> float:
    """Tone of a whole article; pass the article's `coding_text` so boilerplate is left out."""
    return tone(text)
