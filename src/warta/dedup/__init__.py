"""Duplicate detection: exact (canonical URL, normalised-content hash) and near (MinHash LSH).

The near-duplicate names load datasketch (and numpy, scipy) on first use, not here: story
features and the reading commands need canonical URLs only.
"""

from __future__ import annotations

from typing import Any

from warta.dedup.exact import canonical_url, content_hash, is_excerpt, is_variant_url, normalise_for_hash

_NEAR = frozenset({"NearDuplicateIndex", "minhash_of", "shingle_hashes"})

__all__ = [
    "canonical_url",
    "content_hash",
    "is_excerpt",
    "is_variant_url",
    "normalise_for_hash",
    "NearDuplicateIndex",
    "minhash_of",
    "shingle_hashes",
]


def __getattr__(name: str) -> Any:
    if name in _NEAR:
        from warta.dedup import near

        return getattr(near, name)
    raise AttributeError(f"module 'warta.dedup' has no attribute {name!r}")
