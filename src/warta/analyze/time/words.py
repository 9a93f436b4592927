"""The words of a text, split once and shared by the rule triggers and the tense cues.

Digits are folded to "0" first so that a number's shape ("00", "0000", "0000an") is its
lookup key: one dictionary lookup per word decides whether any rule could start near it.

Splitting is the first cost of every article, so it runs without a Python loop per word or
per character: the text is encoded to one byte per character (non-ASCII word characters
as a placeholder byte), one ``bytes.translate`` lower-cases it and turns every byte that is
not a word character into a space, ``str.split`` gives the words, and numpy finds where
each word starts and ends (the edges between spaces and the rest). Words holding a
placeholder are read back from the lower-cased text. The result is exactly that of
``re.finditer(r"\\w+", text.lower())`` (a test checks it).
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_left
from collections.abc import Set
from dataclasses import dataclass
from itertools import compress, count

import numpy as np

_WORD_RE = re.compile(r"\w+")
_GROUP, _END = re.Match.group, re.Match.end
_FOLD_DIGITS = str.maketrans("123456789", "000000000")
# A non-ASCII word character, encoded: a byte no ASCII text holds (0x1a, SUB).
_PLACEHOLDER = "\x1a"
_SPACE = ord(" ")
_ERROR_HANDLER = "warta-word-bytes"


def _one_byte_each(error: UnicodeError) -> tuple[str, int]:
    """Encoding error handler: each unencodable character becomes one byte, the
    placeholder for a word character (``\\w``: alphanumeric or "_"), else a space."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    chunk = error.object[error.start : error.end]
    return "".join(_PLACEHOLDER if ch.isalnum() else " " for ch in chunk), error.end


codecs.register_error(_ERROR_HANDLER, _one_byte_each)
# ASCII letters lower-cased; digits, "_" and the placeholder kept; every other byte a space.
_WORD_BYTES = bytes(
    ord(chr(c).lower()) if c < 128 and (chr(c).isalnum() or c == ord("_")) or c == ord(_PLACEHOLDER) else _SPACE
    for c in range(256)
)


@dataclass(frozen=True, slots=True)
class Words:
    shapes: tuple[str, ...]  # lower case, digits folded to "0"
    ends: list[int]  # end offset of each word in the text
    # The text in lower case, offset for offset; outside the words it may hold spaces
    # where the text has other characters.
    lowered: str
    # Indices, in order, of the words in ``vocabulary`` or starting with a digit: the only
    # words the rules and tense cues look up, found in one pass so each need not loop over all.
    marks: list[int]
    vocabulary: Set[str]
    numbers: list[int]  # indices of the words starting with a digit

    def start(self, index: int) -> int:
        return self.ends[index] - len(self.shapes[index])

    def marks_between(self, first: int, last: int) -> list[int]:
        """The marked word indices from ``first`` up to (not including) ``last``."""
        return self.marks[bisect_left(self.marks, first) : bisect_left(self.marks, last)]


def _lower(text: str) -> str:
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lower-cased
        lowered = "".join(ch.lower()[0] for ch in text)
    return lowered


def split_words(text: str, vocabulary: Set[str] = frozenset()) -> Words:
    """Words (``\\w+``) of ``text`` with their offsets, computed without a per-word Python loop
    (besides the one that marks the words in ``vocabulary``)."""
    if _PLACEHOLDER in text:  # the placeholder byte itself in the text: split the slow way
        lowered = _lower(text)
        matches = list(_WORD_RE.finditer(lowered))
        shapes, ends = list(map(_GROUP, matches)), list(map(_END, matches))
        # A word (\w+, never empty) sorts below ":" exactly when it starts with an ASCII digit.
        numbers = list(compress(count(), map(":".__gt__, shapes)))
    else:
        encoded = text.encode("ascii", _ERROR_HANDLER).translate(_WORD_BYTES)
        lowered = encoded.decode("ascii")
        shapes = lowered.split()  # only spaces separate words here, and \x1a is no space
        # Word bytes as 1 between two 0s; where that changes, a word starts or ends.
        codes = np.frombuffer(encoded, dtype=np.uint8)
        inside = np.zeros(len(codes) + 2, dtype=np.int8)
        inside[1:-1] = codes != _SPACE
        edges = np.flatnonzero(np.diff(inside))
        starts, end_array = edges[0::2], edges[1::2]
        ends = end_array.tolist()
        first_bytes = codes[starts]
        numbers = np.flatnonzero((first_bytes >= ord("0")) & (first_bytes <= ord("9"))).tolist()
        if _PLACEHOLDER in lowered:  # non-ASCII letters: read those words from the real text
            real = _lower(text)
            for index, word in enumerate(shapes):
                if _PLACEHOLDER in word:
                    shapes[index] = real[ends[index] - len(word) : ends[index]]
            lowered = real
    marks = list(compress(count(), map(vocabulary.__contains__, shapes)))
    if numbers:
        marks = sorted({*marks, *numbers})
    # Fold digits only in the (few) words that start with one: str.translate over a whole
    # article costs more than the rest of the split.
    for index in numbers:
        shapes[index] = shapes[index].translate(_FOLD_DIGITS)
    return Words(tuple(shapes), ends, lowered, marks, vocabulary, numbers)
