"""One JSON error shape for every route: `{"error": {"code", "message", "status"}}`.

Codes come from the catalogue in `newsevents.errors`; FastAPI's own validation errors,
unknown routes, over-large bodies and unexpected failures are mapped onto it too, so a client
parses one shape whatever went wrong.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from ..errors import NewsEventsError, NotFoundError, StoreError, message

log = logging.getLogger("newsevents.api")

# Store errors that mean the server's store is unusable, not that the request was wrong.
UNAVAILABLE = {"E040", "E041", "E042"}


class ErrorBody(BaseModel):
    code: str
    message: str
    status: int


class ErrorResponse(BaseModel):
    error: ErrorBody


# Every route documents these in the OpenAPI document.
ERROR_RESPONSES = {status: {"model": ErrorResponse, "description": why} for status, why in (
    (400, "Invalid parameter or body"), (404, "No such id or route"),
    (413, "Request body over the cap"), (503, "The store cannot be opened"),
    (504, "Coding timed out"))}


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int):
        super().__init__(413, message("E093", limit=limit))


class CodingTimeout(HTTPException):
    def __init__(self, seconds: float):
        super().__init__(504, message("E094", seconds=seconds))


def error_response(status: int, text: str) -> JSONResponse:
    """`text` is a catalogue message, "[E0xx] ..."; its code goes into the shape."""
    code, _, rest = text.partition("] ")
    if code.startswith("[E") and rest:
        code, text = code[1:], rest
    else:
        code = "E095" if status >= 500 else "E092"
    return JSONResponse({"error": {"code": code, "message": text, "status": status}},
                        status_code=status)


def _validation_detail(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors()[:5]:
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "path"))
        parts.append(f"{where}: {error.get('msg')}")
    return "; ".join(parts) or "malformed request"


def install(app: FastAPI) -> None:
    """Register the handlers that give every error the one shape."""

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        return error_response(400, message("E092", detail=_validation_detail(exc)))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        if exc.status_code in (404, 405) and not str(exc.detail).startswith("[E"):
            text = message("E091", method=request.method, path=request.url.path)
        elif exc.status_code == 400 and not str(exc.detail).startswith("[E"):
            text = message("E092", detail=exc.detail)
        else:
            text = str(exc.detail)
        return error_response(exc.status_code, text)

    @app.exception_handler(NewsEventsError)
    async def store_error(request: Request, exc: NewsEventsError):
        text = str(exc)
        if isinstance(exc, NotFoundError):
            status = 404
        elif isinstance(exc, StoreError) and text[1:5] in UNAVAILABLE:
            status = 503
        else:
            status = 400
        return error_response(status, text)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        log.exception("internal error on %s %s", request.method, request.url.path)
        return error_response(500, message("E095", detail=type(exc).__name__))


class BodyLimit:
    """ASGI middleware: bodies over `limit` bytes get 413 before the route reads them all,
    whether the client declared the length or streamed it."""

    def __init__(self, app, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            response = error_response(413, message("E093", limit=self.limit))
            return await response(scope, receive, send)
        received = 0

        async def limited_receive():
            nonlocal received
            event = await receive()
            if event["type"] == "http.request":
                received += len(event.get("body", b""))
                if received > self.limit:
                    raise BodyTooLarge(self.limit)
            return event

        await self.app(scope, limited_receive, send)
