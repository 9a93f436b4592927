"""A small tokenizer with character offsets, shaped like the NER corpora's tokens.

Words keep inner hyphens, apostrophes and dots of abbreviations ("Bangsa-Bangsa",
"U.S.", "Jum'at"); numbers keep their separators ("11/9/2023", "1.500"); every
other symbol is a token of its own.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN = re.compile(
    r"""
    [^\W_]+(?:\.[^\W_]+)*\.(?:com|co\.id|id|net|org|tv)\b  # web names: Kompas.com, KONTAN.CO.ID
    | (?:[^\W\d_]\.){2,}                        # abbreviations with dots: U.S., A.S.
    | \d+(?:[.,:/]\d+)*                         # numbers, dates, times
    | [^\W_]+(?:['’\-][^\W_]+)*                  # words, hyphenated words, Jum'at
    | \S                                         # any other symbol alone
    """,
    re.VERBOSE | re.IGNORECASE,
)


class Token(NamedTuple):
    text: str
    start: int
    end: int


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    stop = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, stop)]
