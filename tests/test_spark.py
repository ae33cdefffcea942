"""The Spark engine: run_spark + import_parquet give the store a local ingest gives."""

from __future__ import annotations

import gzip
import json
import time

import duckdb
import pytest

pytest.importorskip("pyspark", reason="pyspark is not installed: the Spark engine is untested")
pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas")

from newsevents.engines.spark import import_parquet, run_spark  # noqa: E402
from newsevents.ingest import read_inputs  # noqa: E402
from newsevents.store import MENTION_COLUMNS, Store  # noqa: E402

ALL = 10**6  # a batch size that puts the whole corpus in one batch
EVENTS = [
    "Kenya urged Somalia to release the {n} hostages.",
    "Japan condemned North Korea over the missile launch.",
    "France and Mali signed an agreement to expand trade.",
    "Russian troops shelled positions near the border with Ukraine.",
]
EVENT_COLUMNS = ["id", "dedup_key", "event", "cameo", "source_codes", "target_codes",
                 "num_mentions", "num_articles", "num_sources", "first_seen", "last_seen",
                 "event_date", "negated"]


def make_corpus(folder, n=60):
    """n JSONL articles (five outlets, days 1-9 and 20-22 of June: the same events reported
    by several outlets on nearby days, and again beyond the window), one URL twice with
    another text (the first is kept), a malformed line, a gzipped file of two more articles,
    and two plain-text files without URL."""
    folder.mkdir()
    lines = []
    for i in range(n):
        day = 1 + i % 9 if i < n - 8 else 20 + i % 3
        text = " ".join(EVENTS[(i + k) % len(EVENTS)].format(n=2 + i % 3) for k in range(2))
        lines.append(json.dumps({"id": f"g{i}", "date": f"2024-06-{day:02d}",
                                 "url": f"https://outlet{i % 5}.example/story/{i}",
                                 "text": text}))
    lines.insert(10, "{not json")
    lines.append(json.dumps({"id": "again", "date": "2024-06-30",
                             "url": "https://outlet3.example/story/3/",
                             "text": "Egypt accused Turkey of interfering in its affairs."}))
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n")
    with gzip.open(folder / "more.jsonl.gz", "wt") as f:
        for i in (0, 61):
            f.write(json.dumps({"id": f"z{i}", "date": "2024-06-02",
                                "url": f"https://outlet9.example/z/{i}",
                                "text": EVENTS[0].format(n=2)}) + "\n")
    texts = folder / "texts"
    texts.mkdir()
    (texts / "a.txt").write_text("Date: 2024-06-03\n\nKenya urged Somalia to release the "
                                 "2 hostages, officials said.\n")
    (texts / "b.txt").write_text("Date: 2024-06-21\n\nJapan condemned North Korea over the "
                                 "missile launch on Friday.\n")
    return [str(folder / "wire.jsonl"), str(folder / "more.jsonl.gz"), str(texts)]


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession
    session = (SparkSession.builder.master("local[2]").appName("newsevents-test")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "4")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.driver.host", "127.0.0.1")
               .config("spark.driver.bindAddress", "127.0.0.1")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("spark") / "corpus")


