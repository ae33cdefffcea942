"""Exporting the events table: GDELT, POLECAT, ICEWS, PLOVER, Parquet and CSV."""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.store.export import (
    FORMATS,
    GDELT_COLUMNS,
    export,
    read_gdelt,
    read_plover,
    sector_of,
)
from newsevents.store.schema import DDL

PLOVER_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                "COERCE", "ASSAULT"]

EVENT_COLUMNS = [
    "id", "dedup_key", "event", "cameo", "cameo_root", "mode", "quad_class", "goldstein",
    "source_codes", "source_countries", "source_names", "target_codes", "target_countries",
    "target_names", "event_date", "first_seen", "last_seen", "num_mentions", "num_articles",
    "num_sources", "negated", "modality", "confidence", "sentence", "article_id", "url",
]


def make_store() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    for statement in DDL:
        con.execute(statement)
    return con


def insert_event(con, **values) -> None:
    row = {
        "id": "e1", "dedup_key": "k", "event": "CONSULT", "cameo": "041", "cameo_root": "04",
        "mode": None, "quad_class": 1, "goldstein": 1.0, "source_codes": ["KENGOV"],
        "source_countries": ["KEN"], "source_names": ["Kenya"], "target_codes": ["SOM"],
        "target_countries": ["SOM"], "target_names": ["Somalia"],
        "event_date": dt.date(2024, 5, 2), "first_seen": dt.date(2024, 5, 2),
        "last_seen": dt.date(2024, 5, 3), "num_mentions": 3, "num_articles": 2,
        "num_sources": 2, "negated": False, "modality": "asserted", "confidence": 0.9,
        "sentence": "Kenya met Somalia.", "article_id": "a1", "url": "https://x.test/a1",
    }
    row.update(values)
    placeholders = ", ".join("?" for _ in EVENT_COLUMNS)
    con.execute(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({placeholders})",
                [row[c] for c in EVENT_COLUMNS])


@pytest.fixture
def store():
    con = make_store()
    con.execute("INSERT INTO articles (id, url, outlet, published, language, coder_version) "
                "VALUES ('a1', 'https://x.test/a1', 'Daily Nation', DATE '2024-05-03', 'en', "
                "'0.1.0+test')")
    con.execute("INSERT INTO mentions (id, article_id, event_id, sentence_index, context) "
                "VALUES ('m1', 'a1', 'e1', 0, ['diplomatic']), "
                "('m2', 'a1', 'e1', 3, ['diplomatic', 'security'])")
    insert_event(con)
    insert_event(con, id="e2", event="ASSAULT", cameo="0211", cameo_root="02",
                 mode="aerial", quad_class=4, goldstein=-10.0,
                 source_codes=["ISRMIL", "USAMIL"], source_countries=["ISR", "USA"],
                 source_names=["Israel", "United States"],
                 target_codes=["IGOUNO", "USA"], target_countries=[None, "USA"],
                 target_names=["United Nations", "United States"],
                 event_date=dt.date(2024, 1, 9), num_mentions=1, num_articles=1,
                 num_sources=1, sentence="Tab\there and\nnewline.", article_id="a9", url=None)
    insert_event(con, id="e3", event="REQUEST", cameo="02", cameo_root="02",
                 event_date=None, first_seen=dt.date(2023, 12, 31),
                 source_names=["Line\u2028break\tname\x85"])
    insert_event(con, id="neg", event="ASSAULT", cameo="190", negated=True)
    yield con
    con.close()


def tsv(path):
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]


