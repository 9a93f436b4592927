"""How alike two articles are, for story linking: main event, whole text, time, place.

The score is half a TF-IDF cosine over the whole text (stems and canonical entities, a
name weighing like a word, names and words most articles hold left out) and half the same
cosine over the headline and lede, which say what the main event is. It is then scaled
by a Gaussian of the days between the two main events (sigma 3, no floor: a monthly
meeting four weeks later is another meeting), and lowered when both ledes name places
that cannot be the same, or event types with none in common. Two articles are linked
when the score reaches :func:`link_threshold`; stories are then made by average linkage
over these scores (:mod:`warta.stories.index`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Set
from datetime import date
from functools import lru_cache
from typing import Any

from warta.stories.features import SHORT_WORDS, StoryFeatures
from warta.stories.places import same_place

ENTITY_WEIGHT = 1.0  # a shared canonical entity counts like one shared word: names alone must not link
MAIN_WEIGHT = 0.5  # share of the score given to the headline + lede (the main event)
TIME_SIGMA_DAYS = 3.0  # Gaussian over the days between the two main events; no floor
PLACE_MISMATCH = 0.3  # both ledes name places and none of them can be the same place
TYPE_MISMATCH = 0.7  # both ledes have event frames and no type in common
LINK_THRESHOLD = 0.10  # an edge of the link graph
GROUP_THRESHOLD = 0.10  # average linkage: two groups merge when their mean pair score reaches this
SHORT_FACTOR = 1.5  # a teaser or brief (fewer than SHORT_WORDS words) needs this much more to link
SHORT_MIN_SHARED = 3  # ... and this many lede terms or names in common
ENTITY_PREFIX = "@"
# Beyond this many days between two main events the time factor alone keeps a score under
# LINK_THRESHOLD (every other factor is at most 1): retrieval looks no further.
MAX_LINK_DAYS = int(math.sqrt(-2.0 * TIME_SIGMA_DAYS * TIME_SIGMA_DAYS * math.log(LINK_THRESHOLD)))


def idf(df: int, n_docs: int) -> float:
    """Smoothed inverse document frequency (never below 1)."""
    return math.log((n_docs + 1) / (df + 1)) + 1.0


def _weigh(terms: Mapping[str, float], entities: list[str], df: Mapping[str, int], n_docs: int,
           common: Set[str]) -> dict[str, float]:
    vector = {term: tf * idf(df.get(term, 0), n_docs) for term, tf in terms.items() if term not in common}
    for entity in entities:
        key = ENTITY_PREFIX + entity
        if key not in common:
            vector[key] = ENTITY_WEIGHT * idf(df.get(key, 0), n_docs)
    return vector


def weighted_vector(features: StoryFeatures, df: Mapping[str, int], n_docs: int,
                    common: Set[str] = frozenset()) -> dict[str, float]:
    """The article's TF-IDF vector over stems and ``@``-prefixed canonical entities.

    ``common`` keys (held by many articles: "Indonesia", "pemerintah") are left out: a
    name every other article shares says nothing about which story an article is in.
    """
    return _weigh(features.terms, features.entities, df, n_docs, common)


def main_vector(features: StoryFeatures, df: Mapping[str, int], n_docs: int,
                common: Set[str] = frozenset()) -> dict[str, float]:
    """The TF-IDF vector of the headline and lede: what the article's main event is."""
    return _weigh(features.main_terms, features.main_entities, df, n_docs, common)


def feature_keys(features: StoryFeatures) -> list[str]:
    """The keys an article contributes to document frequencies."""
    return list(features.terms) + [ENTITY_PREFIX + e for e in features.entities]


def normalized(vector: Mapping[str, float]) -> dict[str, float]:
    """``vector`` scaled to unit length, so that cosine is a plain dot product."""
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {k: w / norm for k, w in vector.items()} if norm else dict(vector)


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    # fsum rounds exactly, so neither the dicts' order nor which one is walked can move the
    # result; walking the smaller one is enough.
    if len(a) > len(b):
        a, b = b, a
    products = [w * b[t] for t, w in a.items() if t in b]
    return math.fsum(products) if products else 0.0


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b[t] for t, w in a.items() if t in b)
    if dot == 0.0:
        return 0.0
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0


def days_apart(a: str | None, b: str | None) -> float | None:
    if not a or not b:
        return None
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return None


def _event_days(features: StoryFeatures) -> set[str]:
    days = set(features.main_dates)
    if features.published:
        days.add(features.published)
    return days


def event_days_apart(a: StoryFeatures, b: StoryFeatures) -> float | None:
    """Days between the two main events: the closest pair of the days each lede names
    (or the publication day). A follow-up that names the day of the event it follows
    is 0 days from it; a monthly meeting is a month from the last one."""
    best = None
    for x in _event_days(a):
        for y in _event_days(b):
            days = days_apart(x, y)
            if days is not None and (best is None or days < best):
                best = days
    return best


def time_factor(a: StoryFeatures, b: StoryFeatures) -> float:
    """Gaussian proximity of the two main events in [0, 1]; 1 when either is undated."""
    days = event_days_apart(a, b)
    if days is None:
        return 1.0
    return math.exp(-(days * days) / (2 * TIME_SIGMA_DAYS * TIME_SIGMA_DAYS))


