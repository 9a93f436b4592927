"""Duplicate detection: exact (canonical URL, normalised-content hash) and near (MinHash LSH)."""

from warta.dedup.exact import canonical_url, content_hash, is_variant_url, normalise_for_hash
from warta.dedup.near import NearDuplicateIndex, minhash_of, shingle_hashes

__all__ = [
    "canonical_url",
    "content_hash",
    "is_variant_url",
    "normalise_for_hash",
    "NearDuplicateIndex",
    "minhash_of",
    "shingle_hashes",
]
