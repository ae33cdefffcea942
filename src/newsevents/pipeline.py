"""The coder end to end: articles in, `Event` records out.

Articles are cut at paragraph breaks into segments short enough for spaCy (a 50 MB file is
fine), each segment is one `Doc` through the model and the newsevents components, and each
event draft becomes an `Event` with offsets into the article's own text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from . import __version__
from .actors.gazetteer import load_gazetteer
from .events.build import finish, merge
from .events.lexicon import load_lexicon
from .nlp import load_pipeline, sentence_case_headlines
from .prefilter import Prefilter
from .records import Actor, Article, Event, Fact, Location
from .tone import article_tone, sentence_tone

# Characters per Doc: well under spaCy's max_length (1,000,000) and small enough for its
# parser's memory; a longer article is cut at a paragraph break before this.
SEGMENT_CHARS = 100_000
# Docs parsed together by nlp.pipe.
BATCH_SIZE = 32


@dataclass(frozen=True, kw_only=True)
class Options:
    """Everything that changes what the coder does, built once (defaults <- CLI flags)."""

    model: str | None = None
    knowledge_dirs: tuple[str, ...] = ()
    # Events inside an if/unless clause ("if Hamas ran in the election") did not happen; they
    # are left out unless asked for.
    hypothetical: bool = False
    # Skip the parse of sentences that cannot hold an event (see prefilter.py).
    prefilter: bool = True
    batch_size: int = BATCH_SIZE


def knowledge_version(options: Options) -> str:
    """`newsevents 0.1.0 kb 2026.11.28`: what coded a record, written into each record."""
    versions = load_gazetteer(options.knowledge_dirs).versions + \
        load_lexicon(options.knowledge_dirs).versions
    dates = sorted(v.rpartition("@")[2] for v in versions)
    user = "+user" if options.knowledge_dirs else ""
    return f"newsevents {__version__} kb {dates[-1] if dates else 'none'}{user}"


def segments(text: str) -> Iterator[tuple[int, str]]:
    """(offset, piece) pieces of at most SEGMENT_CHARS, cut at paragraph or line breaks."""
    start = 0
    while start < len(text):
        end = min(len(text), start + SEGMENT_CHARS)
        if end < len(text):
            cut = max(text.rfind("\n\n", start, end), text.rfind("\n", start, end))
            if cut <= start:
                cut = text.rfind(" ", start, end)
            end = cut + 1 if cut > start else end
        yield start, text[start:end]
        start = end


class Coder:
    def __init__(self, options: Options | None = None):
        self.options = options or Options()
        self.nlp = load_pipeline(self.options.model, self.options.knowledge_dirs)
        self.lexicon = load_lexicon(self.options.knowledge_dirs)
        self.version = knowledge_version(self.options)
        gazetteer = load_gazetteer(self.options.knowledge_dirs)
        self.names = frozenset(n for n in gazetteer.names if " " not in n)
        self.long_names = tuple(n for n in gazetteer.names if " " in n)
        self.prefilter = Prefilter(gazetteer, self.lexicon) if self.options.prefilter else None

    def _docs(self, articles: Iterable[Article]):
        def pieces():
            for article in articles:
                parts = list(segments(article.coding_text)) if codable_language(article) \
                    else []
                parts = parts or [(0, "")]
                for n, (offset, piece) in enumerate(parts):
                    if self.prefilter is not None:
                        piece = self.prefilter(piece)
                    doc = self.nlp.make_doc(sentence_case_headlines(piece, self.names,
                                                                     self.long_names))
                    doc.user_data["date"] = article.date
                    doc.user_data["dateline"] = article.dateline
                    yield doc, (article, offset, n == len(parts) - 1)
        yield from self.nlp.pipe(pieces(), as_tuples=True, batch_size=self.options.batch_size)

    def code_articles(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        """(article, its events) for each article, in input order. The article comes back with
        its tone and its article-level facts filled in."""
        pending: list[Event] = []
        facts: list[Fact] = []
        sentence_base = 0
        for doc, (article, offset, last) in self._docs(articles):
            sentences = [s for s in doc.sents if s.text.strip()]
            index = {s.start: n + sentence_base for n, s in enumerate(sentences)}
            for span in doc.spans.get("events", []):
                draft = span._.draft
                sent = span.sent
                event = finish(draft, sent, index.get(sent.start, sentence_base), article,
                               self.lexicon, self.version, offset)
                event = _place(event, span, doc.user_data.get("actor_locations", {}), offset,
                               article.text)
                event = replace(event, numbers=tuple(_moved(q, offset, article.text)
                                                     for q in span._.numbers),
                                tone=sentence_tone(sent))
                if event.modality != "hypothetical" or self.options.hypothetical:
                    pending.append(event)
            facts.extend(_facts(doc, article, index, sentence_base, offset))
            sentence_base += len(sentences)
            if last:
                coded = replace(article, facts=tuple(facts),
                                tone=article_tone(article.coding_text)
                                if codable_language(article) else None)
                yield coded, merge(pending)
                pending, facts, sentence_base = [], [], 0


def _moved(item, offset: int, text: str):
    """A record with Doc offsets (`start`, `end`) moved to offsets into the article's `text`,
    and its `text` taken from there (a headline was parsed in sentence case)."""
    start, end = item.start + offset, item.end + offset
    return replace(item, start=start, end=end, text=text[start:end])


def _facts(doc, article: Article, index: dict[int, int], base: int, offset: int) -> list[Fact]:
    """The Doc's article-level figures (population...) as `Fact` records."""
    found = []
    for actor_span, quantity in doc.user_data.get("facts", []):
        token = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
        sentence = index.get(token.sent.start, base) if token is not None else base
        actors = actor_span._.actors if actor_span is not None else ()
        subject = _moved(actors[0], offset, article.text) if actors else None
        found.append(Fact(doc_id=article.id, sentence_index=sentence, subject=subject,
                          quantity=_moved(quantity, offset, article.text)))
    return found


def _shifted(location: Location | None, offset: int, text: str) -> Location | None:
    if location is None or location.start is None:
        return location  # placed by the dateline or the article's focus: no offsets
    return _moved(location, offset, text)


def _place(event: Event, span, actor_locations: dict, offset: int, text: str) -> Event:
    """The event's and its actors' places (found per Doc) with offsets into the article."""
    def located(actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
        return tuple(replace(a, location=_shifted(loc, offset, text)) if (
            loc := actor_locations.get((a.start - offset, a.end - offset))) else a
            for a in actors)
    return replace(event, location=_shifted(span._.location, offset, text),
                   source=located(event.source), target=located(event.target))


def codable_language(article: Article) -> bool:
    """English articles (or too short to tell) are coded; others are kept, not coded."""
    return article.language in (None, "en")
