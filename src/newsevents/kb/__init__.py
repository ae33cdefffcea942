"""The user's own knowledge base: YAML or JSONL records that add to or override the package's
knowledge without touching code.

Each record has a `kind` (country, leader, organisation, agent, actor, pattern, discard) and
becomes one or more rows of the TSV tables the loaders already read (countries, leaders,
organizations, agents, actors, triggers, discards), so a record behaves exactly like a row of
a user TSV file, including the override rule (`datafiles.OVERRIDE_KEYS`). Files are checked
record by record; every problem names its file and line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

SUFFIXES = (".yaml", ".yml", ".jsonl")
_VERSION = re.compile(r"^#\s*version:\s*(\S+)", re.I)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CODE = re.compile(r"^[A-Z0-9]{3,}$|^---$")
_UPPER = re.compile(r"^[A-Z][A-Z0-9]*$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_CAMEO = re.compile(r"^(0[1-9]|1\d|20)\d{0,2}$|^---$")
# The code of a verb pattern that is not an event ("peace-keeping force"): it wins like any
# other pattern, and then nothing is coded.
NOT_AN_EVENT = "---"
# A pattern's phrase (`events.lexicon.Phrase`): groups of words separated by a space; `_` joins
# the words of a group, and `*` (the verb) to the group it stands in; `%` is a word of a
# compound actor ("Gondor and Osgiliath").
_PHRASE_WORD = r"(?:[a-z0-9'][a-z0-9'.-]*|%)"
PHRASE = re.compile(rf"^(?:{_PHRASE_WORD}|\*)(?:[ _](?:{_PHRASE_WORD}|\*))*$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a knowledge-base file: where, and what to do about it."""

    path: str
    line: int
    detail: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.detail}"


@dataclass(frozen=True)
class KbFile:
    """The rows one file contributes, by table, and what is wrong with it."""

    path: str
    version: str | None
    rows: dict[str, tuple[dict, ...]]
    counts: dict[str, int]  # records by table
    problems: tuple[Problem, ...]


# -- field types: each returns the cell text, or raises ValueError with a message -----------

def _text(value) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be a non-empty string")
    if "\t" in value or "|" in value:
        raise ValueError("must not contain a tab or '|'")
    return value.strip()


def _texts(value) -> str:
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not values:
        raise ValueError("must be a string or a non-empty list of strings")
    return "|".join(_text(v) for v in values)


def _matching(pattern: re.Pattern, what: str) -> Callable[[object], str]:
    def check(value) -> str:
        if not isinstance(value, str) or not pattern.match(value):
            raise ValueError(f"must be {what} (a quoted string), not {value!r}")
        return value
    return check


def _date(value) -> str:
    if isinstance(value, date):  # YAML reads an unquoted 2024-01-31 as a date
        return value.isoformat()[:10]
    if not isinstance(value, str) or not _DATE.match(value):
        raise ValueError(f"must be a date YYYY-MM-DD, not {value!r}")
    date.fromisoformat(value)
    return value


def _flag(value) -> str:
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return "yes" if value else "no"


def _institutions(value) -> str:
    if not isinstance(value, dict):
        raise ValueError("must map institution names to sectors ({Pentagon: MIL})")
    return "|".join(f"{_text(k)}={_sector(v)}" for k, v in value.items())


def _word(value) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[a-z][a-z'-]*", value):
        raise ValueError(f"must be one lower-case word, not {value!r}")
    return value


def _lemma(value) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[a-z][a-z'-]*( [a-z][a-z'-]*)?", value):
        raise ValueError(f"must be a lower-case lemma (one word, or two for a noun compound), "
                         f"not {value!r}")
    return value


def _phrases(value) -> str:
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not values:
        raise ValueError("must be a phrase or a non-empty list of phrases")
    for v in values:
        if not isinstance(v, str) or not PHRASE.match(v) or v.count("*") != 1:
            raise ValueError(f"must be lower-case words around one * (the verb), '_' joining "
                             f"words that follow each other: 'heavily *', '* trade_protocol', "
                             f"not {v!r}")
    return "|".join(values)


def _discard_phrase(value) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[^\s|*]+( [^\s|*]+)*", value.strip()):
        raise ValueError(f"must be words separated by single spaces, not {value!r}")
    return value.strip()


def _words(value) -> str:
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not values:
        raise ValueError("must be a word or a non-empty list of words")
    return "|".join(_word(v) for v in values)


