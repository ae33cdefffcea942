"""Plain-text articles: metadata headers, datelines and boilerplate, decoding of bytes.

Metadata and boilerplate are blanked out with spaces rather than cut, so every character
offset the coder reports still points into the text as it was received.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import message
from ..records import Article

# Bytes looked at to tell text from binary.
SNIFF_BYTES = 8192
# Share of control characters above which a file is taken for binary.
BINARY_CONTROL_SHARE = 0.10
FALLBACK_ENCODING = "cp1252"
# A plain-text file larger than this is not one news article (a 50 MB dump, a log): it is
# refused with a message instead of being parsed for minutes as one document. Collections of
# articles go in JSONL, which is streamed whatever its size.
MAX_ARTICLE_BYTES = 5_000_000

_DATE_MARKER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s")
# "NAIROBI, May 17 (Reuters) - ", "BRUSSELS (AP) — ": place (and date, agency) of a report.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'’-]{2,40}?(?:, [A-Z][A-Za-z.'’ -]{1,30}?)?)"
    r"(?:, (?P<when>[A-Z][a-z]{2,8}\.? \d{1,2}))?"
    r"(?: \((?P<agency>[^)\n]{1,40})\))?\s*[-–—]+\s", re.M)
_HEADER = re.compile(r"^(title|date|url|source|byline|author)\s*:\s*(.*)$", re.I)
# Lines that are not news: subscription calls, share buttons, cookie notices, author bios.
BOILERPLATE = [
    re.compile(p, re.I | re.M)
    for p in (
        r"thank you for reading[^\n]*?(subscribe|support)[^\n]*?[!.]",
        r"^\s*(share|subscribe|sign up|follow us|read more|related:|advertisement)\b[^\n]*$",
        r"^\s*\*\s*[^\n]{0,80}\bis an? (researcher|journalist|writer|analyst|correspondent|"
        r"editor|reporter|contributor|columnist|professor)\b[^\n]*(\n[^\n]+)*",
        # a byline line: "By Mark Halloran and Yelena Sorokina" (names only, nothing else)
        r"^[ \t]*By (?:[A-Z][\w.'’-]*[ \t]?){1,4}(?:(?:,|,? and)[ \t](?:[A-Z][\w.'’-]*[ \t]?)"
        r"{1,4})*[ \t]*$",
    )
]


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input: `skipped` when the item was not coded."""

    path: str
    line: int | None
    text: str
    skipped: bool


Report = Callable[[Problem], None]


def blank(text: str, start: int, end: int) -> str:
    """Replace text[start:end] by spaces, keeping line breaks (and so every offset)."""
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def clean_text(text: str) -> tuple[str, dict]:
    """Metadata header and boilerplate -> (coding text, metadata)."""
    meta: dict = {}
    coding = text
    marker = _DATE_MARKER.match(coding)
    if marker:
        meta["date"] = marker.group(1)
        coding = blank(coding, 0, marker.end())
    else:
        offset = 0
        for line in coding.splitlines(keepends=True):
            header = _HEADER.match(line.strip())
            if not header:
                if line.strip():
                    break
                offset += len(line)
                continue
            key = header.group(1).lower()
            meta[{"byline": "author"}.get(key, key)] = header.group(2).strip()
            coding = blank(coding, offset, offset + len(line.rstrip("\n")))
            offset += len(line)
    for pattern in BOILERPLATE:
        for found in list(pattern.finditer(coding)):
            coding = blank(coding, found.start(), found.end())
    dateline = _DATELINE.search(coding)
    if dateline and not coding[:dateline.start()].strip().count("\n\n") > 3:
        meta["dateline"] = dateline.group("place").strip().title()
        coding = blank(coding, dateline.start(), dateline.end())
    if "date" in meta:
        meta["date"] = _iso_date(meta["date"])
    return coding, meta


def _iso_date(value: str) -> str | None:
    found = re.search(r"(\d{4})-(\d{1,2})-(\d{1,2})", value or "")
    if not found:
        return None
    y, m, d = found.groups()
    return f"{y}-{int(m):02d}-{int(d):02d}"


_MONTHS = ("january february march april may june july august september october november "
           "december").split()
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|-|\b)")
_TEXT_DATES = [
    re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b"),
    re.compile(r"\b(?P<month>[A-Z][a-z]{2,8})\.? (?P<day>\d{1,2}),? (?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<day>\d{1,2}) (?P<month>[A-Z][a-z]{2,8})\.? (?P<year>(?:19|20)\d\d)\b"),
]
# Characters from the top of an article searched for its date when no metadata gives one.
DATE_SEARCH_CHARS = 600


def date_from_url_or_text(url: str | None, text: str) -> str | None:
    """A publication date from a URL ("/2024/03/27/") or the top of the text ("March 27,
    2024", "27 March 2024", "2024-03-27") when the metadata has none."""
    found = _URL_DATE.search(url or "")
    if found:
        return _valid(*map(int, found.groups()))
    head = text[:DATE_SEARCH_CHARS]
    iso = _TEXT_DATES[0].search(head)
    if iso:
        return _valid(*map(int, iso.groups()))
    for pattern in _TEXT_DATES[1:]:
        found = pattern.search(head)
        if found:
            month = next((n for n, m in enumerate(_MONTHS, 1)
                          if m.startswith(found.group("month").lower()[:3])), None)
            if month:
                return _valid(int(found.group("year")), month, int(found.group("day")))
    return None


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        import datetime as dt
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def make_article(text: str, *, id: str | None = None, date: str | None = None,
                 url: str | None = None, title: str | None = None,
                 origin: str | None = None, author: str | None = None,
                 site: str | None = None) -> Article:
    """An article from its text and whatever metadata came with it; the text's own header,
    dateline and boilerplate are read and blanked, its language detected."""
    from .language import detect_language
    coding, meta = clean_text(text)
    return Article(
        id=id or "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16],
        text=text,
        coding_text=coding,
        date=(_iso_date(date) if date else meta.get("date"))
        or date_from_url_or_text(url or meta.get("url"), coding),
        url=url or meta.get("url"),
        title=title or meta.get("title"),
        origin=origin,
        author=author or meta.get("author"),
        site=site,
        language=detect_language(coding),
        dateline=meta.get("dateline"),
    )


def read_capped(stream, source: str, report: Report, *, limit: int, code: str
                ) -> bytes | None:
    """At most `limit` bytes of a stream, or None (reported) when it holds more (`code` says
    what was too large) or nothing: a reader never holds an oversized input in memory."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        report(Problem(source, None, message(code, path=source, size=len(data) / 1e6,
                                             limit=limit / 1e6), True))
        return None
    if not data.strip():
        report(Problem(source, None, message("E002", path=source), True))
        return None
    return data


def decode(data: bytes, path: str, report: Report) -> str | None:
    """Bytes -> text, or None (reported) when the file is empty or binary."""
    if not data.strip():
        report(Problem(path, None, message("E002", path=path), True))
        return None
    head = data[:SNIFF_BYTES]
    controls = sum(b < 9 or 13 < b < 32 for b in head)
    if b"\x00" in head or controls > BINARY_CONTROL_SHARE * len(head):
        detail = "NUL bytes" if b"\x00" in head else f"{controls} control bytes"
        report(Problem(path, None, message("E003", path=path, detail=detail), True))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        report(Problem(path, None, message("E006", path=path, offset=e.start,
                                           fallback=FALLBACK_ENCODING), False))
        return data.decode(FALLBACK_ENCODING, errors="replace")
