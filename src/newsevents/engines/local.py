"""The local engine: the coder in N worker processes, output in input order, memory bounded.

Articles are read lazily and sent to workers in chunks; at most `IN_FLIGHT_PER_WORKER`
chunks per worker are outstanding, so a 100,000-article corpus is never held in memory, and
results come back in the order the articles went in (the same output as one worker).
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice

from ..pipeline import Coder, Options
from ..records import Article, Event

# Articles per task: enough to amortise inter-process traffic, small enough to keep both
# workers busy to the end of a corpus. Chunks in flight per worker bound the memory.
CHUNK = 16
IN_FLIGHT_PER_WORKER = 3

_coder: Coder | None = None


def _start(options: Options) -> None:
    global _coder
    _coder = Coder(options)


def _code_chunk(articles: list[Article]) -> list[tuple[Article, list[Event]]]:
    assert _coder is not None
    return list(_coder.code_articles(articles))


def code_parallel(articles: Iterable[Article], *, options: Options | None = None,
                  workers: int = 2, chunk: int = CHUNK
                  ) -> Iterator[tuple[Article, list[Event]]]:
    """(article, events) for each article, in input order, coded by `workers` processes."""
    options = options or Options()
    if workers <= 1:
        yield from Coder(options).code_articles(articles)
        return
    source = iter(articles)
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start,
                             initargs=(options,)) as pool:
        pending: deque = deque()
        while True:
            while len(pending) < workers * IN_FLIGHT_PER_WORKER:
                batch = list(islice(source, chunk))
                if not batch:
                    break
                pending.append(pool.submit(_code_chunk, batch))
            if not pending:
                return
            yield from pending.popleft().result()