def test_gdelt_has_61_columns_and_keeps_leading_zeros(store, tmp_path):
    out = tmp_path / "events.gdelt.tsv"
    assert export(store, "gdelt", out) == 3
    lines = tsv(out)
    assert len(lines) == 3
    assert all(len(cells) == 61 for cells in lines)
    rows = {r["EventCode"]: r for r in read_gdelt(out)}
    assert set(rows) == {"041", "0211", "020"}
    consult = rows["041"]
    assert (consult["EventBaseCode"], consult["EventRootCode"]) == ("041", "04")
    assert (rows["0211"]["EventBaseCode"], rows["0211"]["EventRootCode"]) == ("021", "02")
    assert (rows["020"]["EventBaseCode"], rows["020"]["EventRootCode"]) == ("020", "02")
    assert consult["Actor1Code"] == "KENGOV"
    assert consult["Actor1CountryCode"] == "KEN"
    assert consult["Actor1Type1Code"] == "GOV"
    assert consult["Actor1Name"] == "KENYA"
    assert consult["Actor2Code"] == "SOM"
    assert consult["Day"] == "20240502"
    assert consult["MonthYear"] == "202405"
    assert consult["Year"] == "2024"
    assert consult["NumMentions"] == "3"
    assert consult["NumArticles"] == "2"
    assert consult["NumSources"] == "2"
    assert consult["QuadClass"] == "1"
    assert consult["IsRootEvent"] == "1"
    assert consult["SOURCEURL"] == "https://x.test/a1"
    assert len(consult["DATEADDED"]) == 14 and consult["DATEADDED"].isdigit()
    assert consult["AvgTone"] == "" and consult["ActionGeo_Lat"] == ""
    assert consult["GlobalEventID"].isdigit()
    assert rows["0211"]["Actor2KnownGroupCode"] == "UNO"
    assert rows["0211"]["Actor2Type1Code"] == "IGO"
    assert rows["0211"]["GoldsteinScale"] == "-10.0"
    assert rows["020"]["Day"] == "20231231"  # undated: first seen


def test_gdelt_event_id_is_stable(store, tmp_path):
    export(store, "gdelt", tmp_path / "a.tsv")
    export(store, "gdelt", tmp_path / "b.tsv")
    ids = [[r["GlobalEventID"] for r in read_gdelt(tmp_path / n)] for n in ("a.tsv", "b.tsv")]
    assert ids[0] == ids[1]
    assert len(set(ids[0])) == 3
    assert all(int(i) < 16 ** 15 for i in ids[0])


def test_polecat_has_40_columns(store, tmp_path):
    out = tmp_path / "events.polecat.tsv"
    assert export(store, "polecat", out) == 3
    lines = tsv(out)
    assert len(lines[0]) == 40
    assert lines[0][0] == "Event ID" and lines[0][-1] == "Version"
    assert all(len(cells) == 40 for cells in lines)
    rows = [dict(zip(lines[0], cells, strict=True)) for cells in lines[1:]]
    by_id = {r["Event ID"]: r for r in rows}
    assert by_id["e1"]["Quad Code"] == "VERBAL COOPERATION"
    assert by_id["e2"]["Quad Code"] == "MATERIAL CONFLICT"
    assert by_id["e2"]["Actor Country"] == "ISR;USA"
    assert by_id["e2"]["Actor Sectors"] == "MIL;MIL"
    assert by_id["e2"]["Event Intensity"] == "-10.0"
    assert by_id["e1"]["Contexts"] == "diplomatic;security"
    assert by_id["e1"]["Source"] == "Daily Nation"
    assert by_id["e1"]["Version"] == "0.1.0+test"


def test_icews_has_20_columns_with_country_names(store, tmp_path):
    out = tmp_path / "events.icews.tsv"
    assert export(store, "icews", out) == 3
    lines = tsv(out)
    assert len(lines[0]) == 20
    assert all(len(cells) == 20 for cells in lines)
    rows = {cells[0]: dict(zip(lines[0], cells, strict=True)) for cells in lines[1:]}
    e1 = rows["e1"]
    assert e1["Source Country"] == "Kenya"
    assert e1["Target Country"] == "Somalia"
    assert e1["CAMEO Code"] == "041"
    assert e1["Event Text"]
    assert e1["Source Sectors"] == "GOV"
    assert e1["Sentence Number"] == "1"
    assert e1["Publisher"] == "Daily Nation"
    assert rows["e2"]["Source Name"] == "Israel"


