"""Golden tests on whole wire-style articles written for this project (datelines, quotes,
bylines, boilerplate), and on the seed article: the events an analyst would take from them."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import GOLD, SEED
from newsevents.evaluate import event_matches, load_gold
from newsevents.ingest import Problem, read_inputs

ARTICLES = Path(__file__).parent / "articles"


def coded(coder, path):
    problems: list[Problem] = []
    [(article, events)] = list(coder.code_articles(read_inputs([str(path)], problems.append)))
    assert not problems
    return article, [e.to_dict() for e in events]


def countries(actor):
    actors = actor if isinstance(actor, list) else [actor] if actor else []
    return {a["country"] for a in actors}


def has(events, kind, source, target=None, **fields):
    for e in events:
        if e["event"] == kind and source <= countries(e["source"]) and (
                target is None or target <= countries(e["target"])) and all(
                e.get(k) == v for k, v in fields.items()):
            return e
    found = [(e["event"], countries(e["source"]), countries(e["target"])) for e in events]
    raise AssertionError(f"no {kind} {source}->{target} {fields} in {found}")


def test_seed_article_gives_every_gold_event(coder):
    article, events = coded(coder, SEED)
    gold = load_gold(str(GOLD / "seed.jsonl"))[0]["events"]
    assert article.date == "2024-03-27"
    assert all(any(event_matches(p, g) for p in events) for g in gold)
    assert has(events, "CONSULT", {"RUS"}, {"MLI"}, mode="phone", cameo="041")
    assert has(events, "REQUEST", {"MLI"}, {"RUS"})
    agree = [e for e in events if e["event"] == "AGREE" and e["cameo"] == "0311"]
    assert agree and {"economic", "terrorism"} <= {c for e in agree for c in e["context"]}
    extra = [e for e in events if not any(event_matches(e, g) for g in gold)]
    assert len(extra) <= 1, extra


def test_wire_story_with_dateline_and_quotes(coder):
    article, events = coded(coder, ARTICLES / "wire_kenya_somalia.txt")
    assert (article.title, article.date) == (
        "Kenya, Somalia agree to reopen border after talks in Nairobi", "2023-05-17")
    talks = has(events, "CONSULT", {"KEN", "SOM"}, {"KEN", "SOM"})
    assert not talks["sentence"].startswith("NAIROBI")  # the dateline is not text
    has(events, "AGREE", {"KEN", "SOM"})
    attack = has(events, "ASSAULT", {"SOM"}, {"KEN"})
    assert attack["date"] == "2023-05-16"  # "on Tuesday" in a Wednesday story
    has(events, "REQUEST", {"KEN"}, {"SOM"})
    assert all("Share this" not in e["sentence"] for e in events)


def test_sanctions_story(coder):
    _, events = coded(coder, ARTICLES / "wire_sanctions.txt")
    assert has(events, "SANCTION", set(), {"RUS"})["source"]["code"] == "IGOEU"
    has(events, "REQUEST", {"UKR"})
    has(events, "REJECT", {"RUS"})
    assert has(events, "ACCUSE", {"CHN"}, negated=True)
    protest = has(events, "PROTEST", {"DEU"})
    assert protest["date"] == "2022-02-27"


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.txt")), ids=lambda p: p.stem)
def test_offsets_point_into_the_article(coder, path):
    article, events = coded(coder, path)
    for e in events:
        start, end = e["evidence"]["trigger"]
        assert article.text[start:end] == e["trigger"]
        actors = (e["source"] if isinstance(e["source"], list) else [e["source"]]) \
            if e["source"] else []
        for actor, (s, t) in zip(actors, e["evidence"]["source"], strict=True):
            assert article.text[s:t] == actor["text"]


def test_visit_and_protest_story(coder):
    _, events = coded(coder, ARTICLES / "wire_visit_protest.txt")
    visit = has(events, "CONSULT", {"IND"}, {"CHN"}, mode="visit")
    assert visit["source"]["name"] == "S. Jaishankar"
    meeting = has(events, "AGREE", {"IND"}, {"CHN"}, modality="intended")
    assert meeting["date"] == "2024-09-13"  # "will meet ... on Friday", from a Thursday
    has(events, "COERCE", {"BGD"}, {"BGD"}, mode="arrest")
    has(events, "PROTEST", {"BGD"})
    has(events, "ASSAULT", {"BGD"}, {"BGD"})
    request = has(events, "REQUEST", set(), {"BGD"})
    assert request["source"]["code"] == "IGOUNO"
