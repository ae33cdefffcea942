"""WARC archives (warcio): one article from every HTML `response` record.

Requests, metadata, non-HTML responses and the rest are skipped silently. A damaged record
is reported (with its number) and skipped when warcio can go on past it; a truncated or
unreadable archive is reported and reading stops, the records before the damage kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import message
from ..records import Article
from .html import MAX_HTML_BYTES, extract_html
from .text import Problem, Report, make_article

_UUID = re.compile(r"^<?(?:urn:uuid:)?([^<>]*?)>?$", re.I)


def _record_id(value: str | None) -> str | None:
    if not value:
        return None
    found = _UUID.match(value.strip())
    return (found.group(1) if found else value.strip()) or None


def _is_html(record) -> bool:
    headers = record.http_headers
    content_type = headers.get_header("Content-Type") if headers is not None else None
    if content_type is None:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    content_type = content_type.lower()
    return "html" in content_type and "application/http" not in content_type


def read_warc(stream, source: str, report: Report, options=None) -> Iterator[Article]:
    """Articles from the HTML response records of a WARC (plain or gzipped) stream."""
    from warcio.archiveiterator import ArchiveIterator

    number = 0
    counted = _Counting(stream)
    archive = ArchiveIterator(counted)
    records = iter(archive)
    member = None  # the gzip member of the last record read
    while True:
        warnings = archive.err_count
        try:
            record = next(records)
        except StopIteration:
            detail = None
            if counted.error is not None:
                detail = f"compressed input is truncated or corrupt: {_short(counted.error)}"
            elif counted.count > archive.offset:
                detail = (f"{counted.count - archive.offset} bytes after the last complete "
                          "record are not a record: the archive is truncated")
            elif member is not None and not getattr(member, "eof", True):
                detail = "the last gzip member is truncated"
            elif member is None and number and not counted.tail.endswith((b"\n\n",
                                                                           b"\r\n\r\n")):
                detail = "the archive ends inside a record"
            if detail:
                report(Problem(source, number, message(
                    "E063", path=source, record=number, detail=detail), True))
            return
        except Exception as e:  # truncated gzip, unparseable headers, not a WARC at all
            report(Problem(source, number + 1, message(
                "E063", path=source, record=number, detail=_short(e)), True))
            return
        if archive.err_count > warnings and number:
            report(Problem(source, number, message(
                "E062", path=source, record=number,
                detail="its Content-Length does not match its content"), True))
        number += 1
        member = _decompressor(archive)
        try:
            article = _article(record, number, source, report)
        except _Truncated as e:
            detail = f"{e} ({_short(counted.error)})" if counted.error else str(e)
            report(Problem(source, number, message(
                "E063", path=source, record=number - 1, detail=detail), True))
            return
        except Exception as e:  # a record whose body cannot be read or decoded
            report(Problem(source, number, message(
                "E062", path=source, record=number, detail=_short(e)), True))
            _drain(record)
            continue
        if article is not None:
            yield article


class _Counting:
    """The input stream, counting the bytes read (warcio's offsets are measured on it)."""

    def __init__(self, stream):
        self.stream = stream
        self.count = 0
        self.tail = b""  # the last bytes read: a complete plain WARC ends with a blank line
        self.error: Exception | None = None
        self.read1 = getattr(stream, "read1", stream.read)

    def read(self, size: int = -1) -> bytes:
        if self.error is not None:
            return b""
        try:  # read1: data read before a decompression error is not lost in a buffer
            data = self.read1(size) if size and size > 0 else self.stream.read(size)
        except Exception as e:  # a truncated or corrupt .gz/.xz/.zst around the WARC
            self.error = e
            return b""
        if data:
            self.count += len(data)
            self.tail = (self.tail + data[-8:])[-8:]
        return data

    def tell(self) -> int:
        return self.count

    def close(self) -> None:
        pass  # the caller owns the stream


class _Truncated(Exception):
    """A record whose content ends before its Content-Length: the archive was cut."""


def _decompressor(archive):
    reader = getattr(archive, "reader", None)
    return getattr(reader, "decompressor", None)


def _drain(record) -> None:
    """Read the rest of a record; raise _Truncated when the archive ends inside it."""
    raw = record.raw_stream
    while raw.read(1 << 16):
        pass
    if getattr(raw, "limit", 0) > 0:
        raise _Truncated(f"the archive is truncated: the record ends {raw.limit} bytes "
                         "before its Content-Length")


def _article(record, number: int, source: str, report: Report) -> Article | None:
    length = (record.rec_headers.get_header("Content-Length") or "").strip()
    if not length.isdigit():
        raise _Truncated(f"record header has no valid Content-Length ({length!r})")
    if record.rec_type != "response" or not _is_html(record):
        _drain(record)
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or None
    warc_date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
    data = record.content_stream().read(MAX_HTML_BYTES + 1)
    _drain(record)
    where = f"{source}#{number}"
    if len(data) > MAX_HTML_BYTES:
        report(Problem(source, number, message("E060", path=where, size=len(data) / 1e6,
                                               limit=MAX_HTML_BYTES / 1e6), True))
        return None
    found = extract_html(data, url=uri)
    if found is None:
        report(Problem(source, number, message("E061", path=f"{where} ({uri})"), True))
        return None
    record_id = _record_id(record.rec_headers.get_header("WARC-Record-ID"))
    return make_article(found["text"], id=record_id or uri or where,
                        date=found["date"] or warc_date, url=uri or found["url"],
                        title=found["title"], origin=source, author=found["author"],
                        site=found["site"])


def _short(error: Exception) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= 200 else text[:197] + "..."
