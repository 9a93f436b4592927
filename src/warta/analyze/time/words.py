"""The words of a text, split once and shared by the rule triggers and the tense cues.

Digits are folded to "0" first so that a number's shape ("00", "0000", "0000an") is its
lookup key: one dictionary lookup per word decides whether any rule could start near it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate
from operator import add

_SEP_WORD_RE = re.compile(r"(\W*)(\w+)")
_FOLD_DIGITS = str.maketrans("123456789", "000000000")


@dataclass(frozen=True, slots=True)
class Words:
    shapes: tuple[str, ...]  # lower case, digits folded to "0"
    ends: list[int]  # end offset of each word in the text

    def start(self, index: int) -> int:
        return self.ends[index] - len(self.shapes[index])


def split_words(text: str) -> Words:
    """Words (``\\w+``) of ``text`` with their offsets, computed without a per-word Python loop."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lower-cased
        lowered = "".join(ch.lower()[0] for ch in text)
    pairs = _SEP_WORD_RE.findall(lowered)
    if not pairs:
        return Words((), [])
    separators, words = zip(*pairs, strict=True)
    ends = list(accumulate(map(add, map(len, separators), map(len, words))))
    # Fold digits only in the (few) words that start with one: str.translate over a whole
    # article costs more than the rest of the split.
    shapes = list(words)
    for index in [i for i, w in enumerate(words) if w[0] <= "9"]:
        shapes[index] = words[index].translate(_FOLD_DIGITS)
    return Words(tuple(shapes), ends)
