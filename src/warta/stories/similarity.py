"""How alike two articles are, for story linking: TF-IDF cosine, events and time proximity.

The score follows Miranda et al. (2018): a TF-IDF cosine over stems and canonical entities
(entities weigh more than words), moved towards the agreement of event types when both
articles have event frames, and scaled by a Gaussian of the days between them (sigma 3).
Two articles are linked when the score reaches :data:`LINK_THRESHOLD`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date

from warta.stories.features import StoryFeatures

ENTITY_WEIGHT = 3.0  # a shared canonical entity counts like three shared words
EVENT_WEIGHT = 0.2  # share of the score given to event-type agreement, when both have events
TIME_SIGMA_DAYS = 3.0
# Time never vetoes alone: reports of one story can sit a week apart and still be linked
# when their wording agrees strongly.
TIME_FLOOR = 0.35
LINK_THRESHOLD = 0.17
ENTITY_PREFIX = "@"


def idf(df: int, n_docs: int) -> float:
    """Smoothed inverse document frequency (never below 1)."""
    return math.log((n_docs + 1) / (df + 1)) + 1.0


def weighted_vector(features: StoryFeatures, df: Mapping[str, int], n_docs: int) -> dict[str, float]:
    """The article's TF-IDF vector over stems and ``@``-prefixed canonical entities."""
    vector = {term: tf * idf(df.get(term, 0), n_docs) for term, tf in features.terms.items()}
    for entity in features.entities:
        key = ENTITY_PREFIX + entity
        vector[key] = ENTITY_WEIGHT * idf(df.get(key, 0), n_docs)
    return vector


def feature_keys(features: StoryFeatures) -> list[str]:
    """The keys an article contributes to document frequencies."""
    return list(features.terms) + [ENTITY_PREFIX + e for e in features.entities]


def normalized(vector: Mapping[str, float]) -> dict[str, float]:
    """``vector`` scaled to unit length, so that cosine is a plain dot product."""
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {k: w / norm for k, w in vector.items()} if norm else dict(vector)


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    # The shared keys found in C (two articles share few of their terms); fsum rounds
    # exactly, so the set's order, which varies between runs, cannot move the result.
    shared = a.keys() & b.keys()
    return math.fsum([a[t] * b[t] for t in shared]) if shared else 0.0


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


def time_factor(a: str | None, b: str | None) -> float:
    """Gaussian proximity of two dates in [TIME_FLOOR, 1]; 1 when either is unknown."""
    days = days_apart(a, b)
    if days is None:
        return 1.0
    gaussian = math.exp(-(days * days) / (2 * TIME_SIGMA_DAYS * TIME_SIGMA_DAYS))
    return TIME_FLOOR + (1.0 - TIME_FLOOR) * gaussian


def event_agreement(a: StoryFeatures, b: StoryFeatures) -> float | None:
    """Jaccard overlap of event types, or None when either article has no event frame."""
    if not a.event_types or not b.event_types:
        return None
    sa, sb = set(a.event_types), set(b.event_types)
    return len(sa & sb) / len(sa | sb)


def link_score(
    a: StoryFeatures,
    b: StoryFeatures,
    vector_a: Mapping[str, float],
    vector_b: Mapping[str, float],
    *,
    unit_vectors: bool = False,
) -> float:
    """Similarity in [0, 1] of two articles given their weighted (or unit) vectors."""
    score = dot(vector_a, vector_b) if unit_vectors else cosine(vector_a, vector_b)
    events = event_agreement(a, b)
    if events is not None:
        score = (1.0 - EVENT_WEIGHT) * score + EVENT_WEIGHT * events
    return score * time_factor(a.published, b.published)
