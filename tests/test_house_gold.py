"""The house gold set (tests/fixtures/house) is well formed: it was annotated by hand, before the
coder was run on it, so these checks catch annotation slips (a CAMEO code whose PLOVER type is
not the one written, a country code the project does not know), not coder behaviour."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HOUSE = ROOT / "tests" / "fixtures" / "house"
DATA = ROOT / "src" / "newsevents"
PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION",
                "COERCE", "ASSAULT"}
SECTORS = {"GOV", "MIL", "COP", "REB", "OPP", "CVL", "LEG", "JUD", "BUS", "MED", "IGO", "NGO"}


def read_tsv(path: Path) -> list[dict]:
    """Rows of a project knowledge file: `#` comments, then a header row."""
    with open(path, encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


CAMEO = {row["code"]: row for row in read_tsv(DATA / "events" / "data" / "cameo.tsv")}
COUNTRIES = {row["iso3"] for row in read_tsv(DATA / "actors" / "data" / "countries.tsv")}
CONTEXTS = {row["context"] for row in read_tsv(DATA / "events" / "data" / "contexts.tsv")}
MODES = {}  # PLOVER type -> the modes the ontology gives any of its codes
for _row in CAMEO.values():
    if _row["plover"] and _row["plover_mode"]:
        MODES.setdefault(_row["plover"], set()).add(_row["plover_mode"])


def records(name: str) -> list[dict]:
    with open(HOUSE / name, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


SENTENCES = records("sentences.jsonl")
ARTICLES = records("articles.jsonl")
# Later blind sets ("sentences-2.jsonl", ...) are held to the same shape as the first.
ALL = [rec for path in sorted(HOUSE.glob("*.jsonl")) for rec in records(path.name)]


def test_sizes_and_ids():
    assert len(SENTENCES) == 160 and len(ARTICLES) == 8
    assert [r["id"] for r in SENTENCES] == [f"HOUSE-S-{n:03d}" for n in range(1, 161)]
    assert [r["id"] for r in ARTICLES] == [f"HOUSE-A-{n:02d}" for n in range(1, 9)]
    assert sum(not r["events"] for r in SENTENCES) >= 15
    assert {e["event"] for r in SENTENCES for e in r["events"]} == PLOVER_TYPES


@pytest.mark.parametrize("rec", ALL, ids=lambda r: r["id"])
def test_record_shape(rec):
    assert rec["origin"] == "house" and rec["text"].strip()
    assert re.fullmatch(r"20\d\d-\d\d-\d\d", rec["date"])
    assert isinstance(rec["events"], list)


def test_ids_are_unique():
    ids = [rec["id"] for rec in ALL]
    assert len(ids) == len(set(ids))


def test_articles_are_multi_paragraph_wire_copy():
    for rec in (r for r in ALL if r["id"].startswith("HOUSE-A")):
        assert rec["text"].count("\n\n") >= 4, rec["id"]
        assert re.search(r"^[A-Z][A-Z .]+, \w+\.? \d+ \(Reuters\) - ", rec["text"], re.M), rec["id"]
        assert "Editing by" in rec["text"], rec["id"]


@pytest.mark.parametrize("rec", [r for r in ALL if r["events"]], ids=lambda r: r["id"])
def test_events_agree_with_the_ontology(rec):
    for event in rec["events"]:
        kind, cameo = event["event"], event["cameo"]
        assert kind in PLOVER_TYPES
        assert re.fullmatch(r"\d{3,4}", cameo) and cameo in CAMEO, cameo
        assert CAMEO[cameo]["plover"] == kind, f"{cameo} is {CAMEO[cameo]['plover']}, not {kind}"
        assert event["mode"] is None or event["mode"] in MODES.get(kind, set()), event["mode"]
        assert set(event["context"]) <= CONTEXTS, event["context"]
        assert event["source"] or event["target"]
        for actor in event["source"] + event["target"]:
            assert actor["text"].strip()
            assert actor["country"] is None or actor["country"] in COUNTRIES, actor["country"]
            assert actor["sector"] is None or actor["sector"] in SECTORS, actor["sector"]
