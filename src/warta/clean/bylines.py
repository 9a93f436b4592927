"""Visible bylines: "Reporter: X | Editor: Y", "Penulis: X", "Editor: Y", "By X and Y".

Extractors find authors only in meta tags and JSON-LD; Indonesian portals print them in the
body instead. A line counts as a byline only when the whole line is role labels and names.
"""

from __future__ import annotations

import re

_ROLES = (
    r"reporter|reporter\s*&\s*editor|penulis|editor|pewarta|redaktur|wartawan|kontributor|"
    r"penyunting|oleh|author|authors|writer|written\s+by|reported\s+by|edited\s+by|by"
)
# Credits that share the byline but are not authors of the text.
_OTHER_CREDITS = r"foto|fotografer|photo|photographer|video|videografer|grafis|infografis|ilustrasi|illustration"
_LABEL = re.compile(rf"(?:^|(?<=[\s|/•·,;]))(?:(?P<credit>{_OTHER_CREDITS})|{_ROLES})\s*:\s*", re.IGNORECASE)
_BY_LINE = re.compile(r"^by\s+(.+)$", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:[|/•·,;&]|\s+dan\s+|\s+and\s+)\s*", re.IGNORECASE)
_NAME_WORD = re.compile(r"^[A-ZÀ-Ý][\w.'’-]*$|^(?:bin|binti|van|von|de|der|da|al|el)$|^[A-Z]\.$")
_AGENCIES = frozenset({"reuters", "ap", "afp", "associated press", "antara", "bloomberg", "cnn", "bbc", "kompas.com"})
MAX_BYLINE_LINE = 200


def _valid_name(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 6 or any(ch.isdigit() for ch in name):
        return False
    return all(_NAME_WORD.match(word) for word in words)


def _names(segment: str) -> list[str] | None:
    names = [part.strip(" .-–—\"'") for part in _NAME_SPLIT.split(segment) if part.strip(" .-–—\"'")]
    names = [name for name in names if name.casefold() not in _AGENCIES]
    if not names or not all(_valid_name(name) for name in names):
        return None
    return names


def byline_authors(line: str) -> list[str] | None:
    """The names on a byline line (deduplicated, in order), or None when it is not a byline."""
    if not line or len(line) > MAX_BYLINE_LINE:
        return None
    if ":" not in line and line[:3].lower() != "by ":
        return None  # the cheap test that rules out almost every line of content
    labels = list(_LABEL.finditer(line))
    if labels and labels[0].start() == 0 and not labels[0].group("credit"):
        found: list[str] = []
        for index, label in enumerate(labels):
            end = labels[index + 1].start() if index + 1 < len(labels) else len(line)
            names = _names(line[label.end() : end].strip(" |/•·,;"))
            if names is None:
                return None
            if not label.group("credit"):
                found.extend(names)
        return _dedupe(found)
    by = _BY_LINE.match(line)
    if by:
        names = _names(by.group(1))
        return _dedupe(names) if names else None
    return None


def _dedupe(names: list[str]) -> list[str]:
    seen: set[str] = set()
    unique: list[str] = []
    for name in names:
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            unique.append(name)
    return unique


_ROLE_PREFIX = re.compile(rf"^\s*(?:{_ROLES})\s*:\s*", re.IGNORECASE)
# Words that make an author field a desk, a publisher or page furniture rather than a person.
_NOT_A_PERSON = re.compile(
    r"\b(?:redaksi|tim|desk|newsroom|staff|staf|admin|administrator|team|editorial|humas|kontributor\s+\w+|"
    r"news|berita|online|media|com|co\.id|id|foto|video|share|bagikan|facebook|twitter|whatsapp)\b",
    re.IGNORECASE,
)


def people(names: list[str], *, outlet_names: list[str | None] = ()) -> list[str]:  # type: ignore[assignment]
    """Authors that are people: role labels folded ("Pewarta: X" -> X), publishers, desks,
    agencies and page furniture dropped, duplicates removed."""
    outlets = {_fold_key(name) for name in outlet_names if name}
    kept: list[str] = []
    for name in names:
        name = " ".join(_ROLE_PREFIX.sub("", name or "").split()).strip(" .,-–—|")
        if not name or "://" in name or "@" in name or any(ch.isdigit() for ch in name) or len(name.split()) > 6:
            continue
        if name.casefold() in _AGENCIES or _fold_key(name) in outlets or _NOT_A_PERSON.search(name):
            continue
        if name.casefold() not in {k.casefold() for k in kept}:
            kept.append(name)
    return kept


def _fold_key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())