def test_plover_round_trip(store, tmp_path):
    out = tmp_path / "events.jsonl"
    assert export(store, "plover", out) == 3
    records = {r["id"]: r for r in read_plover(out)}
    e1, e2 = records["e1"], records["e2"]
    assert (e1["event"], e1["cameo"], e1["date"]) == ("CONSULT", "041", "2024-05-02")
    assert e1["actor"] == ["KENGOV"] and e1["actor_country"] == ["KEN"]
    assert e1["recipient"] == ["SOM"] and e1["recipient_country"] == ["SOM"]
    assert e1["actor_sector"] == ["GOV"]
    assert e1["context"] == ["diplomatic", "security"]
    assert (e1["num_mentions"], e1["num_articles"], e1["num_sources"]) == (3, 2, 2)
    assert e1["quad_code"] == 1 and e1["intensity"] == 1.0
    assert e1["coder"] == "newsevents" and e1["version"] == "0.1.0+test"
    assert e1["text_info"] == {"sentence": "Kenya met Somalia.", "article_id": "a1",
                               "url": "https://x.test/a1"}
    assert e2["actor"] == ["ISRMIL", "USAMIL"] and e2["mode"] == "aerial"
    assert e2["recipient_country"] == [None, "USA"]
    assert e2["text_info"]["sentence"] == "Tab\there and\nnewline."
    assert e2["context"] == []
    assert e2["version"]  # no article: falls back to meta / package version
    assert records["e3"]["date"] is None


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_parquet_and_csv_read_back(store, tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    assert export(store, fmt, out) == 3
    reader = "read_parquet" if fmt == "parquet" else "read_csv_auto"
    con = duckdb.connect()
    rows = con.execute(f"SELECT id, cameo, source_codes FROM {reader}(?) ORDER BY id",
                       [str(out)]).fetchall()
    assert len(rows) == 3
    by_id = {r[0]: r for r in rows}
    if fmt == "parquet":
        assert by_id["e2"][2] == ["ISRMIL", "USAMIL"]
    else:
        assert by_id["e2"][2] == "ISRMIL|USAMIL"
    assert str(by_id["e1"][1]).zfill(3) == "041"


def test_csv_keeps_leading_zeros_as_text(store, tmp_path):
    out = tmp_path / "events.csv"
    export(store, "csv", out)
    text = out.read_text(encoding="utf-8")
    assert ",041," in text and "ISRMIL|USAMIL" in text
    assert ",|USA," in text  # a null country keeps its place


@pytest.mark.parametrize("fmt", FORMATS)
def test_negated_events_left_out_unless_asked(store, tmp_path, fmt):
    assert export(store, fmt, tmp_path / "without") == 3
    assert export(store, fmt, tmp_path / "with", include_negated=True) == 4
    if fmt == "plover":
        assert "neg" not in {r["id"] for r in read_plover(tmp_path / "without")}
        assert "neg" in {r["id"] for r in read_plover(tmp_path / "with")}
    if fmt == "gdelt":
        assert len(read_gdelt(tmp_path / "with")) == 4


def test_unknown_format(store, tmp_path):
    with pytest.raises(ValueError, match="unknown export format"):
        export(store, "xml", tmp_path / "x")


def test_empty_store(tmp_path):
    con = make_store()
    for fmt in FORMATS:
        assert export(con, fmt, tmp_path / f"empty.{fmt}") == 0
    assert read_plover(tmp_path / "empty.plover") == []
    assert read_gdelt(tmp_path / "empty.gdelt") == []


def test_gdelt_columns_documented_order():
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[:5] == ["GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"]
    assert GDELT_COLUMNS[25:35] == [
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
        "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    assert GDELT_COLUMNS[35] == "Actor1Geo_Type" and GDELT_COLUMNS[-3] == "ActionGeo_FeatureID"
    assert GDELT_COLUMNS[-2:] == ["DATEADDED", "SOURCEURL"]


@pytest.mark.parametrize(("code", "country", "sector"), [
    ("KENGOV", "KEN", "GOV"), ("KEN", "KEN", None), ("IGOUNO", None, "IGO"),
    ("REB", None, "REB"), (None, None, None), ("HAMAS", None, None),
])
def test_sector_of(code, country, sector):
    assert sector_of(code, country) == sector


# --------------------------------------------------------------------------- property test

ISO3 = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=3)
SECTOR = st.sampled_from(["", "GOV", "MIL", "REB", "OPP", "BUS", "CVL"])
ACTOR = st.tuples(ISO3, SECTOR, st.text(max_size=20))
ACTORS = st.lists(ACTOR, max_size=3)
CAMEO = st.text(alphabet="0123456789", min_size=2, max_size=4)
TEXT = st.text(max_size=40)


@st.composite
def event_rows(draw):
    sources, targets = draw(ACTORS), draw(ACTORS)
    return {
        "event": draw(st.sampled_from(PLOVER_TYPES)),
        "cameo": draw(CAMEO),
        "mode": draw(st.none() | st.sampled_from(["aerial", "protest", "verbal", "block"])),
        "quad_class": draw(st.integers(1, 4)),
        "goldstein": draw(st.floats(-10, 10, allow_nan=False)),
        "source_codes": [c + s for c, s, _ in sources],
        "source_countries": [c for c, _, _ in sources],
        "source_names": [n for _, _, n in sources],
        "target_codes": [c + s for c, s, _ in targets],
        "target_countries": [c for c, _, _ in targets],
        "target_names": [n for _, _, n in targets],
        "event_date": draw(st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))),
        "num_mentions": draw(st.integers(1, 10_000)),
        "num_articles": draw(st.integers(1, 10_000)),
        "num_sources": draw(st.integers(1, 10_000)),
        "sentence": draw(TEXT),
        "context": draw(st.lists(st.sampled_from(
            ["diplomatic", "military", "economic", "humanitarian", "election"]),
            unique=True, max_size=3)),
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(event_rows(), min_size=1, max_size=5))
def test_plover_round_trip_property(tmp_path_factory, rows):
    con = make_store()
    for number, row in enumerate(rows):
        fields = {k: v for k, v in row.items() if k != "context"}
        insert_event(con, id=f"e{number}", **fields)
        con.execute("INSERT INTO mentions (id, event_id, context) VALUES (?, ?, ?)",
                    [f"m{number}", f"e{number}", row["context"]])
    out = tmp_path_factory.mktemp("plover") / "events.jsonl"
    assert export(con, "plover", out) == len(rows)
    back = {r["id"]: r for r in read_plover(out)}
    assert len(back) == len(rows)
    for number, row in enumerate(rows):
        got = back[f"e{number}"]
        assert got["event"] == row["event"]
        assert got["cameo"] == row["cameo"]
        assert got["mode"] == row["mode"]
        assert got["date"] == (row["event_date"].isoformat() if row["event_date"] else None)
        assert got["actor"] == row["source_codes"]
        assert got["actor_country"] == row["source_countries"]
        assert got["actor_name"] == row["source_names"]
        assert got["recipient"] == row["target_codes"]
        assert got["recipient_country"] == row["target_countries"]
        assert got["actor_sector"] == [s or None for s in
                                       (c[3:] for c in row["source_codes"])]
        assert got["quad_code"] == row["quad_class"]
        assert got["intensity"] == row["goldstein"]
        assert got["context"] == sorted(row["context"])
        assert got["text_info"]["sentence"] == row["sentence"]
        assert (got["num_mentions"], got["num_articles"], got["num_sources"]) == (
            row["num_mentions"], row["num_articles"], row["num_sources"])
        json.dumps(got)  # still plain JSON
    con.close()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(event_rows(), min_size=1, max_size=5))
def test_tsv_formats_keep_their_shape_property(tmp_path_factory, rows):
    con = make_store()
    for number, row in enumerate(rows):
        insert_event(con, id=f"e{number}", **{k: v for k, v in row.items() if k != "context"})
    folder = tmp_path_factory.mktemp("tsv")
    for fmt, width, header in (("gdelt", 61, 0), ("polecat", 40, 1), ("icews", 20, 1)):
        assert export(con, fmt, folder / fmt) == len(rows)
        lines = (folder / fmt).read_text(encoding="utf-8").split("\n")[:-1]
        assert len(lines) == len(rows) + header
        assert all(len(line.split("\t")) == width for line in lines)
    assert [r["EventCode"][:2] for r in read_gdelt(folder / "gdelt")] == [
        r["cameo"][:2] for r in sorted(rows, key=_order)]
    con.close()


def _order(row):
    return (row["event_date"] is None, row["event_date"] or dt.date.min)
