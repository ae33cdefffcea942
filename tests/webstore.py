"""Stores for the HTTP API and dashboard tests: real articles coded by the real coder plus one
hostile article, and a generated store for filters and pages at scale."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, SEED
from newsevents.ingest import make_article
from newsevents.store import Store, synthetic

ARTICLES = sorted((ROOT / "tests" / "articles").glob("*.txt")) + [SEED]

# Markup and script in every field an article shows: the dashboard must print it as text.
HOSTILE_TITLE = '<script>window.__pwned = "title"</script>"><img src=x onerror="window.__pwned=1">'
HOSTILE_URL = 'javascript:window.__pwned="url"'
HOSTILE_TEXT = (
    "Kenya urged Somalia to release the hostages on Monday.\n\n"
    '<script>window.__pwned = "text"</script> "><img src=x onerror="window.__pwned=2"> '
    "Details at javascript:window.__pwned=3 and <a href=\"javascript:window.__pwned=4\">here"
    "</a>.\n")


def hostile_article():
    return make_article(HOSTILE_TEXT, id="hostile", date="2024-05-06", url=HOSTILE_URL,
                        title=HOSTILE_TITLE)


def coded_store(path: Path, coder) -> Store:
    """The test articles and the seed article, coded and stored, and the hostile article."""
    articles = [make_article(p.read_text(encoding="utf-8"), id=p.stem) for p in ARTICLES]
    store = Store(path)
    store.ingest(coder.code_articles([*articles, hostile_article()]))
    return store


def generated_store(path: Path, n_events: int) -> Store:
    store = Store(path)
    with store.connect() as con:
        synthetic.fill(con, n_events)
    return store
