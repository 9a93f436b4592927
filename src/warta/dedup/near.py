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

# 64 permutations estimate a Jaccard similarity within about ±0.06: enough to tell a
# syndicated copy (0.7 and up) from another outlet's own report (under 0.1), at half the
# hashing cost of 128, which is most of what deduplication costs per article.
NUM_PERM = 64
SHINGLE_WORDS = 3
SEED = 20230911
# Syndicated copies with a changed title, dateline or a sentence added or dropped stay
# well above this; different outlets' own reports of one event stay far below it.
THRESHOLD = 0.55
# LSH finds candidates from a lower similarity, so that copies just above THRESHOLD are
# not lost to the banding's false negatives; each candidate is then checked at THRESHOLD.
CANDIDATE_THRESHOLD = 0.45


def parameters() -> dict[str, str]:
    return {
        "num_perm": str(NUM_PERM),
        "shingle_words": str(SHINGLE_WORDS),
        "seed": str(SEED),
        "datasketch_major": _datasketch_version.split(".")[0],
        "hash": "crc32-words-mixed",
        "threshold": str(THRESHOLD),
    }


def shingle_hashes(text: str, size: int = SHINGLE_WORDS, *, normalised: str | None = None) -> list[int]:
    """32-bit hashes of the word ``size``-grams of the normalised text, without duplicates.

    Each word is hashed once (crc32, in C) and a shingle's hash mixes its words' hashes with
    odd multipliers in numpy: the same set of values as hashing each joined shingle string,
    for a fifth of the cost. Pass ``normalised`` to skip normalising again.
    """
    words = (normalised if normalised is not None else normalise_for_hash(text)).encode("utf-8").split()
    if not words:
        return []
    hashes = np.fromiter(map(zlib.crc32, words), dtype=np.uint64, count=len(words))
    if len(words) > size:
        mixed = hashes[: len(words) - size + 1].copy()
        for offset, multiplier in enumerate(_MIXERS[1:size], start=1):
            mixed = mixed * multiplier + hashes[offset : len(words) - size + 1 + offset]
        hashes = mixed
    return np.unique(hashes & _LOW_32).tolist()


_MIXERS = tuple(np.uint64(m) for m in (1, 0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D))[: SHINGLE_WORDS + 1]
_LOW_32 = np.uint64(0xFFFFFFFF)
# The shingle hashes are already 32-bit integers: MinHash takes them as they are.
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int)


def minhash_of(text: str, *, normalised: str | None = None) -> LeanMinHash:
    """The MinHash signature of ``text``'s word shingles (hashed in bulk, not one by one)."""
    m = _TEMPLATE.copy()
    m.update_batch(shingle_hashes(text, normalised=normalised))
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
