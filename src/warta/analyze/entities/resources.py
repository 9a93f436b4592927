"""Data the entity tagger reads, loaded lazily once per process from the package.

Everything lives in ``warta/data/ner`` (model, clusters, lexicon, aliases, word lists) and
``warta/data/gazetteer/places.tsv`` (places with coordinates); the outlet registry
``warta/data/outlets.tsv`` adds outlet names. Nothing is fetched.

The override lists (read by ``rules`` and ``overrides``, never by the tagger's features, so
editing them needs no retraining): ``acronyms.tsv`` (institutions and regions by their
short names, exact case), ``geo_words.tsv`` (generic words of place names), ``ranks.txt``,
``place_roles.tsv`` (roles that name their place) and ``org_parts.tsv`` (bodies written
with their area or parent).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from warta.analyze.entities.tokenize import tokenize

DATA = Path(__file__).resolve().parents[2] / "data"
NER_DIR = DATA / "ner"
GAZETTEER = DATA / "gazetteer" / "places.tsv"
MODEL = NER_DIR / "model.npz"

# Place types whose names become the "place" gazetteer feature (districts are too noisy).
_FEATURE_PLACE_TYPES = {"city", "province", "regency", "island"}


@dataclass(slots=True)
class Place:
    name: str
    type: str
    lat: float | None
    lon: float | None
    country: str
    population: int = 0


@dataclass(slots=True)
class Resources:
    clusters: dict[str, list[str]] = field(default_factory=dict)
    lexicon: dict[str, tuple[str, ...]] = field(default_factory=dict)
    gazetteers: dict[str, set[tuple[str, ...]]] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)  # lower name or alias -> place
    areas: set[str] = field(default_factory=set)  # lower names of areas (see load_places)
    indonesian_areas: set[str] = field(default_factory=set)
    aliases: dict[str, tuple[str, str]] = field(default_factory=dict)  # lower alias -> (canonical, type)
    alias_forms: dict[str, str] = field(default_factory=dict)  # lower alias -> alias as written
    typed_aliases: dict[tuple[str, ...], str] = field(default_factory=dict)  # tokens -> alias, when typed
    titles: set[str] = field(default_factory=set)  # lower title/role words
    org_heads: set[str] = field(default_factory=set)
    outlets: dict[tuple[str, ...], str] = field(default_factory=dict)  # lower tokens -> name
    # Override lists (see the module docstring).
    # tokens as written -> (name, type)
    acronyms: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)
    geo_heads: set[str] = field(default_factory=set)
    geo_tails: set[str] = field(default_factory=set)
    facility_words: set[str] = field(default_factory=set)  # heads and tails whose name is not the place alone
    ranks: set[str] = field(default_factory=set)
    roles_before: set[tuple[str, ...]] = field(default_factory=set)  # "kapolres", ("kepala", "desa")
    roles_after: set[tuple[str, ...]] = field(default_factory=set)  # ("police", "chief")
    role_starts: set[str] = field(default_factory=set)  # first words of both kinds of role
    area_orgs: set[str] = field(default_factory=set)
    parent_orgs: set[str] = field(default_factory=set)
    common_words: set[str] = field(default_factory=set)  # Indonesian root words, lower case
    model_path: Path = MODEL


def _lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def token_key(name: str) -> tuple[str, ...]:
    return tuple(t.text.lower() for t in tokenize(name))


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


# Places sure enough to override the tagger: countries, provinces, regencies, islands,
# Indonesian cities and big cities elsewhere (a small town abroad shares its name with too
# many people).
AREA_TYPES = {"country", "province", "regency", "city", "island"}
BIG_CITY = 100_000


def _is_area(place: Place) -> bool:
    abroad_ok = place.type != "city" or place.population >= BIG_CITY
    return place.type in AREA_TYPES and (place.country == "ID" or abroad_ok)


def load_places(
    path: Path = GAZETTEER, areas: set[str] | None = None, indonesian: set[str] | None = None
) -> tuple[dict[str, Place], dict[str, set[tuple[str, ...]]]]:
    """Places by lower name or alias, and the tagger's place features. ``areas`` collects
    the lower names of every place that is an area (see _is_area) and ``indonesian`` those
    of Indonesian areas, whichever row a name's lookup finds first (a name can be a small town abroad
    and a regency in Indonesia)."""
    places: dict[str, Place] = {}
    feature_sets: dict[str, set[tuple[str, ...]]] = {"place": set(), "country": set()}
    with open(path, encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            name, kind, lat, lon, country, population, aliases = line.rstrip("\n").split("\t")
            place = Place(name, kind, _float(lat), _float(lon), country, int(population or 0))
            names = [name, *(a for a in aliases.split("|") if a)]
            for alias in names:
                places.setdefault(alias.lower(), place)  # earlier rows win (see build script)
            if areas is not None and _is_area(place):
                areas.update(n.lower() for n in names)
                if indonesian is not None and country == "ID":
                    indonesian.update(n.lower() for n in names)
            if kind == "country":
                feature_sets["country"].update(token_key(n) for n in names)
            elif kind in _FEATURE_PLACE_TYPES:
                feature_sets["place"].update(token_key(n) for n in names)
    return places, feature_sets


def load_names(path: Path) -> dict[str, set[tuple[str, ...]]]:
    """Entity names seen in the training corpora, by type (a tagger feature)."""
    names: dict[str, set[tuple[str, ...]]] = {}
    for line in _lines(path):
        name, kind = line.split("\t")
        names.setdefault(kind.lower(), set()).add(tuple(name.split(" ")))
    return names


def _columns(path: Path) -> list[tuple[str, str]]:
    out = []
    for line in _lines(path):
        first, _, second = line.partition("\t")
        out.append((first.strip(), second.strip()))
    return out


def registry_outlets(path: Path = DATA / "outlets.tsv") -> list[str]:
    """Outlet names of the outlet registry (platforms, marked "-", are not outlets)."""
    return sorted({name for _domain, name in _columns(path) if name and name != "-"})


def load_overrides(res: Resources, ner_dir: Path = NER_DIR) -> None:
    for name, kind in _columns(ner_dir / "acronyms.tsv"):
        res.acronyms[tuple(t.text for t in tokenize(name))] = (name, kind or "ORG")
    for word, kind in _columns(ner_dir / "geo_words.tsv"):
        word = word.lower()
        if kind in ("head", "facility"):
            res.geo_heads.add(word)
        elif kind in ("tail", "facility-tail"):
            res.geo_tails.add(word)
        if kind.startswith("facility"):
            res.facility_words.add(word)
    res.ranks = {w.lower() for w in _lines(ner_dir / "ranks.txt")}
    for role, side in _columns(ner_dir / "place_roles.tsv"):
        words = tuple(role.lower().split())
        (res.roles_after if side == "after" else res.roles_before).add(words)
        res.role_starts.add(words[0])
    for word, kind in _columns(ner_dir / "org_parts.tsv"):
        (res.parent_orgs if kind == "parent" else res.area_orgs).add(word.lower())
    res.common_words = {w.lower() for w in _lines(DATA / "rootwords_id.txt")}
    # Registry outlets are ORG too, except names that are ordinary words ("Tempo": pace).
    for name in registry_outlets():
        if " " in name or "." in name or name.lower() not in res.common_words:
            res.outlets.setdefault(token_key(name), name)


def load_resources(ner_dir: Path = NER_DIR, gazetteer: Path = GAZETTEER) -> Resources:
    res = Resources(model_path=ner_dir / "model.npz")
    for line in _lines(ner_dir / "clusters.tsv"):
        word, *ids = line.split("\t")
        res.clusters[word] = [f"c{i}={c}" for i, c in enumerate(ids)]
    lexicon: dict[str, list[str]] = {}
    for line in _lines(ner_dir / "lexicon.tsv"):
        word, kind = line.split("\t")
        lexicon.setdefault(word, []).append("lex=" + kind)
    res.titles = {w.lower() for w in _lines(ner_dir / "titles.txt")}
    res.org_heads = {w.lower() for w in _lines(ner_dir / "org_heads.txt")}
    for word in res.titles:
        lexicon.setdefault(word, []).append("lex=title")
    for word in res.org_heads:
        lexicon.setdefault(word, []).append("lex=orghead")
    res.lexicon = {w: tuple(k) for w, k in lexicon.items()}
    for name in _lines(ner_dir / "outlets.txt"):
        res.outlets[token_key(name)] = name
    res.places, res.gazetteers = load_places(gazetteer, res.areas, res.indonesian_areas)
    res.gazetteers["outlet"] = set(res.outlets)
    res.gazetteers.update(load_names(ner_dir / "names.tsv"))
    for line in _lines(ner_dir / "aliases.tsv"):
        alias, canonical, kind = (line.split("\t") + ["", ""])[:3]
        res.aliases[alias.lower()] = (canonical, kind)
        res.alias_forms[alias.lower()] = alias
        res.aliases.setdefault(canonical.lower(), (canonical, kind))
        res.alias_forms.setdefault(canonical.lower(), canonical)
    res.typed_aliases = {
        token_key(res.alias_forms[a]): res.alias_forms[a] for a, (_c, kind) in res.aliases.items() if kind
    }
    # After the lexicon and the outlet feature are built: the tagger's features stay those
    # it was trained with; the lists below only feed the rules.
    load_overrides(res, ner_dir)
    res.titles |= res.ranks
    return res


_lock = threading.Lock()
_shared: Resources | None = None


def get_resources() -> Resources:
    """The process-wide resources, loaded on first use."""
    global _shared
    if _shared is None:
        with _lock:
            if _shared is None:
                _shared = load_resources()
    return _shared


def reset_resources() -> None:
    """Forget the loaded resources (after retraining in the same process)."""
    global _shared
    with _lock:
        _shared = None
