"""`newsevents watch`: poll folders, files, feeds and URLs, and ingest only what is new.

State lives in the store (table `watch_state`: one row per file with its size and mtime, per
URL with when it was last fetched), so a restarted watcher carries on where it stopped.
Articles already stored are skipped by the store itself (keyed by URL or text), so a feed
polled again adds only its new entries.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import NewsEventsError, message
from .ingest import InputOptions, Problem, read_inputs
from .ingest.sources import READABLE_SUFFIXES

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|hr|d)?\s*$", re.I)
_UNITS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hr": 3600, "d": 86400}

STATE_DDL = """CREATE TABLE IF NOT EXISTS watch_state (
    source VARCHAR PRIMARY KEY, size BIGINT, mtime DOUBLE, seen_at TIMESTAMP)"""


def parse_interval(text: str) -> float:
    """"15m" -> 900.0 seconds; a bare number is seconds."""
    found = _INTERVAL.match(text or "")
    if not found:
        raise NewsEventsError(message("E044", detail=f"--every takes a duration like 30s, 15m "
                                                     f"or 1h, got {text!r}"))
    return float(found.group(1)) * _UNITS[(found.group(2) or "s").lower()]


@dataclass
class Cycle:
    number: int
    files_new: int
    urls: int
    articles_new: int
    articles_present: int
    skipped: int
    events: int

    def line(self) -> str:
        stamp = dt.datetime.now().isoformat(timespec="seconds")
        return (f"{stamp} cycle {self.number}: {self.files_new} new or changed files, "
                f"{self.urls} feeds/URLs polled; articles {self.articles_new} new, "
                f"{self.articles_present} already present, {self.skipped} skipped; "
                f"{self.events} events in the store")


def _candidates(sources: list[str]) -> Iterator[tuple[str, int | None, float | None]]:
    """(source, size, mtime) of every file below the watched paths, and each URL."""
    for spec in sources:
        if spec.lower().startswith(("http://", "https://")):
            yield spec, None, None
            continue
        path = Path(spec)
        files = (sorted(f for f in path.rglob("*") if f.is_file()
                        and not f.name.startswith(".") and f.suffix.lower() in READABLE_SUFFIXES)
                 if path.is_dir() else [path] if path.is_file() else [])
        for f in files:
            stat = f.stat()
            yield str(f), stat.st_size, stat.st_mtime


def run_cycle(number: int, sources: list[str], store, coder, options: InputOptions,
              report: Callable[[Problem], None]) -> Cycle:
    with store.connect() as con:
        con.execute(STATE_DDL)
        known = {s: (size, mtime) for s, size, mtime in
                 con.execute("SELECT source, size, mtime FROM watch_state").fetchall()}
    todo, urls = [], 0
    for source, size, mtime in _candidates(sources):
        if size is None:
            urls += 1
            todo.append((source, size, mtime))
        elif known.get(source) != (size, mtime):
            todo.append((source, size, mtime))
    skipped = []

    def count(problem: Problem) -> None:
        skipped.append(problem.skipped)
        report(problem)
    summary = store.ingest(coder.code_articles(read_inputs([s for s, _, _ in todo], count,
                                                           options)))
    with store.connect() as con:
        now = dt.datetime.now()
        for source, size, mtime in todo:
            con.execute("INSERT OR REPLACE INTO watch_state VALUES (?, ?, ?, ?)",
                        [source, size, mtime, now])
    return Cycle(number, len(todo) - urls, urls, summary.new, summary.present, sum(skipped),
                 summary.events)


def watch(sources: list[str], store, coder, *, every: float, cycles: int | None = None,
          options: InputOptions | None = None, report=lambda p: None,
          log: Callable[[str], None] = print, sleep=time.sleep) -> int:
    """Poll until stopped (or `cycles` done); returns the number of cycles run."""
    options = options or InputOptions()
    number = 0
    while cycles is None or number < cycles:
        number += 1
        started = time.monotonic()
        log(run_cycle(number, sources, store, coder, options, report).line())
        if cycles is not None and number >= cycles:
            break
        sleep(max(0.0, every - (time.monotonic() - started)))
    return number
