"""Hedging: words that mark a statement as uncertain ("tampaknya", "diduga", "reportedly").

The cue list lives in ``warta/data/cues/hedging.json``. Two Indonesian modals, "bisa" and
"dapat", are ambiguous: "dapat membantu" (may help) hedges, but "dapat bantuan" (got help),
"bisa ular" (snake venom) and "tidak bisa" (cannot) do not. They count only when a verb
follows (a verbal prefix or a known base verb) and no negation precedes. English "may" counts
only in lower case, so the month "May" never hedges.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from warta.model import Span

__all__ = ["hedge_cues", "is_hedged", "load_hedging_cues"]

_CUES_PATH = Path(__file__).resolve().parents[1] / "data" / "cues" / "hedging.json"
_WORD = re.compile(r"[\w]+(?:-[\w]+)*")
# Adverbs that may sit between a modal and its verb ("dapat segera dimulai").
_MODAL_ADVERBS = frozenset({"segera", "saja", "juga", "pula", "lebih", "secara", "langsung", "kembali"})


@lru_cache(maxsize=1)
def load_hedging_cues() -> dict[str, Any]:
    """The hedging tables from ``data/cues/hedging.json``."""
    return json.loads(_CUES_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _cue_pattern() -> re.Pattern[str]:
    cues = sorted(load_hedging_cues()["cues"], key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, cue.split())) for cue in cues)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def _is_verb(word: str) -> bool:
    tables = load_hedging_cues()
    lower = word.lower()
    if lower != word:  # a capitalised word after a modal is a name, not a verb
        return False
    if lower in tables["base_verbs"]:
        return True
    return len(lower) >= 5 and any(lower.startswith(p) for p in tables["verb_prefixes"])


def _modal_hedges(text: str, start: int, end: int) -> list[Span]:
    tables = load_hedging_cues()
    words = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text, start, end)]
    found: list[Span] = []
    for i, (word, w_start, w_end) in enumerate(words):
        if word.lower() not in tables["modal_cues"]:
            continue
        if i > 0 and words[i - 1][0].lower() in tables["modal_not_after"]:
            continue
        j = i + 1
        if j < len(words) and words[j][0].lower() in _MODAL_ADVERBS:
            j += 1
        if j >= len(words):
            continue
        following = words[j][0]
        if following.lower() in tables["modal_not_before"] or not _is_verb(following):
            continue
        found.append(Span(text=word, start=w_start, end=w_end))
    return found


def hedge_cues(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Hedging cues inside ``text[start:end]``, as spans of ``text``, in order."""
    end = len(text) if end is None else end
    found: list[Span] = []
    for match in _cue_pattern().finditer(text, start, end):
        word = match.group(0)
        if word.lower() == "may" and word != "may":
            continue
        found.append(Span(text=word, start=match.start(), end=match.end()))
    window = text[start:end].lower()
    if "bisa" in window or "dapat" in window:
        found.extend(_modal_hedges(text, start, end))
    return sorted(found, key=lambda s: s.start)


def is_hedged(text_span: str | Span) -> bool:
    """True when the text (or the span's text) carries a hedging cue."""
    text = text_span.text if isinstance(text_span, Span) else text_span
    return bool(hedge_cues(text))
