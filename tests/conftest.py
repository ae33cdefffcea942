"""Shared fixtures: one loaded coder for the whole session, and the shared/ folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_b83bf4b433a2a6eb.txt"
GOLD = SHARED / "gold"
CLI = [sys.executable, "-m", "newsevents.cli"]


def run_cli(*args, stdin=None):
    """The `newsevents` command in a subprocess: (returncode, stdout, stderr) as a
    CompletedProcess."""
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, text=True,
                          timeout=300)


@pytest.fixture(scope="session")
def coder():
    from newsevents.pipeline import Coder
    return Coder()


@pytest.fixture(scope="session")
def code(coder):
    """code(text, date=None) -> list of event dicts."""
    from newsevents.ingest import make_article

    def run(text, date="2024-03-27"):
        article = make_article(text, id="t", date=date)
        return [e.to_dict() for _, events in coder.code_articles([article]) for e in events]
    return run


@pytest.fixture(scope="session")
def actors_of(coder):
    """actors_of(text) -> [(text, country, sector, name)] of the actor spans found."""
    def run(text, date="2024-03-27"):
        doc = coder.nlp.make_doc(text)
        doc.user_data["date"] = date
        doc = next(coder.nlp.pipe([doc]))
        return [(a.text, a.country, a.sector, a.name)
                for span in doc.spans["actors"] for a in span._.actors]
    return run


@pytest.fixture(scope="session")
def resolved(coder):
    """resolved(text) -> [(phrase text, head word, country, sector, label)] of every actor
    phrase and reference found, in text order."""
    def run(text, date="2024-03-27", dateline=None):
        doc = coder.nlp.make_doc(text)
        doc.user_data["date"] = date
        doc.user_data["dateline"] = dateline
        doc = next(coder.nlp.pipe([doc]))
        return [(span.text, doc[span._.head_i].text, span._.actors[0].country,
                 span._.actors[0].sector, span.label_) for span in doc.spans["actors"]]
    return run


def at(found, head, nth=0):
    """(country, sector) of the `nth` phrase of `resolved` hanging from `head` (actor phrases
    before references)."""
    ordered = sorted(found, key=lambda f: f[4] == "REFERENCE")
    matches = [(country, sector) for _, word, country, sector, _ in ordered if word == head]
    assert len(matches) > nth, found
    return matches[nth]


def phrases(found):
    """(head word, country, sector) of the actor phrases of `resolved`, references left out."""
    return [(word, country, sector) for _, word, country, sector, label in found
            if label != "REFERENCE"]
