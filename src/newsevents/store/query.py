"""Queries over the store, shared by the CLI, the Python API and (later) the HTTP API.

Each function takes an open connection and returns a DuckDB relation; callers turn it into
rows, CSV, a pandas or a polars frame. Negated events are kept in the store but left out of
every count and listing unless `include_negated` is set.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

import duckdb

from ..dedup import DedupRule
from ..errors import StoreError, message

_TEMP_NAMES = itertools.count()
PERIODS = {"day": "day", "week": "week", "month": "month", "year": "year"}


def _actor_clause(side: str, value: str, params: list) -> str:
    """An actor filter matches a country ("RUS"), a code prefix ("RUSGOV", "IGONATO") or a
    name ("Vladimir Putin")."""
    params.extend([value.upper(), value.upper(), value.lower()])
    return (f"(list_contains({side}_countries, ?) OR "
            f"len(list_filter({side}_codes, lambda c: starts_with(c, ?))) > 0 OR "
            f"len(list_filter({side}_names, lambda n: lower(n) = ?)) > 0)")


def _day(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        raise StoreError(message("E044", detail=f"{option} takes a date YYYY-MM-DD, got "
                                                f"{value!r}")) from e


def events(con: duckdb.DuckDBPyConnection, *, source: str | None = None,
           target: str | None = None, type: str | None = None, cameo: str | None = None,
           since: str | None = None, until: str | None = None, text: str | None = None,
           include_negated: bool = False, limit: int | None = None,
           ) -> duckdb.DuckDBPyRelation:
    where, params = ["TRUE"], []
    if not include_negated:
        where.append("NOT negated")
    if source:
        where.append(_actor_clause("source", source, params))
    if target:
        where.append(_actor_clause("target", target, params))
    if type:
        where.append("event = ?")
        params.append(type.upper())
    if cameo:
        where.append("starts_with(cameo, ?)")
        params.append(cameo)
    if since:
        where.append("event_date >= ?")
        params.append(_day(since, "--since"))
    if until:
        where.append("event_date <= ?")
        params.append(_day(until, "--until"))
    if text:
        where.append("sentence ILIKE ?")
        params.append(f"%{text}%")
    sql = ("SELECT id, event_date, event, cameo, mode, quad_class, goldstein, "
           "source_codes, source_names, target_codes, target_names, num_mentions, "
           "num_articles, num_sources, modality, negated, confidence, sentence, url "
           f"FROM events WHERE {' AND '.join(where)} ORDER BY event_date, id")
    if limit:
        sql += f" LIMIT {int(limit)}"
    return _relation(con, sql, params)


def _relation(con, sql: str, params: list) -> duckdb.DuckDBPyRelation:
    """A relation for a parameterised query (DuckDB relations take no parameters): the
    query is materialised into a temporary table first."""
    name = f"query_{next(_TEMP_NAMES)}"
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS {sql}", params)
    return con.table(name)


def explain(con: duckdb.DuckDBPyConnection, event_id: str) -> str:
    """Why these mentions are one event: the rule, the key and each member mention."""
    row = con.execute("SELECT e.event, e.cameo, e.first_seen, e.last_seen, e.num_mentions, "
                      "e.num_articles, e.num_sources, k.dedup_key FROM events e JOIN "
                      "event_keys k ON k.event_id = e.id WHERE e.id = ?", [event_id]).fetchone()
    if row is None:
        raise StoreError(message("E044", detail=f"no event with id {event_id!r}"))
    kind, code, first, last, n_mentions, n_articles, n_sources, key = row
    rule = con.execute("SELECT value FROM meta WHERE key = 'dedup_rule'").fetchone()
    lines = [f"event {event_id}: {kind} {code}, {first} .. {last}; {n_mentions} mentions in "
             f"{n_articles} articles from {n_sources} sources",
             f"rule: {rule[0] if rule else DedupRule().describe()}",
             f"key:  {key}   (type | CAMEO root | source codes | target codes | polarity)"]
    for mid, date, art, url, sentence, cameo_m in con.execute(
            "SELECT m.id, m.event_date, a.doc_id, a.url, m.sentence, m.cameo FROM mentions m "
            "JOIN articles a ON a.id = m.article_id WHERE m.event_id = ? "
            "ORDER BY m.event_date, m.id", [event_id]).fetchall():
        lines.append(f"- {mid} ({art}{', ' + url if url else ''}) dated {date}, CAMEO {cameo_m}:"
                     f" same key, date within the event's range ± window")
        lines.append(f"    \"{sentence}\"")
    return "\n".join(lines)


def dyad(con: duckdb.DuckDBPyConnection, a: str, b: str, *, by: str = "month",
         include_negated: bool = False) -> duckdb.DuckDBPyRelation:
    """Counts per quad class and Goldstein sum and mean, per period, in both directions."""
    if by not in PERIODS:
        raise StoreError(message("E044", detail=f"--by takes one of {', '.join(PERIODS)}"))
    params: list = []
    ab = f"{_actor_clause('source', a, params)} AND {_actor_clause('target', b, params)}"
    ba = f"{_actor_clause('source', b, params)} AND {_actor_clause('target', a, params)}"
    negated = "" if include_negated else "AND NOT negated"
    sql = f"""
        SELECT date_trunc('{PERIODS[by]}', event_date)::DATE AS period,
               CASE WHEN {ab} THEN '{a.upper()}->{b.upper()}' ELSE '{b.upper()}->{a.upper()}'
               END AS direction,
               count(*) AS events,
               count(*) FILTER (WHERE quad_class = 1) AS verbal_cooperation,
               count(*) FILTER (WHERE quad_class = 2) AS material_cooperation,
               count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
               count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
               round(sum(goldstein), 2) AS goldstein_sum,
               round(avg(goldstein), 2) AS goldstein_mean
        FROM events
        WHERE event_date IS NOT NULL AND (({ab}) OR ({ba})) {negated}
        GROUP BY ALL ORDER BY period, direction"""
    # `ab` appears twice in the query (CASE and WHERE): its parameters are given twice.
    n = len(params) // 2
    return _relation(con, sql, params[:n] + params)


def top_actors(con: duckdb.DuckDBPyConnection, *, top: int = 20) -> duckdb.DuckDBPyRelation:
    return con.sql(f"SELECT code, name, country, num_events, as_source, as_target "
                   f"FROM actors ORDER BY num_events DESC, code LIMIT {int(top)}")


_READ_ONLY = re.compile(r"^\s*(\(\s*)*(select|with|from|values|describe|show|summarize|"
                        r"pragma\s+table_info|explain)\b", re.I)


def sql(con: duckdb.DuckDBPyConnection, query: str) -> duckdb.DuckDBPyRelation:
    """A read-only query. The connection is opened read-only as well; this check gives a
    clear message before DuckDB's own refusal."""
    if not _READ_ONLY.match(query) or ";" in query.strip().rstrip(";"):
        raise StoreError(message("E043"))
    try:
        return con.sql(query)
    except duckdb.Error as e:
        raise StoreError(message("E044", detail=str(e).splitlines()[0])) from e


class Dataset:
    """`newsevents.open(path)`: the store's queries as pandas (default) or polars frames."""

    def __init__(self, store, *, frames: str = "pandas"):
        self.store = store
        self.frames = frames

    def _frame(self, build, **kwargs):
        with self.store.connect(read_only=True) as con:
            relation = build(con, **kwargs)
            return relation.pl() if self.frames == "polars" else relation.df()

    def events(self, **filters):
        return self._frame(events, **filters)

    def dyad(self, a: str, b: str, *, by: str = "month"):
        return self._frame(lambda con: dyad(con, a, b, by=by))

    def actors(self, *, top: int = 20):
        return self._frame(top_actors, top=top)

    def sql(self, query: str):
        return self._frame(lambda con: sql(con, query))