@pytest.fixture(scope="module")
def spark_run(spark, corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("spark") / "out"
    started = time.perf_counter()
    counts = run_spark(corpus, str(out), master="local[2]")
    print(f"run_spark: {time.perf_counter() - started:.1f} s, {counts}")
    return out, counts


@pytest.fixture(scope="module")
def local_db(coder, corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("spark") / "local.duckdb"
    Store(db).ingest(coder.code_articles(read_inputs(corpus, lambda p: None)), batch_size=ALL)
    return db


def state(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        articles = con.execute("SELECT id, doc_id, url, title, outlet, published, text, "
                               "language, coder_version FROM articles ORDER BY id").fetchall()
        mentions = con.execute(f"SELECT {', '.join(MENTION_COLUMNS)} FROM mentions "
                               f"ORDER BY id").fetchall()
        events = con.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events "
                             f"ORDER BY id").fetchall()
        keys = con.execute("SELECT * FROM event_keys ORDER BY 1").fetchall()
        return articles, mentions, events, keys
    finally:
        con.close()


def test_the_corpus_exercises_dedup(local_db, spark_run):
    articles, mentions, events, _ = state(local_db)
    assert len(articles) == 64  # 60 + 2 gzipped + 2 texts; the repeated URL is kept once
    multi = [e for e in events if e[EVENT_COLUMNS.index("num_sources")] >= 3]
    assert multi and len(events) < len(mentions)
    _, counts = spark_run
    assert counts["articles"] == 64 and counts["duplicates"] == 1 and counts["skipped"] == 1
    assert counts["mentions"] == len(mentions) and counts["events"] == len(events)


def test_import_equals_a_local_ingest_and_twice_adds_nothing(spark_run, local_db, tmp_path):
    out, _ = spark_run
    store = Store(tmp_path / "spark.duckdb")
    first = import_parquet(str(out), store)
    assert first["articles"] == 64 and first["present"] == 0
    expected = state(local_db)
    got = state(store.path)
    assert [a[0] for a in got[0]] == [a[0] for a in expected[0]]
    assert got[0] == expected[0]
    assert [(m[0], m[2]) for m in got[1]] == [(m[0], m[2]) for m in expected[1]]
    assert got[1] == expected[1]
    assert got[2] == expected[2] and got[3] == expected[3]
    again = import_parquet(str(out), store)
    assert again["articles"] == again["mentions"] == 0 and again["present"] == 64
    assert state(store.path) == expected


def test_spark_events_parquet_equals_the_local_events(spark_run, local_db):
    out, _ = spark_run
    con = duckdb.connect()
    spark_events = con.execute(
        f"SELECT {', '.join(EVENT_COLUMNS)} FROM read_parquet('{out}/events/**/*.parquet', "
        f"hive_partitioning=true, hive_types={{'event_date': DATE}}) ORDER BY id").fetchall()
    assert spark_events == state(local_db)[2]
    articles = con.execute(f"SELECT count(*) FROM read_parquet('{out}/articles/*.parquet')"
                           ).fetchone()[0]
    assert articles == 64


def test_import_into_a_store_with_history_joins_its_events(spark_run, coder, corpus,
                                                           tmp_path):
    """Half the corpus already stored: the rest joins the stored events as a local ingest
    of the whole corpus in one batch would."""
    out, _ = spark_run
    articles = list(read_inputs(corpus, lambda p: None))
    half = [a for a in articles if a.date and a.date <= "2024-06-04"]
    reference, merged = Store(tmp_path / "reference.duckdb"), Store(tmp_path / "merged.duckdb")
    for store in (reference, merged):
        store.ingest(coder.code_articles(half), batch_size=ALL)
    reference.ingest(coder.code_articles(articles), batch_size=ALL)
    result = import_parquet(str(out), merged)
    assert result["present"] == len({a.url for a in half}) and result["reassigned"] > 0
    assert state(merged.path) == state(reference.path)


def test_cli_commands(spark_run, tmp_path):
    from click.testing import CliRunner

    from newsevents.engines.cli_spark import import_parquet_command, spark_ingest_command
    runner = CliRunner()
    assert "--master" in runner.invoke(spark_ingest_command, ["--help"]).output
    assert "--db" in runner.invoke(import_parquet_command, ["--help"]).output
    out, _ = spark_run
    db = str(tmp_path / "cli.duckdb")
    result = runner.invoke(import_parquet_command, [str(out), "--db", db])
    assert result.exit_code == 0 and "64 new" in result.output
    result = runner.invoke(import_parquet_command, [str(out), "--db", db])
    assert result.exit_code == 0 and "0 new, 64 already present" in result.output
