"""The shipped CRF tagger: tokens in, BIO tags (PER/ORG/LOC) out."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import pycrfsuite

from warta.analyze.entities.features import Featurizer
from warta.analyze.entities.resources import Resources, get_resources


class CrfTagger:
    """Wraps a crfsuite model; one per process (crfsuite taggers are not thread-safe)."""

    def __init__(self, resources: Resources) -> None:
        self.featurizer = Featurizer(resources)
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(resources.model_path))
        self._lock = threading.Lock()

    def tag(self, words: Sequence[str]) -> list[str]:
        if not words:
            return []
        features = self.featurizer.sentence_features(words)
        with self._lock:
            return self._tagger.tag(features)


_shared: CrfTagger | None = None
_shared_lock = threading.Lock()


def get_tagger() -> CrfTagger:
    global _shared
    if _shared is None:
        with _shared_lock:
            if _shared is None:
                _shared = CrfTagger(get_resources())
    return _shared


def tag_tokens(words: Sequence[str]) -> list[str]:
    """BIO tags for one sentence's tokens with the shipped model."""
    return get_tagger().tag(words)
