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
    folded = normalised if normalised is not None else normalise_for_hash(text)
    return np.unique(_shingle_array(folded, size)).tolist()


def _shingle_array(normalised: str, size: int = SHINGLE_WORDS) -> np.ndarray:
    """The shingle hashes as a uint64 array, repeats included (a minimum does not mind them)."""
    words = normalised.encode("utf-8").split()
    hashes = np.fromiter(map(zlib.crc32, words), dtype=np.uint64, count=len(words))
    if len(words) > size:
        mixed = hashes[: len(words) - size + 1].copy()
        for offset, multiplier in enumerate(_MIXERS[1:size], start=1):
            mixed *= multiplier
            mixed += hashes[offset : len(words) - size + 1 + offset]
        hashes = mixed
    hashes &= _LOW_32
    return hashes


_MIXERS = tuple(np.uint64(m) for m in (1, 0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D))[: SHINGLE_WORDS + 1]
_LOW_32 = np.uint64(0xFFFFFFFF)
# The shingle hashes are already 32-bit integers: MinHash takes them as they are.
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int)
_PERM_A, _PERM_B = (p.reshape(1, -1) for p in _TEMPLATE.permutations)
_MERSENNE = np.uint64((1 << 61) - 1)  # datasketch's prime, 2**61 - 1
_SHIFT_61 = np.uint64(61)
_MAX_HASH = np.uint64((1 << 32) - 1)


def _permuted_minimum(hashes: np.ndarray) -> np.ndarray:
    """What ``MinHash.update_batch(hashes)`` computes into an empty MinHash, for less.

    datasketch permutes each value as ``(a*h + b) mod (2**61 - 1)``, keeping the low 32
    bits, and takes the minimum per permutation. The modulo of uint64 numpy arrays is the
    slow part; modulo a Mersenne prime is ``(x & p) + (x >> 61)`` and one conditional
    subtraction, exactly. A test checks the result against ``update_batch``.
    """
    if not len(hashes):
        return _TEMPLATE.hashvalues.copy()
    x = hashes.reshape(-1, 1) * _PERM_A  # wraps modulo 2**64, as datasketch's does
    x += _PERM_B
    y = x & _MERSENNE
    x >>= _SHIFT_61
    y += x
    y[y >= _MERSENNE] -= _MERSENNE
    y &= _MAX_HASH
    return y.min(axis=0)


def minhash_of(text: str, *, normalised: str | None = None) -> LeanMinHash:
    """The MinHash signature of ``text``'s word shingles, with datasketch's permutations."""
    folded = normalised if normalised is not None else normalise_for_hash(text)
    values = _permuted_minimum(_shingle_array(folded))
    return LeanMinHash(seed=SEED, hashvalues=values)


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
        self._lsh.insert(key, signature, check_duplication=False)  # the dict above already checked
        self._signatures[key] = signature

    def remove(self, key: str) -> None:
        if key in self._signatures:
            self._lsh.remove(key)
            del self._signatures[key]

    def similarity(self, key: str, signature: LeanMinHash) -> float | None:
        """Estimated Jaccard similarity of ``signature`` to the indexed ``key`` (None if absent)."""
        stored = self._signatures.get(key)
        return None if stored is None else float(signature.jaccard(stored))

    def best_match(self, signature: LeanMinHash) -> tuple[str, float] | None:
        """The indexed key most similar to ``signature`` above the threshold, if any."""
        best: tuple[str, float] | None = None
        for key in self._lsh.query(signature):
            score = float(signature.jaccard(self._signatures[key]))
            if score >= THRESHOLD and (best is None or (score, key) > (best[1], best[0])):
                best = (key, score)
        return best
