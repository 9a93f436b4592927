"""Exports of a story (its contract dict): JSON, Markdown brief, TimelineJS, GeoJSON, JSON-LD.

``render(story, fmt)`` returns text; every format reads only the story contract, so it
works the same on a freshly built story and on one read back from the store.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from warta.errors import InputError
from warta.export.geojson import to_geojson
from warta.export.jsonld import to_jsonld
from warta.export.markdown import to_markdown
from warta.export.timelinejs import to_timelinejs

__all__ = ["FORMATS", "ExportFormatError", "render", "to_geojson", "to_jsonld", "to_markdown", "to_timelinejs"]


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


FORMATS: dict[str, Callable[[dict[str, Any]], str]] = {
    "json": _json,
    "markdown": to_markdown,
    "timelinejs": lambda story: _json(to_timelinejs(story)),
    "geojson": lambda story: _json(to_geojson(story)),
    "jsonld": lambda story: _script_safe(_json(to_jsonld(story))),
}


def _script_safe(text: str) -> str:
    """JSON that can be pasted into a ``<script type="application/ld+json">`` block as it is:
    ``<``, ``>`` and ``&`` as JSON escapes (the same values), so a ``</script>`` in an
    article's title cannot end the block, nor ``<!--`` open a comment."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
_ALIASES = {"md": "markdown", "timeline": "timelinejs", "json-ld": "jsonld", "ld": "jsonld"}


def render(story: dict[str, Any], fmt: str) -> str:
    """Render ``story`` (the story contract dict) as ``fmt``: one of :data:`FORMATS`."""
    name = _ALIASES.get(fmt.lower(), fmt.lower())
    renderer = FORMATS.get(name)
    if renderer is None:
        raise ExportFormatError(fmt)
    return renderer(story)


class ExportFormatError(InputError):
    """Unknown export format."""

    code = "W610"

    def __init__(self, fmt: str) -> None:
        super().__init__(f"unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}")
