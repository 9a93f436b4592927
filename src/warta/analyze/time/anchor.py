"""Calendar arithmetic against the document creation time (DCT) and the tense of a sentence.

Bare weekdays, months and day-months resolve like HeidelTime: a tense cue in the sentence
picks the past or future occurrence; with no cue the nearest one wins, with a bias to the past
because news mostly reports what happened (a Friday report's "Senin" is this week's Monday).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta

from warta.analyze.time.lexicon import FUTURE_CUES, PAST_CUES

FUTURE = "future"
PAST = "past"

_CUE_RE = re.compile(
    r"\b(?:(?P<future>"
    + "|".join(re.escape(c) for c in sorted(FUTURE_CUES, key=len, reverse=True))
    + r")|(?P<past>"
    + "|".join(re.escape(c) for c in sorted(PAST_CUES, key=len, reverse=True))
    + r"))\b",
    re.IGNORECASE,
)
# Cheap sentence bounds when the caller gave none: stop + space + capital, or a newline.
_SENTENCE_END_RE = re.compile(r"[.!?]+[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")
# How many days of extra distance a past weekday may have and still win over the future one.
PAST_BIAS_DAYS = 1


def parse_dct(dct: str | None) -> date | None:
    if not dct:
        return None
    try:
        return date.fromisoformat(dct[:10])
    except ValueError:
        return None


def sentence_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _SENTENCE_END_RE.finditer(text)]


class TenseFinder:
    """Finds the tense cue nearest to a span inside its sentence."""

    def __init__(self, text: str, starts: list[int]) -> None:
        self.text = text
        self.starts = starts

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        index = bisect_right(self.starts, pos) - 1
        start = self.starts[max(index, 0)]
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
        return start, end

    def is_sentence_start(self, pos: int) -> bool:
        start, _ = self.sentence_bounds(pos)
        return not self.text[start:pos].strip(" \t\"'“‘(")

    def tense(self, start: int, end: int) -> str | None:
        s_start, s_end = self.sentence_bounds(start)
        best: tuple[int, str] | None = None
        for match in _CUE_RE.finditer(self.text, s_start, s_end):
            if start <= match.start() < end:
                continue
            distance = start - match.end() if match.end() <= start else match.start() - end
            kind = FUTURE if match.group("future") else PAST
            if best is None or distance < best[0]:
                best = (distance, kind)
        return best[1] if best else None


def resolve_weekday(dct: date, weekday: int, tense: str | None) -> date:
    """The date of ``weekday`` (ISO 1..7) nearest the DCT in the direction the tense says."""
    if weekday == dct.isoweekday():
        return dct
    back = (dct.isoweekday() - weekday) % 7
    ahead = (weekday - dct.isoweekday()) % 7
    if tense == FUTURE:
        return dct + timedelta(days=ahead)
    if tense == PAST:
        return dct - timedelta(days=back)
    if back <= ahead + PAST_BIAS_DAYS:
        return dct - timedelta(days=back)
    return dct + timedelta(days=ahead)


def _pick(options: list[tuple[int, object]], tense: str | None, horizon: int) -> object | None:
    """Choose among (distance from the DCT, value) options: the tense decides among those within
    ``horizon``; otherwise (or with no tense) the nearest wins, the past on a tie. A cue never
    pushes a date more than a horizon away: "akan ... 11 September" on 12 September is a report
    about yesterday more often than about next year."""
    if not options:
        return None
    near = [o for o in options if abs(o[0]) <= horizon]
    if tense == FUTURE:
        near = [o for o in near if o[0] >= 0]
    elif tense == PAST:
        near = [o for o in near if o[0] <= 0]
    pool = near or options
    return min(pool, key=lambda o: (abs(o[0]), o[0] > 0))[1]


def resolve_month(dct: date, month: int, tense: str | None) -> int:
    """The year of a bare month: the nearest one, or the one the tense points to within 6 months."""
    here = dct.year * 12 + dct.month
    options = [(year * 12 + month - here, year) for year in (dct.year - 1, dct.year, dct.year + 1)]
    year = _pick(options, tense, 6)  # type: ignore[arg-type]
    assert isinstance(year, int)
    return year


def resolve_day_month(dct: date, month: int, day: int, tense: str | None) -> date | None:
    """The date of a day and month given without a year."""
    options: list[tuple[int, object]] = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        options.append(((candidate - dct).days, candidate))
    found = _pick(options, tense, 183)
    return found if isinstance(found, date) else None


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def shift_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + (day.month - 1) + months
    return index // 12, index % 12 + 1
