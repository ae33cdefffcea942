"""The Spark engine: read, code and de-duplicate a corpus on a Spark cluster (or local[N]),
writing Parquet that `import_parquet` merges into a store.

The output equals the local store's after one `Store.ingest` of the same inputs in one
batch: the same article ids (`article_key`), mention rows (`mention_row`), event ids
(`dedup.assign`, per de-duplication key) and event rows (the aggregation of
`REBUILD_EVENTS`); only `ingested_at` differs.

    out_dir/articles/     the articles table (one row per article key, first in input order)
    out_dir/mentions/     the mentions table, partitioned by event_date
    out_dir/events/       the events table, partitioned by event_date
    out_dir/event_keys/   event id -> de-duplication key

Stages: `sc.binaryFiles` (Parquet inputs through `spark.read.parquet`) -> newsevents' own
readers in `mapPartitions` -> one article per key -> the coder (one loaded `Coder` per
executor Python process, cached at module level) -> mentions keyed by `DedupRule.key`,
grouped by key, event ids assigned in each group -> the events aggregated in Spark SQL.
Nothing here touches the network except Spark's own sockets (loopback on local[N]).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import sys
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from urllib.parse import unquote

from ..dedup import DedupRule, assign
from ..ingest import InputOptions, Problem, make_article, read_inputs
from ..ingest.jsonl import pick
from ..ingest.sources import COMPRESSED, READABLE_SUFFIXES, read_stream
from ..pipeline import Coder, Options
from ..store import (
    FACT_COLUMNS,
    MENTION_COLUMNS,
    REBUILD_EVENTS,
    Store,
    article_key,
    fact_rows,
    mention_row,
    outlet_of,
)
from ..store.schema import added_event_columns

ARTICLE_COLUMNS = ["id", "doc_id", "url", "title", "outlet", "published", "text", "language",
                   "ingested_at", "coder_version", "tone"]
EVENT_KEY_COLUMNS = ["event_id", "dedup_key"]
# Problems kept (as text) in run_spark's result; all of them are counted.
MAX_PROBLEMS = 200
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
# Files a Spark or Hadoop job leaves next to its output: never inputs.
_JOB_FILES = re.compile(r"^(_SUCCESS|_committed_.*|_started_.*|_temporary)$")

# One loaded coder per executor Python process (Spark reuses its workers between tasks).
_CODERS: dict[Options, Coder] = {}


def _coder(options: Options) -> Coder:
    coder = _CODERS.get(options)
    if coder is None:
        coder = _CODERS[options] = Coder(options)
    return coder


# -- the Spark session ----------------------------------------------------------------------
def _local_cores(master: str) -> int | None:
    m = re.fullmatch(r"local(?:\[(\*|\d+)(?:,\d+)?\])?", master.strip())
    if m is None:
        return None
    if m.group(1) is None:
        return 1
    if m.group(1) == "*":
        return os.cpu_count() or 2
    return int(m.group(1))


def _session(master: str):
    """The active SparkSession, else a new one for `master` (and True: stop it after)."""
    from pyspark.sql import SparkSession
    active = SparkSession.getActiveSession()
    if active is not None:
        return active, False
    cores = _local_cores(master)
    builder = (SparkSession.builder.master(master).appName("newsevents")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.session.timeZone", "UTC"))
    if cores is not None:
        # Local: loopback only (no DNS lookup of the host name, nothing listens outside),
        # workers on this interpreter, and a few shuffle partitions instead of 200.
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        os.environ.setdefault("SPARK_LOCAL_HOSTNAME", "localhost")
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = (builder.config("spark.driver.host", "127.0.0.1")
                   .config("spark.driver.bindAddress", "127.0.0.1")
                   .config("spark.sql.shuffle.partitions", str(max(2, 2 * cores))))
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    return spark, True


# -- inputs ---------------------------------------------------------------------------------
def _norm(uri: str) -> str:
    """One spelling of a file's location, as the driver and Spark's readers name it."""
    if uri.startswith("file:"):
        return "file:/" + uri[5:].lstrip("/")
    return uri


def _local_files(spec: str) -> list[Path] | None:
    """As the local engine lists a path, folder or glob, plus the Parquet files in it."""
    from ..ingest.sources import _files
    path = Path(spec)
    if path.is_dir():
        return sorted(f for f in path.rglob("*") if f.is_file()
                      and not f.name.startswith(".") and not _JOB_FILES.match(f.name)
                      and f.suffix.lower() in READABLE_SUFFIXES | {".parquet"})
    return _files(spec)


def _hadoop_files(sc, spec: str) -> list[str] | None:
    """The files a Hadoop URI (hdfs://, s3a://, gs://...) names: a file, folder or glob."""
    jvm = sc._jvm
    path = jvm.org.apache.hadoop.fs.Path(spec)
    fs = path.getFileSystem(sc._jsc.hadoopConfiguration())
    statuses = fs.globStatus(path)
    if not statuses:
        return None
    found = []
    for status in statuses:
        if status.isDirectory():
            listing = fs.listFiles(status.getPath(), True)
            while listing.hasNext():
                found.append(listing.next().getPath().toString())
        else:
            found.append(status.getPath().toString())

    def wanted(uri: str) -> bool:
        name = uri.rstrip("/").rpartition("/")[2]
        return (not name.startswith(".") and not _JOB_FILES.match(name)
                and Path(name).suffix.lower() in READABLE_SUFFIXES | {".parquet"})
    return sorted(u for u in found if wanted(u) and "/_temporary/" not in u)


def _expand(sc, specs: Iterable[str], report) -> list[tuple[str, str, str]]:
    """(kind, location, source) of every input file in order; kind is binary, parquet or
    driver (stdin and http(s) URLs, read by the driver as the local engine reads them)."""
    from ..errors import message
    out = []
    for spec in specs:
        if spec == "-" or spec.lower().startswith(("http://", "https://")):
            out.append(("driver", spec, spec))
            continue
        if _SCHEME.match(spec) and not spec.lower().startswith("file:"):
            uris = _hadoop_files(sc, spec)
            files = None if uris is None else [(u, u) for u in uris]
        else:
            local = spec[5:] if spec.lower().startswith("file:") else spec
            local = "/" + local.lstrip("/") if spec.lower().startswith("file:") else local
            paths = _local_files(local)
            files = None if paths is None else [
                ("file:" + str(p.resolve()), str(p)) for p in paths]
        if files is None:
            report(Problem(spec, None, message("E001", path=spec), True))
            continue
        for uri, source in files:
            kind = "parquet" if uri.lower().endswith(".parquet") else "binary"
            out.append((kind, uri, source))
    return out


def _open_bytes(data: bytes, name: str):
    """A stream of a file's content, decompressed (as `sources._open`), and its name without
    the compression suffix."""
    suffix = Path(name).suffix.lower()
    if suffix in COMPRESSED:
        return COMPRESSED[suffix](io.BytesIO(data), "rb"), name[: -len(suffix)]
    if suffix == ".zst":
        import zstandard
        return zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data)), name[:-4]
    return io.BytesIO(data), name


