"""Knight Lab TimelineJS3 JSON: one slide per dated timeline entry.

TimelineJS wants numbers for ``year``/``month``/``day`` and leaves out what is unknown, so
"2023-09" becomes ``{"year": 2023, "month": 9}``; weeks, quarters and halves start on
their first month; decades and centuries on their first year.
"""

from __future__ import annotations

import html
import re
from typing import Any

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-([QH])([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")


def start_date(value: str) -> dict[str, int] | None:
    """TimelineJS ``start_date`` of a TIMEX3 value, or None when it names no date."""
    from datetime import date

    if m := _DAY.match(value):
        return {"year": int(m.group(1)), "month": int(m.group(2)), "day": int(m.group(3))}
    if m := _WEEK.match(value):
        try:
            monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return None
        return {"year": monday.year, "month": monday.month, "day": monday.day}
    if m := _MONTH.match(value):
        return {"year": int(m.group(1)), "month": int(m.group(2))}
    if m := _QUARTER.match(value):
        step = 3 if m.group(2) == "Q" else 6
        return {"year": int(m.group(1)), "month": (int(m.group(3)) - 1) * step + 1}
    if m := _YEAR.match(value):
        return {"year": int(m.group(1))}
    if m := _DECADE.match(value):
        return {"year": int(m.group(1)) * 10}
    if m := _CENTURY.match(value):
        return {"year": int(m.group(1)) * 100}
    return None


def _slide_text(entry: dict[str, Any]) -> str:
    parts = []
    for source in entry.get("sources", []):
        who = f" — {html.escape(source['attributed_to'])}" if source.get("attributed_to") else ""
        parts.append(f"<p>{html.escape(source.get('sentence') or '')} <em>({html.escape(source['article'])}{who})</em></p>")
    return "".join(parts)


def to_timelinejs(story: dict[str, Any]) -> dict[str, Any]:
    events = []
    for entry in story.get("timeline", []):
        start = start_date(entry.get("date") or "")
        if start is None:
            continue
        flags = [flag for flag in ("expected", "hedged") if entry.get(flag)]
        headline = html.escape(entry.get("text") or "")
        if flags:
            headline += f" ({', '.join(flags)})"
        events.append(
            {
                "start_date": start,
                "text": {"headline": headline, "text": _slide_text(entry)},
                "group": entry.get("type") or "background",
                "unique_id": entry.get("id") or f"{story.get('id', 'story')}-{len(events)}",
            }
        )
    return {
        "title": {
            "text": {
                "headline": html.escape(story.get("title") or ""),
                "text": html.escape(story.get("summary") or ""),
            }
        },
        "events": events,
    }
