"""Given publication dates to ISO 8601.

Accepted: ISO 8601 (``2024-11-09``, ``2024-11-09 10:15``, ``2024-11-09T10:15:00+07:00``, ``Z``),
RFC 2822 as feeds write it (``Mon, 11 Sep 2023 10:00:00 +0700``), day-month-name forms in
Indonesian or English (``Senin, 11 September 2023 10:15 WIB``, ``Sep 11, 2023``), and Unix
seconds. A date with a time keeps its offset when it has one; a bare date stays a date.
A given date that cannot be read becomes None: the caller then infers one from the text and
marks it as inferred, so nothing is claimed that was not said (the raw value is not kept).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

_MONTHS = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "february": 2, "feb": 2, "pebruari": 2,
    "maret": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "agustus": 8, "august": 8, "agu": 8, "agt": 8, "aug": 8, "ags": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11, "nopember": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}  # fmt: skip
_ZONES = {
    "wib": 7, "wita": 8, "wit": 9, "utc": 0, "gmt": 0, "z": 0, "kst": 9, "jst": 9, "cet": 1, "cest": 2,
    "bst": 1, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "pst": -8, "pdt": -7,
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_TIME = r"(?:[,\s]+(?:pukul\s+|jam\s+|at\s+)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(?:([AaPp])\.?[Mm]\.?)?)?"
_ZONE = r"(?:\s*\(?\s*(WITA|WIB|WIT|UTC|GMT|KST|JST|CEST|CET|BST|EST|EDT|CST|CDT|PST|PDT|Z)?\s*([+-]\d{2}:?\d{2})?\s*\)?)?"
_DAY_MONTH_YEAR = re.compile(rf"(\d{{1,2}})\s+({_MONTH})\.?\s+(\d{{4}}){_TIME}{_ZONE}\s*$", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"({_MONTH})\.?\s+(\d{{1,2}}),?\s+(\d{{4}}){_TIME}{_ZONE}\s*$", re.IGNORECASE)
_LEADING_WEEKDAY = re.compile(r"^[A-Za-z]+,\s*")
_EPOCH = re.compile(r"^\d{9,10}(?:\.\d+)?$")
_PLAUSIBLE_YEARS = range(1900, 2101)
_SPACE_BEFORE_T = re.compile(r"^(\d{4}-\d{2}-\d{2})\s+T(?=\d)")


def _format(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _offset(zone: str | None, numeric: str | None) -> timezone | None:
    if numeric:
        sign = -1 if numeric[0] == "-" else 1
        digits = numeric[1:].replace(":", "")
        return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    if zone:
        return timezone(timedelta(hours=_ZONES[zone.lower()]))
    return None


def _from_parts(match: re.Match[str], month_first: bool) -> str | None:
    groups = match.groups()
    if month_first:
        month_name, day, year = groups[0], groups[1], groups[2]
    else:
        day, month_name, year = groups[0], groups[1], groups[2]
    hour, minute, second, meridiem, zone, numeric = groups[3:9]
    try:
        day_value = date(int(year), _MONTHS[month_name.lower().rstrip(".")], int(day))
        if hour is None:
            return day_value.isoformat()
        hour_value = int(hour)
        if meridiem:
            hour_value = hour_value % 12 + (12 if meridiem.lower() == "p" else 0)
        moment = datetime(day_value.year, day_value.month, day_value.day, hour_value, int(minute), int(second or 0))
    except (ValueError, KeyError):
        return None
    tz = _offset(zone, numeric)
    return _format(moment.replace(tzinfo=tz) if tz else moment)


def normalize_date(value: str | None) -> str | None:
    """ISO 8601 for a date as written, or None when it cannot be read."""
    if not value or not value.strip():
        return None
    text = " ".join(value.split())
    text = _SPACE_BEFORE_T.sub(r"\1T", text)  # "2015-11-05 T10:08:58Z", as some portals write it
    try:
        parsed = datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        parsed = None
    if parsed is not None:
        if parsed.year not in _PLAUSIBLE_YEARS:
            return None
        bare_date = len(text) <= 10 and ":" not in text
        return parsed.date().isoformat() if bare_date else _format(parsed)
    if _EPOCH.match(text):
        return _format(datetime.fromtimestamp(float(text), UTC))
    without_weekday = _LEADING_WEEKDAY.sub("", text.replace("|", " ")).replace("  ", " ")
    for pattern, month_first in ((_DAY_MONTH_YEAR, False), (_MONTH_DAY_YEAR, True)):
        match = pattern.match(without_weekday)
        if match:
            result = _from_parts(match, month_first)
            if result and int(result[:4]) in _PLAUSIBLE_YEARS:
                return result
    try:
        rfc = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        rfc = None
    if rfc is not None and rfc.year in _PLAUSIBLE_YEARS:
        return _format(rfc)
    return None
