"""Queries over the store, shared by the CLI, the Python API and (later) the HTTP API.

Each function takes an open connection and returns a DuckDB relation; callers turn it into
rows, CSV, a pandas or a polars frame. Negated events are kept in the store but left out of
every count and listing unless `include_negated` is set.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import itertools
import json
import re

import duckdb

from ..dedup import DedupRule
from ..errors import NotFoundError, StoreError, message

_TEMP_NAMES = itertools.count()
# What a time series gives per period: counts per quad class, Goldstein sum and mean.
PERIOD_MEASURES = """count(*) AS events,
               count(*) FILTER (WHERE quad_class = 1) AS verbal_cooperation,
               count(*) FILTER (WHERE quad_class = 2) AS material_cooperation,
               count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
               count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
               round(sum(goldstein), 2) AS goldstein_sum,
               round(avg(goldstein), 2) AS goldstein_mean"""
PERIODS = {"day": "day", "week": "week", "month": "month", "year": "year"}
MODALITIES = ("asserted", "intended", "historical", "hypothetical")
# Sort keys of `events`: a never-NULL expression each, so keyset cursors compare cleanly
# (undated events sort last, as before).
SORTS = {"event_date": "coalesce(event_date, DATE '9999-12-31')", "goldstein": "goldstein",
         "num_mentions": "num_mentions", "num_articles": "num_articles",
         "confidence": "confidence"}
EVENT_COLUMNS = ("id, event_date, event, cameo, mode, quad_class, goldstein, source_codes, "
                 "source_names, target_codes, target_names, num_mentions, num_articles, "
                 "num_sources, modality, negated, confidence, sentence, url")
LOCATION_COLUMNS = ("location_name, location_country, location_admin1, location_lat, "
                    "location_lon, location_precision")


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


def has_locations(con: duckdb.DuckDBPyConnection) -> bool:
    """Stores written before geolocation have no location columns."""
    return _has_column(con, "events", "location_country")


def _require_locations(con, option: str) -> None:
    if not has_locations(con):
        raise StoreError(message("E044", detail=f"{option}: this store has no event locations "
                                                f"(it was written before geolocation; run "
                                                f"`newsevents ingest --recode`)"))


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    """"min_lon,min_lat,max_lon,max_lat" as four floats within the globe."""
    try:
        box = tuple(float(v) for v in value.split(","))
    except ValueError:
        box = ()
    if (len(box) != 4 or not all(-180 <= box[i] <= 180 for i in (0, 2))
            or not all(-90 <= box[i] <= 90 for i in (1, 3))
            or box[0] > box[2] or box[1] > box[3]):
        raise StoreError(message("E044", detail=f"--bbox takes min_lon,min_lat,max_lon,max_lat "
                                                f"in degrees, got {value!r}"))
    return box


def _event_filters(con, *, source=None, target=None, type=None, cameo=None, since=None,
                   until=None, text=None, include_negated=False, modality=None, country=None,
                   bbox=None) -> tuple[list[str], list]:
    """The WHERE clauses and their parameters shared by every listing and aggregate of events;
    values only ever travel as parameters."""
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
    if modality:
        if modality not in MODALITIES:
            raise StoreError(message("E044", detail=f"--modality takes one of "
                                                    f"{', '.join(MODALITIES)}"))
        where.append("modality = ?")
        params.append(modality)
    if country:
        _require_locations(con, "--country")
        where.append("location_country = ?")
        params.append(country.upper())
    if bbox:
        _require_locations(con, "--bbox")
        box = parse_bbox(bbox) if isinstance(bbox, str) else bbox
        where.append("location_lon BETWEEN ? AND ? AND location_lat BETWEEN ? AND ?")
        params.extend([box[0], box[2], box[1], box[3]])
    return where, params


def _sort(sort: str) -> tuple[str, bool]:
    """"goldstein" or "-goldstein" (descending) as (key, descending)."""
    key, descending = sort.removeprefix("-"), sort.startswith("-")
    if key not in SORTS:
        raise StoreError(message("E044", detail=f"sort takes one of {', '.join(SORTS)} "
                                                f"(- before it for descending), got {sort!r}"))
    return key, descending


def cursor_after(row: dict, sort: str = "event_date") -> str:
    """An opaque cursor for the page after `row`: its sort value and id (keyset pagination,
    stable while rows are added)."""
    key, _ = _sort(sort)
    value = row[key]
    if key == "event_date":
        value = str(value or "9999-12-31")
    payload = json.dumps([sort, value, row["id"]]).encode()
    return base64.urlsafe_b64encode(payload).decode().rstrip("=")


def _decode_cursor(cursor: str, sort: str) -> tuple:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        cursor_sort, value, event_id = json.loads(raw)
        if cursor_sort != sort or not isinstance(event_id, str):
            raise ValueError("the cursor belongs to another sort order")
        if sort.removeprefix("-") == "event_date":
            value = dt.date.fromisoformat(value)
        elif not isinstance(value, int | float):
            raise ValueError("bad sort value")
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError) as e:
        raise StoreError(message("E044", detail=f"invalid cursor ({e})")) from e
    return value, event_id


def events_sql(con: duckdb.DuckDBPyConnection, *, source: str | None = None,
               target: str | None = None, type: str | None = None, cameo: str | None = None,
               since: str | None = None, until: str | None = None, text: str | None = None,
               include_negated: bool = False, limit: int | None = None,
               modality: str | None = None, country: str | None = None,
               bbox: str | tuple | None = None, sort: str = "event_date",
               after: str | None = None) -> tuple[str, list]:
    """The query of `events` and its parameters: events matching the filters, ordered by
    `sort` then id; `after` is a cursor from `cursor_after` (the page starts after that row)."""
    where, params = _event_filters(con, source=source, target=target, type=type, cameo=cameo,
                                   since=since, until=until, text=text,
                                   include_negated=include_negated, modality=modality,
                                   country=country, bbox=bbox)
    key, descending = _sort(sort)
    order = "DESC" if descending else "ASC"
    if after:
        where.append(f"({SORTS[key]}, id) {'<' if descending else '>'} (?, ?)")
        params.extend(_decode_cursor(after, sort))
    columns = EVENT_COLUMNS + (", " + LOCATION_COLUMNS if has_locations(con) else "")
    sql = (f"SELECT {columns} FROM events WHERE {' AND '.join(where)} "
           f"ORDER BY {SORTS[key]} {order}, id {order}")
    if limit:
        sql += f" LIMIT {int(limit)}"
    return sql, params


def events(con: duckdb.DuckDBPyConnection, **filters) -> duckdb.DuckDBPyRelation:
    """Events matching the filters (see `events_sql`) as a relation."""
    return _relation(con, *events_sql(con, **filters))


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> tuple[list[str], list]:
    """(column names, rows) of a parameterised query, without a relation's temporary table:
    what the HTTP API sends."""
    cursor = con.execute(sql, params)
    return [d[0] for d in cursor.description], cursor.fetchall()


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
    ab_params: list = []
    ba_params: list = []
    ab = f"{_actor_clause('source', a, ab_params)} AND {_actor_clause('target', b, ab_params)}"
    ba = f"{_actor_clause('source', b, ba_params)} AND {_actor_clause('target', a, ba_params)}"
    negated = "" if include_negated else "AND NOT negated"
    sql = f"""
        SELECT date_trunc('{PERIODS[by]}', event_date)::DATE AS period,
               CASE WHEN {ab} THEN ? ELSE ? END AS direction,
               {PERIOD_MEASURES}
        FROM events
        WHERE event_date IS NOT NULL AND (({ab}) OR ({ba})) {negated}
        GROUP BY ALL ORDER BY period, direction"""
    # The direction labels are parameters too: actor names are user input.
    labels = [f"{a.upper()}->{b.upper()}", f"{b.upper()}->{a.upper()}"]
    return _relation(con, sql, ab_params + labels + ab_params + ba_params)


def top_actors(con: duckdb.DuckDBPyConnection, *, top: int = 20) -> duckdb.DuckDBPyRelation:
    return con.sql(f"SELECT code, name, country, num_events, as_source, as_target "
                   f"FROM actors ORDER BY num_events DESC, code LIMIT {int(top)}")


def _dicts(cursor) -> list[dict]:
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def _json(value):
    return json.loads(value) if value else None


def event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict:
    """One event with its member mentions, each with its article and evidence offsets."""
    found = _dicts(con.execute("SELECT * FROM events WHERE id = ?", [event_id]))
    if not found:
        raise NotFoundError(message("E090", what="event", id=event_id))
    mentions = _dicts(con.execute(
        "SELECT m.*, a.doc_id, a.title, a.url, a.outlet, a.published FROM mentions m "
        "JOIN articles a ON a.id = m.article_id WHERE m.event_id = ? "
        "ORDER BY m.event_date, m.id", [event_id]))
    for m in mentions:
        for field in ("source_json", "target_json", "evidence_json", "numbers_json"):
            if field in m:
                m[field.removesuffix("_json")] = _json(m.pop(field))
    return {**found[0], "mentions": mentions}


def _actor_list(value) -> list[dict]:
    """A stored side (one actor object, a list for compound actors, or null) as a list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict:
    """An article's text with the spans the coder found in it (actors, triggers, places,
    numbers), each tied to its mention and event; offsets are into `text`."""
    found = _dicts(con.execute("SELECT id, doc_id, url, title, outlet, published, text, "
                               "language, coder_version FROM articles WHERE id = ?",
                               [article_id]))
    if not found:
        raise NotFoundError(message("E090", what="article", id=article_id))
    numbers = ", numbers_json" if _has_column(con, "mentions", "numbers_json") else ""
    place = ", location_name" if _has_column(con, "mentions", "location_name") else ""
    mentions = _dicts(con.execute(
        f"SELECT id, event_id, sentence_index, sentence, event, cameo, quad_class, goldstein, "
        f"negated, modality, source_json, target_json, evidence_json{numbers}{place} "
        f"FROM mentions WHERE article_id = ? ORDER BY sentence_index, id", [article_id]))
    spans = []
    for m in mentions:
        evidence = _json(m.pop("evidence_json")) or {}
        base = {"mention_id": m["id"], "event_id": m["event_id"]}
        trigger = evidence.get("trigger")
        if trigger:
            spans.append({**base, "kind": "trigger", "start": trigger[0], "end": trigger[1],
                          "label": f"{m['event'] or 'statement'} {m['cameo']}"})
        for side in ("source", "target"):
            actors = _actor_list(_json(m.pop(f"{side}_json")))
            for offsets, actor in zip(evidence.get(side) or [], actors, strict=False):
                spans.append({**base, "kind": side, "start": offsets[0], "end": offsets[1],
                              "label": f"{actor.get('name') or actor.get('text')} "
                                       f"({actor.get('code') or '?'})"})
        if evidence.get("location"):
            start, end = evidence["location"]
            spans.append({**base, "kind": "place", "start": start, "end": end,
                          "label": m.get("location_name") or "place"})
        quantities = _json(m.pop("numbers_json", None)) or []
        for offsets, number in zip(evidence.get("numbers") or [], quantities, strict=False):
            spans.append({**base, "kind": "number", "start": offsets[0], "end": offsets[1],
                          "label": f"{number.get('type')}: {number.get('value'):g}"
                                   f"{' ' + number['unit'] if number.get('unit') else ''}"})
        m["evidence"] = evidence
    spans.sort(key=lambda sp: (sp["start"], -sp["end"]))
    return {**found[0], "mentions": mentions, "spans": spans}


