"""The FastAPI application: JSON routes under /v1, the dashboard at /, its files at /static.

No route takes SQL: every filter is a typed parameter passed to the query functions, which
send values to DuckDB only as parameters.
"""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from enum import Enum, StrEnum
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, Query
from fastapi import Path as PathPart
from fastapi.responses import FileResponse, Response
from pydantic import BaseModel, Field

from .. import __version__
from ..store import Store, query
from . import errors

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"
BODY_LIMIT = 1_000_000
CODE_TIMEOUT_SECONDS = 30.0
READ_HOLD_SECONDS = 1.0
# The dashboard loads only its own files; no inline script, no other origin.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
                               "img-src 'self' data:; connect-src 'self'; object-src 'none'; "
                               "base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

Sort = Enum("Sort", {name: name for key in query.SORTS for name in (key, "-" + key)}, type=str)
Modality = Enum("Modality", {m: m for m in query.MODALITIES}, type=str)
Period = Enum("Period", {p: p for p in query.PERIODS}, type=str)


class Format(StrEnum):
    json = "json"
    csv = "csv"


class CodeRequest(BaseModel):
    text: str = Field(min_length=1, description="The article's text")
    date: dt.date | None = Field(None, description="Publication date (relative dates "
                                                   "resolve against it)")
    url: str | None = None
    title: str | None = None
    id: str | None = Field(None, max_length=200, description="Document id echoed as doc_id")
    include_statements: bool = Field(False, description="Also return CAMEO 01x statements")


class EventFilters:
    """The filters of /v1/events, shared by the series, map and network routes."""

    def __init__(
        self,
        source: Annotated[str | None, Query(max_length=100, description=(
            "Source actor: country (RUS), code prefix (RUSGOV) or name"))] = None,
        target: Annotated[str | None, Query(max_length=100,
                                            description="Target actor, likewise")] = None,
        type: Annotated[str | None, Query(max_length=40,
                                          description="PLOVER type (CONSULT...)")] = None,
        cameo: Annotated[str | None, Query(max_length=4, pattern=r"^[0-9]+$",
                                           description="CAMEO code prefix")] = None,
        modality: Modality | None = None,
        since: Annotated[dt.date | None, Query(description="On or after")] = None,
        until: Annotated[dt.date | None, Query(description="On or before")] = None,
        country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description=(
            "ISO3 country of the event's location"))] = None,
        bbox: Annotated[str | None, Query(max_length=100, description=(
            "min_lon,min_lat,max_lon,max_lat of the event's location"))] = None,
        q: Annotated[str | None, Query(max_length=200,
                                       description="A word of the sentence")] = None,
        include_negated: bool = False,
    ):
        self.values = {
            "source": source, "target": target, "type": type, "cameo": cameo,
            "modality": modality.value if modality else None,
            "since": since.isoformat() if since else None,
            "until": until.isoformat() if until else None,
            "country": country, "bbox": bbox, "text": q, "include_negated": include_negated}


def _rows(relation) -> list[dict]:
    columns = relation.columns
    return [dict(zip(columns, row, strict=True)) for row in relation.fetchall()]


def _csv(rows: list[dict], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["|".join(map(str, v)) if isinstance(v, list) else v
                         for v in (row[c] for c in columns)])
    return out.getvalue()


class SharedReader:
    """Read-only access to the store shared by concurrent requests: opening the DuckDB file
    costs ~50-90 ms, a cursor on an open one almost nothing. A handle serves new requests for
    at most `hold` seconds and is closed as soon as it is idle after that, so an `ingest` in
    another process gets the file between bursts, as it does between CLI queries."""

    def __init__(self, store: Store, hold: float = READ_HOLD_SECONDS):
        self.store = store
        self.hold = hold
        self.lock = threading.Lock()
        self.current: _Handle | None = None

    @contextmanager
    def cursor(self):
        with self.lock:
            if self.current is None or self.current.expired(self.hold):
                if self.current is not None:
                    self.current.retire()
                self.current = _Handle(self.store)
            handle = self.current
            handle.users += 1
        cursor = handle.con.cursor()
        try:
            yield cursor
        finally:
            cursor.close()
            with self.lock:
                handle.users -= 1
                if handle.users == 0:
                    if handle is not self.current or handle.expired(self.hold):
                        handle.close()
                        if handle is self.current:
                            self.current = None
                    else:
                        threading.Timer(self.hold, self._close_if_idle, [handle]).start()

    def _close_if_idle(self, handle: _Handle) -> None:
        with self.lock:
            if handle.users == 0 and not handle.closed:
                handle.close()
                if handle is self.current:
                    self.current = None


class _Handle:
    def __init__(self, store: Store):
        self.stack = ExitStack()
        self.con = self.stack.enter_context(store.connect(read_only=True))
        self.opened = time.monotonic()
        self.users = 0
        self.closed = self.retired = False

    def expired(self, hold: float) -> bool:
        return self.retired or time.monotonic() - self.opened > hold

    def retire(self) -> None:
        self.retired = True
        if self.users == 0:
            self.close()

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self.stack.close()


class Coding:
    """The coder, loaded on first use, run in one worker thread with a timeout."""

    def __init__(self, coder=None, timeout: float = CODE_TIMEOUT_SECONDS):
        self.coder = coder
        self.timeout = timeout
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="coder")
        self.lock = threading.Lock()

    def _code(self, request: CodeRequest) -> list[dict]:
        from ..ingest import make_article
        with self.lock:
            if self.coder is None:
                from ..pipeline import Coder
                self.coder = Coder()
        article = make_article(request.text, id=request.id or "request",
                               date=request.date.isoformat() if request.date else None,
                               url=request.url, title=request.title)
        return [e.to_dict() for _, events in self.coder.code_articles([article])
                for e in events if e.event or request.include_statements]

    async def __call__(self, request: CodeRequest) -> list[dict]:
        future = asyncio.get_running_loop().run_in_executor(self.pool, self._code, request)
        try:
            return await asyncio.wait_for(future, self.timeout)
        except TimeoutError:
            raise errors.CodingTimeout(self.timeout) from None


