"""RSS 0.9x/1.0/2.0 and Atom feeds: one article per entry.

The document is first checked with defusedxml: a feed that declares XML entities (the
"billion laughs" bomb, external entities reading local files or URLs) is refused before any
parser expands them. The entries are then read with feedparser. An entry's text is its
content (else its summary), HTML turned into plain paragraphs separated by blank lines. A
stub entry (a teaser of a few lines) with an http(s) link is completed with the linked page
when `options.fetch_links` is on; a page that cannot be fetched is reported and the stub's
own text kept.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator
from html.parser import HTMLParser

from ..errors import InputError, message
from ..records import Article
from .text import Problem, Report, make_article, read_capped

# Bytes read from one feed; a larger input is refused unparsed.
MAX_FEED_BYTES = 20_000_000
# An entry whose text is shorter than this is a stub: its linked page is fetched.
STUB_CHARS = 300

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_E050_DETAIL = re.compile(r"could not fetch \((.*)\); skipped$", re.S)


def read_feed(stream, source: str, report: Report, options=None) -> Iterator[Article]:
    data = read_capped(stream, source, report, limit=MAX_FEED_BYTES, code="E071")
    if data is None:
        return
    if _declares_entities(data):
        report(Problem(source, None, message("E070", path=source), True))
        return

    import feedparser
    # A file object, never bytes: feedparser opens bytes that name a file as that file.
    parsed = feedparser.parse(io.BytesIO(data))
    entries = parsed.get("entries") or []
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not entries:
        if problem is not None:
            report(Problem(source, None, message("E072", path=source,
                                                 detail=_describe(problem)), True))
        elif not parsed.get("version"):
            report(Problem(source, None, message("E072", path=source,
                                                 detail="no RSS or Atom root element"), True))
        return
    if problem is not None and not isinstance(problem, feedparser.CharacterEncodingOverride):
        report(Problem(source, None, message("E073", path=source,
                                             detail=_describe(problem)), False))

    site = _clean(parsed.get("feed", {}).get("title"))
    fetch_links = getattr(options, "fetch_links", True)
    for number, entry in enumerate(entries, 1):
        article = _entry_article(entry, number, source, report, site, fetch_links)
        if article is not None:
            yield article


def _declares_entities(data: bytes) -> bool:
    """True when the document declares entities (internal or external) or references an
    external entity: checked by defusedxml, which stops at the declaration, before any
    expansion. A document that is not well-formed XML is also scanned for declarations
    (feedparser falls back to a lenient parser for those)."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, XMLParser

    parser = XMLParser(target=_Discard())
    try:
        parser.feed(data)
        parser.close()
    except DefusedXmlException:  # EntitiesForbidden, DTDForbidden, ExternalReferenceForbidden
        return True
    except (ParseError, ValueError, LookupError, RecursionError):
        return bool(_ENTITY_DECL.search(data))
    return False


class _Discard:
    """An XML parser target that keeps nothing: the check costs no tree in memory."""

    def close(self):
        return None


def _entry_article(entry, number: int, source: str, report: Report, site: str | None,
                   fetch_links: bool) -> Article | None:
    entry_id = _clean(entry.get("id")) or _clean(entry.get("link"))
    link = _clean(entry.get("link"))
    title = _clean(entry.get("title"))
    date = _date(entry)
    author = _clean(entry.get("author"))
    text = _entry_text(entry)

    if (len(text) < STUB_CHARS and fetch_links and link
            and link.lower().startswith(("http://", "https://"))):
        page = _linked_page(link, number, source, report)
        if page and len(page["text"]) > len(text):
            text = page["text"]
            title = title or page.get("title")
            date = date or page.get("date")
            author = author or page.get("author")
        elif page is not None:
            report(Problem(source, number, message(
                "E075", path=source, entry=number, url=link,
                detail="no article text found on the page"), False))

    if not text:
        report(Problem(source, number, message("E074", path=source, entry=number,
                                               id=entry_id or title or "no id"), True))
        return None
    return make_article(text, id=entry_id, date=date, url=link, title=title, origin=source,
                        author=author, site=site)


def _entry_text(entry) -> str:
    """The entry's content, else its summary, as plain text."""
    detail = None
    for content in entry.get("content") or []:
        if _clean(content.get("value")):
            detail = content
            break
    if detail is None:
        value = entry.get("summary")
        if not _clean(value):
            return ""
        detail = entry.get("summary_detail") or {"value": value, "type": "text/html"}
    value = detail.get("value") or ""
    kind = (detail.get("type") or "text/html").lower()
    if "html" not in kind and "<" not in value:
        return _paragraphs(value)
    return html_to_text(value)


