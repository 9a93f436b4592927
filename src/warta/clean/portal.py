"""Portal furniture in article bodies: related-article links, page furniture, share footers.

The patterns are data (``warta/data/boilerplate/*.txt``) so a new portal's habits are a
one-line change. What is removed as a link is kept as ``RelatedLink``; the rest is dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from warta.model import RelatedLink

_DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "boilerplate"
MAX_FURNITURE_LINE = 300  # longer lines are content even if they start like furniture


def _patterns(name: str) -> list[str]:
    text = (_DATA_DIR / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _phrase(text: str) -> str:
    """A literal phrase as a regex: any run of spaces between its words, whole words only."""
    return r"\b" + r"\s+".join(map(re.escape, text.split())) + r"\b"


@lru_cache(maxsize=1)
def phrases() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Lower-cased inline-furniture and related-link phrases, for cheap substring pre-tests."""
    return (
        tuple(p.lower() for p in _patterns("inline.txt")),
        tuple(p.lower() for p in _patterns("related_prefixes.txt")),
    )


def inline_rules_needed(text: str) -> bool:
    """Whether a body may hold inline furniture or inline related links at all."""
    lower = text.lower()
    inline, related = phrases()
    return any(p in lower for p in inline) or any(p in lower for p in related)


@lru_cache(maxsize=1)
def _compiled() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    drop = re.compile("(?:" + "|".join(_patterns("drop_lines.txt")) + ")", re.IGNORECASE)
    inline = re.compile("(?:" + "|".join(map(_phrase, _patterns("inline.txt"))) + ")", re.IGNORECASE)
    prefixes = "|".join(map(_phrase, _patterns("related_prefixes.txt")))
    related_line = re.compile(rf"^\s*(?:{prefixes})\s*(?::|\s-|\s–|\s—)\s*(.*?)\s*$", re.IGNORECASE)
    inline_related = re.compile(rf"\s*[(\[]\s*(?:{prefixes})\s*:\s*([^)\]]+?)\s*[)\]]", re.IGNORECASE)
    return drop, inline, related_line, inline_related


def is_furniture(line: str) -> bool:
    """A whole line of page furniture (advertising marks, share and subscribe footers)."""
    return len(line) <= MAX_FURNITURE_LINE and _compiled()[0].match(line) is not None


def related_title(line: str) -> str | None:
    """The linked title of a "Baca juga: ..." line ("" when the title is on the next line);
    None when the line is not such a link."""
    if len(line) > MAX_FURNITURE_LINE:
        return None
    match = _compiled()[2].match(line)
    if match is None:
        return None
    return match.group(1).strip(" \"'“”")


def strip_inline(paragraph: str, related: list[RelatedLink], links: dict[str, str]) -> str:
    """The paragraph without inline "(Baca juga: ...)" links (kept in ``related``) and furniture."""
    _, inline, _, inline_related = _compiled()
    if "(" in paragraph or "[" in paragraph:

        def take(match: re.Match[str]) -> str:
            title = match.group(1).strip(" \"'“”")
            related.append(RelatedLink(title=title, url=links.get(link_key(title))))
            return ""

        paragraph = inline_related.sub(take, paragraph)
    if inline.search(paragraph):
        paragraph = " ".join(inline.sub(" ", paragraph).split())
    return paragraph.strip()


_KEY_JUNK = re.compile(r"[\W_]+")


def link_key(title: str) -> str:
    """A loose key for matching a related title to the text of an <a> element."""
    return _KEY_JUNK.sub(" ", title.casefold()).strip()