def place_agreement(a: StoryFeatures, b: StoryFeatures) -> bool | None:
    """True when the ledes share a place, False when both name places and none can match,
    or when the place either headline puts first (its main event's) is none the other's
    lede can mean: a report on the Garut quake that recalls yesterday's quake in Maluku is
    not about Maluku."""
    if not a.main_places or not b.main_places:
        return None
    return _places_agree(tuple(a.main_places), tuple(b.main_places), a.main_place, b.main_place)


def type_agreement(a: StoryFeatures, b: StoryFeatures) -> bool | None:
    if not a.main_types or not b.main_types:
        return None
    return bool(set(a.main_types) & set(b.main_types))


def is_short(features: StoryFeatures) -> bool:
    return 0 < features.words < SHORT_WORDS


def link_threshold(a: StoryFeatures, b: StoryFeatures) -> float:
    """The score an edge needs: more when either article is a teaser or a brief."""
    return LINK_THRESHOLD * (SHORT_FACTOR if is_short(a) or is_short(b) else 1.0)


def link_parts(
    a: StoryFeatures,
    b: StoryFeatures,
    full_a: Mapping[str, float],
    full_b: Mapping[str, float],
    main_a: Mapping[str, float],
    main_b: Mapping[str, float],
) -> dict[str, Any]:
    """Every factor of the score of two articles, given their unit vectors (whole text, lede)."""
    full = dot(full_a, full_b)
    main = dot(main_a, main_b)
    score = (1.0 - MAIN_WEIGHT) * full + MAIN_WEIGHT * main
    place = place_agreement(a, b)
    types = type_agreement(a, b)
    score *= time_factor(a, b)
    if place is False:
        score *= PLACE_MISMATCH
    if types is False:
        score *= TYPE_MISMATCH
    return {"score": score, "text": full, "main_event": main, "days": event_days_apart(a, b),
            "same_place": place, "same_event_type": types}


@lru_cache(maxsize=4096)
def day_number(value: str) -> int | None:
    """The proleptic ordinal of a YYYY-MM-DD date (None when it is no real date)."""
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def event_day_numbers(features: StoryFeatures) -> tuple[int, ...]:
    """The main event's days (:func:`event_days_apart`) as sorted ordinals, parsed once."""
    days = {day_number(d) for d in _event_days(features)}
    days.discard(None)
    return tuple(sorted(days))  # type: ignore[arg-type]


@lru_cache(maxsize=65536)
def _places_agree(a: tuple[str, ...], b: tuple[str, ...], main_a: str | None, main_b: str | None) -> bool:
    if not any(same_place(x, y) for x in a for y in b):
        return False
    # The two headlines' main places must not be known apart, and neither may be known to
    # differ from every place of the other lede (a name the gazetteer cannot place
    # contradicts nothing).
    if main_a and main_b and same_place(main_a, main_b) is False:
        return False
    if main_a and all(same_place(main_a, y) is False for y in b):
        return False
    return not (main_b and all(same_place(x, main_b) is False for x in a))


class LinkView:
    """What :func:`link_score` reads of one article, worked out once: unit vectors, event
    days as ordinals, lede places and event types. Scores from two views equal
    :func:`link_score` of the two articles exactly."""

    __slots__ = ("full", "main", "days", "places", "place", "types", "short")

    def __init__(self, features: StoryFeatures, full: Mapping[str, float], main: Mapping[str, float]) -> None:
        self.full = full
        self.main = main
        self.days = event_day_numbers(features)
        self.places = tuple(features.main_places)
        self.place = features.main_place
        self.types = frozenset(features.main_types)
        self.short = is_short(features)


def _min_gap(xs: tuple[int, ...], ys: tuple[int, ...]) -> int:
    return min(abs(x - y) for x in xs for y in ys)


def view_score(a: LinkView, b: LinkView) -> float:
    """:func:`link_score` of two articles from their views (the same float, faster)."""
    if a.days and b.days:
        days = _min_gap(a.days, b.days)
        factor = math.exp(-(days * days) / (2 * TIME_SIGMA_DAYS * TIME_SIGMA_DAYS))
    else:
        factor = 1.0
    if factor == 0.0:
        return 0.0  # what the product below gives: the events are months apart
    score = (1.0 - MAIN_WEIGHT) * dot(a.full, b.full) + MAIN_WEIGHT * dot(a.main, b.main)
    score *= factor
    if a.places and b.places and not _places_agree(a.places, b.places, a.place, b.place):
        score *= PLACE_MISMATCH
    if a.types and b.types and not (a.types & b.types):
        score *= TYPE_MISMATCH
    return score


def link_score(
    a: StoryFeatures,
    b: StoryFeatures,
    full_a: Mapping[str, float],
    full_b: Mapping[str, float],
    main_a: Mapping[str, float],
    main_b: Mapping[str, float],
) -> float:
    """Similarity in [0, 1] of two articles given their unit vectors (whole text, lede)."""
    return link_parts(a, b, full_a, full_b, main_a, main_b)["score"]