def _has_column(con, table: str, column: str) -> bool:
    cursor = con.execute(f"SELECT * FROM {table} LIMIT 0")
    found = column in {d[0] for d in cursor.description}
    cursor.fetchall()
    return found


def series(con: duckdb.DuckDBPyConnection, *, by: str = "day",
           **filters) -> duckdb.DuckDBPyRelation:
    """Events per period and quad class, with the Goldstein sum and mean: the overview's
    timeline, under the same filters as `events`."""
    if by not in PERIODS:
        raise StoreError(message("E044", detail=f"--by takes one of {', '.join(PERIODS)}"))
    where, params = _event_filters(con, **filters)
    return _relation(con, f"""
        SELECT date_trunc('{PERIODS[by]}', event_date)::DATE AS period,
               {PERIOD_MEASURES}
        FROM events WHERE event_date IS NOT NULL AND {' AND '.join(where)}
        GROUP BY ALL ORDER BY period""", params)


def network(con: duckdb.DuckDBPyConnection, *, since: str | None = None,
            until: str | None = None, min_events: int = 1, top: int = 200, **filters) -> dict:
    """Who acts on whom: actor codes as nodes, directed edges weighted by event count, with
    their cooperation and conflict counts and mean Goldstein (the `top` heaviest edges)."""
    where, params = _event_filters(con, since=since, until=until, **filters)
    edges = _dicts(con.execute(f"""
        WITH sources AS (
            SELECT id, unnest(source_codes) AS source, unnest(source_names) AS source_name,
                   target_codes, target_names, quad_class, goldstein
            FROM events WHERE {' AND '.join(where)}),
        pairs AS (
            SELECT id, source, source_name, unnest(target_codes) AS target,
                   unnest(target_names) AS target_name, quad_class, goldstein FROM sources)
        SELECT source, any_value(source_name) AS source_name, target,
               any_value(target_name) AS target_name, count(DISTINCT id) AS events,
               count(*) FILTER (WHERE quad_class <= 2) AS cooperation,
               count(*) FILTER (WHERE quad_class >= 3) AS conflict,
               round(avg(goldstein), 2) AS goldstein_mean
        FROM pairs WHERE source IS NOT NULL AND target IS NOT NULL AND source <> target
        GROUP BY source, target HAVING count(DISTINCT id) >= ?
        ORDER BY events DESC, source, target LIMIT ?""",
        [*params, int(min_events), int(top)]))
    nodes: dict[str, dict] = {}
    for e in edges:
        for side in ("source", "target"):
            node = nodes.setdefault(e[side], {"id": e[side], "name": e[f"{side}_name"],
                                              "events": 0, "cooperation": 0, "conflict": 0})
            for field in ("events", "cooperation", "conflict"):
                node[field] += e[field]
    return {"nodes": sorted(nodes.values(), key=lambda n: (-n["events"], n["id"])),
            "edges": edges}