class _ListParam:
    """An accumulator of lists (the problems executors report)."""

    def zero(self, value):
        return []

    def addInPlace(self, a, b):
        a.extend(b)
        return a


class _Collector:
    """A `Report` for executors: problems go to an accumulator, read by the driver."""

    def __init__(self, accumulator):
        self.accumulator = accumulator

    def __call__(self, problem: Problem) -> None:
        self.accumulator.add([(problem.path, problem.line, problem.text, problem.skipped)])


def _decode_files(items, files: dict, options: InputOptions, problems, decoded):
    report = _Collector(problems)
    for uri, data in items:
        found = files.get(_norm(uri)) or files.get(unquote(_norm(uri)))
        if found is None:
            continue
        index, source = found
        stream, name = _open_bytes(data, Path(source).name)
        with stream:
            for n, article in enumerate(read_stream(stream, source, name, report, options)):
                decoded.add(1)
                yield (index, n), article


def _plain(value):
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def _decode_parquet_rows(rows, files: dict, options: InputOptions, problems, decoded):
    """Rows of Parquet inputs as articles, their fields picked as in JSONL records."""
    from ..errors import message
    report = _Collector(problems)
    for row in rows:
        record = {k: _plain(v) for k, v in row.asDict().items()
                  if k not in ("__file", "__row")}
        found = files.get(_norm(row["__file"]))
        if found is None:
            continue
        index, source = found
        number = row["__row"] + 1
        text = pick(record, "text", options.text_field)
        if text is None:
            report(Problem(source, number, message("E005", path=source, line=number), True))
            continue
        decoded.add(1)
        yield (index, number - 1), make_article(
            text, id=str(record.get("id") or f"{Path(source).stem}:{number}"),
            date=pick(record, "date", options.date_field),
            url=pick(record, "url", options.url_field),
            title=pick(record, "title", options.title_field), origin=source)


