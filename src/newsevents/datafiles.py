"""Reading the knowledge files: UTF-8 TSV with a `#` comment header and a version line.

The package's own files live in `data/` next to the stage that reads them; a user adds or
overrides entries by pointing `Options.knowledge_dirs` at folders holding files of the same
names (or names that start the same way, e.g. `leaders-mine.tsv`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .errors import KnowledgeError, message

_VERSION = re.compile(r"^#\s*version:\s*(\S+)", re.I)


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


def _user_files(dirs: tuple[str, ...], prefix: str) -> Iterator[tuple[str, str]]:
    for d in dirs:
        folder = Path(d)
        if not folder.is_dir():
            raise KnowledgeError(message("E030", path=d))
        for path in sorted(folder.glob(f"{prefix}*.tsv")):
            yield str(path), path.read_text(encoding="utf-8")


def load_table(package: str, prefix: str, user_dirs: tuple[str, ...] = ()) -> Table:
    """All rows of the files named `prefix*.tsv`: the package's first, then the user's, so
    later rows can override earlier ones."""
    rows: list[dict] = []
    versions: list[str] = []
    for where, text in [*_package_files(package, prefix), *_user_files(user_dirs, prefix)]:
        file_rows, version = _parse(text, where)
        rows.extend(file_rows)
        versions.append(f"{Path(where).stem}@{version or 'unversioned'}")
    return Table(tuple(rows), tuple(versions))


def split_values(cell: str) -> list[str]:
    """A multi-valued cell: values separated by `|`."""
    return [v.strip() for v in cell.split("|") if v.strip()]
