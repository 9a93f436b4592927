"""RFC 7946 GeoJSON: one Point feature per place entity with coordinates.

Coordinates are ``[longitude, latitude]`` (RFC 7946 §3.1.1) — the reverse of the
latitude-first order people usually write.
"""

from __future__ import annotations

from typing import Any


def to_geojson(story: dict[str, Any]) -> dict[str, Any]:
    features = []
    for entity in story.get("entities", []):
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
