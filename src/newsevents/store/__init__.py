"""The embedded event store: DuckDB file, ingest in transactional batches, re-code, query.

Each batch of articles is written in one transaction: an interrupted ingest (even `kill -9`)
leaves whole batches, and running the same command again skips the articles already stored,
so it ends with exactly the rows of an uninterrupted run. The database file is opened only
while a batch is written, so readers (`newsevents events`, a web server) get in between
batches; both sides wait and retry while the other holds the file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import duckdb

from ..dedup import Cluster, DedupRule, assign
from ..errors import StoreError, message
from ..records import Actor, Article, Event
from .schema import DDL, LOCATION_FIELDS, MIGRATIONS, SCHEMA_VERSION, added_event_columns

DEFAULT_DB = "newsevents.duckdb"
# Articles written per transaction: small enough that a crash loses little work and readers
# get the file often, large enough that commits do not dominate (calibrated with
# `newsevents ingest` on 2,000 generated articles: 50 costs <2% over 500).
BATCH_SIZE = 50
# How long to wait for a file another process holds, and how often to retry.
LOCK_WAIT_SECONDS = 30.0
LOCK_RETRY_SECONDS = 0.1


@dataclass
class IngestSummary:
    new: int = 0
    present: int = 0
    skipped: int = 0
    other_language: int = 0
    events: int = 0
    mentions: int = 0

    def line(self) -> str:
        return (f"articles: {self.new} new, {self.present} already present, {self.skipped} "
                f"skipped, {self.other_language} skipped for language; {self.mentions} "
                f"mentions; {self.events} events in the store")


@dataclass
class RecodeSummary:
    articles: int = 0
    added: int = 0
    removed: int = 0
    changed: int = 0
    unchanged: int = 0
    examples: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"re-coded {self.articles} articles: {self.added} mentions added, "
                f"{self.removed} removed, {self.changed} changed, {self.unchanged} unchanged")


def article_key(article: Article) -> str:
    """Stable identity: the URL when there is one, else the normalised text."""
    if article.url:
        basis = "url:" + article.url.strip().lower().rstrip("/")
    else:
        basis = "text:" + re.sub(r"\s+", " ", article.coding_text).strip().lower()
    return "a" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:20]


def outlet_of(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).netloc.lower()
    return host[4:] if host.startswith("www.") else host or None


def _codes(actors: tuple[Actor, ...]) -> list:
    return [a.code for a in actors]


def mention_row(event: Event, article_id: str, n: int) -> dict:
    d = event.to_dict()
    return {
        "id": f"{article_id}:{n}",
        "article_id": article_id,
        "event_id": None,
        "sentence_index": event.sentence_index,
        "sentence": event.sentence,
        "event": event.event,
        "cameo": event.cameo,
        "cameo_root": event.cameo[:2],
        "mode": event.mode,
        "context": list(event.context),
        "source_codes": _codes(event.source),
        "source_countries": [a.country for a in event.source],
        "source_names": [a.name for a in event.source],
        "target_codes": _codes(event.target),
        "target_countries": [a.country for a in event.target],
        "target_names": [a.name for a in event.target],
        "source_json": json.dumps(d["source"], ensure_ascii=False),
        "target_json": json.dumps(d["target"], ensure_ascii=False),
        "event_date": event.date,
        "date_text": event.date_text,
        "negated": event.negated,
        "modality": event.modality,
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
        "confidence": event.confidence,
        "trigger": event.trigger,
        "trigger_start": event.trigger_span[0],
        "trigger_end": event.trigger_span[1],
        "evidence_json": json.dumps(d["evidence"]),
        "repeats": event.mentions,
        "coder_version": event.version,
        **location_columns(event.location),
        "numbers_json": json.dumps(d["numbers"], ensure_ascii=False),
        "tone": event.tone,
    }


def location_columns(location) -> dict:
    loc = location.to_dict() if location is not None else {}
    return {name: loc.get(name.removeprefix("location_")) for name, _ in LOCATION_FIELDS}


FACT_COLUMNS = ["id", "article_id", "sentence_index", "subject_code", "subject_country",
                "subject_name", "kind", "value", "unit", "qualifier", "text", "start_offset",
                "end_offset"]


def fact_rows(article: Article, article_id: str) -> list[dict]:
    return [{"id": f"{article_id}:f{n}", "article_id": article_id,
             "sentence_index": f.sentence_index,
             "subject_code": f.subject.code if f.subject else None,
             "subject_country": f.subject.country if f.subject else None,
             "subject_name": f.subject.name if f.subject else None,
             "kind": f.quantity.kind, "value": f.quantity.value, "unit": f.quantity.unit,
             "qualifier": f.quantity.qualifier, "text": f.quantity.text,
             "start_offset": f.quantity.start, "end_offset": f.quantity.end}
            for n, f in enumerate(article.facts)]


MENTION_COLUMNS = [
    "id", "article_id", "event_id", "sentence_index", "sentence", "event", "cameo",
    "cameo_root", "mode", "context", "source_codes", "source_countries", "source_names",
    "target_codes", "target_countries", "target_names", "source_json", "target_json",
    "event_date", "date_text", "negated", "modality", "goldstein", "quad_class", "confidence",
    "trigger", "trigger_start", "trigger_end", "evidence_json", "repeats", "coder_version",
    *(name for name, _ in LOCATION_FIELDS), "numbers_json", "tone"]

# One event row per cluster, from its mentions: the most confident mention speaks for it.
REBUILD_EVENTS = f"""
INSERT OR REPLACE INTO events
SELECT m.event_id AS id,
       any_value(k.dedup_key),
       arg_max(m.event, m.confidence), arg_max(m.cameo, length(m.cameo) * 10 + m.confidence),
       arg_max(m.cameo_root, m.confidence), arg_max(m.mode, m.confidence),
       arg_max(m.quad_class, m.confidence),
       arg_max(m.goldstein, length(m.cameo) * 10 + m.confidence),
       arg_max(m.source_codes, m.confidence), arg_max(m.source_countries, m.confidence),
       arg_max(m.source_names, m.confidence), arg_max(m.target_codes, m.confidence),
       arg_max(m.target_countries, m.confidence), arg_max(m.target_names, m.confidence),
       min(m.event_date), min(m.event_date), max(m.event_date),
       sum(m.repeats)::INTEGER, count(DISTINCT m.article_id)::INTEGER,
       count(DISTINCT coalesce(a.outlet, a.id))::INTEGER,
       any_value(m.negated), arg_max(m.modality, m.confidence), max(m.confidence),
       arg_max(m.sentence, m.confidence), arg_max(m.article_id, m.confidence),
       arg_max(a.url, m.confidence),
       {added_event_columns("arg_max_null", "printf('%09.6f|%s', m.confidence, m.id)")}
