"""RFC 7946 GeoJSON: one Point feature per place entity with coordinates.

Coordinates are ``[longitude, latitude]`` (RFC 7946 §3.1.1) — the reverse of the
latitude-first order people usually write.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from warta.export.places import story_places


def to_geojson(
    story: dict[str, Any], *, datelines: Iterable[str | None] = (), languages: Iterable[str | None] = ()
) -> dict[str, Any]:
    """Places resolved with the story's context (:mod:`warta.export.places`): a name the
    context does not support is left out rather than put on the wrong continent. The
    articles' ``datelines`` and ``languages`` (from the store) add to that context."""
    features = []
    for entity in story_places(story, datelines=datelines, languages=languages):
        lat, lon = entity.get("lat"), entity.get("lon")
        if lat is None or lon is None:
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
                "properties": {
                    "name": entity.get("canonical"),
                    "entity_type": entity.get("type"),
                    "mentions": entity.get("mentions", 0),
                    "articles": entity.get("articles", []),
                    "story": story.get("id"),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}