# -- coding ---------------------------------------------------------------------------------
def _date(value) -> dt.date | None:
    return dt.date.fromisoformat(str(value)[:10]) if value else None


def _code_partition(items, options: Options, rule: DedupRule, now: dt.datetime):
    """("A", article row) and ("M", mention row + dedup key) for a partition's articles."""
    items = list(items)
    if not items:
        return
    coder = _coder(options)
    for article, events in coder.code_articles(a for _, a in items):
        key = article_key(article)
        yield "A", (key, article.id, article.url, article.title,
                    outlet_of(article.url) or article.site, _date(article.date), article.text,
                    article.language or "en", now, events[0].version if events else None,
                    article.tone)
        for fact in fact_rows(article, key):
            yield "F", tuple(fact[c] for c in FACT_COLUMNS)
        for n, event in enumerate(events):
            r = mention_row(event, key, n)
            r["event_date"] = _date(r["event_date"])
            r["goldstein"] = None if r["goldstein"] is None else float(r["goldstein"])
            r["confidence"] = None if r["confidence"] is None else float(r["confidence"])
            dedup_key = rule.key(event=r["event"], cameo=r["cameo"],
                                 source_codes=r["source_codes"],
                                 source_countries=r["source_countries"],
                                 target_codes=r["target_codes"],
                                 target_countries=r["target_countries"], negated=r["negated"])
            yield "M", (*(r[c] for c in MENTION_COLUMNS), dedup_key)


def _assign_group(item, rule: DedupRule):
    """(mention id, event id, key) for one de-duplication key's mentions."""
    key, members = item
    assigned = assign([{"id": i, "key": key, "date": d} for i, d in members], {}, rule)
    for mention_id, event_id in assigned.items():
        yield mention_id, event_id, key


def _schemas():
    from pyspark.sql import types as T
    s, i, d, b = T.StringType(), T.IntegerType(), T.DoubleType(), T.BooleanType()
    strings = T.ArrayType(s)
    article = T.StructType([
        T.StructField("id", s), T.StructField("doc_id", s), T.StructField("url", s),
        T.StructField("title", s), T.StructField("outlet", s),
        T.StructField("published", T.DateType()), T.StructField("text", s),
        T.StructField("language", s), T.StructField("ingested_at", T.TimestampNTZType()),
        T.StructField("coder_version", s), T.StructField("tone", d)])
    types = {"sentence_index": i, "context": strings, "source_codes": strings,
             "source_countries": strings, "source_names": strings, "target_codes": strings,
             "target_countries": strings, "target_names": strings,
             "event_date": T.DateType(), "negated": b, "goldstein": d, "quad_class": i,
             "confidence": d, "trigger_start": i, "trigger_end": i, "repeats": i,
             "location_geonames_id": T.LongType(), "location_lat": d, "location_lon": d,
             "tone": d}
    mention = T.StructType([T.StructField(c, types.get(c, s)) for c in MENTION_COLUMNS]
                           + [T.StructField("dedup_key", s)])
    assigned = T.StructType([T.StructField("id", s), T.StructField("event_id", s),
                             T.StructField("dedup_key", s)])
    fact_types = {"sentence_index": i, "value": d, "start_offset": i, "end_offset": i}
    fact = T.StructType([T.StructField(c, fact_types.get(c, s)) for c in FACT_COLUMNS])
    return article, mention, assigned, fact


def _argmax(value: str, by: str = "m.confidence") -> str:
    # DuckDB's arg_max skips rows whose value is NULL; Spark's max_by skips NULL orderings.
    return f"max_by({value}, CASE WHEN {value} IS NOT NULL THEN {by} END)"


