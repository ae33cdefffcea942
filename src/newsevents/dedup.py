"""De-duplication across articles: mentions of the same real-world event become one event.

The rule is explicit: two mentions report the same event when they have the same PLOVER type
(CAMEO code for statements), the same CAMEO root, the same source and target actors (by
country, with state sectors merged: "Kenya" = "Kenyan officials"; organisations by code), the
same polarity (negated or not), and dates within `window_days` of the event's dates so far.
A re-report of the same article never counts twice (articles are keyed by URL or text); a
look-alike event on another day beyond the window is another event.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

# Days between two reports of one event's date that still count as the same event. One day
# absorbs "on Tuesday" in a story dated Wednesday vs a story dated Tuesday; larger windows
# merge repeated daily clashes between the same armies. Re-run `pytest tests/test_dedup.py`
# after changing it.
WINDOW_DAYS = 1


@dataclass(frozen=True, kw_only=True)
class DedupRule:
    window_days: int = WINDOW_DAYS

    def key(self, *, event: str | None, cameo: str, source_codes, source_countries,
            target_codes, target_countries, negated: bool) -> str:
        """What must be equal for two mentions to be one event."""
        return "|".join([
            event or f"cameo:{cameo}",
            cameo[:2],
            _side(source_codes, source_countries),
            _side(target_codes, target_countries),
            "neg" if negated else "pos",
        ])

    def fits(self, date: dt.date | None, first: dt.date | None, last: dt.date | None) -> bool:
        """Whether a mention dated `date` belongs to an event seen from `first` to `last`."""
        if date is None or first is None:
            return date is None and first is None
        window = dt.timedelta(days=self.window_days)
        return first - window <= date <= last + window

    def describe(self) -> str:
        return (f"same PLOVER type and CAMEO root, same source and target actors (country, "
                f"state sectors merged), same polarity, event dates within "
                f"{self.window_days} day(s)")


# Sectors that all speak for the state: "Kenya", "Kenyan officials" and "Kenyan troops"
# reporting one event are one actor; rebels, opposition or civilians of Kenya are others.
STATE_SECTORS = {"", "GOV", "MIL", "COP", "LEG", "JUD", "SPY"}


def principal(code: str | None, country: str | None) -> str:
    """The actor as de-duplication sees it: its country (plus a non-state sector), or its
    code for organisations without one."""
    if not country:
        return code or ""
    sector = (code or "")[len(country):] if (code or "").startswith(country) else ""
    return country if sector in STATE_SECTORS else country + sector


def _side(codes, countries) -> str:
    countries = list(countries or [None] * len(codes or ()))
    return ",".join(sorted({principal(c, k) for c, k in zip(codes or (), countries,
                                                             strict=False)} - {""}))


def event_id(key: str, first_mention_id: str) -> str:
    """A stable id for a new event: its key and the mention that opened it."""
    return "e" + hashlib.sha1(f"{key}#{first_mention_id}".encode()).hexdigest()[:16]


@dataclass
class Cluster:
    id: str
    key: str
    first: dt.date | None
    last: dt.date | None


def assign(mentions: list[dict], clusters: dict[str, list[Cluster]], rule: DedupRule
           ) -> dict[str, str]:
    """mention id -> event id, for `mentions` (dicts with id, key, date), joining existing
    clusters (by key) or opening new ones; `clusters` is updated in place. Mentions are taken
    in date order so a cluster's date range grows the same whatever the input order."""
    out: dict[str, str] = {}
    ordered = sorted(mentions, key=lambda m: (m["date"] is None, m["date"] or dt.date.min,
                                              m["id"]))
    for m in ordered:
        candidates = clusters.setdefault(m["key"], [])
        home = next((c for c in candidates if rule.fits(m["date"], c.first, c.last)), None)
        if home is None:
            home = Cluster(event_id(m["key"], m["id"]), m["key"], m["date"], m["date"])
            candidates.append(home)
        elif m["date"] is not None:
            home.first = min(home.first, m["date"])
            home.last = max(home.last, m["date"])
        out[m["id"]] = home.id
    return out
