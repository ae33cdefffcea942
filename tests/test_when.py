"""when: date expressions resolved against the article date."""

from __future__ import annotations

import pytest

from newsevents.when import event_date


@pytest.mark.parametrize(("phrases", "article", "date", "historical"), [
    ([], "2024-03-27", "2024-03-27", False),
    (["Wednesday"], "2024-03-27", "2024-03-27", False),  # the article's own weekday
    (["Monday"], "2024-03-27", "2024-03-25", False),
    (["yesterday"], "2024-03-27", "2024-03-26", False),
    (["two days ago"], "2024-03-27", "2024-03-25", False),
    (["last month"], "2024-03-27", "2024-02-01", False),
    (["2023"], "2024-03-27", "2023-01-01", True),
    (["March 2024"], "2024-03-27", "2024-03-01", False),
    (["September 29"], "2024-03-27", "2023-09-29", True),
    (["March 25"], "2024-03-27", "2024-03-25", False),
    (["the recent weeks"], "2024-03-27", "2024-03-27", False),
    (["earlier this year"], "2024-03-27", "2024-01-01", False),  # imprecise, not historical
    (["this month"], "2024-03-27", "2024-03-01", False),
    (["last year"], "2024-03-27", "2023-01-01", True),
    (["in 2023"], "2024-03-27", "2023-01-01", True),
    (["three weeks ago"], "2024-03-27", "2024-03-06", False),
    (["last Friday"], "2024-03-27", "2024-03-22", False),
    (["the previous day"], "2024-03-27", "2024-03-26", False),
    (["Feb. 29"], "2025-01-20", "2024-02-29", True),
    (["Feb. 29"], "2026-01-20", "2024-02-29", True),  # (the last year that had one)
    (["Feb. 30"], "2026-01-20", "2026-01-20", False),  # (no such day: the article's)
    (["1988"], None, "1988-01-01", False),
    (["Tuesday"], None, None, False),
])
def test_event_dates(phrases, article, date, historical):
    found = event_date(phrases, article)
    assert found.date == date
    assert found.historical is historical


def test_announced_events_look_forward():
    assert event_date(["Friday"], "2024-09-12", future=True).date == "2024-09-13"
    assert event_date(["in June"], "2024-05-01", future=True).date == "2024-06-01"
    assert event_date(["in March"], "2024-05-01", future=True).date == "2025-03-01"
    assert event_date(["on Jan. 10"], "2024-12-20", future=True).date == "2025-01-10"
    assert event_date(["next week"], "2024-09-12").date == "2024-09-19"