# The events table from mentions m, articles a and event_keys k: REBUILD_EVENTS in Spark SQL.
EVENTS_SQL = f"""
SELECT m.event_id AS id, any_value(k.dedup_key) AS dedup_key,
       {_argmax("m.event")} AS event,
       {_argmax("m.cameo", "length(m.cameo) * 10 + m.confidence")} AS cameo,
       {_argmax("m.cameo_root")} AS cameo_root, {_argmax("m.mode")} AS mode,
       {_argmax("m.quad_class")} AS quad_class,
       {_argmax("m.goldstein", "length(m.cameo) * 10 + m.confidence")} AS goldstein,
       {_argmax("m.source_codes")} AS source_codes,
       {_argmax("m.source_countries")} AS source_countries,
       {_argmax("m.source_names")} AS source_names,
       {_argmax("m.target_codes")} AS target_codes,
       {_argmax("m.target_countries")} AS target_countries,
       {_argmax("m.target_names")} AS target_names,
       min(m.event_date) AS event_date, min(m.event_date) AS first_seen,
       max(m.event_date) AS last_seen,
       CAST(sum(m.repeats) AS INT) AS num_mentions,
       CAST(count(DISTINCT m.article_id) AS INT) AS num_articles,
       CAST(count(DISTINCT coalesce(a.outlet, a.id)) AS INT) AS num_sources,
       any_value(m.negated) AS negated, {_argmax("m.modality")} AS modality,
       max(m.confidence) AS confidence, {_argmax("m.sentence")} AS sentence,
       {_argmax("m.article_id")} AS article_id, {_argmax("a.url")} AS url,
       {added_event_columns("max_by", "format_string('%09.6f|%s', m.confidence, m.id)")}
FROM ne_mentions m JOIN ne_articles a ON a.id = m.article_id
JOIN ne_event_keys k ON k.event_id = m.event_id
GROUP BY m.event_id
"""


