"""prefilter: sentences with no actor or no trigger word skip the parse; events do not change."""

from __future__ import annotations

from pathlib import Path

from conftest import SEED
from newsevents.ingest import read_inputs
from newsevents.pipeline import Coder, Options
from newsevents.prefilter import sentences


def test_keeps_what_can_hold_an_event(coder):
    keep = coder.prefilter.keep
    assert keep("Kenya urged Somalia to release the hostages.")
    assert keep("He met the delegation on Monday.")  # a reference and an irregular past
    assert keep("Both leaders condemned the attack.")
    assert keep("The group accused Israel of violating the truce.")  # an organisation
    assert keep("The two men agreed to meet again.")
    assert keep("Russia retaliated by shutting the Polish consulate.")  # "shut" + "ting"
    assert not keep("The weather in the capital was mild for the season.")
    assert not keep("Shares rose 3 percent in early trading.")


def test_sentence_spans_respect_abbreviations():
    text = "The U.S. envoy met Lt. Gen. Smith. Talks ended at 5.30 p.m. Then he left."
    parts = [text[a:b].strip() for a, b in sentences(text)]
    assert parts[0] == "The U.S. envoy met Lt. Gen. Smith."
    assert "".join(text[a:b] for a, b in sentences(text)) == text


def test_prefilter_does_not_change_the_events(coder):
    unfiltered = Coder(Options(prefilter=False))
    here = Path(__file__).parent
    paths = [str(SEED), *map(str, sorted((here / "articles").glob("*.txt"))),
             *map(str, sorted((here / "fixtures" / "house").glob("articles*.jsonl")))]
    articles = list(read_inputs(paths, print))
    with_filter = [[e.to_dict() for e in ev] for _, ev in coder.code_articles(articles)]
    without = [[e.to_dict() for e in ev] for _, ev in unfiltered.code_articles(articles)]

    def essentials(events):
        return sorted((e["event"] or "", e["cameo"], str(e["source"]), str(e["target"]),
                   e["date"] or "")
                      for e in events)
    assert [essentials(a) for a in with_filter] == [essentials(b) for b in without]
