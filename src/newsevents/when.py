"""When an event happened: the date expressions of its sentence resolved against the article's
date ("on Wednesday", "yesterday", "last month", "earlier this year", "two days ago", "in 2023",
"March 2024", "September 29"); the phrase is kept with the date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "a": 1}
# "last month", "next year", "earlier this year": how many units from the article's date.
RELATIVE_STEPS = {"last": -1, "this": 0, "next": 1}
# An event dated this many days or more before its article is reported as historical.
HISTORICAL_DAYS = 60


@dataclass(frozen=True)
class EventDate:
    date: str | None
    text: str | None
    precision: str  # day | month | year | none
    historical: bool


def parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _month(word: str) -> int | None:
    w = word.lower().rstrip(".")
    if w in MONTHS:
        return MONTHS.index(w) + 1
    return _MONTH_ABBR.get(w)


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def resolve(phrase: str, article: dt.date | None, *, future: bool = False
            ) -> tuple[dt.date, str] | None:
    """One date expression -> (date, precision), or None when it does not name a date.
    `future`: the event is announced, not done, so "on Friday" is the coming one."""
    p = phrase.lower().strip()
    words = re.findall(r"[a-z]+\.?|\d+", p)
    year_match = re.search(r"\b(1[89]\d\d|20\d\d)\b", p)
    year = int(year_match.group(1)) if year_match else None
    month = next((_month(w) for w in words if _month(w)), None)
    day_match = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", re.sub(r"\b\d{4}\b", "", p))
    if month:
        y = year or (article.year if article else None)
        if y is None:
            return None
        if day_match:
            day = int(day_match.group(1))
            if year or not article:
                try:
                    return dt.date(y, month, day), "day"
                except ValueError:
                    return None
            # The nearest such day on the right side of the article's (a week's slack): "on
            # Jan. 10" announced in December is next year's, "Feb. 29" the last leap year's.
            week = dt.timedelta(days=7)
            years = range(y, y + 5) if future else range(y, y - 5, -1)
            return next(((d, "day") for d in (_day(n, month, day) for n in years)
                         if d and (d >= article - week if future else d <= article + week)),
                        None)
        d = dt.date(y, month, 1)
        if not year and article and future and d < article.replace(day=1):
            d = d.replace(year=y + 1)
        elif not year and article and not future and d > article:
            d = d.replace(year=y - 1)
        return d, "month"
    if year and not article or year and article and year != article.year:
        return dt.date(year, 1, 1), "year"
    if article is None:
        return None
    if "today" in words or "tonight" in words or "this morning" in p:
        return article, "day"
    if "yesterday" in words or "previous day" in p or "day before" in p:
        return article - dt.timedelta(days=1), "day"
    for i, name in enumerate(WEEKDAYS):
        if name in words:
            if future or "next" in words:
                return article + dt.timedelta(days=(i - article.weekday()) % 7), "day"
            back = (article.weekday() - i) % 7
            if "last" in words and back == 0:
                back = 7
            return article - dt.timedelta(days=back), "day"
    ago = re.search(r"(\w+) (day|week|month|year)s? ago", p)
    if ago and ago.group(1) in _NUMBER_WORDS | {str(n): n for n in range(1, 100)}:
        n = _NUMBER_WORDS.get(ago.group(1)) or int(ago.group(1))
        return _shift(article, ago.group(2), -n)
    last = re.search(r"\b(last|next|this) (week|month|year)\b", p)
    if last:
        return _shift(article, last.group(2), RELATIVE_STEPS[last.group(1)])
    if year == article.year:
        return dt.date(year, 1, 1), "year"
    return None


def _shift(day: dt.date, unit: str, n: int) -> tuple[dt.date, str]:
    if unit == "day":
        return day + dt.timedelta(days=n), "day"
    if unit == "week":
        return day + dt.timedelta(weeks=n), "week"  # the day a week away: weeks have no name
    if unit == "month":
        m = day.month - 1 + n
        return dt.date(day.year + m // 12, m % 12 + 1, 1), "month"
    return dt.date(day.year + n, 1, 1), "year"


def _period_end(day: dt.date, precision: str) -> dt.date:
    """The last day of the week, month or year a date stands for: "earlier this year" is not
    historical for being dated 1 January."""
    if precision == "year":
        return dt.date(day.year, 12, 31)
    if precision == "month":
        return _shift(day, "month", 1)[0] - dt.timedelta(days=1)
    if precision == "week":
        return day + dt.timedelta(days=6)
    return day


def event_date(phrases: list[str], article_date: str | None, *, future: bool = False
               ) -> EventDate:
    """The date of an event whose clause holds `phrases` (nearest first); the article's date
    when none of them names one."""
    article = parse_iso(article_date)
    for phrase in phrases:
        found = resolve(phrase, article, future=future)
        if found:
            day, precision = found
            historical = bool(article and (article - _period_end(day, precision)).days
                              >= HISTORICAL_DAYS)
            return EventDate(day.isoformat(), phrase, precision, historical)
    if article:
        return EventDate(article.isoformat(), None, "day", False)
    return EventDate(None, None, "none", False)
