"""Saved web pages: the main text and metadata of an article page.

trafilatura finds the article body (favouring precision: no comments, no tables, no
navigation) and its title, author, site name and canonical URL; htmldate is the fallback for
the publication date (the original date, not the last update). Neither library ever lets an
exception out of here: a page that cannot be read is a page with no article text.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import message
from ..records import Article
from .text import Problem, Report, make_article, read_capped

# A web page larger than this is not one news article (a dump, an archive, a data file).
MAX_HTML_BYTES = 20_000_000
# Extracted text is an article only if one of its paragraphs is a sentence of at least this
# many words: otherwise it is a heading, a menu or a list of links to other pages.
MIN_SENTENCE_WORDS = 8
# Date search window for htmldate: news archives rarely go further back.
MIN_DATE = "1990-01-01"

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SENTENCE_END = re.compile(r"[.!?…。][\"'”’»)]*(\s|$)")
# Blocks inside an article body that are never news: paywall and subscription calls,
# newsletter sign-ups, promotions, cookie notices, share bars.
_BOILERPLATE_CLASSES = ("paywall", "newsletter", "subscri", "promo", "sponsored", "cookie",
                        "share-bar", "social-share", "signup", "sign-up")
PRUNE_XPATH = [
    f"//*[contains(translate(@class, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', "
    f"'abcdefghijklmnopqrstuvwxyz'), '{name}') or contains(translate(@id, "
    f"'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '{name}')]"
    for name in _BOILERPLATE_CLASSES
]

# trafilatura and htmldate log every page they find hard to parse; those are our Problems.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


def _tree(data: bytes | str):
    """A parsed lxml tree (never fetched: a string that looks like a URL is still HTML)."""
    from trafilatura.utils import load_html
    return load_html(data)


def _date_params(url: str | None) -> dict:
    return {"original_date": True, "extensive_search": True, "outputformat": "%Y-%m-%d",
            "min_date": MIN_DATE, "url": url}


def _paragraphs(text: str) -> str:
    """trafilatura's one-line-per-block text -> paragraphs separated by blank lines."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def extract_html(data: bytes | str, *, url: str | None = None) -> dict | None:
    """{text, title, author, date (YYYY-MM-DD), site, url} of a web page's article, or None
    when the page has no article text (or is not HTML at all). Never raises."""
    try:
        return _extract(data, url)
    except Exception:  # any failure of the libraries (or deep nesting) means "no article"
        return None


def _extract(data: bytes | str, url: str | None) -> dict | None:
    from trafilatura import bare_extraction

    if not data or not data.strip():
        return None
    found: dict = {}
    text = ""
    # Precision first; pages it finds nothing in (old table layouts) get a balanced pass.
    for precision in (True, False):
        tree = _tree(data)
        if tree is None:
            return None
        doc = bare_extraction(
            tree, url=url, with_metadata=True, include_comments=False, include_tables=False,
            include_images=False, include_links=False, favor_precision=precision,
            prune_xpath=PRUNE_XPATH, date_extraction_params=_date_params(url))
        if doc is None:
            continue
        found = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
        text = _paragraphs(found.get("text") or "")
        if _is_article(text):
            break
    if not _is_article(text):
        return None
    date = found.get("date")
    if not (isinstance(date, str) and _ISO_DATE.match(date)):
        date = _fallback_date(data, url or found.get("url"))
    return {
        "text": text,
        "title": _clean(found.get("title")),
        "author": _clean(found.get("author")),
        "date": date,
        "site": _clean(found.get("sitename")) or _clean(found.get("hostname")),
        "url": _clean(found.get("url")),
    }


def _is_article(text: str) -> bool:
    return any(len(paragraph.split()) >= MIN_SENTENCE_WORDS and _SENTENCE_END.search(paragraph)
               for paragraph in text.split("\n\n"))


def _fallback_date(data: bytes | str, url: str | None) -> str | None:
    from htmldate import find_date
    tree = _tree(data)  # bare_extraction pruned the first tree
    if tree is None:
        return None
    params = _date_params(url)
    date = find_date(tree, **params)
    return date if isinstance(date, str) and _ISO_DATE.match(date) else None


def _clean(value) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def read_html(stream, source: str, report: Report, options=None, *,
              url: str | None = None) -> Iterator[Article]:
    """One article from a saved web page (a binary stream), or a skipped Problem."""
    data = read_capped(stream, source, report, limit=MAX_HTML_BYTES, code="E060")
    if data is None:
        return
    found = extract_html(data, url=url)
    if found is None:
        report(Problem(source, None, message("E061", path=source), True))
        return
    stem = "stdin" if source == "<stdin>" else Path(source).stem
    yield make_article(found["text"], id=url or stem or found["url"], date=found["date"],
                       url=url or found["url"], title=found["title"], origin=source,
                       author=found["author"], site=found["site"])
