"""Time expressions (TIMEX3) in Indonesian and English news. Placeholder until the engine lands."""

from __future__ import annotations

from warta.model import Sentence, Timex


def extract_timexes(
    text: str, dct: str | None, *, sentences: list[Sentence] | None = None, language: str | None = None
) -> list[Timex]:
    return []


def infer_publication_date(text: str) -> tuple[str | None, float]:
    """(ISO date, confidence in 0..1) read from the text, or (None, 0.0)."""
    return None, 0.0
