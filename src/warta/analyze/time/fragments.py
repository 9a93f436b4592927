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
    """A non-capturing alternation of words, the longest that matches preferred, spaces
    matching any whitespace.

    Written as a tree of shared prefixes ("jan(?:uari|uary)?"), not as a flat list of words
    longest first: the regex engine then gives up on a branch at its first wrong character
    instead of comparing every word, and the rules try these lists at each trigger. The strings
    matched and the preference for the longest are the same, because only one branch of a node
    can match the next character; where two branches differ only in case (and so could both
    match under IGNORECASE), or where a word's whitespace is more than single spaces between
    other characters (one \\s+ could then swallow what the next branch needs), the flat list
    is written instead."""
    items = sorted(set(words), key=len, reverse=True)
    if any(map(_ODD_SPACING.search, items)):
        return _flat(items)
    tree: dict[str, dict] = {}
    for word in items:
        node = tree
        for char in word:
            node = node.setdefault(r"\s+" if char == " " else re.escape(char), {})
        node[""] = {}  # a word ends here
    written = _branches(tree)
    return _flat(items) if written is None else "(?:" + written + ")"


# Whitespace at a word's edge, two in a row, or other than a space.
_ODD_SPACING = re.compile(r"^\s|\s$|\s\s|[^\S ]")


def _flat(items: list[str]) -> str:
    """The words as given (longest first), spaces matching any whitespace."""
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


def _branches(node: dict[str, dict]) -> str | None:
    """The alternation of a prefix tree node's branches; None when two differ only in case."""
    tokens = sorted(token for token in node if token)
    if len({token.lower() for token in tokens}) < len(tokens):
        return None
    parts: list[str] = []
    for token in tokens:
        child = node[token]
        rest = _branches(child)
        if rest is None:
            return None
        # A "|" stands at the top of ``rest`` exactly when the child branches.
        if len(child) > 1:
            rest = "(?:" + rest + ")" + ("?" if "" in child else "")
        parts.append(token + rest)
    return "|".join(parts)


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
# "dua setengah" (two and a half), "two and a half": a number and a half.
AMOUNT = rf"(?:(?<![\w.,]){NUMBER}(?:\s+(?:setengah|and\s+a\s+half))?|\b{VAGUE_AMOUNT})"
FLAGS = re.IGNORECASE