def locations(con: duckdb.DuckDBPyConnection, *, top: int = 2000, **filters) -> dict:
    """Events per place (the map), under the same filters as `events`."""
    _require_locations(con, "map")
    where, params = _event_filters(con, **filters)
    places = _dicts(con.execute(f"""
        SELECT location_name AS name, location_country AS country,
               location_precision AS precision, round(location_lat, 4) AS lat,
               round(location_lon, 4) AS lon, count(*) AS events,
               count(*) FILTER (WHERE quad_class <= 2) AS cooperation,
               count(*) FILTER (WHERE quad_class >= 3) AS conflict,
               round(avg(goldstein), 2) AS goldstein_mean
        FROM events WHERE location_lat IS NOT NULL AND location_lon IS NOT NULL
              AND {' AND '.join(where)}
        GROUP BY ALL ORDER BY events DESC, name LIMIT ?""", [*params, int(top)]))
    unplaced = con.execute(f"SELECT count(*) FROM events WHERE location_lat IS NULL AND "
                           f"{' AND '.join(where)}", params).fetchall()[0][0]
    return {"places": places, "unplaced_events": unplaced}


def stats(con: duckdb.DuckDBPyConnection) -> dict:
    """What the store holds: row counts, the date range, events per type and quad class."""
    counts = {table: con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
              for table in ("articles", "mentions", "events")}
    first, last, negated, actors = con.execute(
        "SELECT min(event_date), max(event_date), count(*) FILTER (WHERE negated), "
        "(SELECT count(*) FROM actors) FROM events").fetchall()[0]
    by_type = dict(con.execute("SELECT coalesce(event, 'statement'), count(*) FROM events "
                               "WHERE NOT negated GROUP BY ALL ORDER BY 2 DESC, 1").fetchall())
    by_quad = {str(q): n for q, n in con.execute(
        "SELECT quad_class, count(*) FROM events WHERE NOT negated GROUP BY ALL "
        "ORDER BY 1").fetchall()}
    return {**counts, "negated_events": negated, "actors": actors, "first_date": first,
            "last_date": last, "events_by_type": by_type, "events_by_quad_class": by_quad,
            "has_locations": has_locations(con)}


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
