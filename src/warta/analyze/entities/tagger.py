"""The shipped tagger: a linear-chain CRF trained with crfsuite, decoded here with numpy.

A linear CRF scores a position as the sum of the weights of its features, so the share of
a word's own features, and of each neighbour offset, can be summed once per word form and
cached. Tagging a sentence is then a few vector additions per token plus Viterbi over seven
labels, several times faster than handing every feature string to crfsuite.
``export_crfsuite`` turns a trained crfsuite model into ``model.npz``.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from itertools import repeat
from pathlib import Path

import numpy as np

from warta.analyze.entities.features import Featurizer
from warta.analyze.entities.resources import Resources, get_resources

_CACHE_LIMIT = 200_000
# Separates a corpus name from a feature in domain-augmented training (features hold no tabs).
DOMAIN_SEP = "\t"
# Prefix of the copies of every feature that a sentence written entirely in lower case adds
# (training and tagging alike), so such text gets weights of its own (see is_lower_sentence).
LOWER_PREFIX = "lc\x1f"


def is_lower_sentence(words: Sequence[str]) -> bool:
    """True when no word has a capital letter (and some word has a letter)."""
    return "".join(words).islower()


def training_features(
    featurizer: Featurizer, tokens: Sequence[str], *, lower_copies: bool = True, domain: str | None = None
) -> list[list[str]]:
    """The features a sentence is trained on: the tagger's own, plus the lower-case copies the
    decoder adds (``lower_copies``), plus one corpus's prefixed copies for domain-augmented
    training (``domain``; see export_crfsuite)."""
    feats = featurizer.sentence_features(tokens)
    if lower_copies and is_lower_sentence(tokens):
        feats = [f + [LOWER_PREFIX + x for x in f] for f in feats]
    if domain is not None:
        feats = [f + [domain + DOMAIN_SEP + x for x in f] for f in feats]
    return feats


def export_crfsuite(crfsuite_model: Path, out: Path, domain: str | None = None) -> None:
    """Write the weights of a crfsuite model as ``out`` (npz: attributes, labels, weights).

    A model trained on domain-augmented features (``domain name + DOMAIN_SEP + feature``
    beside every shared feature) is folded for ``domain``: its copies are added to the
    shared weights and every other corpus's copies are dropped, so the decoder sees plain
    features."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(crfsuite_model))
    info = tagger.info()
    labels = sorted(info.labels, key=lambda lab: int(info.labels[lab]))
    label_index = {lab: i for i, lab in enumerate(labels)}
    folded: dict[tuple[str, str], float] = {}
    for (attr, label), weight in info.state_features.items():
        owner, sep, base = attr.partition(DOMAIN_SEP)
        if sep:
            if owner != domain:
                continue
            attr = base
        folded[(attr, label)] = folded.get((attr, label), 0.0) + weight
    attributes = sorted({attr for (attr, _), w in folded.items() if w != 0.0})
    attr_index = {a: i for i, a in enumerate(attributes)}
    weights = np.zeros((len(attributes), len(labels)), dtype=np.float32)
    for (attr, label), weight in folded.items():
        if attr in attr_index:
            weights[attr_index[attr], label_index[label]] = weight
    transitions = np.zeros((len(labels), len(labels)), dtype=np.float32)
    for (src, dst), weight in info.transitions.items():
        transitions[label_index[src], label_index[dst]] = weight
    np.savez_compressed(
        out,
        attributes=np.frombuffer("\n".join(attributes).encode("utf-8"), dtype=np.uint8),
        labels=np.array(labels),
        weights=weights,
        transitions=transitions,
    )
    tagger.close()


