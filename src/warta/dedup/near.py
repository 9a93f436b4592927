"""Near duplicates: syndicated copies with small edits, found with datasketch MinHash LSH.

Signatures are ``LeanMinHash`` objects: compact, picklable, and stored by the store as raw
hash values so the index can be rebuilt without re-reading article text. The parameters
(permutations, shingle size, seed and datasketch's major version) are stored beside them:
signatures made under other parameters are not comparable, and are recomputed.
"""

from __future__ import annotations

import zlib

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH
from datasketch import __version__ as _datasketch_version

from warta.dedup.exact import normalise_for_hash

NUM_PERM = 128
SHINGLE_WORDS = 3
SEED = 20230911
# Syndicated copies with a changed title, dateline or a sentence added or dropped stay
# well above this; different outlets' own reports of one event stay far below it.
THRESHOLD = 0.6
# LSH finds candidates from a lower similarity, so that copies just above THRESHOLD are
# not lost to the banding's false negatives; each candidate is then checked at THRESHOLD.
CANDIDATE_THRESHOLD = 0.5


def parameters() -> dict[str, str]:
    return {
        "num_perm": str(NUM_PERM),
        "shingle_words": str(SHINGLE_WORDS),
        "seed": str(SEED),
        "datasketch_major": _datasketch_version.split(".")[0],
        "hash": "crc32",
        "threshold": str(THRESHOLD),
    }


def shingles(text: str, size: int = SHINGLE_WORDS, *, normalised: str | None = None) -> set[bytes]:
    """Word ``size``-grams of the normalised text (pass ``normalised`` to skip normalising again)."""
    words = (normalised if normalised is not None else normalise_for_hash(text)).split()
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


# crc32 runs in C: datasketch's default (SHA-1 through a Python call per shingle) costs
# twice as much, and 32 bits are plenty for the few hundred shingles of a news article.
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=zlib.crc32)


def minhash_of(text: str, *, normalised: str | None = None) -> LeanMinHash:
    """The MinHash signature of ``text``'s word shingles (hashed in bulk, not one by one)."""
    m = _TEMPLATE.copy()
    m.update_batch(list(shingles(text, normalised=normalised)))
    return LeanMinHash(m)


def signature_bytes(signature: LeanMinHash) -> bytes:
    return np.asarray(signature.hashvalues, dtype=np.uint64).tobytes()


def signature_from_bytes(data: bytes) -> LeanMinHash:
    values = np.frombuffer(data, dtype=np.uint64)
    return LeanMinHash(seed=SEED, hashvalues=values)


class NearDuplicateIndex:
    """An LSH index over canonical articles' signatures."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
        self._signatures: dict[str, LeanMinHash] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, key: str) -> bool:
        return key in self._signatures

    def add(self, key: str, signature: LeanMinHash) -> None:
        if key in self._signatures:
            return
        self._lsh.insert(key, signature)
        self._signatures[key] = signature

    def remove(self, key: str) -> None:
        if key in self._signatures:
            self._lsh.remove(key)
            del self._signatures[key]

    def best_match(self, signature: LeanMinHash) -> tuple[str, float] | None:
        """The indexed key most similar to ``signature`` above the threshold, if any."""
        best: tuple[str, float] | None = None
        for key in self._lsh.query(signature):
            score = float(signature.jaccard(self._signatures[key]))
            if score >= THRESHOLD and (best is None or (score, key) > (best[1], best[0])):
                best = (key, score)
        return best
