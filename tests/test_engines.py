"""engines: the generated corpus is deterministic; two workers give one worker's output."""

from __future__ import annotations

import json

from newsevents.engines.corpus import articles, write_corpus
from newsevents.engines.local import code_parallel
from newsevents.ingest import read_inputs


def test_corpus_is_deterministic(tmp_path):
    assert list(articles(20)) == list(articles(20))
    assert list(articles(20, seed=1)) != list(articles(20, seed=2))
    path = write_corpus(tmp_path / "c.jsonl", 5)
    assert [json.loads(line)["id"] for line in path.read_text().splitlines()] == [
        f"gen{i}" for i in range(5)]


def test_two_workers_give_the_same_output_in_the_same_order(coder, tmp_path):
    path = write_corpus(tmp_path / "c.jsonl", 40)
    one = [(a.id, [e.to_dict() for e in ev])
           for a, ev in coder.code_articles(read_inputs([str(path)], print))]
    two = [(a.id, [e.to_dict() for e in ev])
           for a, ev in code_parallel(read_inputs([str(path)], print), workers=2, chunk=3)]
    assert one == two and sum(len(ev) for _, ev in one) > 40
