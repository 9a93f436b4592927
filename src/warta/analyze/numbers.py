"""Numbers as Indonesian and English news write them: digits, words, vague amounts, roman numerals.

Indonesian writes "160.000" for 160000 and "3,2" for 3.2; English writes the reverse. A number
with both separators says which style it is ("1.234,5" / "1,234.5"). A number with only one kind
of separator is read the Indonesian way unless ``language="en"`` is given: warta reads
Indonesian first, and "2,75" or "160.000" are far more common in its input than "1,234".
"""

from __future__ import annotations

import re

__all__ = [
    "NUMBER_WORDS_RE",
    "NUMBER_WORD_LIST",
    "SCALE_WORDS",
    "VAGUE_QUANTITIES",
    "parse_number",
    "parse_roman",
    "word_value",
]

# Words that stand for a value by themselves (0..99, and the "se-" forms meaning one-of).
_VALUE_WORDS: dict[str, int] = {
    # Indonesian
    "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "seratus": 100,
    # English
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}
# "dua belas" = 2 + 10, "dua puluh" = 2 * 10, "dua ratus" / "two hundred" = 2 * 100.
_TEEN_WORD = "belas"
_TIMES_TEN_WORD = "puluh"
_HUNDRED_WORDS = frozenset({"ratus", "hundred"})
# Scale words close a group: "tiga ratus ribu" = (3 * 100) * 1000.
SCALE_WORDS: dict[str, float] = {
    "ribu": 1e3, "rb": 1e3, "juta": 1e6, "jt": 1e6, "miliar": 1e9, "milyar": 1e9,
    "triliun": 1e12, "thousand": 1e3, "million": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
    "trillion": 1e12,
}
# "seribu", "sejuta": one of a scale, written as one word.
_SE_SCALE_WORDS: dict[str, float] = {"seribu": 1e3, "sejuta": 1e6, "semiliar": 1e9, "setriliun": 1e12}

NUMBER_WORD_LIST: tuple[str, ...] = (
    *_VALUE_WORDS, *_SE_SCALE_WORDS, _TEEN_WORD, _TIMES_TEN_WORD, *_HUNDRED_WORDS, *SCALE_WORDS
)
"""Every word a number may be written with ("dua", "belas", "ribu", "twenty", "million")."""

_LEADING_WORDS = sorted([*_VALUE_WORDS, *_SE_SCALE_WORDS], key=len, reverse=True)
_FOLLOWING_WORDS = sorted(
    [*_VALUE_WORDS, *_SE_SCALE_WORDS, _TEEN_WORD, _TIMES_TEN_WORD, *_HUNDRED_WORDS,
     *(w for w in SCALE_WORDS if len(w) > 2)],
    key=len,
    reverse=True,
)
_LEAD_ALT = "|".join(_LEADING_WORDS)
_FOLLOW_ALT = "|".join(_FOLLOWING_WORDS)

NUMBER_WORDS_RE: str = (
    rf"(?i:\b(?:{_LEAD_ALT})\b(?:(?:\s+|-)(?:and\s+)?(?:{_FOLLOW_ALT})\b)*)"
)
"""Regex fragment (no capturing groups, case-insensitive inside) for a run of number words."""

# Ranges (inclusive) that vague amounts stand for; "belasan orang" = 11..19 people.
VAGUE_QUANTITIES: dict[str, tuple[int, int]] = {
    "belasan": (11, 19),
    "puluhan": (10, 99),
    "ratusan": (100, 999),
    "ribuan": (1_000, 9_999),
    "puluhan ribu": (10_000, 99_999),
    "ratusan ribu": (100_000, 999_999),
    "jutaan": (1_000_000, 9_999_999),
    "puluhan juta": (10_000_000, 99_999_999),
    "ratusan juta": (100_000_000, 999_999_999),
    "miliaran": (1_000_000_000, 9_999_999_999),
    "triliunan": (1_000_000_000_000, 9_999_999_999_999),
    "beberapa": (2, 9),
    "a few": (2, 5),
    "several": (3, 9),
    "dozens": (24, 99),
    "dozens of": (24, 99),
    "scores of": (40, 99),
    "tens of thousands": (10_000, 99_999),
    "hundreds": (200, 999),
    "hundreds of thousands": (100_000, 999_999),
    "thousands": (2_000, 9_999),
    "millions": (2_000_000, 9_999_999),
    "billions": (2_000_000_000, 9_999_999_999),
}