def run_spark(inputs: list[str], out_dir: str, *, master: str = "local[2]",
              options: Options | None = None, input_options: InputOptions | None = None,
              rule: DedupRule | None = None) -> dict:
    """Read, code and de-duplicate `inputs` with Spark, writing Parquet under `out_dir`
    (a local path or any Hadoop URI); returns the counts. Uses the active SparkSession if
    there is one (and leaves it running), else starts one on `master` and stops it."""
    from pyspark import StorageLevel

    options = options or Options()
    input_options = input_options or InputOptions()
    rule = rule or DedupRule()
    spark, own = _session(master)
    sc = spark.sparkContext
    cached = []
    try:
        problems = sc.accumulator([], _ListParam())
        decoded = sc.accumulator(0)
        driver_problems: list[Problem] = []
        files = _expand(sc, inputs, driver_problems.append)
        parts = max(sc.defaultParallelism,
                    int(spark.conf.get("spark.sql.shuffle.partitions") or 2))
        index = {_norm(uri): (n, source) for n, (_, uri, source) in enumerate(files)}
        pieces = []
        binary = [uri for kind, uri, _ in files if kind == "binary"]
        if binary:
            pieces.append(sc.binaryFiles(",".join(binary), minPartitions=parts).mapPartitions(
                partial(_decode_files, files=index, options=input_options,
                        problems=problems, decoded=decoded)))
        parquet = [uri for kind, uri, _ in files if kind == "parquet"]
        if parquet:
            frame = spark.read.option("mergeSchema", "true").parquet(*parquet).select(
                "*", "_metadata.file_path", "_metadata.row_index")
            frame = frame.withColumnRenamed("file_path", "__file").withColumnRenamed(
                "row_index", "__row")
            pieces.append(frame.rdd.mapPartitions(
                partial(_decode_parquet_rows, files=index, options=input_options,
                        problems=problems, decoded=decoded)))
        on_driver = []
        for n, (kind, spec, _) in enumerate(files):
            if kind == "driver":
                articles = read_inputs([spec], driver_problems.append, input_options)
                on_driver.extend(((n, k), a) for k, a in enumerate(articles))
        if on_driver:
            decoded.add(len(on_driver))
            pieces.append(sc.parallelize(on_driver, 1))

        article_schema, mention_schema, assigned_schema, fact_schema = _schemas()
        if pieces:
            everything = pieces[0] if len(pieces) == 1 else sc.union(pieces)
            # One article per key: the first in input order (file order, then position).
            unique = (everything.map(lambda p: (article_key(p[1]), p))
                      .reduceByKey(lambda a, b: a if a[0] <= b[0] else b, numPartitions=parts)
                      .values())
        else:
            unique = sc.emptyRDD()
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        coded = unique.mapPartitions(partial(_code_partition, options=options, rule=rule,
                                             now=now))
        coded.persist(StorageLevel.MEMORY_AND_DISK)
        cached.append(coded)
        articles_df = spark.createDataFrame(coded.filter(lambda r: r[0] == "A")
                                            .map(lambda r: r[1]), article_schema)
        facts_df = spark.createDataFrame(coded.filter(lambda r: r[0] == "F")
                                         .map(lambda r: r[1]), fact_schema)
        mentions_keyed = spark.createDataFrame(coded.filter(lambda r: r[0] == "M")
                                               .map(lambda r: r[1]), mention_schema)
        assigned = (mentions_keyed.select("dedup_key", "id", "event_date").rdd
                    .map(lambda r: (r[0], (r[1], r[2])))
                    .groupByKey(numPartitions=parts)
                    .flatMap(partial(_assign_group, rule=rule)))
        assigned.persist(StorageLevel.MEMORY_AND_DISK)
        cached.append(assigned)
        assigned_df = spark.createDataFrame(assigned, assigned_schema)
        mentions_df = (mentions_keyed.drop("event_id", "dedup_key")
                       .join(assigned_df.select("id", "event_id"), "id")
                       .select(*MENTION_COLUMNS))
        # Written once and aggregated once: joined once.
        mentions_df.persist(StorageLevel.MEMORY_AND_DISK)
        cached.append(mentions_df)
        keys_df = assigned_df.select(*EVENT_KEY_COLUMNS).distinct()
        articles_df.createOrReplaceTempView("ne_articles")
        mentions_df.createOrReplaceTempView("ne_mentions")
        keys_df.createOrReplaceTempView("ne_event_keys")
        events_df = spark.sql(EVENTS_SQL)

        out = out_dir.rstrip("/")
        articles_df.write.mode("overwrite").parquet(f"{out}/articles")
        (mentions_df.repartition("event_date").write.mode("overwrite")
         .partitionBy("event_date").parquet(f"{out}/mentions"))
        (events_df.repartition("event_date").write.mode("overwrite")
         .partitionBy("event_date").parquet(f"{out}/events"))
        keys_df.write.mode("overwrite").parquet(f"{out}/event_keys")
        facts_df.write.mode("overwrite").parquet(f"{out}/facts")

        written = spark.read.parquet(f"{out}/articles")
        counts = {
            "files": len(files),
            "articles": written.count(),
            "other_language": written.where("language <> 'en'").count(),
            "mentions": assigned_df.count(),
            "events": assigned_df.select("event_id").distinct().count(),
        }
        counts["duplicates"] = decoded.value - counts["articles"]
        found = [Problem(*p) for p in problems.value] + driver_problems
        counts["skipped"] = sum(p.skipped for p in found)
        counts["warnings"] = len(found) - counts["skipped"]
        counts["problems"] = [("skipped: " if p.skipped else "warning: ") + p.text
                              for p in found[:MAX_PROBLEMS]]
        return counts
    finally:
        for rdd in cached:
            rdd.unpersist()
        if own:
            spark.stop()


# -- into a store ---------------------------------------------------------------------------
def _parquet(folder: Path, *, hive: bool) -> str | None:
    """A DuckDB read_parquet over a folder Spark wrote, or None when it holds no file."""
    if not any(folder.rglob("*.parquet")):
        return None
    glob = str(folder / "**" / "*.parquet").replace("'", "''")
    types = ", hive_types={'event_date': DATE}" if hive else ""
    return f"read_parquet('{glob}', hive_partitioning={str(hive).lower()}{types})"


