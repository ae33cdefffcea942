"""The sentence prefilter: sentences that cannot hold an event skip the parse.

A sentence can hold an event only if it names an actor (a gazetteer name, an agent word, or a
word that points back to one: "he", "both leaders") and has a word that may be a trigger (a
trigger or frame lemma, or an inflection of one); it can hold a fact (see `numbers`) if it
names an actor and a number ("With nearly 20 million people, Mali is..."). Other sentences
are blanked with spaces, so offsets do not move and spaCy has less to parse. The test is
permissive by design: a kept sentence costs a parse, a dropped one could cost an event.
"""

from __future__ import annotations

import re

from .actors.finder import (
    COUNT_WORDS,
    FIRST_PERSON,
    GROUP_PRONOUNS,
    ORGANISATION_NOUNS,
    PEOPLE_NOUNS,
    PERSON_PRONOUNS,
    REFERENCE_NOUNS,
    THING_PRONOUNS,
)
from .actors.gazetteer import Gazetteer, fold
from .events.lexicon import Lexicon
from .numbers.words import load_number_words

# A sentence ends at . ! ? followed by space and a capital (or a line break); "U.S.", "Lt."
# or "5.1" do not end one.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Lt|Gen|Col|Capt|Sgt|Gov|"
                           r"Sen|Rep|Prof|No|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|Inc|Co|"
                           r"Corp|Ltd|vs|etc|[A-Z]\.[A-Z]))\.$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_DIGIT = re.compile(r"\d")
# Words the actor finder resolves to actors named before ("he", "the two men", "the group").
REFERENCE_WORDS = {w for phrase in (*PERSON_PRONOUNS, *GROUP_PRONOUNS, *THING_PRONOUNS,
                                    *FIRST_PERSON, *REFERENCE_NOUNS, *PEOPLE_NOUNS,
                                    *ORGANISATION_NOUNS, *COUNT_WORDS)
                   for w in phrase.split()}
# Past tenses and participles that no suffix rule reaches.
IRREGULAR = {"met": "meet", "held": "hold", "gave": "give", "given": "give", "sent": "send",
             "fought": "fight", "took": "take", "taken": "take", "struck": "strike",
             "spoke": "speak", "spoken": "speak", "sought": "seek", "told": "tell",
             "shot": "shoot", "led": "lead", "began": "begin", "begun": "begin",
             "fled": "flee", "made": "make", "paid": "pay", "said": "say", "kept": "keep",
             "left": "leave", "brought": "bring", "withdrew": "withdraw",
             "withdrawn": "withdraw", "froze": "freeze", "frozen": "freeze", "broke": "break",
             "broken": "break", "threw": "throw", "drove": "drive", "driven": "drive",
             "stole": "steal", "swore": "swear", "sworn": "swear", "beat": "beat",
             "beaten": "beat", "bound": "bind", "fell": "fall", "won": "win", "lost": "lose",
             "sold": "sell", "bought": "buy", "rode": "ride", "wore": "wear", "hung": "hang",
             "blew": "blow", "blown": "blow", "forbade": "forbid", "overran": "overrun",
             "retook": "retake", "retaken": "retake", "rose": "rise", "arose": "arise",
             "shook": "shake", "stood": "stand", "ran": "run", "came": "come", "went": "go",
             "gone": "go", "saw": "see", "seen": "see", "knew": "know", "thought": "think",
             "found": "find", "hid": "hide", "hidden": "hide", "slew": "slay",
             "slain": "slay", "dealt": "deal"}


class Prefilter:
    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon):
        self.names = {w for name in gazetteer.names for w in name.split()[:1]}
        self.agents = {a.split()[-1] for a in gazetteer.agents}
        self.triggers = {lemma.split()[-1] for _, lemma in lexicon.triggers} | set(
            lexicon.frames)
        self.number_words = {w for w, (_, role) in load_number_words().values.items()
                             if role in ("small", "hundred", "scale", "vague")}

    def is_trigger(self, word: str) -> bool:
        w = word.lower()
        if w in self.triggers or IRREGULAR.get(w) in self.triggers:
            return True
        for cut, add in ((1, ""), (2, ""), (3, ""), (3, "e"), (1, "e"), (3, "y"), (2, "e"),
                         (4, "")):  # (4: "shutting", "cutting")
            if len(w) - cut >= 3 and w[:-cut] + add in self.triggers:
                return True
        return w.endswith("ied") and w[:-3] + "y" in self.triggers

    def keep(self, sentence: str) -> bool:
        words = _WORD.findall(sentence)
        actor = any(w in self.names or fold(w) in self.names or w.lower() in self.agents
                    or w.lower() in REFERENCE_WORDS for w in words)
        return actor and (any(self.is_trigger(w) for w in words) or _DIGIT.search(sentence)
                          is not None or any(w.lower() in self.number_words for w in words))

    def __call__(self, text: str) -> str:
        """`text` with the sentences that cannot hold an event blanked out."""
        out = []
        for start, end in sentences(text):
            piece = text[start:end]
            # (quote marks stay: who says the next sentence of a quote is read from them)
            out.append(piece if self.keep(piece) else re.sub(r'[^\n"“”]', " ", piece))
        return "".join(out)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans covering `text`, cut at sentence ends."""
    spans, start = [], 0
    for found in _BOUNDARY.finditer(text):
        if _ABBREVIATION.search(text[max(start, found.start() - 12):found.start()]):
            continue
        spans.append((start, found.end()))
        start = found.end()
    spans.append((start, len(text)))
    return spans