def _linked_page(link: str, number: int, source: str, report: Report) -> dict | None:
    """{text, title, date, author} of the page an entry links to; None (reported) when it
    cannot be fetched."""
    from . import fetch

    try:
        fetched = fetch.fetch_url(link, timeout=fetch.TIMEOUT_SECONDS)
    except InputError as e:
        found = _E050_DETAIL.search(str(e))
        report(Problem(source, number, message(
            "E075", path=source, entry=number, url=link,
            detail=found.group(1) if found else str(e)), False))
        return None
    page = None
    try:
        from .html import extract_html
    except ImportError:
        extract_html = None
    if extract_html is not None:
        page = extract_html(fetched.data, url=fetched.url)
    if page and _clean(page.get("text")):
        return {"text": _paragraphs(page["text"]), "title": _clean(page.get("title")),
                "date": _clean(page.get("date")), "author": _clean(page.get("author"))}
    charset = re.search(r"charset=([\w-]+)", fetched.content_type)
    try:
        markup = fetched.data.decode(charset.group(1) if charset else "utf-8", errors="replace")
    except LookupError:
        markup = fetched.data.decode("utf-8", errors="replace")
    return {"text": html_to_text(markup, page=True)}


def _date(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return time.strftime("%Y-%m-%d", value)
    return None


def _clean(value) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _describe(problem) -> str:
    text = " ".join(str(problem).split()) or type(problem).__name__
    return text[:200]


def _paragraphs(text: str) -> str:
    """Plain text -> paragraphs (one per line or block) separated by blank lines."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def html_to_text(markup: str, *, page: bool = False) -> str:
    """HTML -> plain text, block elements as paragraphs separated by blank lines. Scripts
    and styles are dropped; with `page`, so are the navigation, header, footer and forms of
    a whole web page."""
    try:
        from .html import extract_html
    except ImportError:
        extract_html = None
    if extract_html is not None and not page:
        extracted = extract_html(markup)
        text = _paragraphs(extracted["text"]) if extracted and extracted.get("text") else ""
        plain = _strip_tags(markup, page=page)
        # trafilatura may drop part of a short fragment: keep it only when it kept the bulk.
        if text and len(text) >= 0.8 * len(plain):
            return text
        return plain
    return _strip_tags(markup, page=page)


def _strip_tags(markup: str, *, page: bool = False) -> str:
    parser = _TextParser(page=page)
    try:
        parser.feed(markup)
        parser.close()
    except (AssertionError, ValueError, RecursionError):  # html.parser on broken markup
        pass
    return parser.text()


_BLOCKS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
           "pre", "tr", "table", "section", "article", "figure", "figcaption", "dd", "dt",
           "dl", "hr", "address", "main", "aside", "header", "footer", "nav", "td", "th"}
_SKIPPED = {"script", "style", "noscript", "template", "svg", "head", "title", "iframe"}
_PAGE_SKIPPED = _SKIPPED | {"nav", "header", "footer", "form", "aside", "button", "menu"}


class _TextParser(HTMLParser):
    def __init__(self, *, page: bool):
        super().__init__(convert_charrefs=True)
        self.skipped = _PAGE_SKIPPED if page else _SKIPPED
        self.depth = 0
        self.blocks: list[list[str]] = [[]]

    def handle_starttag(self, tag, attrs):
        if tag in self.skipped:
            self.depth += 1
        elif tag in _BLOCKS:
            self._break()
        elif tag == "br" and not self.depth:
            self._break()

    def handle_startendtag(self, tag, attrs):
        if tag in ("br", "hr", "p") and not self.depth:
            self._break()

    def handle_endtag(self, tag):
        if tag in self.skipped:
            self.depth = max(0, self.depth - 1)
        elif tag in _BLOCKS:
            self._break()

    def handle_data(self, data):
        if not self.depth:
            self.blocks[-1].append(data)

    def _break(self):
        if self.blocks[-1]:
            self.blocks.append([])

    def text(self) -> str:
        paragraphs = (" ".join("".join(block).split()) for block in self.blocks)
        return "\n\n".join(p for p in paragraphs if p)
