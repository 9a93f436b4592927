"""Regex fragments shared by the rules, built once from the lexicon tables."""

from __future__ import annotations

import re
from collections.abc import Iterable

from warta.analyze.numbers import NUMBER_WORDS_RE
from warta.analyze.time.lexicon import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    PARTS_OF_DAY,
    PLURAL_UNITS,
    SE_UNITS,
    UNITS,
    WEEKDAYS,
)


def alternation(words: Iterable[str]) -> str:
    """A non-capturing alternation of words, longest first, spaces matching any whitespace."""
    items = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


MONTH_FULL = alternation(MONTHS) + r"\b"
MONTH_ANY = "(?:" + alternation(MONTHS) + r"\b|" + alternation(MONTH_ABBREVIATIONS) + r"\b\.?)"
WEEKDAY = alternation(WEEKDAYS) + r"\b"
UNIT = alternation(UNITS) + r"\b"
SE_UNIT = alternation(SE_UNITS) + r"\b"
PLURAL_UNIT = alternation(PLURAL_UNITS) + r"(?![\w-])"
PART_OF_DAY = alternation(PARTS_OF_DAY) + r"\b"
# A year a news article would mention: 1000-2099, not inside a larger number ("2.024", "12019").
YEAR = r"(?<![\d.,/-])(?:1\d{3}|20\d{2})(?![\d]|[.,]\d)"
NUMBER = rf"(?:\d+(?:[.,]\d+)?|{NUMBER_WORDS_RE})"
VAGUE_AMOUNT = (
    r"(?:beberapa|several|a\s+few|few|puluhan|belasan|ratusan|dozens\s+of|many|"
    r"satu\s+setengah|setengah|half\s+an?|an?)"
)
AMOUNT = rf"(?:(?<![\w.,]){NUMBER}|\b{VAGUE_AMOUNT})"
FLAGS = re.IGNORECASE
