"""Where a story's places are, decided with the story's context, for the map and GeoJSON.

Per-article analysis gives a place name the gazetteer's first entry of that name, so
"Flores" (the Indonesian island of an eruption story, missing from the gazetteer as a
plain name) landed on Flores in Brazil. Here each place name of a story is resolved
against every gazetteer entry of that name, with support from its context:

- the countries the story names, and the countries of its places that can only be in one
  country (provinces, regencies, islands: "Nusa Tenggara Timur" is in Indonesia);
- the countries of the articles' datelines, and any place within :data:`NEAR_KM` of one;
- Indonesian-language articles lend Indonesia a vote.
- a short form of a place's name ("Puncak" for Kabupaten Puncak) also needs to lie within
  :data:`FAR_KM` of the story's unambiguous places; of two candidates, the one near them wins.

A name never supports itself. Of the candidates whose country has support, the one with
the most support wins (then the larger kind of place, then the larger population). A name
with no supported candidate is mapped only when it cannot mean anything else and is big
enough to need no support (a country, a province, or a city of a million people);
otherwise it is left off the map: no point is better than a point on the wrong continent.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

GAZETTEER = Path(__file__).resolve().parents[1] / "data" / "gazetteer" / "places.tsv"
NEAR_KM = 300.0
FAR_KM = 1500.0
SAME_SPOT_KM = 25.0
BIG_CITY = 1_000_000
# Kinds of place that lie in one country and are not a town's common name.
_REGIONS = {"country", "province", "regency", "island"}
_RANK = {"country": 5, "province": 4, "regency": 3, "city": 2, "island": 2, "district": 1}


@dataclass(frozen=True, slots=True)
class Candidate:
    name: str
    kind: str
    lat: float | None  # None for a few countries (they still tell the story's country)
    lon: float | None
    country: str
    population: int


@dataclass(slots=True)
class Gazetteer:
    by_name: dict[str, list[Candidate]]
    by_point: dict[tuple[float, float], list[Candidate]]

    def candidates(self, name: str, lat: Any = None, lon: Any = None) -> list[Candidate]:
        found = list(self.by_name.get(name.lower().strip(), []))
        if not found and isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
            found = list(self.by_point.get((round(lat, 3), round(lon, 3)), []))
        return found


@lru_cache(maxsize=2)
def load_gazetteer(path: Path = GAZETTEER) -> Gazetteer:
    by_name: dict[str, list[Candidate]] = {}
    by_point: dict[tuple[float, float], list[Candidate]] = {}
    with open(path, encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            name, kind, lat, lon, country, population, aliases = line.rstrip("\n").split("\t")
            if kind == "continent" or not country:
                continue
            located = bool(lat and lon)
            place = Candidate(name, kind, float(lat) if located else None, float(lon) if located else None,
                              country, int(population or 0))
            for alias in {name.lower(), *(a.strip().lower() for a in aliases.split("|") if a.strip())}:
                by_name.setdefault(alias, []).append(place)
            if located:
                by_point.setdefault((round(float(lat), 3), round(float(lon), 3)), []).append(place)
    return Gazetteer(by_name, by_point)


def _km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a_lat, a_lon, b_lat, b_lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _region_country(candidates: list[Candidate]) -> str | None:
    """The one country a name must be in, when it names a region (country, province, ...)."""
    regions = {c.country for c in candidates if c.kind in _REGIONS and c.country}
    big_elsewhere = any(c.population >= BIG_CITY and c.country not in regions for c in candidates)
    return next(iter(regions)) if len(regions) == 1 and not big_elsewhere else None


def _is_place(entity: dict[str, Any]) -> bool:
    return entity.get("type") == "LOC" or (entity.get("lat") is not None and entity.get("lon") is not None)


def resolve(
    entities: list[dict[str, Any]],
    *,
    datelines: Iterable[str | None] = (),
    languages: Iterable[str | None] = (),
    gazetteer: Gazetteer | None = None,
) -> list[dict[str, Any]]:
    """``entities`` (story entities or analysis mentions: ``canonical``/``text``, ``type``,
    ``lat``/``lon``) with the coordinates their context supports; ``lat``/``lon`` are None
    for a place left off the map. Entities that are not places are returned unchanged."""
    gaz = gazetteer or load_gazetteer()

    def name_of(entity: dict[str, Any]) -> str:
        return str(entity.get("canonical") or entity.get("text") or "")

    places = [e for e in entities if _is_place(e)]
    candidates = {name_of(e): gaz.candidates(name_of(e), e.get("lat"), e.get("lon")) for e in places}

    votes_by_name: dict[str, Counter[str]] = {}
    for name, found in candidates.items():
        country = _region_country(found)
        if country:
            weight = 2 if any(c.kind == "country" for c in found) else 1
            votes_by_name[name] = Counter({country: weight})
    shared: Counter[str] = Counter()
    anchors: list[tuple[float, float]] = []
    for dateline in datelines:
        found = gaz.candidates(dateline or "") if dateline else []
        countries = {c.country for c in found}
        if len(countries) == 1:
            shared[next(iter(countries))] += 2
            anchors.extend((c.lat, c.lon) for c in found if c.kind != "country" and c.lat is not None)
    langs = [lang for lang in languages if lang]
    if langs and sum(lang == "id" for lang in langs) * 2 > len(langs):
        shared["ID"] += 1

    def support(name: str) -> Counter[str]:
        total = Counter(shared)
        for other, votes in votes_by_name.items():
            if other.lower() != name.lower():
                total.update(votes)
        return total

    # Where the story's unambiguous places are (one candidate, not a country's capital point).
    fixed = {
        name: (found[0].lat, found[0].lon)
        for name, found in candidates.items()
        if len(found) == 1 and found[0].kind != "country" and found[0].lat is not None
    }

    chosen: dict[str, Candidate | None] = {}
    for name, found in candidates.items():
        votes = support(name)
        points = [point for other, point in fixed.items() if other != name] + anchors

        def near(c: Candidate, points: list[tuple[float, float]] = points) -> bool:
            return any(_km(c.lat, c.lon, lat, lon) <= NEAR_KM for lat, lon in points)

        def far(c: Candidate, points: list[tuple[float, float]] = points) -> bool:
            return bool(points) and all(_km(c.lat, c.lon, lat, lon) > FAR_KM for lat, lon in points)

        mappable = [c for c in found if c.lat is not None]
        supported = [
            c for c in mappable
            # A short form ("Puncak" for Kabupaten Puncak) far from all the story's other
            # places is more likely another place of that name the gazetteer lacks.
            if (votes[c.country] > 0 and not (c.name.lower() != name.lower() and c.kind != "country" and far(c)))
            or any(_km(c.lat, c.lon, lat, lon) <= NEAR_KM for lat, lon in anchors)
        ]
        if supported:
            chosen[name] = max(supported, key=lambda c: (votes[c.country], near(c), _RANK.get(c.kind, 0), c.population))
            continue
        countries = {c.country for c in found}
        strong = [c for c in mappable if c.kind in ("country", "province") or c.population >= BIG_CITY]
        chosen[name] = max(strong, key=lambda c: (_RANK.get(c.kind, 0), c.population)) if (
            len(countries) == 1 and strong
        ) else None

    out = []
    for entity in entities:
        if not _is_place(entity):
            out.append(entity)
            continue
        name = name_of(entity)
        place = chosen.get(name)
        if place is None and not candidates.get(name) and entity.get("lat") is not None:
            out.append(entity)  # coordinates from elsewhere than the gazetteer: nothing to weigh them against
            continue
        lat, lon = (place.lat, place.lon) if place else (None, None)
        own_lat, own_lon = entity.get("lat"), entity.get("lon")
        if place and isinstance(own_lat, (int, float)) and isinstance(own_lon, (int, float)):
            if _km(place.lat, place.lon, own_lat, own_lon) <= SAME_SPOT_KM:
                lat, lon = own_lat, own_lon  # the same place: its own coordinates stand
        out.append({**entity, "lat": lat, "lon": lon})
    return out


def story_places(story: dict[str, Any], *, datelines: Iterable[str | None] = (),
                 languages: Iterable[str | None] = ()) -> list[dict[str, Any]]:
    """The story's entities with context-resolved coordinates (see :func:`resolve`)."""
    return resolve(list(story.get("entities") or []), datelines=datelines, languages=languages)


def story_context(store: Any, story: dict[str, Any]) -> dict[str, list[str | None]]:
    """Datelines and languages of the story's articles, from the store (at most 200 read)."""
    ids = [str(a.get("id")) for a in (story.get("articles") or [])[:200] if a.get("id") is not None]
    articles = store.get_articles(ids) if ids else []
    return {"datelines": [a.dateline_place for a in articles], "languages": [a.language for a in articles]}
