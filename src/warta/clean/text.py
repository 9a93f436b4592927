"""Unicode and whitespace normalisation, and splitting text into paragraphs."""

from __future__ import annotations

import re
import unicodedata

# Zero-width and invisible characters that only get in the way of matching and search.
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")


def normalize_line(line: str) -> str:
    """NFC, invisible characters gone, every run of spaces (incl. non-breaking) one space."""
    if not line.isascii():
        if any(ch in line for ch in _INVISIBLE_CHARS):  # substring tests: far cheaper than translate
            line = _INVISIBLE.sub("", line)
        if not unicodedata.is_normalized("NFC", line):
            line = unicodedata.normalize("NFC", line)
    # str.split() splits on every Unicode space (U+00A0, U+2009, U+3000...): the fast path.
    line = " ".join(line.split())
    if not line.isprintable():
        line = " ".join(_CONTROL.sub("", line).split())
    return line


def split_lines(text: str) -> tuple[list[str], bool]:
    """(normalised lines, blank-line-separated). Blank lines are kept as "" so blocks can be
    rebuilt; the flag says whether the text separates paragraphs by blank lines (then a line
    break inside a block is a hard wrap, not a new paragraph)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    blocks = _BLANK_LINE.search(text) is not None
    return [normalize_line(line) for line in text.split("\n")], blocks


def group_paragraphs(lines: list[str], blocks: bool) -> list[str]:
    """Kept lines into paragraphs: each line its own, or blank-line blocks joined by spaces."""
    if not blocks:
        return [line for line in lines if line]
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs
