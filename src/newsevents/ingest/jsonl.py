"""JSONL records, one article a line: {"id", "text", "date"?, "url"?, "title"?}. Streamed line
by line; a malformed line is reported with its number and skipped."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import message
from ..records import Article
from .text import FALLBACK_ENCODING, Problem, Report, make_article

# Field names tried, in order, when the input does not say which field holds what.
DEFAULT_FIELDS = {
    "text": ("text", "body", "content", "article", "full_text"),
    "date": ("date", "published", "pub_date", "publish_date", "datetime", "timestamp"),
    "url": ("url", "link", "source_url"),
    "title": ("title", "headline"),
}


def pick(record: dict, role: str, explicit: str | None) -> str | None:
    """The value of a record's `role` field (text, date, url, title): the field named by the
    user, else the first default name present. Only strings count."""
    for name in ((explicit,) if explicit else DEFAULT_FIELDS[role]):
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return None


def read_jsonl(lines: Iterable[str], path: str, report: Report, *, fields=None
               ) -> Iterator[Article]:
    stem = Path(path).stem
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            report(Problem(path, number, message("E004", path=path, line=number,
                                                 detail=e.msg), True))
            continue
        if not isinstance(record, dict):
            report(Problem(path, number, message("E007", path=path, line=number), True))
            continue
        text = pick(record, "text", getattr(fields, "text_field", None))
        if text is None:
            report(Problem(path, number, message("E005", path=path, line=number), True))
            continue
        yield make_article(
            text,
            id=str(record.get("id") or f"{stem}:{number}"),
            date=pick(record, "date", getattr(fields, "date_field", None)),
            url=pick(record, "url", getattr(fields, "url_field", None)),
            title=pick(record, "title", getattr(fields, "title_field", None)),
            origin=path,
        )


def decoded_lines(stream, source: str, report: Report) -> Iterator[str]:
    """Lines of a binary stream as text; a line that is not UTF-8 is decoded with the
    fallback encoding and reported."""
    for number, raw in enumerate(stream, 1):
        try:
            yield raw.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            report(Problem(source, number, message(
                "E006", path=f"{source}: line {number}", offset=e.start,
                fallback=FALLBACK_ENCODING), False))
            yield raw.decode(FALLBACK_ENCODING, errors="replace")
