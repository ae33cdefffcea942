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
