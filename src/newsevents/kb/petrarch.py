"""PETRARCH's unit-test records through our coder, with PETRARCH's own validation dictionaries
imported as a knowledge base: how much of the fictional world (Arnor, Gondor...) we code right.

A record is coded right when the set of (source, target, CAMEO code) we produce equals its
expected set (a record expecting no event must produce none). Two looser shares show progress:
the same set of event root codes (actors aside), and any expected event found.
"""

from __future__ import annotations

import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import product
from pathlib import Path

from ..records import Event
from . import tabari

RECORDS_FILE = "PETR.UnitTest.records.xml"
DICTIONARY_TAGS = ("Actorfile", "Agentfile", "Verbfile", "Discardfile")

Coding = tuple[str, str, str]  # (source code, target code, CAMEO code)


@dataclass(frozen=True)
class Record:
    id: str
    category: str
    date: str  # YYYY-MM-DD
    text: str
    expected: frozenset[Coding]


@dataclass(frozen=True)
class Result:
    record: Record
    produced: frozenset[Coding]

    @property
    def exact(self) -> bool:
        return self.produced == self.record.expected

    @property
    def root(self) -> bool:
        return {c[2][:2] for c in self.produced} == {c[2][:2] for c in self.record.expected}

    @property
    def any_found(self) -> bool:
        if not self.record.expected:
            return not self.produced
        return bool(self.produced & self.record.expected)


def read_records(path: str | Path) -> list[Record]:
    """The unit-test sentences, their dates and expected codings (none for the records marked
    `noevents` or `error`)."""
    root = ET.parse(path).getroot()
    records = []
    for s in root.iter("Sentence"):
        expected = frozenset(
            (e.get("sourcecode"), e.get("targetcode"), e.get("eventcode"))
            for e in s.findall("EventCoding") if e.get("eventcode"))
        day = s.get("date", "")
        records.append(Record(s.get("id", ""), s.get("category", ""),
                              f"{day[:4]}-{day[4:6]}-{day[6:8]}",
                              " ".join((s.findtext("Text") or "").split()), expected))
    return records


def dictionaries(folder: str | Path) -> list[Path]:
    """The actor, agent, verb and discard dictionaries the records file names in
    <Environment>."""
    folder = Path(folder)
    env = ET.parse(folder / RECORDS_FILE).getroot().find("Environment")
    return [folder / env.findtext(tag).strip() for tag in DICTIONARY_TAGS if env.findtext(tag)]


def codings(event: Event) -> set[Coding]:
    """PETRARCH codes a compound actor as one event per actor; `---` where a side is missing.
    In our events nobody targets themselves (a joint action's members target each other:
    source A and B, target B and A), so a pair of an actor with itself is no coding."""
    sources = [(a.name, a.code or "---") for a in event.source] or [(None, "---")]
    targets = [(a.name, a.code or "---") for a in event.target] or [(None, "---")]
    return {(s[1], t[1], event.cameo) for s, t in product(sources, targets)
            if s != t or s[0] is None}


def run(folder: str | Path, kb_dir: str | Path | None = None, model: str | None = None
        ) -> tuple[list[Result], list[tabari.Report]]:
    """Import the dictionaries into `kb_dir` (a temporary folder if None) and code every
    record with them."""
    from ..ingest import make_article
    from ..pipeline import Coder, Options
    with tempfile.TemporaryDirectory(prefix="newsevents-petrarch-") as scratch:
        out = Path(kb_dir or scratch)
        reports = [tabari.import_file(p) for p in dictionaries(folder)]
        for report in reports:
            tabari.write(report, out)
        records = read_records(Path(folder) / RECORDS_FILE)
        coder = Coder(Options(model=model, knowledge_dirs=(str(out),)))
        articles = [make_article(r.text, id=r.id, date=r.date) for r in records]
        results = []
        for record, (_, events) in zip(records, coder.code_articles(articles), strict=True):
            produced = set().union(*(codings(e) for e in events)) if events else set()
            results.append(Result(record, frozenset(produced)))
    return results, reports


def shares(results: Iterable[Result]) -> dict[str, float | int]:
    results = list(results)
    n = len(results) or 1
    return {"records": len(results),
            "exact": sum(r.exact for r in results) / n,
            "root": sum(r.root for r in results) / n,
            "any": sum(r.any_found for r in results) / n}


def format_report(results: list[Result], errors: bool = False) -> str:
    s = shares(results)
    lines = [f"{s['records']} PETRARCH unit-test records: {s['exact']:.1%} coded right "
             f"(same set of source, target and event code), {s['root']:.1%} with the right "
             f"event root codes, {s['any']:.1%} with an expected event found"]
    categories: dict[str, list[Result]] = {}
    for r in results:
        categories.setdefault(r.record.category, []).append(r)
    lines.append("coded right by category: " + ", ".join(
        f"{name} {sum(r.exact for r in rs)}/{len(rs)}" for name, rs in sorted(categories.items())))
    if errors:
        for r in results:
            if not r.exact:
                lines.append(f"{r.record.id} [{r.record.category}] {r.record.text}")
                lines.append(f"    expected {sorted(r.record.expected)}")
                lines.append(f"    coded    {sorted(r.produced)}")
    return "\n".join(lines)
