"""CSV and TSV exports of news databases: one article per row, streamed row by row.

A header row is required. The delimiter is the header line's (when it has exactly one of
comma, tab, semicolon, bar), else sniffed with csv.Sniffer from the start of the file, else
tab for .tsv and comma otherwise; quoting is standard CSV (double quotes, doubled to
escape), so quoted fields may span lines and hold very large texts. Columns are mapped as in
JSONL (`pick`): the field named by the user (--text-field ...), else the first default name
present (text/body/content, date/published/pub_date, url/link, title/headline). Rows are
numbered from 1 after the header; problems give the row and the line where it starts.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from pathlib import Path

from ..errors import message
from ..records import Article
from .jsonl import DEFAULT_FIELDS, pick
from .text import FALLBACK_ENCODING, Problem, Report, make_article

SNIFF_BYTES = 65_536
# At most this much of it goes to csv.Sniffer (worst case ~0.2 s).
SNIFFER_CHARS = 8_192
# The largest field (and physical line) accepted: a whole long article fits many times over.
MAX_FIELD_CHARS = 50_000_000
DELIMITERS = ",\t;|"
COMPRESSION_SUFFIXES = {".gz", ".bz2", ".xz", ".zst"}


def read_csv(stream, source: str, report: Report, options=None) -> Iterator[Article]:
    if csv.field_size_limit() < MAX_FIELD_CHARS:
        csv.field_size_limit(MAX_FIELD_CHARS)
    name = _name(source)
    head = stream.read(SNIFF_BYTES)
    if not head.strip():
        report(Problem(source, None, message("E002", path=source), True))
        return
    whole = io.BufferedReader(_Concat(head, stream))
    bad_lines: list[tuple[int, int]] = []  # (line, byte offset) decoded with the fallback
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text_stream = io.TextIOWrapper(whole, encoding="utf-16", errors="replace", newline="")
        sample = head.decode("utf-16", errors="replace")
        lines = _lines(text_stream.readline, "\n", source, report)
    else:
        sample = head.decode("utf-8-sig", errors="replace")
        lines = _decoded(_lines(whole.readline, b"\n", source, report), bad_lines)
    if len(head) == SNIFF_BYTES and "\n" in sample:
        sample = sample[: sample.rindex("\n") + 1]
    reader = csv.reader(lines, delimiter=_delimiter(sample, name))

    header = _header(reader, source, report)
    if header is None:
        return
    fields = {role: getattr(options, f"{role}_field", None) for role in DEFAULT_FIELDS}
    wanted = (fields["text"],) if fields["text"] else DEFAULT_FIELDS["text"]
    if not any(column in header for column in wanted):
        report(Problem(source, 1, message("E078", path=source, fields=", ".join(wanted),
                                          columns=", ".join(header) or "no columns"), True))
        return

    stem = Path(name).stem or "csv"
    row = 0
    line = reader.line_num
    while True:
        start = line + 1
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            row += 1
            _report_bad_lines(bad_lines, source, row, report)
            report(Problem(source, row, message("E079", path=source, row=row, line=start,
                                                detail=f"not valid CSV ({e})"), True))
            if reader.line_num == line:  # no progress: nothing more can be read
                break
            line = reader.line_num
            continue
        line = reader.line_num
        if not any(value.strip() for value in values):
            bad_lines.clear()
            continue
        row += 1
        _report_bad_lines(bad_lines, source, row, report)
        record: dict[str, str] = {}
        for column, value in zip(header, values, strict=False):
            record.setdefault(column, value)
        text = pick(record, "text", fields["text"])
        if text is None:
            report(Problem(source, row, message("E076", path=source, row=row, line=start,
                                                fields=", ".join(wanted)), True))
            continue
        yield make_article(
            text,
            id=(record.get("id") or "").strip() or f"{stem}:{row}",
            date=pick(record, "date", fields["date"]),
            url=pick(record, "url", fields["url"]),
            title=pick(record, "title", fields["title"]),
            author=_author(record),
            origin=source,
        )


def _header(reader, source: str, report: Report) -> list[str] | None:
    while True:
        try:
            header = next(reader)
        except StopIteration:
            report(Problem(source, None, message("E002", path=source), True))
            return None
        except csv.Error as e:
            report(Problem(source, reader.line_num, message(
                "E053", path=source,
                detail=f"line {reader.line_num}: the header row is not valid CSV ({e})"), True))
            return None
        if any(value.strip() for value in header):
            return [value.strip().lstrip("\ufeff") for value in header]


def _delimiter(sample: str, name: str) -> str:
    """The delimiter of the header line when it has exactly one of the candidates; else the
    one csv.Sniffer finds in the sample, if the header line has it; else by extension, else
    the candidate the header line has most of, else a comma."""
    first = sample.split("\n", 1)[0]
    present = [d for d in DELIMITERS if d in first]
    if len(present) == 1:
        return present[0]
    try:
        # The Sniffer's quote search is quadratic in its sample: it is given a bounded one.
        sniffed = csv.Sniffer().sniff(sample[:SNIFFER_CHARS], delimiters=DELIMITERS).delimiter
    except csv.Error:
        sniffed = None
    if sniffed and sniffed in first:
        return sniffed
    if Path(name).suffix.lower() == ".tsv":
        return "\t"
    counts = {d: first.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _lines(readline, newline, source: str, report: Report):
    """Physical lines of at most MAX_FIELD_CHARS; a longer one is reported and dropped."""
    number = 0
    while True:
        line = readline(MAX_FIELD_CHARS)
        if not line:
            return
        number += 1
        if len(line) >= MAX_FIELD_CHARS and not line.endswith(newline):
            report(Problem(source, number, message(
                "E053", path=source,
                detail=f"line {number} is longer than {MAX_FIELD_CHARS // 1_000_000} MB"), True))
            while line and not line.endswith(newline):
                line = readline(MAX_FIELD_CHARS)
            yield newline
            continue
        yield line


def _decoded(lines, bad_lines: list[tuple[int, int]]) -> Iterator[str]:
    """UTF-8 lines (a leading BOM dropped); a line that is not UTF-8 is decoded with the
    fallback encoding and noted, to be reported with its row."""
    for number, raw in enumerate(lines, 1):
        try:
            yield raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as e:
            bad_lines.append((number, e.start))
            yield raw.decode(FALLBACK_ENCODING, errors="replace")


def _report_bad_lines(bad_lines, source: str, row: int, report: Report) -> None:
    for line, offset in bad_lines:
        report(Problem(source, row, message("E077", path=source, row=row, line=line,
                                            offset=offset, fallback=FALLBACK_ENCODING), False))
    bad_lines.clear()


def _author(record: dict) -> str | None:
    for column in ("author", "byline", "authors"):
        value = record.get(column)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _name(source: str) -> str:
    """The file name without its compression suffix (data.tsv.gz -> data.tsv)."""
    name = Path(source).name
    suffix = Path(name).suffix.lower()
    return name[: -len(suffix)] if suffix in COMPRESSION_SUFFIXES else name


class _Concat(io.RawIOBase):
    """The bytes already read (the sniffed head), then the rest of the stream."""

    def __init__(self, head: bytes, stream):
        self.head = memoryview(head)
        self.stream = stream

    def readable(self):
        return True

    def readinto(self, buffer):
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        data = self.stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