_sector = _matching(_UPPER, "upper-case letters such as GOV or MIL")
_iso3 = _matching(_ISO3, "three upper-case letters (ISO 3166-1 alpha-3)")
_code = _matching(_CODE, "an actor code of 3 or more upper-case letters (ARN, GONGOV), or ---")
_cameo = _matching(_CAMEO, "a CAMEO code of 2 to 4 digits from 01 to 20 such as \"064\", "
                           f"or \"{NOT_AN_EVENT}\" (a verb pattern that is not an event)")
_scope = _matching(re.compile(r"^(sentence|story)$"), "sentence or story")


@dataclass(frozen=True)
class Kind:
    """A record kind: its table, its fields (name -> type; `required`), and how a checked
    record becomes rows."""

    table: str
    fields: dict[str, Callable[[object], str]]
    required: tuple[str, ...]
    to_rows: Callable[[dict], list[dict]]
    one_of: tuple[str, ...] = ()  # fields of which exactly one is needed
    any_of: tuple[str, ...] = ()  # fields of which at least one is needed


def _leader_rows(r: dict) -> list[dict]:
    role = r.get("role", "")
    if r.get("organisation"):
        role = f"{role}@{r['organisation']}"
    return [{"name": r["name"], "aliases": r.get("aliases", ""), "country": r.get("country", ""),
             "role": role, "sector": r.get("sector", ""), "start": r.get("start", ""),
             "end": r.get("end", "")}]


def _actor_rows(r: dict) -> list[dict]:
    base = {"name": r["name"], "aliases": r.get("aliases", "")}
    dated = [{**base, **c} for c in r.get("codes", ())]
    default = [{**base, "code": r["code"], "start": "", "end": ""}] if r.get("code") else []
    # Dated codes first: on a date inside a term they come before the undated default.
    return dated + default


def _dated_codes(value) -> list[dict]:
    if not isinstance(value, list) or not value:
        raise ValueError("must be a list of {code, start, end} (start or end may be left out)")
    out = []
    for item in value:
        if not isinstance(item, dict) or "code" not in item or set(item) - {"code", "start",
                                                                               "end"}:
            raise ValueError("each entry must be {code, start, end} with code given")
        entry = {"code": _code(item["code"]), "start": "", "end": ""}
        for key in ("start", "end"):
            if key in item:
                entry[key] = _date(item[key])
        if entry["start"] and entry["end"] and entry["start"] > entry["end"]:
            raise ValueError(f"{entry['code']}: start {entry['start']} is after end "
                             f"{entry['end']}")
        out.append(entry)
    return out


def _pattern_rows(r: dict) -> list[dict]:
    pos = "VERB" if r.get("verb") else "NOUN"
    return [{"cameo": r["cameo"], "pos": pos, "lemma": r.get("verb") or r["noun"],
             "prep": r.get("prep", ""), "object": r.get("object", ""),
             "phrase": r.get("phrase", ""), "mode": r.get("mode", ""),
             "note": r.get("note", ""), "replaces": r.get("replaces", "no")}]


KINDS: dict[str, Kind] = {
    "country": Kind(
        "countries",
        {"iso3": _iso3, "name": _text, "official": _text, "aliases": _texts,
         "adjectives": _texts, "capitals": _texts, "institutions": _institutions,
         "status": _text, "places": _texts},
        ("iso3", "name"),
        lambda r: [{k: r.get(k, "") for k in ("iso3", "name", "official", "aliases",
                                               "adjectives", "capitals", "institutions",
                                               "status", "places")}]),
    "leader": Kind(
        "leaders",
        {"name": _text, "aliases": _texts, "country": _iso3, "organisation": _sector,
         "role": _text, "sector": _sector, "start": _date, "end": _date},
        ("name",), _leader_rows, one_of=("country", "organisation")),
    "organisation": Kind(
        "organizations",
        {"code": _sector, "name": _text, "aliases": _texts, "country": _iso3,
         "sector": _sector},
        ("code", "name"),
        lambda r: [{k: r.get(k, "") for k in ("code", "name", "aliases", "country",
                                               "sector")}]),
    "agent": Kind(
        "agents",
        {"words": _texts, "sector": _sector, "person": _flag, "equipment": _flag},
        ("words", "sector"),
        lambda r: [{"word": r["words"].lower(), "sector": r["sector"],
                    "person": "equipment" if r.get("equipment") == "yes"
                    else r.get("person", "no")}]),
    "actor": Kind(
        "actors",
        {"name": _text, "aliases": _texts, "code": _code, "codes": _dated_codes},
        ("name",), _actor_rows, any_of=("code", "codes")),
    "pattern": Kind(
        "triggers",
        {"cameo": _cameo, "verb": _word, "noun": _lemma, "prep": _word, "object": _words,
         "phrase": _phrases, "mode": _word, "note": _text, "replaces": _flag},
        ("cameo",), _pattern_rows, one_of=("verb", "noun")),
    "discard": Kind(
        "discards", {"phrase": _discard_phrase, "scope": _scope}, ("phrase", "scope"),
        lambda r: [{"phrase": r["phrase"], "scope": r["scope"]}]),
}
KINDS["organization"] = KINDS["organisation"]


