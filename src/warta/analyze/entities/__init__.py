"""Named entities. Placeholder until the tagger lands."""

from __future__ import annotations

from warta.model import Entity, Sentence


def extract_entities(text: str, *, sentences: list[Sentence] | None = None, language: str | None = None) -> list[Entity]:
    return []