def create_app(db: str | Path, *, coder=None, body_limit: int = BODY_LIMIT,
               code_timeout: float = CODE_TIMEOUT_SECONDS,
               read_hold: float = READ_HOLD_SECONDS) -> FastAPI:
    """The app for the store at `db`; `coder` (a loaded `Coder`) is optional: without it the
    first POST /v1/code loads one. `read_hold`: see `SharedReader`."""
    reader = SharedReader(Store(db), read_hold)
    coding = Coding(coder, code_timeout)
    app = FastAPI(title="newsevents", version=__version__,
                  description="Political event data coded from news, offline: query the "
                              "store, code text. Every error is "
                              '`{"error": {"code", "message", "status"}}`.',
                  responses=errors.ERROR_RESPONSES, docs_url=None, redoc_url=None)
    errors.install(app)
    app.add_middleware(errors.BodyLimit, limit=body_limit)

    @app.middleware("http")
    async def security_headers(request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    def read(function, *args, **kwargs):
        with reader.cursor() as con:
            return function(con, *args, **kwargs)

    @app.post("/v1/code", tags=["coding"], summary="Code a text into events")
    async def code(request: CodeRequest) -> dict:
        """The events of one article, as `newsevents code` prints them (one object each)."""
        events = await coding(request)
        return {"events": events, "count": len(events)}

    @app.get("/v1/events", tags=["events"], summary="List events, filtered")
    def list_events(
        filters: Annotated[EventFilters, Depends()],
        sort: Sort = Sort.event_date,
        cursor: Annotated[str | None, Query(max_length=500, description=(
            "next_cursor of the previous page"))] = None,
        limit: Annotated[int, Query(ge=1, le=100_000)] = 50,
        format: Format = Format.json,
    ):
        """Events by `sort` (`-` for descending) then id; pages follow `next_cursor`, which
        stays valid while events are added. `format=csv` gives a CSV file of the page."""
        def page(con):
            columns, found = query.rows(con, *query.events_sql(
                con, **filters.values, sort=sort.value, after=cursor, limit=limit + 1))
            return columns, [dict(zip(columns, row, strict=True)) for row in found]
        columns, rows = read(page)
        more = len(rows) > limit
        rows = rows[:limit]
        if format is Format.csv:
            return Response(_csv(rows, columns), media_type="text/csv", headers={
                "Content-Disposition": 'attachment; filename="events.csv"'})
        return {"events": rows, "count": len(rows),
                "next_cursor": query.cursor_after(rows[-1], sort.value) if more else None}

    @app.get("/v1/events/{event_id}", tags=["events"],
             summary="One event with its mentions and their evidence")
    def get_event(event_id: Annotated[str, PathPart(max_length=200)]) -> dict:
        return read(query.event, event_id)

    @app.get("/v1/articles/{article_id}", tags=["events"],
             summary="An article's text with the spans of actors, triggers, places, numbers")
    def get_article(article_id: Annotated[str, PathPart(max_length=200)]) -> dict:
        return read(query.article, article_id)

    @app.get("/v1/dyads/{a}/{b}/series", tags=["aggregates"],
             summary="Counts per quad class and Goldstein sum/mean between two actors")
    def dyad_series(a: Annotated[str, PathPart(max_length=100)],
                    b: Annotated[str, PathPart(max_length=100)], by: Period = Period.month) -> dict:
        """Both directions, one row per period and direction."""
        return {"a": a, "b": b, "by": by.value,
                "series": read(lambda con: _rows(query.dyad(con, a, b, by=by.value)))}

    @app.get("/v1/series", tags=["aggregates"],
             summary="Events per period and quad class (the overview timeline)")
    def series(filters: Annotated[EventFilters, Depends()], by: Period = Period.day) -> dict:
        return {"by": by.value, "series": read(
            lambda con: _rows(query.series(con, by=by.value, **filters.values)))}

    @app.get("/v1/actors", tags=["aggregates"], summary="The actors with the most events")
    def actors(top: Annotated[int, Query(ge=1, le=1000)] = 20) -> dict:
        return {"actors": read(lambda con: _rows(query.top_actors(con, top=top)))}

    @app.get("/v1/network", tags=["aggregates"],
             summary="Actors as nodes, event counts between them as weighted edges")
    def network(filters: Annotated[EventFilters, Depends()],
                min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
                top: Annotated[int, Query(ge=1, le=2000, description="Heaviest edges kept")
                               ] = 150) -> dict:
        return read(query.network, min_events=min_events, top=top, **filters.values)

    @app.get("/v1/locations", tags=["aggregates"], summary="Events per place (the map)")
    def locations(filters: Annotated[EventFilters, Depends()],
                  top: Annotated[int, Query(ge=1, le=10_000)] = 2000) -> dict:
        return read(query.locations, top=top, **filters.values)

    @app.get("/v1/stats", tags=["aggregates"], summary="What the store holds")
    def stats() -> dict:
        return read(query.stats)

    @app.get("/", include_in_schema=False)
    def dashboard():
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/static/{name:path}", include_in_schema=False)
    def static(name: str):
        path = (STATIC / name).resolve()
        if not path.is_relative_to(STATIC) or not path.is_file():
            raise errors.HTTPException(404)
        return FileResponse(path)

    app.state.coding = coding
    return app