def check_record(record: object) -> tuple[str, list[dict]]:
    """(kind, rows) of one record; ValueError says what is wrong with it."""
    if not isinstance(record, dict):
        raise ValueError("a record must be a mapping with a 'kind'")
    kind_name = record.get("kind")
    if kind_name not in KINDS:
        raise ValueError(f"unknown kind {kind_name!r}; expected one of "
                         f"{', '.join(k for k in KINDS if k != 'organization')}")
    kind = KINDS[kind_name]
    unknown = sorted(set(record) - set(kind.fields) - {"kind"})
    if unknown:
        raise ValueError(f"unknown field {unknown[0]!r} for a {kind_name}; fields are "
                         f"{', '.join(kind.fields)}")
    missing = [f for f in kind.required if f not in record]
    if missing:
        raise ValueError(f"a {kind_name} needs {missing[0]!r}")
    if kind.one_of and sum(f in record for f in kind.one_of) != 1:
        raise ValueError(f"a {kind_name} needs exactly one of {' or '.join(kind.one_of)}")
    if kind.any_of and not any(f in record for f in kind.any_of):
        raise ValueError(f"a {kind_name} needs {' or '.join(kind.any_of)} (or both)")
    checked = {}
    for field, value in record.items():
        if field == "kind":
            continue
        try:
            checked[field] = kind.fields[field](value)
        except ValueError as e:
            raise ValueError(f"{field}: {e}") from None
    if checked.get("start") and checked.get("end") and checked["start"] > checked["end"]:
        raise ValueError(f"start {checked['start']} is after end {checked['end']}")
    if kind_name == "pattern" and "verb" not in checked and (
            "phrase" in checked or checked["cameo"] == NOT_AN_EVENT):
        raise ValueError(f"a phrase and the code {NOT_AN_EVENT} are for verb patterns only")
    return kind_name, kind.to_rows(checked)


class _LineLoader(yaml.SafeLoader):
    """Safe YAML loading that remembers the line each mapping starts on."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def _strip_lines(value):
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def _records(path: Path, text: str) -> Iterator[tuple[int, object]]:
    """(line, record) pairs; a record that cannot be read at all is (line, ValueError)."""
    if path.suffix == ".jsonl":
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as e:
                yield number, ValueError(f"not valid JSON ({e.msg})")
        return
    try:
        document = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        yield (mark.line + 1 if mark else 1), ValueError(f"not valid YAML ({e})")
        return
    if document is None:
        return
    if not isinstance(document, list):
        yield 1, ValueError("a YAML knowledge file must be a list of records ('- kind: ...')")
        return
    for item in document:
        line = item.get("__line__", 1) if isinstance(item, dict) else 1
        yield line, _strip_lines(item)


def read_file(path: str | Path) -> KbFile:
    """A YAML or JSONL knowledge file, checked: its rows by table and its problems."""
    path = Path(path)
    stat = path.stat()
    return _read_file(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _read_file(path_text: str, mtime_ns: int, size: int) -> KbFile:
    path = Path(path_text)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        return KbFile(path_text, None, {}, {}, (Problem(path_text, 1, f"not UTF-8 ({e})"),))
    version = next((m.group(1) for m in map(_VERSION.match, text.splitlines()) if m), None)
    rows: dict[str, list[dict]] = {}
    counts: dict[str, int] = {}
    problems = []
    for line, record in _records(path, text):
        if isinstance(record, ValueError):
            problems.append(Problem(path_text, line, str(record)))
            continue
        try:
            kind, kind_rows = check_record(record)
        except ValueError as e:
            problems.append(Problem(path_text, line, str(e)))
            continue
        table = KINDS[kind].table
        counts[table] = counts.get(table, 0) + 1
        rows.setdefault(table, []).extend(kind_rows)
    return KbFile(path_text, version, {k: tuple(v) for k, v in rows.items()}, counts,
                  tuple(problems))


def kb_files(folder: str | Path) -> list[Path]:
    """The knowledge-base files of a folder, in name order (later files override earlier)."""
    return sorted(p for p in Path(folder).iterdir() if p.suffix in SUFFIXES and p.is_file())
