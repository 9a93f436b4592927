"""Guess an article's publication date from its text, for articles that came without one."""

from __future__ import annotations

import re

from warta.analyze.time.extract import extract_timexes

# How far into the text a dateline or first paragraph runs.
_LEAD_CHARS = 500
_FULL_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")
LEAD_CONFIDENCE = 0.9
BODY_CONFIDENCE = 0.5


def infer_publication_date(text: str) -> tuple[str | None, float]:
    """(ISO date, confidence in 0..1) read from the text, or (None, 0.0).

    A full date (day, month and year written out) in the dateline or first paragraph is
    almost always the publication date; failing that the latest full date in the text is a
    lower-confidence guess (articles report up to the day they are written).
    """
    if not text:
        return None, 0.0
    full_dates: list[tuple[int, str]] = []
    for timex in extract_timexes(text, None):
        match = _FULL_DATE.match(timex.value)
        # A date given as "at the earliest"/"at the latest" is a plan, not the day of writing.
        if match and timex.mod not in {"ON_OR_AFTER", "ON_OR_BEFORE"}:
            full_dates.append((timex.start, match.group(1)))
    if not full_dates:
        return None, 0.0
    lead_end = min(_LEAD_CHARS, len(text))
    paragraph_break = text.find("\n\n")
    if 0 < paragraph_break < lead_end:
        lead_end = max(paragraph_break, 200)
    in_lead = [d for start, d in full_dates if start < lead_end]
    if in_lead:
        return in_lead[0], LEAD_CONFIDENCE
    return max(d for _, d in full_dates), BODY_CONFIDENCE
