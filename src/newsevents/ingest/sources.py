"""Where articles come from: files, folders, globs, compressed files, URLs and stdin, each
read by the reader for its format (detected by extension and content, or forced).

Readers share one signature, `read(stream, source, report, options) -> Iterator[Article]`,
take a binary stream (so large files are streamed), and report problems instead of raising:
a bad item never stops the rest of a batch.
"""

from __future__ import annotations

import bz2
import glob
import gzip
import io
import lzma
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError, message
from ..records import Article
from .jsonl import decoded_lines, read_jsonl
from .text import MAX_ARTICLE_BYTES, Problem, Report, decode, make_article, read_capped

FORMATS = ("auto", "text", "jsonl", "csv", "html", "feed", "warc")
COMPRESSED = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}
SUFFIX_FORMATS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".arc": "warc",
}
READABLE_SUFFIXES = set(SUFFIX_FORMATS) | set(COMPRESSED) | {".zst", ""}


@dataclass(frozen=True, kw_only=True)
class InputOptions:
    """How inputs are read: their format (auto-detected by default) and, for CSV/JSONL-like
    tables, which fields hold the text and its metadata."""

    input_format: str = "auto"
    text_field: str | None = None
    date_field: str | None = None
    url_field: str | None = None
    title_field: str | None = None
    fetch_links: bool = True


def sniff(head: bytes) -> str:
    """A format from the first bytes of a (decompressed) input."""
    start = head.lstrip()[:512].lower()
    if start.startswith(b"warc/"):
        return "warc"
    if start.startswith(b"{"):
        return "jsonl"
    if b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start:
        return "feed"
    if start.startswith((b"<!doctype html", b"<html")) or b"<html" in start[:200]:
        return "html"
    if start.startswith(b"<?xml"):
        return "feed" if (b"<rss" in head.lower() or b"<feed" in head.lower()) else "html"
    return "text"


def _open(path: Path) -> tuple[BinaryIO, str]:
    """A binary stream of the file's content, decompressed; and the name without the
    compression suffix (whose own suffix says the format)."""
    suffix = path.suffix.lower()
    if suffix in COMPRESSED:
        return COMPRESSED[suffix](path, "rb"), path.name[: -len(suffix)]
    if suffix == ".zst":
        import zstandard
        return zstandard.ZstdDecompressor().stream_reader(path.open("rb")), path.name[:-4]
    return path.open("rb"), path.name


def read_stream(stream: BinaryIO, source: str, name: str, report: Report,
                options: InputOptions, *, url: str | None = None) -> Iterator[Article]:
    buffered = stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(
        _RawAdapter(stream))
    fmt = options.input_format
    if fmt == "auto":
        fmt = SUFFIX_FORMATS.get(Path(name).suffix.lower()) or sniff(buffered.peek(4096))
    if fmt not in FORMATS:
        report(Problem(source, None, message("E052", path=source, fmt=fmt), True))
        return
    try:
        yield from _READERS[fmt](buffered, source, report, options, url=url, name=name)
    except (EOFError, zlib.error, lzma.LZMAError, OSError) as e:
        report(Problem(source, None, message("E051", path=source, detail=e), True))


class _RawAdapter(io.RawIOBase):
    """Any object with read() as a raw stream, so it can be buffered and peeked."""

    def __init__(self, stream):
        self.stream = stream

    def readable(self):
        return True

    def readinto(self, buffer):
        data = self.stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _read_text(stream, source, report, options, *, url=None, name=""):
    data = read_capped(stream, source, report, limit=MAX_ARTICLE_BYTES, code="E008")
    text = decode(data, source, report) if data is not None else None
    if text is not None:
        stem = "stdin" if source == "<stdin>" else Path(name).stem or Path(source).stem
        yield make_article(text, id=stem, origin=source, url=url)


def _read_jsonl(stream, source, report, options, *, url=None, name=""):
    yield from read_jsonl(decoded_lines(stream, source, report), source, report,
                          fields=options)


def _read_csv(stream, source, report, options, *, url=None, name=""):
    from .tabular import read_csv
    yield from read_csv(stream, source, report, options)


def _read_html(stream, source, report, options, *, url=None, name=""):
    from .html import read_html
    yield from read_html(stream, source, report, options, url=url)


def _read_feed(stream, source, report, options, *, url=None, name=""):
    from .feeds import read_feed
    yield from read_feed(stream, source, report, options)


def _read_warc(stream, source, report, options, *, url=None, name=""):
    from .warc import read_warc
    yield from read_warc(stream, source, report, options)


_READERS = {"text": _read_text, "jsonl": _read_jsonl, "csv": _read_csv, "html": _read_html,
            "feed": _read_feed, "warc": _read_warc}


def _files(spec: str) -> list[Path] | None:
    """The files a path, folder (recursive) or glob names; None when it names nothing."""
    path = Path(spec)
    if path.is_dir():
        return sorted(f for f in path.rglob("*") if f.is_file() and not f.name.startswith(".")
                      and f.suffix.lower() in READABLE_SUFFIXES)
    if path.is_file():
        return [path]
    if glob.has_magic(spec):
        matches = sorted(Path(p) for p in glob.glob(spec, recursive=True))
        return [p for p in matches if p.is_file()] or None
    return None


def read_inputs(specs: Iterable[str], report: Report,
                options: InputOptions | None = None) -> Iterator[Article]:
    """Articles from every input in order: paths, folders, globs, `http(s)://` URLs, `-`."""
    options = options or InputOptions()
    for spec in specs:
        if spec == "-":
            yield from read_stream(sys.stdin.buffer, "<stdin>", "", report, options)
        elif spec.lower().startswith(("http://", "https://")):
            yield from read_url(spec, report, options)
        else:
            files = _files(spec)
            if files is None:
                report(Problem(spec, None, message("E001", path=spec), True))
                continue
            for f in files:
                try:
                    stream, name = _open(f)
                except OSError as e:
                    report(Problem(str(f), None, message("E053", path=f, detail=e), True))
                    continue
                with stream:
                    yield from read_stream(stream, str(f), name, report, options)


def read_url(url: str, report: Report, options: InputOptions) -> Iterator[Article]:
    from .fetch import fetch_url
    try:
        fetched = fetch_url(url)
    except InputError as e:
        report(Problem(url, None, str(e), True))
        return
    name = Path(fetched.url.split("?")[0]).name
    if options.input_format == "auto":
        kind = ("feed" if any(t in fetched.content_type for t in ("rss", "atom", "xml"))
                else "html" if "html" in fetched.content_type
                else "jsonl" if "json" in fetched.content_type else None)
        if kind:
            options = InputOptions(**{**options.__dict__, "input_format": kind})
    yield from read_stream(io.BytesIO(fetched.data), url, name, report, options,
                           url=fetched.url)
