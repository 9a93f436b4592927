"""What kind of page an article came from: a written article, a photo page or a gallery.

A photo page shows one picture (or one at a time) and its caption is all the text there is; a
gallery shows several pictures, each with its caption. Both are kept, with their captions as
the body, and marked as such on the Article (``kind``): their bodies are short and descriptive,
which a reader (and story building) should know.

The page says so itself in one of three general ways, none of them tied to a portal:

- its JSON-LD main type is a gallery or a picture (``ImageGallery``, ``MediaGallery``,
  ``ImageObject``, ``Photograph``);
- its address puts it in a photo section or outlet: a host label or a folder (never the
  slug) made of a word of ``data/boilerplate/photo_pages.txt`` ("photo.", "/foto/",
  "/readfoto/", "/inpicture/");
- its title opens with such a word and a colon ("Foto: ...", "In Picture: ...").

A hint alone never makes a photo page: the body must also be short (a caption, not an article
that happens to show a photo), or be made of the captions of the page's figures.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

__all__ = ["ARTICLE", "PHOTO", "GALLERY", "KINDS", "photo_hint"]

ARTICLE = "article"
PHOTO = "photo"
GALLERY = "gallery"
KINDS = (ARTICLE, PHOTO, GALLERY)

_DATA = Path(__file__).resolve().parents[1] / "data" / "boilerplate" / "photo_pages.txt"
_PICTURE_TYPES = frozenset({"imagegallery", "mediagallery", "imageobject", "photograph"})
_PIECES = re.compile(r"[-_.]+")
_TITLE_LABEL = re.compile(r"^\s*((?:\S+\s+){0,1}\S+?)\s*:\s+\S")


@lru_cache(maxsize=1)
def _words() -> tuple[str, ...]:
    lines = _DATA.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip().lower() for line in lines if line.strip() and not line.lstrip().startswith("#"))


def _photo_word(piece: str) -> bool:
    piece = piece.lower()
    return any(piece == w or piece.startswith(w) or piece.endswith(w) for w in _words()) if piece else False


def _label_is_photo(label: str) -> bool:
    return any(_photo_word(piece) for piece in _PIECES.split(label))


def url_is_photo(url: str | None) -> bool:
    """Whether an address puts the page in a photo section (host label or folder, not the slug)."""
    if not url or "://" not in url:
        return False
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    host_labels = (parts.hostname or "").lower().split(".")[:-1]  # the top-level domain never counts
    folders = [segment for segment in parts.path.split("/") if segment][:-1]  # the last one is the slug
    return any(_label_is_photo(label) for label in host_labels) or any(
        _label_is_photo(folder) for folder in folders if not folder.isdigit()
    )


def title_is_photo(title: str | None) -> bool:
    """Whether a title opens with a photo label ("Foto: ...", "In Picture: ...")."""
    match = _TITLE_LABEL.match(title or "")
    return bool(match) and any(_photo_word(word) for word in re.findall(r"\w+", match.group(1)))


def _json_ld_types(node: Any, depth: int = 0) -> list[str]:
    """The @type values of the top-level JSON-LD objects (and of an @graph's members)."""
    if depth > 3:
        return []
    if isinstance(node, list):
        return [t for child in node for t in _json_ld_types(child, depth + 1)]
    if not isinstance(node, dict):
        return []
    kind = node.get("@type")
    found = [k.lower() for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)]
    if isinstance(node.get("@graph"), list):
        found.extend(_json_ld_types(node["@graph"], depth + 1))
    return found


def json_ld_is_picture(blocks: list[Any]) -> bool:
    return any(t in _PICTURE_TYPES for t in _json_ld_types(blocks))


def photo_hint(url: str | None, title: str | None, blocks: list[Any]) -> bool:
    """Whether the page says it is a photo page or gallery (see the module docstring)."""
    return url_is_photo(url) or title_is_photo(title) or json_ld_is_picture(blocks)
