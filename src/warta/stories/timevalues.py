"""TIMEX3 values as date intervals: precision, compatibility and ordering.

``2023-09`` and ``2023-09-12`` are compatible (one contains the other), so are a day and
its ISO week; ``2023-09-10`` and ``2023-09-11`` are not. Values that name no calendar
span (``PRESENT_REF``, ``XXXX-08-17``, durations) have no interval.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(.+))?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")
_DAYPARTS = {"MO", "AF", "EV", "NI", "MI", "DT"}


def _month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


def precision(value: str) -> str:
    """day | daypart | time | week | month | quarter | half | season | year | decade | century | other."""
    match = _DAY.match(value)
    if match:
        part = match.group(4)
        if part is None:
            return "day"
        return "daypart" if part in _DAYPARTS else "time"
    for pattern, name in (
        (_WEEK, "week"), (_MONTH, "month"), (_QUARTER, "quarter"), (_HALF, "half"),
        (_SEASON, "season"), (_YEAR, "year"), (_DECADE, "decade"), (_CENTURY, "century"),
    ):
        if pattern.match(value):
            return name
    return "other"


def interval(value: str) -> tuple[date, date] | None:
    """The first and last day ``value`` covers, or None when it names no calendar span."""
    try:
        match = _DAY.match(value)
        if match:
            day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            return day, day
        match = _WEEK.match(value)
        if match:
            monday = date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
            if value.endswith("-WE"):
                return monday + timedelta(days=5), monday + timedelta(days=6)
            return monday, monday + timedelta(days=6)
        match = _MONTH.match(value)
        if match:
            year, month = int(match.group(1)), int(match.group(2))
            return date(year, month, 1), _month_end(year, month)
        match = _QUARTER.match(value)
        if match:
            year, q = int(match.group(1)), int(match.group(2))
            return date(year, 3 * q - 2, 1), _month_end(year, 3 * q)
        match = _HALF.match(value)
        if match:
            year, h = int(match.group(1)), int(match.group(2))
            return date(year, 6 * h - 5, 1), _month_end(year, 6 * h)
        match = _SEASON.match(value)
        if match:  # northern-hemisphere meteorological seasons, loosely
            year = int(match.group(1))
            start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[match.group(2)]
            end_month = start + 2
            if end_month > 12:
                return date(year, 12, 1), _month_end(year + 1, end_month - 12)
            return date(year, start, 1), _month_end(year, end_month)
        match = _YEAR.match(value)
        if match:
            year = int(match.group(1))
            return date(year, 1, 1), date(year, 12, 31)
        match = _DECADE.match(value)
        if match:
            year = int(match.group(1)) * 10
            return date(year, 1, 1), date(year + 9, 12, 31)
        match = _CENTURY.match(value)
        if match:
            year = max(1, int(match.group(1)) * 100)
            return date(year, 1, 1), date(year + 99, 12, 31)
    except ValueError:
        return None
    return None


def compatible(a: str, b: str) -> bool:
    """True when the two values can name the same time (their intervals overlap)."""
    if a == b:
        return True
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return True  # nothing to contradict
    return ia[0] <= ib[1] and ib[0] <= ia[1]


def sort_key(value: str) -> tuple[date, int, str]:
    """Chronological order; wider spans first among those starting on the same day."""
    span = interval(value)
    if span is None:
        return (date.max, 0, value)
    return (span[0], -(span[1] - span[0]).days, value)


def day_distance(a: str, b: str) -> int | None:
    """Days between the starts of two values, when both name a span."""
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return None
    return abs((ia[0] - ib[0]).days)


def span_days(value: str) -> int:
    """How many days ``value`` covers beyond its first (0 for a day); huge when undated."""
    span = interval(value)
    return (span[1] - span[0]).days if span else 10**6


def is_dated(value: str) -> bool:
    return interval(value) is not None