def import_parquet(out_dir: str, store: Store) -> dict:
    """Merge the Parquet folders `run_spark` wrote (on a local path) into `store`, in one
    transaction: articles already present are skipped with their mentions, new mentions
    whose key has events in the store are re-assigned against them (as `Store.ingest` does),
    and the touched events are rebuilt with the store's own `REBUILD_EVENTS`. Running it twice
    adds nothing."""
    base = Path(out_dir)
    articles = _parquet(base / "articles", hive=False)
    mentions = _parquet(base / "mentions", hive=True)
    keys = _parquet(base / "event_keys", hive=False)
    facts = _parquet(base / "facts", hive=False)
    result = {"articles": 0, "present": 0, "mentions": 0, "reassigned": 0, "events": 0}
    with store.transaction() as con:
        if articles is not None:
            con.execute(f"CREATE TEMP TABLE ne_in AS SELECT * FROM {articles}")
            con.execute("CREATE TEMP TABLE ne_new AS SELECT * FROM ne_in "
                        "WHERE id NOT IN (SELECT id FROM articles)")
            total = con.execute("SELECT count(*) FROM ne_in").fetchone()[0]
            result["articles"] = con.execute("SELECT count(*) FROM ne_new").fetchone()[0]
            result["present"] = total - result["articles"]
            columns = ", ".join(ARTICLE_COLUMNS)
            con.execute(f"INSERT INTO articles ({columns}) SELECT {columns} FROM ne_new")
            if facts is not None:
                columns = ", ".join(FACT_COLUMNS)
                con.execute(f"INSERT INTO facts ({columns}) SELECT {columns} FROM {facts} "
                            f"WHERE article_id IN (SELECT id FROM ne_new)")
        if articles is not None and mentions is not None and keys is not None:
            con.execute(
                f"CREATE TEMP TABLE ne_mentions AS SELECT m.*, k.dedup_key "
                f"FROM {mentions} m JOIN {keys} k ON k.event_id = m.event_id "
                f"WHERE m.article_id IN (SELECT id FROM ne_new) "
                f"AND m.id NOT IN (SELECT id FROM mentions)")
            result["reassigned"] = _reassign(con, store)
            con.execute("INSERT OR REPLACE INTO event_keys (event_id, dedup_key) "
                        "SELECT DISTINCT event_id, dedup_key FROM ne_mentions")
            columns = ", ".join(MENTION_COLUMNS)
            con.execute(f"INSERT INTO mentions ({columns}) SELECT {columns} "
                        f"FROM ne_mentions")
            result["mentions"] = con.execute(
                "SELECT count(*) FROM ne_mentions").fetchone()[0]
            touched = [r[0] for r in con.execute(
                "SELECT DISTINCT event_id FROM ne_mentions ORDER BY 1").fetchall()]
            if touched:
                con.execute(REBUILD_EVENTS, [touched])
        for table in ("ne_mentions", "ne_new", "ne_in"):
            con.execute(f"DROP TABLE IF EXISTS {table}")
    with store.connect(read_only=True) as con:
        result["events"] = con.execute("SELECT count(*) FROM events").fetchone()[0]
    return result


def _reassign(con, store: Store) -> int:
    """Event ids for incoming mentions whose key already has events in the store: assigned
    against those events (Spark could only see its own corpus). Returns how many."""
    from ..dedup import Cluster
    clusters: dict[str, list[Cluster]] = {}
    for event_id, key, first, last in con.execute(
            "SELECT e.id, k.dedup_key, e.first_seen, e.last_seen FROM events e "
            "JOIN event_keys k ON k.event_id = e.id "
            "WHERE k.dedup_key IN (SELECT dedup_key FROM ne_mentions)").fetchall():
        clusters.setdefault(key, []).append(Cluster(event_id, key, first, last))
    if not clusters:
        return 0
    keyed = [{"id": i, "key": k, "date": d} for i, k, d in con.execute(
        "SELECT id, dedup_key, event_date FROM ne_mentions "
        "WHERE dedup_key IN (SELECT unnest(?))", [sorted(clusters)]).fetchall()]
    assigned = assign(keyed, clusters, store.rule)
    import pyarrow as pa
    con.register("ne_assigned", pa.table({"id": list(assigned),
                                          "event_id": list(assigned.values())}))
    try:
        con.execute("UPDATE ne_mentions SET event_id = r.event_id FROM ne_assigned r "
                    "WHERE ne_mentions.id = r.id")
    finally:
        con.unregister("ne_assigned")
    return len(assigned)