class CrfTagger:
    """Tokens in, BIO tags out. Safe to share between threads (caches are only added to)."""

    def __init__(self, resources: Resources, model: Path | None = None) -> None:
        self.featurizer = Featurizer(resources)
        data = np.load(model or resources.model_path)
        attributes = bytes(data["attributes"]).decode("utf-8").split("\n")
        self.labels: list[str] = [str(x) for x in data["labels"]]
        # A model trained on BIOES tags answers in BIO: S- opens a span like B-, E- continues it.
        self._bio = [_to_bio(lab) for lab in self.labels]
        # An all-zero last row pads gathers (see _word_vectors).
        self._weights = np.vstack([data["weights"], np.zeros((1, data["weights"].shape[1]), np.float32)])
        self._zero_row = len(self._weights) - 1
        self._transitions = data["transitions"]
        self._index = {a: i for i, a in enumerate(attributes)}
        self._zero = np.zeros(len(self.labels), dtype=np.float32)
        self._words: dict[str, np.ndarray] = {}
        # Rows of the lower-case copies, by the feature they copy (empty for older models).
        self._lower_index = {a[len(LOWER_PREFIX) :]: i for a, i in self._index.items() if a.startswith(LOWER_PREFIX)}
        self._lower_words: dict[str, np.ndarray] = {}

    def _sum(self, features: Sequence[str]) -> np.ndarray:
        rows = [i for i in map(self._index.get, features) if i is not None]
        return self._weights[rows].sum(axis=0) if rows else self._zero

    def _word_vectors(self, word: str, lower: bool = False) -> np.ndarray:
        """(5 x labels): the word's own share, then its share as the -2, -1, +1, +2 neighbour."""
        cache = self._lower_words if lower else self._words
        vecs = cache.get(word)
        if vecs is None:
            if len(cache) > _CACHE_LIMIT:
                cache.clear()
            index = self._lower_index if lower else self._index
            groups = (self.featurizer.own_features(word), *self.featurizer.context_features(word))
            # One gather and one segmented sum; each group starts with the all-zero row so
            # none is empty.
            rows: list[int] = []
            starts: list[int] = []
            for group in groups:
                starts.append(len(rows))
                rows.append(self._zero_row)
                rows.extend(i for i in map(index.get, group) if i is not None)
            vecs = cache[word] = np.add.reduceat(self._weights[rows], starts, axis=0)
        return vecs

    def emissions(self, words: Sequence[str]) -> np.ndarray:
        """Label scores of every position (n x labels), before transitions."""
        scores = self._emissions(words, False)
        if self._lower_index and is_lower_sentence(words):
            scores += self._emissions(words, True)
        return scores

    def _emissions(self, words: Sequence[str], lower: bool) -> np.ndarray:
        per_word = np.stack([self._word_vectors(w, lower) for w in words])  # n x 5 x labels
        scores = per_word[:, 0].copy()
        scores[2:] += per_word[:-2, 1]
        scores[1:] += per_word[:-1, 2]
        scores[:-1] += per_word[1:, 3]
        scores[:-2] += per_word[2:, 4]
        # Position features: one gather and one segmented sum, each position's segment
        # opened by the all-zero row (faster than np.add.at).
        rows: list[int] = []
        starts: list[int] = []
        get = (self._lower_index if lower else self._index).get
        zero = self._zero_row
        zeros = repeat(zero)
        for _word, extra in self.featurizer.parts(words):
            starts.append(len(rows))
            rows.append(zero)
            # An unknown feature reads the all-zero row: adding it changes no sum, and the
            # lookups stay in C.
            rows.extend(map(get, extra, zeros))
        scores += np.add.reduceat(self._weights[rows], starts, axis=0)
        return scores

    def tag(self, words: Sequence[str]) -> list[str]:
        if not words:
            return []
        emissions = self.emissions(words)
        trans = self._transitions
        score = emissions[0]
        back = []
        for i in range(1, len(words)):
            candidates = score[:, None] + trans
            back.append(candidates.argmax(axis=0))
            score = candidates.max(axis=0) + emissions[i]
        path = [int(score.argmax())]
        for best in reversed(back):
            path.append(int(best[path[-1]]))
        bio = self._bio
        return [bio[i] for i in reversed(path)]


def _to_bio(label: str) -> str:
    prefix, sep, kind = label.partition("-")
    return {"S": "B", "E": "I"}.get(prefix, prefix) + sep + kind


def to_bioes(tags: Sequence[str]) -> list[str]:
    """BIO tags rewritten as BIOES (single-token spans S-, last tokens E-)."""
    out = list(tags)
    for i, tag in enumerate(tags):
        prefix, _, kind = tag.partition("-")
        if prefix not in ("B", "I"):
            continue
        ends = i + 1 == len(tags) or tags[i + 1] != "I-" + kind
        if ends:
            out[i] = ("S-" if prefix == "B" else "E-") + kind
    return out


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
