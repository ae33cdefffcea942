"""store: ingest, idempotence, de-duplication across outlets, queries, reliability."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time

import duckdb
import pytest

from conftest import CLI, ROOT
from conftest import run_cli as run
from newsevents.errors import StoreError
from newsevents.ingest import read_inputs
from newsevents.store import Store, query

FIXTURE = ROOT / "tests" / "fixtures" / "multi_outlet.jsonl"


@pytest.fixture(scope="module")
def store(coder, tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "events.duckdb"
    s = Store(path)
    s.ingest(coder.code_articles(read_inputs([str(FIXTURE)], print)))
    return s


def rows(relation):
    return [dict(zip(relation.columns, r, strict=True)) for r in relation.fetchall()]


def test_outlets_reporting_one_event_make_one_event(store):
    with store.connect(read_only=True) as con:
        found = rows(query.events(con, source="KEN", target="SOM", type="REQUEST"))
    assert [(str(e["event_date"]), e["num_mentions"], e["num_articles"], e["num_sources"])
            for e in found] == [("2024-05-01", 3, 3, 3), ("2024-05-20", 1, 1, 1)]
    with store.connect(read_only=True) as con:
        japan = rows(query.events(con, source="JPN", type="ACCUSE"))
    assert [(str(e["event_date"]), e["num_articles"]) for e in japan] == [
        ("2024-05-02", 2), ("2024-05-09", 1)]


def test_reingesting_adds_nothing(store, coder):
    with store.connect(read_only=True) as con:
        before = con.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM "
                             "mentions), (SELECT sum(num_mentions) FROM events)").fetchone()
    summary = store.ingest(coder.code_articles(read_inputs([str(FIXTURE)], print)))
    assert summary.new == 0 and summary.present == 6
    with store.connect(read_only=True) as con:
        after = con.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM "
                            "mentions), (SELECT sum(num_mentions) FROM events)").fetchone()
    assert before == after


def test_explain_says_why(store):
    with store.connect(read_only=True) as con:
        [event] = rows(query.events(con, source="KEN", since="2024-05-01", until="2024-05-02"))
        text = query.explain(con, event["id"])
    assert "rule:" in text and "KEN|SOM" in text and text.count("\n- ") == 3


def test_dyad_series_both_directions(store):
    with store.connect(read_only=True) as con:
        series = rows(query.dyad(con, "KEN", "SOM", by="month"))
    assert series == [{"period": series[0]["period"], "direction": "KEN->SOM", "events": 2,
                       "verbal_cooperation": 2, "material_cooperation": 0,
                       "verbal_conflict": 0, "material_conflict": 0,
                       "goldstein_sum": series[0]["goldstein_sum"],
                       "goldstein_mean": series[0]["goldstein_mean"]}]


def test_filters_and_actors(store):
    with store.connect(read_only=True) as con:
        assert rows(query.events(con, cameo="11"))[0]["event"] == "ACCUSE"
        assert rows(query.events(con, text="captives")) == []
        assert len(rows(query.events(con, text="hostages"))) == 2
        top = rows(query.top_actors(con, top=5))
    assert {t["code"] for t in top} >= {"KEN", "SOM"}


def test_sql_is_read_only(store):
    with store.connect(read_only=True) as con:
        assert query.sql(con, "SELECT count(*) AS n FROM events WHERE NOT negated"
                         ).fetchall()[0][0] == 4
        with pytest.raises(StoreError, match="read-only"):
            query.sql(con, "DROP TABLE events")


def test_python_api_returns_frames(store):
    import newsevents
    frame = newsevents.open(store.path).events(source="KEN")
    assert list(frame["num_articles"]) == [3, 1]


def test_recode_reports_changes(store, coder, tmp_path):
    copy = tmp_path / "copy.duckdb"
    shutil.copy(store.path, copy)
    summary = Store(copy).recode(coder)
    assert summary.articles == 6 and summary.added == summary.removed == 0
    assert summary.unchanged == 11  # mentions, with the 4 acts only requested
    with Store(copy).connect(read_only=True) as con:
        assert con.execute("SELECT count(*) FROM events WHERE NOT negated").fetchone()[0] == 4


def test_cli_store_commands(store):
    out = run("events", "--db", store.path, "--source", "KEN", "--format", "jsonl")
    assert out.returncode == 0 and len(out.stdout.splitlines()) == 2
    assert json.loads(out.stdout.splitlines()[0])["num_sources"] == 3
    out = run("dyad", "KEN", "SOM", "--db", store.path, "--by", "week", "--format", "csv")
    assert out.returncode == 0 and out.stdout.startswith("period,direction")
    assert run("actors", "--db", store.path, "--top", "2").returncode == 0
    out = run("sql", "DELETE FROM events", "--db", store.path)
    assert out.returncode == 2 and "read-only" in out.stderr
    out = run("events", "--db", store.path, "--since", "yesterday")
    assert out.returncode == 2 and "YYYY-MM-DD" in out.stderr


def test_corrupt_and_foreign_files_are_refused_untouched(tmp_path):
    corrupt = tmp_path / "corrupt.duckdb"
    corrupt.write_bytes(b"this is not a database" * 100)
    before = corrupt.read_bytes()
    out = run("events", "--db", str(corrupt))
    assert out.returncode == 2 and "cannot open the store" in out.stderr
    assert "Traceback" not in out.stderr and corrupt.read_bytes() == before
    foreign = tmp_path / "foreign.duckdb"
    con = duckdb.connect(str(foreign))
    con.execute("CREATE TABLE accounts (id INTEGER)")
    con.execute("INSERT INTO accounts VALUES (1)")
    con.close()
    out = run("ingest", str(FIXTURE), "--db", str(foreign))
    assert out.returncode == 2 and "not a newsevents store" in out.stderr
    con = duckdb.connect(str(foreign), read_only=True)
    assert con.execute("SELECT count(*) FROM accounts").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM information_schema.tables").fetchone()[0] == 1
    con.close()
    out = run("events", "--db", str(tmp_path / "missing.duckdb"))
    assert out.returncode == 2 and "no store here yet" in out.stderr
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    out = run("ingest", str(FIXTURE), "--db", str(blocker / "x.duckdb"))
    assert out.returncode == 2 and "cannot open the store" in out.stderr


def test_failed_write_rolls_back_the_batch_and_keeps_the_others(coder, tmp_path,
                                                                monkeypatch):
    s = Store(tmp_path / "full.duckdb")
    original = Store._insert_mentions
    calls = {"n": 0}

    def failing(self, con, rows):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(28, "No space left on device")
        return original(self, con, rows)
    monkeypatch.setattr(Store, "_insert_mentions", failing)
    articles = list(coder.code_articles(read_inputs([str(FIXTURE)], print)))
    with pytest.raises(StoreError, match="rolled back"):
        s.ingest(articles, batch_size=2)
    with s.connect(read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    monkeypatch.setattr(Store, "_insert_mentions", original)
    summary = s.ingest(articles, batch_size=2)
    assert (summary.new, summary.present) == (4, 2)
    with s.connect(read_only=True) as con:
        assert con.execute("SELECT count(*) FROM events WHERE NOT negated").fetchone()[0] == 4


def make_corpus(path, n):
    with path.open("w") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"g{i}", "date": f"2024-06-0{1 + i % 9}",
                                "url": f"https://outlet{i % 5}.example/story/{i}",
                                "text": f"Kenya urged Somalia to release {i + 2} hostages. "
                                        f"Japan condemned North Korea over launch number {i}."})
                    + "\n")


def table_state(path):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return (sorted(con.execute("SELECT id FROM articles").fetchall()),
                sorted(con.execute("SELECT id, event_id FROM mentions").fetchall()),
                sorted(con.execute("SELECT id, num_mentions, num_articles FROM events")
                       .fetchall()))
    finally:
        con.close()


def test_kill_9_then_rerun_equals_an_uninterrupted_run(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    make_corpus(corpus, 120)
    reference = tmp_path / "reference.duckdb"
    assert run("ingest", str(corpus), "--db", str(reference), "--batch-size", "10"
               ).returncode == 0
    killed = tmp_path / "killed.duckdb"
    proc = subprocess.Popen([*CLI, "ingest", str(corpus), "--db", str(killed),
                             "--batch-size", "10"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if killed.exists() and killed.stat().st_size > 0:
            time.sleep(0.3)  # let a few batches land
            break
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    out = run("ingest", str(corpus), "--db", str(killed), "--batch-size", "10")
    assert out.returncode == 0, out.stderr
    assert table_state(killed) == table_state(reference)


def test_reader_can_query_while_an_ingest_runs(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    make_corpus(corpus, 150)
    db = tmp_path / "busy.duckdb"
    assert run("ingest", str(FIXTURE), "--db", str(db)).returncode == 0
    proc = subprocess.Popen([*CLI, "ingest", str(corpus), "--db", str(db), "--batch-size",
                             "5"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        time.sleep(2.0)
        out = run("events", "--db", str(db), "--format", "csv")
        assert out.returncode == 0, out.stderr
        assert out.stdout.startswith("id,")
    finally:
        assert proc.wait(timeout=300) == 0
