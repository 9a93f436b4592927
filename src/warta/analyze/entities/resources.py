"""Data the entity tagger reads, loaded lazily once per process from the package.

Everything lives in ``warta/data/ner`` (model, clusters, lexicon, aliases, word lists) and
``warta/data/gazetteer/places.tsv`` (places with coordinates). Nothing is fetched.
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


@dataclass(slots=True)
class Resources:
    clusters: dict[str, list[str]] = field(default_factory=dict)
    lexicon: dict[str, tuple[str, ...]] = field(default_factory=dict)
    gazetteers: dict[str, set[tuple[str, ...]]] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)  # lower name or alias -> place
    aliases: dict[str, tuple[str, str]] = field(default_factory=dict)  # lower alias -> (canonical, type)
    alias_forms: dict[str, str] = field(default_factory=dict)  # lower alias -> alias as written
    typed_aliases: dict[tuple[str, ...], str] = field(default_factory=dict)  # tokens -> alias, when typed
    titles: set[str] = field(default_factory=set)  # lower title/role words
    org_heads: set[str] = field(default_factory=set)
    outlets: dict[tuple[str, ...], str] = field(default_factory=dict)  # lower tokens -> name
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


def load_places(path: Path = GAZETTEER) -> tuple[dict[str, Place], dict[str, set[tuple[str, ...]]]]:
    places: dict[str, Place] = {}
    feature_sets: dict[str, set[tuple[str, ...]]] = {"place": set(), "country": set()}
    with open(path, encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            name, kind, lat, lon, country, _population, aliases = line.rstrip("\n").split("\t")
            place = Place(name, kind, _float(lat), _float(lon), country)
            names = [name, *(a for a in aliases.split("|") if a)]
            for alias in names:
                places.setdefault(alias.lower(), place)  # earlier rows win (see build script)
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
    res.places, res.gazetteers = load_places(gazetteer)
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
