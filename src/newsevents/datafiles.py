"""Reading the knowledge files: UTF-8 TSV with a `#` comment header and a version line.

The package's own files live in `data/` next to the stage that reads them; a user adds or
overrides entries by pointing `Options.knowledge_dirs` at folders holding files of the same
names (or names that start the same way, e.g. `leaders-mine.tsv`), or YAML/JSONL knowledge-base
files (`newsevents.kb`) whose records become rows of the same tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from . import kb
from .errors import KnowledgeError, message

_VERSION = re.compile(r"^#\s*version:\s*(\S+)", re.I)
# A user's row replaces the rows of earlier files (the package's, or an earlier user folder's)
# with the same key.
OVERRIDE_KEYS = {
    "countries": ("iso3",),
    "leaders": ("name", "role", "start"),
    "organizations": ("code",),
    "actors": ("name",),
}
# Tables whose rows list several values in one cell: a user's row takes its values out of the
# earlier rows that share its other key cells. A user agent "troops" moves that word, not the
# whole shipped row of military words; a user pattern "restore" + "tie" takes "tie" from the
# shipped "restore" rules, and a user pattern with no object replaces the one with none.
SHARED_KEYS = {
    "agents": ((), "word"),
    "regions": ((), "name"),
    "triggers": (("pos", "lemma", "prep", "phrase"), "object"),
}
# A user's row flagged in the first column replaces every earlier row sharing the others: a
# pattern with `replaces: yes` drops all the package's patterns of its verb or noun.
REPLACING_KEYS = {"triggers": ("replaces", ("pos", "lemma"))}


@dataclass(frozen=True)
class Table:
    """The rows of one or more knowledge files of one kind, and their versions."""

    rows: tuple[dict, ...]
    versions: tuple[str, ...]


def _parse(text: str, where: str) -> tuple[list[dict], str | None]:
    header: list[str] | None = None
    version = None
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            found = _VERSION.match(line)
            if found:
                version = found.group(1)
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            continue
        if len(cells) > len(header):
            raise KnowledgeError(
                message("E010", path=where, line=number, found=len(cells), expected=len(header))
            )
        cells += [""] * (len(header) - len(cells))
        rows.append({k: v.strip() for k, v in zip(header, cells, strict=True)})
    if header is None:
        raise KnowledgeError(message("E011", path=where))
    return rows, version


def _package_files(package: str, prefix: str) -> Iterator[tuple[str, str]]:
    folder = resources.files(package).joinpath("data")
    # The main file (`triggers.tsv`) first, then its supplements (`triggers-review.tsv`), so
    # a supplement's rows override the main file's.
    for entry in sorted(folder.iterdir(), key=lambda e: (e.name != f"{prefix}.tsv", e.name)):
        if entry.name.startswith(prefix) and entry.name.endswith(".tsv"):
            yield f"{package}/data/{entry.name}", entry.read_text(encoding="utf-8")


def _user_files(dirs: tuple[str, ...], prefix: str
                ) -> Iterator[tuple[str, list[dict], str | None]]:
    """Per folder: its `prefix*.tsv` files, then the rows its knowledge-base files give."""
    for d in dirs:
        folder = Path(d)
        if not folder.is_dir():
            raise KnowledgeError(message("E030", path=d))
        for path in sorted(folder.glob(f"{prefix}*.tsv")):
            yield (str(path), *_parse(path.read_text(encoding="utf-8"), str(path)))
        for path in kb.kb_files(folder):
            found = kb.read_file(path)
            if found.problems:
                raise KnowledgeError(message("E100", problem=found.problems[0],
                                             more=len(found.problems) - 1))
            if prefix in found.rows:
                yield found.path, [dict(r) for r in found.rows[prefix]], found.version


def _override(rows: list[dict], new: list[dict], prefix: str) -> list[dict]:
    """`rows` without what `new` (a user's rows) replaces."""
    if prefix in OVERRIDE_KEYS:
        columns = OVERRIDE_KEYS[prefix]
        keys = {tuple(r.get(c, "") for c in columns) for r in new}
        return [r for r in rows if tuple(r.get(c, "") for c in columns) not in keys]
    if prefix in REPLACING_KEYS:
        flag, columns = REPLACING_KEYS[prefix]
        whole = {tuple(r.get(c, "").lower() for c in columns) for r in new if r.get(flag) == "yes"}
        rows = [r for r in rows if tuple(r.get(c, "").lower() for c in columns) not in whole]
    if prefix not in SHARED_KEYS:
        return rows
    columns, column = SHARED_KEYS[prefix]

    def key(row):
        return tuple(row.get(c, "").lower() for c in columns)

    def values(row):
        return split_values(row.get(column, ""))
    taken: dict[tuple, set[str]] = {}
    for r in new:
        taken.setdefault(key(r), set()).update(v.lower() for v in values(r) or [""])
    kept = []
    for r in rows:
        gone = taken.get(key(r), set())
        old = values(r) or [""]
        left = [v for v in old if v.lower() not in gone]
        if left:
            kept.append({**r, column: "|".join(left)})
    return kept


def load_table(package: str, prefix: str, user_dirs: tuple[str, ...] = ()) -> Table:
    """All rows of the files named `prefix*.tsv`: the package's first, then the user's, whose
    rows replace earlier rows with the same key (`OVERRIDE_KEYS`, `SHARED_KEYS`)."""
    rows: list[dict] = []
    versions: list[str] = []
    for where, text in _package_files(package, prefix):
        file_rows, version = _parse(text, where)
        rows.extend(file_rows)
        versions.append(f"{Path(where).stem}@{version or 'unversioned'}")
    for where, file_rows, version in _user_files(user_dirs, prefix):
        rows = _override(rows, file_rows, prefix) + file_rows
        versions.append(f"{Path(where).stem}@{version or 'unversioned'}")
    return Table(tuple(rows), tuple(versions))


def split_values(cell: str) -> list[str]:
    """A multi-valued cell: values separated by `|`."""
    return [v.strip() for v in cell.split("|") if v.strip()]
