"""Throughput of the whole coder against spaCy's own parse of the same texts, in one run.

The parse floor is `nlp.pipe` of the bare model (tagger, parser, NER...) over the same texts;
the coder adds metadata cleaning, actor matching, event rules and record building on top.
"""

from __future__ import annotations

import resource
import time
from dataclasses import dataclass

import spacy

from .evaluate import load_gold
from .ingest import make_article
from .pipeline import Coder


@dataclass(frozen=True)
class Bench:
    texts: int
    sentences: int
    spacy_seconds: float
    coder_seconds: float
    events: int
    peak_rss_mb: float

    def report(self) -> str:
        floor = self.sentences / self.spacy_seconds
        rate = self.sentences / self.coder_seconds
        return (f"texts {self.texts}  sentences {self.sentences}  events {self.events}\n"
                f"spaCy nlp.pipe (parse floor)  {floor:8.1f} sentences/s\n"
                f"newsevents code (end to end)  {rate:8.1f} sentences/s  "
                f"({rate / floor:.2f}x the floor)\n"
                f"peak RSS {self.peak_rss_mb:.0f} MB")


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(paths: list[str], *, repeat: int = 1, coder: Coder | None = None) -> Bench:
    records = [r for p in paths for r in load_gold(p)] * repeat
    coder = coder or Coder()
    bare = spacy.load(_model_name(coder))
    texts = [r["text"] for r in records]
    start = time.perf_counter()
    sentences = sum(len(list(doc.sents)) for doc in bare.pipe(texts, batch_size=32))
    spacy_seconds = time.perf_counter() - start
    articles = [make_article(r["text"], id=str(r["id"]), date=r.get("date")) for r in records]
    start = time.perf_counter()
    events = sum(len(ev) for _, ev in coder.code_articles(articles))
    coder_seconds = time.perf_counter() - start
    return Bench(len(texts), sentences, spacy_seconds, coder_seconds, events, _peak_rss_mb())


def _model_name(coder: Coder) -> str:
    meta = coder.nlp.meta
    return f"{meta['lang']}_{meta['name']}"


# Paragraphs per generated article in the store benchmark: a wire story's length.
ARTICLE_PARAGRAPHS = 20


@dataclass(frozen=True)
class StoreBench:
    articles: int
    coder_seconds: float
    store_seconds: float

    def report(self) -> str:
        alone = self.articles / self.coder_seconds
        both = self.articles / (self.coder_seconds + self.store_seconds)
        return (f"ingest {self.articles} articles: coder alone {alone:8.1f} articles/s, "
                f"coder + store {both:8.1f} articles/s (store "
                f"{100 * self.store_seconds / (self.coder_seconds + self.store_seconds):.0f}% "
                f"of the time)")


def run_store(paths: list[str], *, repeat: int = 1, coder: Coder | None = None) -> StoreBench:
    """Articles/s of coding alone and of coding plus storing the same articles, made of
    ARTICLE_PARAGRAPHS texts each (a news article's length)."""
    import tempfile

    from .store import Store
    records = [r for p in paths for r in load_gold(p)] * repeat
    coder = coder or Coder()
    articles = [make_article("\n\n".join(r["text"] for r in records[i:i + ARTICLE_PARAGRAPHS])
                             + f"\n\n[{i}]", id=f"bench-{i}", date="2024-01-01")
                for i in range(0, len(records), ARTICLE_PARAGRAPHS)]
    start = time.perf_counter()
    coded = list(coder.code_articles(articles))
    coder_seconds = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        Store(f"{tmp}/bench.duckdb").ingest(coded)
        store_seconds = time.perf_counter() - start
    return StoreBench(len(articles), coder_seconds, store_seconds)


def dyad_latency(n_events: int, *, runs: int = 5) -> str:
    """Median time of a monthly dyad series on a generated store of `n_events` events."""
    import statistics
    import tempfile

    from .store import Store, query, synthetic
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"{tmp}/big.duckdb")
        with store.connect() as con:
            synthetic.fill(con, n_events)
        times = []
        with store.connect(read_only=True) as con:
            for _ in range(runs):
                start = time.perf_counter()
                rows = query.dyad(con, "RUS", "UKR", by="month").fetchall()
                times.append(time.perf_counter() - start)
    return (f"dyad RUS UKR by month on {n_events} events: {len(rows)} rows, median "
            f"{1000 * statistics.median(times):.1f} ms over {runs} runs")


def run_corpus(n: int, *, workers: tuple[int, ...] = (1, 2)) -> str:
    """Articles/s and sentences/s of the whole coder on a generated corpus of `n` articles,
    for each number of workers, next to spaCy's own parse of the same texts; peak RSS per
    worker; and the projected hours for a GDELT day (250,000 articles) at the best rate."""
    import tempfile

    from .engines.corpus import write_corpus
    from .engines.local import code_parallel
    from .ingest import read_inputs
    from .pipeline import Options
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        path = str(write_corpus(f"{tmp}/corpus.jsonl", n))
        texts = [a.coding_text for a in read_inputs([path], lambda p: None)]
        coder = Coder(Options())
        bare = spacy.load(_model_name(coder))
        start = time.perf_counter()
        sentences = sum(len(list(d.sents)) for d in bare.pipe(texts, batch_size=32))
        floor = sentences / (time.perf_counter() - start)
        lines.append(f"corpus: {n} generated articles, {sentences} sentences")
        lines.append(f"spaCy nlp.pipe (parse floor)   {floor:8.1f} sentences/s")
        del bare, coder
        best = 0.0
        for w in workers:
            start = time.perf_counter()
            count = sum(1 for _ in code_parallel(read_inputs([path], lambda p: None),
                                                 workers=w))
            seconds = time.perf_counter() - start
            rate = count / seconds
            best = max(best, rate)
            rss = resource.getrusage(resource.RUSAGE_CHILDREN if w > 1
                                     else resource.RUSAGE_SELF).ru_maxrss / 1024
            lines.append(f"newsevents, {w} worker{'s' if w > 1 else ' '}         "
                         f"{sentences / seconds:8.1f} sentences/s ({rate:.1f} articles/s, "
                         f"{sentences / seconds / floor:.2f}x the floor; peak RSS per worker "
                         f"{rss:.0f} MB)")
    lines.append(f"projected GDELT day (250,000 articles of this length): "
                 f"{250_000 / best / 3600:.1f} hours at {best:.1f} articles/s")
    return "\n".join(lines)