FROM mentions m JOIN articles a ON a.id = m.article_id
JOIN event_keys k ON k.event_id = m.event_id
WHERE m.event_id IN (SELECT unnest(?))
GROUP BY m.event_id
"""


class Store:
    """One DuckDB file. Connections are short-lived (see the module docstring)."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, rule: DedupRule | None = None):
        self.path = str(path)
        self.rule = rule or DedupRule()

    # -- connections --------------------------------------------------------------------------
    @contextmanager
    def connect(self, *, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        if read_only and not Path(self.path).exists():
            raise StoreError(message("E040", path=self.path))
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                con = duckdb.connect(self.path, read_only=read_only)
                break
            except duckdb.IOException as e:
                if "lock" in str(e).lower() and time.monotonic() < deadline:
                    time.sleep(LOCK_RETRY_SECONDS)
                    continue
                raise StoreError(message("E041", path=self.path, detail=e)) from e
            except duckdb.Error as e:
                raise StoreError(message("E041", path=self.path, detail=e)) from e
        try:
            if not read_only:
                self._ensure_schema(con)
            else:
                self._check_schema(con)
            yield con
        finally:
            con.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A read-write connection in one transaction: all of it is written or none."""
        with self.connect() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
                con.execute("COMMIT")
            except (duckdb.Error, OSError) as e:
                con.execute("ROLLBACK")
                raise StoreError(message("E045", path=self.path, detail=e)) from e
            except BaseException:
                con.execute("ROLLBACK")
                raise

    def _ensure_schema(self, con) -> None:
        tables = {r[0] for r in con.sql("SELECT table_name FROM information_schema.tables"
                                        " WHERE table_schema = 'main'").fetchall()}
        if tables and "meta" not in tables:
            raise StoreError(message("E042", path=self.path))
        for ddl in [*DDL, *MIGRATIONS]:
            con.execute(ddl)
        con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                    [SCHEMA_VERSION])
        con.execute("INSERT OR REPLACE INTO meta VALUES ('dedup_rule', ?)",
                    [self.rule.describe()])

    def _check_schema(self, con) -> None:
        tables = {r[0] for r in con.sql("SELECT table_name FROM information_schema.tables"
                                        " WHERE table_schema = 'main'").fetchall()}
        if "meta" not in tables or "events" not in tables:
            raise StoreError(message("E042", path=self.path))

    # -- writing ------------------------------------------------------------------------------
    def ingest(self, coded: Iterable[tuple[Article, list[Event]]], *,
               batch_size: int = BATCH_SIZE) -> IngestSummary:
        """Store coded articles; those already present (same key) are skipped, not re-added."""
        summary = IngestSummary()
        batch: list[tuple[Article, list[Event]]] = []
        for item in coded:
            batch.append(item)
            if len(batch) >= batch_size:
                self._write(batch, summary)
                batch = []
        if batch:
            self._write(batch, summary)
        with self.connect(read_only=True) as con:
            summary.events = con.execute("SELECT count(*) FROM events").fetchone()[0]
        return summary

    def _write(self, batch, summary: IngestSummary) -> None:
        with self.transaction() as con:
            keys = [article_key(a) for a, _ in batch]
            present = {r[0] for r in con.execute(
                "SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [keys]).fetchall()}
            rows, seen, new_articles, facts = [], set(), [], []
            now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
            for (article, events), key in zip(batch, keys, strict=True):
                if key in present or key in seen:
                    summary.present += 1
                    continue
                seen.add(key)
                summary.new += 1
                summary.other_language += article.language not in (None, "en")
                new_articles.append({
                    "id": key, "doc_id": article.id, "url": article.url,
                    "title": article.title,
                    "outlet": outlet_of(article.url) or article.site,
                    "published": article.date, "text": article.text,
                    "language": article.language or "en",
                    "ingested_at": now,
                    "coder_version": events[0].version if events else None,
                    "tone": article.tone})
                rows.extend(mention_row(e, key, n) for n, e in enumerate(events))
                facts.extend(fact_rows(article, key))
            _insert_rows(con, "articles", new_articles)
            _insert_rows(con, "facts", facts)
            self._insert_mentions(con, rows)
        summary.mentions += len(rows)

    def _insert_mentions(self, con, rows: list[dict]) -> None:
        """Insert mentions with their event ids, and rebuild the events they touch."""
        if not rows:
            return
        keyed = [{"id": r["id"], "date": _date(r["event_date"]),
                  "key": self.rule.key(event=r["event"], cameo=r["cameo"],
                                       source_codes=r["source_codes"],
                                       source_countries=r["source_countries"],
                                       target_codes=r["target_codes"],
                                       target_countries=r["target_countries"],
                                       negated=r["negated"])}
                 for r in rows]
        clusters: dict[str, list[Cluster]] = {}
        for event_id, key, first, last in con.execute(
                "SELECT e.id, k.dedup_key, e.first_seen, e.last_seen FROM events e "
                "JOIN event_keys k ON k.event_id = e.id WHERE k.dedup_key IN (SELECT unnest(?))",
                [sorted({m["key"] for m in keyed})]).fetchall():
            clusters.setdefault(key, []).append(Cluster(event_id, key, first, last))
        assigned = assign(keyed, clusters, self.rule)
        keys = {}
        for r, m in zip(rows, keyed, strict=True):
            r["event_id"] = assigned[r["id"]]
            keys[r["event_id"]] = m["key"]
        _insert_rows(con, "event_keys", [{"event_id": k, "dedup_key": v}
                                         for k, v in keys.items()], replace=True)
        _insert_rows(con, "mentions", [{c: r[c] for c in MENTION_COLUMNS} for r in rows])
        con.execute(REBUILD_EVENTS, [sorted({r["event_id"] for r in rows})])

    def recode(self, coder, *, batch_size: int = BATCH_SIZE) -> RecodeSummary:
        """Code every stored article again with `coder` and replace its mentions, reporting
        what changed, so a dataset can be regenerated and diffed across coder versions."""
        from ..ingest import make_article
        summary = RecodeSummary()
        with self.connect(read_only=True) as con:
            stored = con.sql("SELECT id, doc_id, text, published, url, title FROM articles "
                             "ORDER BY id").fetchall()
        for start in range(0, len(stored), batch_size):
            chunk = stored[start:start + batch_size]
            articles = [make_article(text, id=doc_id, date=str(pub) if pub else None, url=url,
                                     title=title) for _, doc_id, text, pub, url, title in chunk]
            coded = list(coder.code_articles(articles))
            with self.transaction() as con:
                for (key, *_), (article, events) in zip(chunk, coded, strict=True):
                    self._recode_article(con, key, article, events, summary)
        return summary

    def _recode_article(self, con, key: str, article: Article, events: list[Event],
                        summary) -> None:
        old = con.execute(
            "SELECT sentence_index, event, cameo, source_codes, target_codes, event_date, "
            "event_id FROM mentions WHERE article_id = ?", [key]).fetchall()
        new_rows = [mention_row(e, key, n) for n, e in enumerate(events)]

        def identity(r):
            return (r[0], r[1], tuple(r[3] or ()), tuple(r[4] or ()))
        old_by = {identity(r): r for r in old}
        new_by = {identity((r["sentence_index"], r["event"], r["cameo"], r["source_codes"],
                            r["target_codes"])): r for r in new_rows}
        for k, r in new_by.items():
            if k not in old_by:
                summary.added += 1
                if len(summary.examples) < 20:
                    summary.examples.append(f"+ {key} {r['event']} {r['cameo']} "
                                            f"{r['source_codes']} -> {r['target_codes']}")
            elif (old_by[k][2], str(old_by[k][5] or "")) != (r["cameo"], r["event_date"] or ""):
                summary.changed += 1
            else:
                summary.unchanged += 1
        for k in old_by.keys() - new_by.keys():
            summary.removed += 1
            if len(summary.examples) < 20:
                summary.examples.append(f"- {key} {old_by[k][1]} {old_by[k][2]}")
        touched = sorted({r[6] for r in old if r[6]})
        con.execute("DELETE FROM mentions WHERE article_id = ?", [key])
        self._insert_mentions(con, new_rows)
        if touched:
            # Events that lost mentions to the re-code are rebuilt from the others, or go.
            con.execute(REBUILD_EVENTS, [touched])
            for table, column in (("events", "id"), ("event_keys", "event_id")):
                con.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT unnest(?)) AND "
                            f"{column} NOT IN (SELECT event_id FROM mentions)", [touched])
        con.execute("UPDATE articles SET coder_version = ?, tone = ? WHERE id = ?",
                    [events[0].version if events else None, article.tone, key])
        con.execute("DELETE FROM facts WHERE article_id = ?", [key])
        _insert_rows(con, "facts", fact_rows(article, key))
        summary.articles += 1


def _insert_rows(con, table: str, rows: list[dict], *, replace: bool = False) -> None:
    """Many rows in one statement, through Arrow (row-by-row inserts cost more than coding)."""
    if not rows:
        return
    import pyarrow as pa
    batch = pa.Table.from_pylist(rows)
    name = f"incoming_{table}"
    con.register(name, batch)
    try:
        columns = ", ".join(batch.column_names)
        verb = "INSERT OR REPLACE" if replace else "INSERT"
        con.execute(f"{verb} INTO {table} ({columns}) SELECT {columns} FROM {name}")
    finally:
        con.unregister(name)


def _date(value) -> dt.date | None:
    if not value:
        return None
    return dt.date.fromisoformat(str(value)[:10])
