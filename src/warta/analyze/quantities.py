"""Quantities. Placeholder."""

from __future__ import annotations

from warta.model import Quantity, Sentence


def extract_quantities(text: str, *, sentences: list[Sentence] | None = None) -> list[Quantity]:
    return []
