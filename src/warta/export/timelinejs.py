"""Knight Lab TimelineJS3 JSON: one slide per dated timeline entry.

TimelineJS wants numbers for ``year``/``month``/``day`` and leaves out what is unknown, so
"2023-09" becomes ``{"year": 2023, "month": 9}``; weeks, quarters and halves start on
their first month; decades and centuries on their first year.
"""

from __future__ import annotations

import html
from typing import Any

from warta.stories.timevalues import interval, precision
from warta.timewords import render_value

# How much of a date TimelineJS is given, by the TIMEX3 value's precision.
_WITH_DAY = {"day", "daypart", "time", "week"}
_WITH_MONTH = {"month", "quarter", "half", "season"}


def start_date(value: str) -> dict[str, int] | None:
    """TimelineJS ``start_date`` of a TIMEX3 value (its first day), or None when it names no date."""
    span = interval(value)
    if span is None:
        return None
    first, kind = span[0], precision(value)
    if kind in _WITH_DAY:
        return {"year": first.year, "month": first.month, "day": first.day}
    if kind in _WITH_MONTH:
        return {"year": first.year, "month": first.month}
    return {"year": first.year}


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
                "display_date": render_value(entry.get("date") or "", "en", mod=entry.get("mod")),
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
