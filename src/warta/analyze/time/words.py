"""The words of a text, split once and shared by the rule triggers and the tense cues.

ASCII digits are folded to "0" so that a number's shape ("00", "0000", "0000an") is its
lookup key: one dictionary lookup per word decides whether any rule could start near it.

Splitting is the first cost of every article, so it runs without a Python loop per word or
per character: the text is encoded to one byte per character (non-ASCII word characters
as a placeholder byte), one ``bytes.translate`` lower-cases it, folds its digits and turns
every byte that is not a word character into a space, ``str.split`` gives the words, and
numpy finds where each word starts and ends (the edges between spaces and the rest). Words
holding a placeholder are read back from the text. The result is exactly that of
``re.finditer(r"\\w+", text.lower())`` with digits folded (a test checks it).
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_right
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
# ASCII letters lower-cased, digits folded to "0"; "_" and the placeholder kept; every other
# byte a space.
_WORD_BYTES = bytes(
    ord(chr(c).lower().translate(_FOLD_DIGITS)) if c < 128 and (chr(c).isalnum() or c == ord("_")) or c == ord(_PLACEHOLDER)
    else _SPACE
    for c in range(256)
)
# Then 1 for a word byte, 0 for a space.
_INSIDE_BYTES = bytes(int(c != _SPACE) for c in range(256))


@dataclass(frozen=True, slots=True)
class Words:
    shapes: list[str]  # lower case, ASCII digits folded to "0"
    ends: list[int]  # end offset of each word in the text
    # Indices, in order, of the words whose shape is in ``vocabulary`` or that start with a
    # digit: the only words the rules look up, found in one pass so the rules need not loop
    # over all.
    marks: list[int]
    vocabulary: Set[str]
    numbers: list[int]  # indices of the words starting with a digit
    # The text as split: lower case, digits folded, every other character than a word's a
    # blank, one blank added at each end, non-ASCII letters as the placeholder; None when the
    # text held the placeholder itself. " the " in it finds the word "the" at C speed.
    blanked: str | None = None


def shape(word: str) -> str:
    """A word as split_words gives it: lower case, ASCII digits folded to "0"."""
    return word.lower().translate(_FOLD_DIGITS)


def _lower(text: str) -> str:
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lower-cased
        lowered = "".join(ch.lower()[0] for ch in text)
    return lowered


def split_words(text: str, vocabulary: Set[str] = frozenset()) -> Words:
    """Words (``\\w+``) of ``text`` with their offsets, computed without a per-word Python loop
    (besides the one that marks the words in ``vocabulary``: shapes, none starting with a
    digit, since every number is marked anyway)."""
    blanked = None
    if _PLACEHOLDER in text:  # the placeholder byte itself in the text: split the slow way
        lowered = _lower(text).translate(_FOLD_DIGITS)
        matches = list(_WORD_RE.finditer(lowered))
        shapes, ends = list(map(_GROUP, matches)), list(map(_END, matches))
        # A word (\w+, never empty) sorts below ":" exactly when it starts with an ASCII digit.
        numbers = list(compress(count(), map(":".__gt__, shapes)))
    else:
        encoded = text.encode("ascii", _ERROR_HANDLER).translate(_WORD_BYTES)
        lowered = encoded.decode("ascii")
        shapes = lowered.split()  # only spaces separate words here, and \x1a is no space
        blanked = f" {lowered} "
        # Word bytes as 1 between two 0s; where that changes, a word starts or ends.
        inside = np.frombuffer(b"\0" + encoded.translate(_INSIDE_BYTES) + b"\0", dtype=np.int8)
        edges = (inside[1:] != inside[:-1]).nonzero()[0]
        ends = edges[1::2].tolist()
        first_bytes = np.frombuffer(encoded, dtype=np.uint8)[edges[0::2]]
        numbers = (first_bytes == ord("0")).nonzero()[0].tolist()  # digits are all "0" by now
        # Non-ASCII letters: read the (few) words holding one from the real text.
        found = lowered.find(_PLACEHOLDER)
        while found >= 0:
            index = bisect_right(ends, found)  # the word ending after it holds it
            end = ends[index]
            shapes[index] = _lower(text[end - len(shapes[index]) : end]).translate(_FOLD_DIGITS)
            found = lowered.find(_PLACEHOLDER, end)
    marks = list(compress(count(), map(vocabulary.__contains__, shapes)))
    if numbers:
        marks = sorted(marks + numbers)  # two sorted runs, disjoint: no vocabulary word is a number
    return Words(shapes, ends, marks, vocabulary, numbers, blanked)
