"""Guess an article's publication date from its text, for articles that came without one."""

from __future__ import annotations

import re

from warta.analyze.time.extract import extract_timexes

# How far into the text a dateline or first paragraph runs.
_LEAD_CHARS = 500
_FULL_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")
# "Senin (4/11/2024)": the weekday-and-bracketed-date form Indonesian datelines use.
_DATELINE = re.compile(r"\w+\s*\(\s*\d{1,2}/\d{1,2}/\d{2,4}\s*\)")
DATELINE_CONFIDENCE = 0.9
LEAD_CONFIDENCE = 0.7
BODY_CONFIDENCE = 0.5


def infer_publication_date(text: str) -> tuple[str | None, float]:
    """(ISO date, confidence in 0..1) read from the text, or (None, 0.0).

    A dateline date ("Senin (4/11/2024)") in the first paragraph is almost always the
    publication date (0.9); else the latest full date (day, month, year) of the first paragraph
    (0.7); else the latest full date anywhere (0.5: articles report up to the day they are
    written). Year-less dates and planned ones ("paling cepat ...") never count.
    """
    if not text:
        return None, 0.0
    full_dates: list[tuple[int, str, bool]] = []  # (offset, date, written as a dateline)
    for timex in extract_timexes(text, None):
        match = _FULL_DATE.match(timex.value)
        # A date given as "at the earliest"/"at the latest" is a plan, not the day of writing.
        if match and timex.mod not in {"ON_OR_AFTER", "ON_OR_BEFORE"}:
            full_dates.append((timex.start, match.group(1), bool(_DATELINE.search(timex.text))))
    if not full_dates:
        return None, 0.0
    lead_end = min(_LEAD_CHARS, len(text))
    paragraph_break = text.find("\n\n")
    if 0 < paragraph_break < lead_end:
        lead_end = max(paragraph_break, 200)
    in_lead = [(d, dateline) for start, d, dateline in full_dates if start < lead_end]
    datelines = [d for d, dateline in in_lead if dateline]
    if datelines:
        return datelines[0], DATELINE_CONFIDENCE
    if in_lead:
        return max(d for d, _ in in_lead), LEAD_CONFIDENCE
    return max(d for _, d, _ in full_dates), BODY_CONFIDENCE
