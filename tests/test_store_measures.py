"""Numbers, facts and tone from the coder through the store to the exports (the finding itself
is tested in test_numbers.py and test_tone.py)."""

from __future__ import annotations

import json

import pytest

from conftest import SEED
from newsevents.ingest import make_article
from newsevents.store import Store
from newsevents.store.export import export, read_gdelt, read_plover

WIRE = ("NAIROBI, Kenya (Reuters) - Gunmen killed at least 12 people and wounded 30 in an "
        "attack on a market in northern Kenya on Sunday, police said.\n\n"
        "Police arrested 40 protesters in Nairobi the next day.")


@pytest.fixture(scope="module")
def coded(coder):
    article = make_article(WIRE, id="wire", date="2024-05-06")
    (article, events), = coder.code_articles([article])
    return article, events


def test_numbers_carry_offsets_into_the_article(coded):
    article, events = coded
    numbers = [(q, e.event) for e in events for q in e.numbers]
    assert numbers
    for quantity, _ in numbers:
        assert article.text[quantity.start:quantity.end] == quantity.text
    kinds = {(q.kind, q.value, kind) for q, kind in numbers}
    assert ("killed", 12, "ASSAULT") in kinds and ("arrested", 40, "COERCE") in kinds
    evidence = events[0].to_dict()["evidence"]["numbers"]
    assert all(article.text[s:e] for s, e in evidence)


def test_article_and_sentences_have_a_tone(coded):
    article, events = coded
    assert article.tone is not None and article.tone < 0  # killings, attack, arrests
    assert all(isinstance(e.tone, float) for e in events)


@pytest.fixture(scope="module")
def seed_store(coder, tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("measures") / "t.duckdb")
    seed = make_article(SEED.read_text(encoding="utf-8"), id=SEED.stem)
    wire = make_article(WIRE, id="wire", date="2024-05-06")
    store.ingest(coder.code_articles([seed, wire]))
    return store


def test_seed_population_figures_are_facts(seed_store):
    with seed_store.connect(read_only=True) as con:
        facts = con.execute("SELECT subject_country, kind, value, qualifier, text FROM facts "
                            "ORDER BY value DESC").fetchall()
    assert ("MLI", "population", 20_000_000, "nearly", "nearly 20 million people") in facts
    assert any(f[0] == "COG" and f[2] == 5_300_000 for f in facts)


def test_store_keeps_numbers_and_tone(seed_store):
    with seed_store.connect(read_only=True) as con:
        tones = con.execute("SELECT count(*) FROM articles WHERE tone IS NOT NULL").fetchone()
        numbers = con.execute("SELECT numbers_json FROM events WHERE event = 'ASSAULT'"
                              ).fetchone()
        aid = con.execute("SELECT numbers_json FROM events WHERE event = 'AID'").fetchone()
    assert tones[0] == 2
    assert any(n["type"] == "killed" and n["value"] == 12 for n in json.loads(numbers[0]))
    assert {n["unit"] for n in json.loads(aid[0])} >= {"wheat", "fertilizer", "fuel"}


def test_exports_carry_tone_and_numbers(seed_store, tmp_path):
    with seed_store.connect(read_only=True) as con:
        export(con, "gdelt", tmp_path / "g.tsv")
        export(con, "plover", tmp_path / "p.jsonl")
    assert all(r["AvgTone"] != "" for r in read_gdelt(tmp_path / "g.tsv"))
    assault = next(r for r in read_plover(tmp_path / "p.jsonl") if r["event"] == "ASSAULT")
    assert any(n["type"] == "killed" and n["value"] == 12 for n in assault["numbers"])
    assert assault["event_loc"]["country"] == "KEN"


def test_recode_refreshes_facts_without_duplicating(seed_store, coder):
    with seed_store.connect(read_only=True) as con:
        before = con.execute("SELECT count(*) FROM facts").fetchone()[0]
    seed_store.recode(coder)
    with seed_store.connect(read_only=True) as con:
        assert con.execute("SELECT count(*) FROM facts").fetchone()[0] == before