_DIGITS_RE = re.compile(r"^(?P<num>\d[\d.,]*)\s*(?P<scale>[a-z]+)?$")
_BOTH_ID = re.compile(r"^\d{1,3}(?:\.\d{3})+,\d+$")  # 1.234,5
_BOTH_EN = re.compile(r"^\d{1,3}(?:,\d{3})+\.\d+$")  # 1,234.5
_GROUPED_DOTS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")  # 160.000 / 1.234.567
_GROUPED_COMMAS = re.compile(r"^\d{1,3}(?:,\d{3})+$")  # 1,234,567
_ONE_COMMA = re.compile(r"^\d+,\d+$")
_ONE_DOT = re.compile(r"^\d+\.\d+$")
_PLAIN = re.compile(r"^\d+$")
_ROMAN_RE = re.compile(r"^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def _parse_digits(num: str, language: str | None) -> float | None:
    english = language == "en"
    if _PLAIN.match(num):
        return float(num)
    if _BOTH_ID.match(num):
        return float(num.replace(".", "").replace(",", "."))
    if _BOTH_EN.match(num):
        return float(num.replace(",", ""))
    if _GROUPED_DOTS.match(num):
        # "160.000" is 160000 in Indonesian; in English "1.234" is a decimal.
        return float(num) if english and num.count(".") == 1 else float(num.replace(".", ""))
    if _GROUPED_COMMAS.match(num):
        if english or num.count(",") > 1:
            return float(num.replace(",", ""))
        return float(num.replace(",", "."))
    if _ONE_COMMA.match(num):
        return float(num.replace(",", "."))
    if _ONE_DOT.match(num):
        return float(num)
    return None


def word_value(text: str) -> float | None:
    """The value of a run of number words ("dua puluh lima" -> 25), or None if it is not one."""
    tokens = [t for t in re.split(r"[\s-]+", text.strip().lower()) if t and t != "and"]
    if not tokens:
        return None
    total = 0.0
    current = 0.0  # the group below the next scale word
    unit: float | None = None  # a value word waiting for belas/puluh/ratus
    seen_any = False
    for index, token in enumerate(tokens):
        if token == "a" and index + 1 < len(tokens) and (
            tokens[index + 1] in _HUNDRED_WORDS or tokens[index + 1] in SCALE_WORDS
            or tokens[index + 1] == "dozen"
        ):
            unit = 1.0
            continue
        if token in _VALUE_WORDS:
            value = float(_VALUE_WORDS[token])
            if token == "seratus":
                if unit is not None:
                    return None
                current += 100
            elif token == "dozen":
                current += (unit if unit is not None else 1.0) * 12
                unit = None
            elif unit is not None:
                # Two bare units in a row ("dua tiga") are not one number, except English
                # tens followed by a unit ("twenty five").
                if unit >= 20 and unit % 10 == 0 and value < 10:
                    unit += value
                else:
                    return None
            else:
                unit = value
        elif token in _SE_SCALE_WORDS:
            if unit is not None or current:
                return None
            total += _SE_SCALE_WORDS[token]
        elif token == _TEEN_WORD:
            if unit is None or not 1 <= unit <= 9:
                return None
            current += unit + 10
            unit = None
        elif token == _TIMES_TEN_WORD:
            if unit is None or not 1 <= unit <= 9:
                return None
            current += unit * 10
            unit = None
        elif token in _HUNDRED_WORDS:
            if unit is None and not current:
                return None
            current = (current + (unit or 0.0)) * 100
            unit = None
        elif token in SCALE_WORDS:
            group = current + (unit or 0.0)
            if not group:
                return None
            total += group * SCALE_WORDS[token]
            current, unit = 0.0, None
        else:
            return None
        seen_any = True
    if not seen_any:
        return None
    return total + current + (unit or 0.0)


def parse_number(text: str, *, language: str | None = None) -> float | None:
    """The value of a number in digits or words, with an optional scale word; None otherwise.

    "160.000" -> 160000, "3,2 triliun" -> 3.2e12, "dua puluh lima" -> 25, "twenty-five" -> 25.
    ``language="en"`` reads a lone separator the English way ("1,234" -> 1234).
    """
    cleaned = text.strip().lower()
    if not cleaned:
        return None
    match = _DIGITS_RE.match(cleaned)
    if match:
        value = _parse_digits(match.group("num"), language)
        if value is None:
            return None
        scale = match.group("scale")
        if scale is None:
            return value
        if scale not in SCALE_WORDS:
            return None
        return value * SCALE_WORDS[scale]
    # Digits followed by number words: "1,5 juta", "25 ribu" is covered above; "2 ratus ribu".
    head = re.match(r"^(\d[\d.,]*)\s+(.+)$", cleaned)
    if head:
        value = _parse_digits(head.group(1), language)
        rest = head.group(2).split()
        if value is None or not rest or any(w not in SCALE_WORDS and w not in _HUNDRED_WORDS for w in rest):
            return None
        for word in rest:
            value *= SCALE_WORDS.get(word, 100.0)
        return value
    return word_value(cleaned)


def parse_roman(text: str) -> int | None:
    """The value of an upper-case roman numeral ("III" -> 3, "IV" -> 4), None otherwise.

    Lower case is refused on purpose: "di", "mi", "mix" are words, not numerals.
    """
    token = text.strip()
    if not token or not _ROMAN_RE.match(token):
        return None
    total = 0
    for index, char in enumerate(token):
        value = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[token[index + 1]] if index + 1 < len(token) else 0
        total += -value if value < following else value
    return total
