"""Canonical names: aliases, places with coordinates, and short person names linked to the
full names of the same article.

Rules, in order:
- The alias table (data/ner/aliases.tsv) maps a surface form to its canonical name and, when
  it says so, the type ("White House" -> ORG "Gedung Putih", "AS" -> LOC "Amerika Serikat").
- A place found in the gazetteer gets its coordinates; countries and cities take the
  gazetteer's name, so English and Indonesian country names (CLDR) meet at the Indonesian one.
- A person mention whose words appear, in order, inside a longer person name of the same
  article ("Kim", "Putin", "Jong Un") takes that full name. When several full names contain
  it ("Kim" in "Kim Jong Un", "Kim Il Sung", "Kim Jong Il"), the one mentioned most often in
  full wins, then the one mentioned first. Full names never merge with each other.
- Otherwise the canonical name is the mention with spacing normalised; all-caps words longer
  than four letters are title-cased ("PYONGYANG" -> "Pyongyang"), acronyms stay.
- An English geographic word around a place name takes its Indonesian form and place, so
  both languages meet at one name: "Mount Merapi" -> "Gunung Merapi", "Tumen River" ->
  "Sungai Tumen", "Lake Toba" -> "Danau Toba", "Flores Island" -> "Pulau Flores".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from warta.analyze.entities.resources import Place, Resources

_CANONICAL_PLACE_TYPES = {"country", "city", "province"}
# English geographic words before or after a name, and the Indonesian word before it.
_ENGLISH_GEO_HEADS = {"mount": "Gunung", "mt": "Gunung", "lake": "Danau", "river": "Sungai"}
_ENGLISH_GEO_TAILS = {"river": "Sungai", "island": "Pulau", "strait": "Selat", "mountain": "Gunung"}


def indonesian_geo_name(name: str) -> str:
    """ "Mount Lewotobi Laki-laki" -> "Gunung Lewotobi Laki-laki"; other names unchanged."""
    words = name.split(" ")
    if len(words) < 2:
        return name
    head = _ENGLISH_GEO_HEADS.get(words[0].lower().rstrip("."))
    if head is not None and words[0][:1].isupper():
        return " ".join([head, *words[1:]])
    tail = _ENGLISH_GEO_TAILS.get(words[-1].lower())
    if tail is not None and words[-1][:1].isupper() and words[0].lower() != "the":
        return " ".join([tail, *words[:-1]])
    return name


@dataclass(slots=True)
class Mention:
    text: str
    start: int
    end: int
    type: str
    canonical: str = ""
    lat: float | None = None
    lon: float | None = None
    certain: bool = False  # an override's label (see overrides): no vote or link changes it


def normalise_surface(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" \"'“”‘’.,;:()")
    text = re.sub(r"\s*-\s*", "-", text)
    words = [w.capitalize() if w.isupper() and len(w) > 4 and w.isalpha() else w for w in text.split(" ")]
    return " ".join(words)


def _alias(res: Resources, surface: str) -> tuple[str, str] | None:
    hit = res.aliases.get(surface.lower())
    if hit is None:
        return None
    # Short aliases are case-sensitive: "AS" is a country, "As" or "as" are not.
    if len(surface) <= 4 and not (surface.isupper() or surface == hit[0]):
        return None
    return hit


def _place(res: Resources, *names: str) -> Place | None:
    for name in names:
        place = res.places.get(name.lower())
        if place is not None:
            return place
    return None


def resolve_names(mentions: list[Mention], res: Resources) -> list[Mention]:
    for m in mentions:
        surface = normalise_surface(m.text)
        alias = _alias(res, surface)
        canonical = surface
        short = res.acronyms.get(tuple(" ".join(m.text.split()).split(" ")))
        if short is not None:
            canonical = short[0]  # a listed short name keeps its case ("PVMBG", not "Pvmbg")
        if alias is not None:
            canonical = alias[0]
            if alias[1]:
                m.type = alias[1]
        if m.type == "LOC":
            canonical = indonesian_geo_name(canonical)
            place = _place(res, canonical, surface)
            if place is not None:
                m.lat, m.lon = place.lat, place.lon
                if alias is None and place.type in _CANONICAL_PLACE_TYPES:
                    canonical = place.name
        m.canonical = canonical
    _link_people(mentions, res)
    return mentions


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def _link_people(mentions: list[Mention], res: Resources) -> None:
    people = [m for m in mentions if m.type == "PER"]
    full_counts: Counter[str] = Counter(m.canonical for m in people if len(m.canonical.split()) > 1)
    first_seen: dict[str, int] = {}
    for m in people:
        first_seen.setdefault(m.canonical, m.start)
    full_names = {name: name.split() for name in full_counts}
    # Full names by every run of up to four of their words, so a text of many people does not
    # compare each mention with each name (the lists keep the names' order).
    by_run: dict[tuple[str, ...], list[str]] = {}
    for name, tokens in full_names.items():
        runs = {
            tuple(tokens[i : i + n]) for n in range(1, min(len(tokens), 4) + 1) for i in range(len(tokens) - n + 1)
        }
        for run in runs:
            by_run.setdefault(run, []).append(name)
    for m in mentions:
        words = m.canonical.split()
        if m.certain and m.type != "PER":
            continue
        if m.type != "PER" and (
            len(words) > 1 or m.text.lower() in res.places or m.text.lower() in res.aliases
        ):
            continue  # an unknown one-word ORG/LOC may be a person's surname the tagger mistyped
        pool = by_run.get(tuple(words), ()) if len(words) <= 4 else full_names
        candidates = [
            name for name in pool if len(full_names[name]) > len(words) and _contains(full_names[name], words)
        ]
        if candidates:
            m.canonical = max(candidates, key=lambda n: (full_counts[n], -first_seen[n]))
            m.type = "PER"
