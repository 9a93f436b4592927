"""Text as a reader sees it in a list: no Markdown markup, no citation markers.

Articles written in Markdown keep their emphasis in the stored text ("**BEKASI, Berita
Timur** - ..."), and a story's summary carries its brief's "[n]" markers; a list of stories
(CLI or web) shows neither. The result is plain text: callers still escape it for HTML.
"""

from __future__ import annotations

import re

# **bold**, __bold__, *em*, _em_, `code`, ~~struck~~ : the markers go, the words stay.
_EMPHASIS = re.compile(r"(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"
                       r"|(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])|`([^`\n]+)`")
_LINK = re.compile(r"!?\[([^\[\]\n]*)\]\([^()\s]*\)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+", re.M)
_CITATIONS = re.compile(r"\s*(?:\[\d{1,3}\])+")
_SPACES = re.compile(r"\s+")


def _unemphasise(match: re.Match[str]) -> str:
    return next(g for g in match.groups()[1:] if g is not None)


def plain_text(text: str | None, *, citations: bool = False) -> str:
    """``text`` on one line without Markdown emphasis, links' targets or headings marks;
    without "[n]" citation markers unless ``citations``."""
    if not text:
        return ""
    out = _HEADING.sub("", text)
    out = _LINK.sub(r"\1", out)
    previous = None
    while previous != out:  # nested emphasis (**_x_**)
        previous, out = out, _EMPHASIS.sub(_unemphasise, out)
    if not citations:
        out = _CITATIONS.sub("", out)
    return _SPACES.sub(" ", out).strip()
