"""Text from articles is hostile: strip what can hide or disguise text, and never let it
drive a terminal.

- Labels (titles, outlets, authors, the dateline place) lose every control, bidi and
  zero-width character: a label is one line of visible text.
- Article bodies lose NUL and the other C0/C1 control characters except tab and newlines
  (bidi marks stay: right-to-left quotes are real text; the web escapes, the CLI shows them).
- Anything the CLI prints goes through :func:`safe_terminal` / :func:`safe_line`, which
  show control, bidi and zero-width characters as visible ``\\x1b`` / ``\\u202e`` escapes.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

__all__ = ["clean_label", "clean_body", "safe_terminal", "safe_line", "sanitize_article", "INVISIBLE"]

# Bidi embeddings, overrides, isolates and marks; zero-width characters; the BOM.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u180e"
INVISIBLE = _BIDI + _ZERO_WIDTH
_C0_C1 = "".join(chr(c) for c in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)])

_LABEL_DROP = re.compile(f"[{re.escape(INVISIBLE)}]")
_LABEL_SPACE = re.compile(f"[{re.escape(_C0_C1)}\u2028\u2029\\s]+")
_BODY_DROP = re.compile("[" + re.escape("".join(c for c in _C0_C1 if c not in "\t\n\r")) + "]")
_TERMINAL_UNSAFE = re.compile(f"[{re.escape(_C0_C1 + INVISIBLE)}\u2028\u2029]")
_TERMINAL_UNSAFE_KEEP_NEWLINES = re.compile(
    "[" + re.escape("".join(c for c in _C0_C1 if c not in "\t\n") + INVISIBLE) + "\u2028\u2029]"
)


def clean_label(value: str | None) -> str | None:
    """One line of visible text: controls become spaces, bidi and zero-width characters go."""
    if value is None:
        return None
    text = _LABEL_SPACE.sub(" ", _LABEL_DROP.sub("", value)).strip()
    return text or None


def clean_body(text: str) -> str:
    """An article body without NUL and other control characters (tab and newlines stay)."""
    if not _BODY_DROP.search(text):
        return text
    return _BODY_DROP.sub("", text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe_terminal(text: str, *, keep_newlines: bool = True) -> str:
    """Text safe to print on a terminal: escape sequences, other controls, bidi and
    zero-width characters are shown as visible escapes instead of acting."""
    pattern = _TERMINAL_UNSAFE_KEEP_NEWLINES if keep_newlines else _TERMINAL_UNSAFE
    return pattern.sub(_escape, text)


def safe_line(text: str) -> str:
    """One line for stderr or a table cell: nothing in it acts on the terminal."""
    return safe_terminal(text, keep_newlines=False)


def sanitize_article(article: Any) -> Any:
    """Clean an :class:`warta.model.Article`'s labels and body in place; returns it."""
    article.title = clean_label(article.title)
    article.outlet = clean_label(article.outlet)
    article.dateline_place = clean_label(article.dateline_place)
    article.authors = [name for name in (clean_label(a) for a in article.authors) if name]
    if article.id:
        article.id = clean_label(article.id)
    if article.url:
        article.url = clean_label(article.url)
    article.text = unicodedata.normalize("NFC", clean_body(article.text))
    return article
