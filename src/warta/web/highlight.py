"""An article's text as HTML with its annotations highlighted, built safely.

The text is cut at every annotation boundary and each piece is escaped on its own, so
article text can never become markup, however the annotations overlap.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from warta.timewords import render_timex

KINDS = {
    "entity": "named entity",
    "time": "time expression",
    "quantity": "quantity",
    "source": "source of a statement",
    "cue": "reporting verb",
    "quote": "attributed content",
}


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str  # a key of KINDS
    label: str


def _span(item: dict[str, Any] | None) -> tuple[int, int] | None:
    if not isinstance(item, dict):
        return None
    start, end = item.get("start"), item.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end:
        return start, end
    return None


def marks_from_analysis(analysis: dict[str, Any]) -> list[Mark]:
    """Every highlightable span of an analysis dict (``Analysis.to_dict()``)."""
    marks: list[Mark] = []

    def add(item: dict[str, Any] | None, kind: str, label: str) -> None:
        span = _span(item)
        if span is not None:
            marks.append(Mark(span[0], span[1], kind, label))

    for ent in analysis.get("entities") or []:
        add(ent, "entity", f"{ent.get('type', '')}: {ent.get('canonical') or ent.get('text', '')}")
    for tx in analysis.get("timexes") or []:
        add(tx, "time", f"{str(tx.get('type', '')).lower()}: {render_timex(tx, 'en')}")
    for qty in analysis.get("quantities") or []:
        norm = qty.get("normalized") or {}
        shown = f"{norm.get('value')} {norm.get('unit') or ''}" if norm else f"{qty.get('value')} {qty.get('unit') or ''}"
        add(qty, "quantity", f"quantity: {shown.strip()}")
    for att in analysis.get("attributions") or []:
        source = att.get("source") or {}
        who = source.get("canonical") or source.get("text") or "?"
        via = " via " + " > ".join(att["via"]) if att.get("via") else ""
        add(source, "source", f"source: {who}{via}")
        add(att.get("cue"), "cue", f"cue ({'direct' if att.get('direct') else 'indirect'})")
        hedge = ", hedged" if att.get("hedged") else ""
        add(att.get("content"), "quote", f"said by {who}{via}{hedge}")
    return marks


def highlight(text: str, marks: list[Mark], sentence_starts: list[int] | None = None) -> Markup:
    """HTML for ``text`` with ``marks`` as ``<span class="hl hl-KIND">`` and sentence anchors.

    Sentence ``i`` gets an empty ``<span id="s{i}">`` at its start so citations can link to it.
    """
    length = len(text)
    valid = [m for m in marks if m.end <= length]
    anchors: dict[int, list[int]] = {}
    for index, start in enumerate(sentence_starts or []):
        if 0 <= start <= length:
            anchors.setdefault(start, []).append(index)
    cuts = sorted({0, length, *anchors, *(m.start for m in valid), *(m.end for m in valid)})
    starting: dict[int, list[Mark]] = {}
    for mark in valid:
        starting.setdefault(mark.start, []).append(mark)
    active: list[Mark] = []
    parts: list[str] = []
    for left, right in zip(cuts, cuts[1:] + [length], strict=True):
        for index in anchors.get(left, []):
            parts.append(f'<span class="sentence-anchor" id="s{index}"></span>')
        if left >= right:
            continue
        active = [m for m in active if m.end > left] + starting.get(left, [])
        piece = escape(text[left:right])
        if not active:
            parts.append(str(piece))
            continue
        kinds = sorted({m.kind for m in active})
        classes = " ".join(["hl", *(f"hl-{k}" for k in kinds)])
        title = "; ".join(dict.fromkeys(m.label for m in active))
        parts.append(f'<span class="{classes}" title="{escape(title)}">{piece}</span>')
    return Markup("".join(parts))
