"""The words of a text, split once and shared by the rule triggers and the tense cues.

Digits are folded to "0" first so that a number's shape ("00", "0000", "0000an") is its
lookup key: one dictionary lookup per word decides whether any rule could start near it.

Splitting is the first cost of every article, so it runs without a Python loop per word or
per character: the text is encoded to one byte per character (non-ASCII word characters
as a placeholder byte), every byte that is not a word character becomes a space, and a
plain ``split(" ")`` gives the words while the running sum of the pieces' lengths gives
their offsets. Words holding a placeholder are read back from the text. The result is
exactly that of ``re.finditer(r"\\w+", text.lower())`` (a test checks it).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Set
from dataclasses import dataclass
from itertools import accumulate, compress, count
from operator import add, or_

_WORD_RE = re.compile(r"\w+")
_GROUP, _END = re.Match.group, re.Match.end
_FOLD_DIGITS = str.maketrans("123456789", "000000000")
# A non-ASCII word character, encoded: a byte no ASCII text holds (0x1a, SUB).
_PLACEHOLDER = "\x1a"
_ERROR_HANDLER = "warta-word-bytes"


def _one_byte_each(error: UnicodeError) -> tuple[str, int]:
    """Encoding error handler: each unencodable character becomes one byte, the
    placeholder for a word character (``\\w``: alphanumeric or "_"), else a space."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    chunk = error.object[error.start : error.end]
    return "".join(_PLACEHOLDER if ch.isalnum() else " " for ch in chunk), error.end


codecs.register_error(_ERROR_HANDLER, _one_byte_each)
# Bytes that are \w in ASCII (letters, digits, "_") and the placeholder stay; the rest are spaces.
_WORD_BYTES = bytes(
    c if (c < 128 and (chr(c).isalnum() or c == ord("_"))) or c == ord(_PLACEHOLDER) else ord(" ")
    for c in range(256)
)


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
    if _PLACEHOLDER in lowered:  # the placeholder byte itself in the text: split the slow way
        matches = list(_WORD_RE.finditer(lowered))
        shapes, ends = list(map(_GROUP, matches)), list(map(_END, matches))
    else:
        spaced = lowered.encode("ascii", _ERROR_HANDLER).translate(_WORD_BYTES).decode("ascii")
        pieces = spaced.split(" ")
        lengths = list(map(len, pieces))
        # Piece k ends after the lengths of pieces 0..k and the k spaces between them.
        piece_ends = list(map(add, accumulate(lengths), count()))
        shapes = list(filter(None, pieces))
        ends = list(compress(piece_ends, lengths))
        if _PLACEHOLDER in spaced:
            for index, word in enumerate(shapes):
                if _PLACEHOLDER in word:
                    shapes[index] = lowered[ends[index] - len(word) : ends[index]]
    # A word (\w+, never empty) sorts below ":" exactly when it starts with an ASCII digit.
    starts_digit = list(map(":".__gt__, shapes))
    marks = list(compress(count(), map(or_, map(vocabulary.__contains__, shapes), starts_digit)))
    # Fold digits only in the (few) words that start with one: str.translate over a whole
    # article costs more than the rest of the split.
    numbers = list(compress(count(), starts_digit))
    for index in numbers:
        shapes[index] = shapes[index].translate(_FOLD_DIGITS)
    return Words(tuple(shapes), ends, lowered, marks, vocabulary, numbers)
