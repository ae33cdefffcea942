"""newsevents: code news text into CAMEO and PLOVER political event records, offline.

    >>> import newsevents
    >>> events = newsevents.code_text("Kenya urged Somalia to release the hostages.",
    ...                               date="2024-05-02")
"""

from __future__ import annotations

__version__ = "0.1.0"

from collections.abc import Iterable, Iterator  # noqa: E402

from .records import Actor, Article, Event  # noqa: E402

__all__ = ["Actor", "Article", "Event", "Options", "code_text", "code_articles", "open",
           "__version__"]


def __getattr__(name):
    if name == "Options":  # imported lazily: it pulls in spaCy
        from .pipeline import Options
        return Options
    raise AttributeError(name)


def open(path: str = "newsevents.duckdb", *, frames: str = "pandas"):  # noqa: A001
    """A store for notebooks: `.events(source=, target=, type=, ...)`, `.dyad(a, b, by=)`,
    `.actors(top=)`, `.sql(query)` return pandas (or `frames="polars"`) data frames."""
    from .store import Store
    from .store.query import Dataset
    return Dataset(Store(path), frames=frames)


def code_text(text: str, *, date: str | None = None, id: str = "text",
              options=None) -> list[Event]:
    """The events of one article's text (`date` is its publication date, YYYY-MM-DD)."""
    return list(code_articles([{"id": id, "text": text, "date": date}], options=options))


def code_articles(articles: Iterable[Article | dict], *, options=None) -> Iterator[Event]:
    """The events of each article, in order: `Article` records, or dicts with "text" and
    optionally "id", "date", "url", "title"."""
    from .ingest import make_article
    from .pipeline import Coder

    def as_articles():
        for n, a in enumerate(articles):
            if isinstance(a, Article):
                yield a
            else:
                yield make_article(a["text"], id=str(a.get("id") or n), date=a.get("date"),
                                   url=a.get("url"), title=a.get("title"))
    for _, events in Coder(options).code_articles(as_articles()):
        yield from events
