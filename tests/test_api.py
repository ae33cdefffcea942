"""The Python API: code_text and code_articles return typed Event records."""

from __future__ import annotations

import newsevents
from newsevents.records import Event


def test_code_text_returns_events():
    events = newsevents.code_text("Kenya urged Somalia to release the hostages.",
                                  date="2024-05-02")
    assert events and all(isinstance(e, Event) for e in events)
    assert events[0].event == "REQUEST" and events[0].date == "2024-05-02"


def test_code_articles_accepts_dicts_in_order():
    events = list(newsevents.code_articles([
        {"id": "a", "text": "Japan condemned North Korea.", "date": "2023-01-05"},
        {"id": "b", "text": "Chile praised Peru."},
    ]))
    assert [e.doc_id for e in events] == ["a", "b"]
    assert events[0].event == "ACCUSE" and events[1].event == "SUPPORT"
