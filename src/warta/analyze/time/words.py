"""The words of a text, split once and shared by the rule triggers and the tense cues.

Digits are folded to "0" first so that a number's shape ("00", "0000", "0000an") is its
lookup key: one dictionary lookup per word decides whether any rule could start near it.
"""

from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import dataclass

_WORD_RE = re.compile(r"\w+")
_FOLD_DIGITS = str.maketrans("123456789", "000000000")
_GROUP, _END = re.Match.group, re.Match.end


@dataclass(frozen=True, slots=True)
class Words:
    shapes: tuple[str, ...]  # lower case, digits folded to "0"
    ends: list[int]  # end offset of each word in the text
    lowered: str  # the text in lower case, offset for offset
    # Indices, in order, of the words in ``vocabulary`` or starting with a digit: the only
    # words the rules and tense cues look up, found in one pass so each need not loop over all.
    marks: list[int]
    vocabulary: Set[str]
    numbers: list[int]  # indices of the words starting with a digit

    def start(self, index: int) -> int:
        return self.ends[index] - len(self.shapes[index])


def split_words(text: str, vocabulary: Set[str] = frozenset()) -> Words:
    """Words (``\\w+``) of ``text`` with their offsets, computed without a per-word Python loop
    (besides the one that marks the words in ``vocabulary``)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lower-cased
        lowered = "".join(ch.lower()[0] for ch in text)
    matches = list(_WORD_RE.finditer(lowered))
    shapes = list(map(_GROUP, matches))
    ends = list(map(_END, matches))
    # A \w+ word starting at or below "9" starts with an ASCII digit.
    marks = [i for i, w in enumerate(shapes) if w in vocabulary or w[0] <= "9"]
    # Fold digits only in the (few) words that start with one: str.translate over a whole
    # article costs more than the rest of the split.
    numbers = [i for i in marks if shapes[i][0] <= "9"]
    for index in numbers:
        shapes[index] = shapes[index].translate(_FOLD_DIGITS)
    return Words(tuple(shapes), ends, lowered, marks, vocabulary, numbers)
