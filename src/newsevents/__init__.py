"""newsevents: code news text into CAMEO and PLOVER political event records, offline.

    >>> import newsevents
    >>> events = newsevents.code_text("Russia's president met Mali's leader in Moscow.",
    ...                               date="2024-03-27")
"""

from __future__ import annotations

__version__ = "0.1.0"

from collections.abc import Iterable, Iterator  # noqa: E402

from .records import Actor, Article, Event  # noqa: E402

__all__ = ["Actor", "Article", "Event", "code_text", "code_articles", "__version__"]


def code_text(text: str, *, date: str | None = None, id: str | None = None,
              options=None) -> list[Event]:
    """The events of one article's text (`date` is its publication date, YYYY-MM-DD)."""
    from .ingest import make_article
    article = make_article(text, id=id or "text", date=date)
    return next(code_articles([article], options=options))[1]


def code_articles(articles: Iterable[Article | dict], *, options=None
                  ) -> Iterator[tuple[Article, list[Event]]]:
    """(article, events) for each article: `Article` records or dicts with "text" and
    optionally "id", "date", "url", "title"."""
    from .ingest import make_article
    from .pipeline import Coder
    coder = Coder(options)

    def as_articles():
        for n, a in enumerate(articles):
            if isinstance(a, Article):
                yield a
            else:
                yield make_article(a["text"], id=str(a.get("id") or n), date=a.get("date"),
                                   url=a.get("url"), title=a.get("title"))
    return coder.code_articles(as_articles())
