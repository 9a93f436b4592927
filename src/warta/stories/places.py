"""Whether two place names can describe the same location (for merging and conflicts).

A city and its country do not disagree (Vladivostok lies in Rusia), two places of one
country within :data:`NEAR_KM` do not either; places in different countries do. Unknown
names never contradict anything. The gazetteer is the one entity linking uses.
"""

from __future__ import annotations

import math
from collections.abc import Set
from functools import lru_cache
from typing import Any

NEAR_KM = 150.0


@lru_cache(maxsize=1)
def _places() -> dict[str, Any]:
    try:
        from warta.analyze.entities.resources import get_resources

        # The process's entity resources: already loaded when analysis ran here, so the
        # gazetteer is not read a second time.
        return get_resources().places
    except (ImportError, OSError, ValueError):  # no gazetteer: names alone decide
        return {}


def _km(a: Any, b: Any) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def same_place(a: str, b: str) -> bool | None:
    """True/False when the names decide it, None when it cannot be told."""
    la, lb = a.lower().strip(), b.lower().strip()
    if la == lb or la in lb or lb in la:
        return True
    places = _places()
    pa, pb = places.get(la), places.get(lb)
    if pa is None or pb is None:
        return None
    if pa.country and pb.country and pa.country != pb.country:
        return False
    if "country" in (pa.type, pb.type):
        return True
    distance = _km(pa, pb)
    if distance is None:
        return None
    return distance <= NEAR_KM


def is_country(name: str) -> bool:
    """Whether the gazetteer knows ``name`` as a country."""
    place = _places().get(name.lower().strip())
    return place is not None and place.type == "country"


def places_compatible(a: Set[str], b: Set[str]) -> bool:
    """No named place of one set contradicts every place of the other."""
    if not a or not b:
        return True
    return any(same_place(x, y) is not False for x in a for y in b)
