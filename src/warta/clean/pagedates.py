"""Publication dates a page shows rather than declares: in its address and beside its headline.

- ``url_dates``: a date in the URL path: ``/2015/11/04/``, ``/20151104/``, ``-20151104``, and
  the two-digit ``/16/02/15/`` (read year/month/day, and also day/month/year when that is a
  valid date too: the caller settles between readings with the page's visible date).
- ``find_visible_date``: the first date written in a short text (the text that follows the
  headline): "Kamis, 05 November 2015 11:52", "Selasa, 23/02/2016 15:32 WIB",
  "16 Feb 2016 at 09:09 WIB", "Feb 16, 2016". A zone word (WIB +07:00, WITA +08:00,
  WIT +09:00...) gives the offset; without one the time stays local (no offset).
- ``reconcile``: a metadata time in UTC beside a visible local time. Some portals write their
  local time with a "Z"; others convert correctly. Either way the visible time, in the
  portal's zone, is the one to keep when the two agree (as an instant, or as a clock).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from warta.clean.dates import _MONTHS, _ZONES

_YEARS = range(1995, 2101)
_URL_FULL = re.compile(r"(?:^|[/_-])((?:19|20)\d{2})[/_-]?(\d{2})[/_-]?(\d{2})(?=$|[/_.-])")
_URL_SHORT = re.compile(r"/(\d{2})/(\d{2})/(\d{2})/")
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ZONE_WORDS = "WITA|WIB|WIT|UTC|GMT"
_TIME = re.compile(
    rf"[,\s]+(?:pukul\s+|jam\s+|at\s+)?(?P<h>\d{{1,2}})[:.](?P<m>\d{{2}})(?:[:.]\d{{2}})?(?:\s*(?P<z>{_ZONE_WORDS})\b)?",
    re.IGNORECASE,
)
_VISIBLE = re.compile(
    rf"\b(?P<d1>\d{{1,2}})\s+(?P<mon1>{_MONTH})\.?\s+(?P<y1>\d{{4}})\b"
    rf"|\b(?P<d2>\d{{1,2}})[/.-](?P<mo2>\d{{1,2}})[/.-](?P<y2>\d{{4}})\b"
    rf"|\b(?P<mon3>{_MONTH})\.?\s+(?P<d3>\d{{1,2}}),?\s+(?P<y3>\d{{4}})\b",
    re.IGNORECASE,
)
RECONCILE_MINUTES = 60


def _valid(year: int, month: int, day: int) -> str | None:
    if year not in _YEARS:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def url_dates(url: str | None) -> list[str]:
    """The days a URL's path can mean, most likely first (empty when it holds none)."""
    if not url:
        return []
    path = re.sub(r"^[a-z]+://[^/]+", "", url.strip(), flags=re.IGNORECASE).split("?")[0]
    match = _URL_FULL.search(path)
    if match:
        day = _valid(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        return [day] if day else []
    readings: list[str] = []
    for match in _URL_SHORT.finditer(path):
        a, b, c = (int(g) for g in match.groups())
        for reading in (_valid(2000 + a, b, c), _valid(2000 + c, b, a)):
            if reading and reading not in readings:
                readings.append(reading)
        if readings:
            break
    return readings


def find_visible_date(text: str) -> str | None:
    """ISO 8601 for the first date written in ``text`` (with its time and zone when given)."""
    for match in _VISIBLE.finditer(text):
        groups = match.groupdict()
        try:
            if groups["y1"]:
                day = date(int(groups["y1"]), _MONTHS[groups["mon1"].lower()], int(groups["d1"]))
            elif groups["y2"]:
                day = date(int(groups["y2"]), int(groups["mo2"]), int(groups["d2"]))
            else:
                day = date(int(groups["y3"]), _MONTHS[groups["mon3"].lower()], int(groups["d3"]))
        except (ValueError, KeyError):
            continue
        if day.year not in _YEARS:
            continue
        clock = _TIME.match(text, match.end())
        groups = clock.groupdict() if clock else {"h": None}
        if groups["h"] is None:
            return day.isoformat()
        hour, minute = int(groups["h"]), int(groups["m"])
        if hour > 23 or minute > 59:
            return day.isoformat()
        moment = datetime(day.year, day.month, day.day, hour, minute)
        if groups["z"]:
            moment = moment.replace(tzinfo=timezone(timedelta(hours=_ZONES[groups["z"].lower()])))
        return moment.isoformat(timespec="seconds")
    return None


def _parse(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def reconcile(declared: str, visible: str | None) -> str:
    """The declared (metadata) date, or the visible one when the declared time is UTC and the
    visible time, in a named zone, is the same moment or the same clock time (within an hour)."""
    if not visible or "T" not in declared or "T" not in visible:
        return declared
    meta, shown = _parse(declared), _parse(visible)
    if meta is None or shown is None or meta.utcoffset() != timedelta(0) or shown.tzinfo is None:
        return declared
    if shown.utcoffset() == timedelta(0):
        return declared
    limit = timedelta(minutes=RECONCILE_MINUTES)
    same_moment = abs(meta - shown) <= limit
    same_clock = abs(meta.replace(tzinfo=None) - shown.replace(tzinfo=None)) <= limit
    return visible if same_moment or same_clock else declared
