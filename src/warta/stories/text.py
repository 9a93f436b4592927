"""Tokens for story features: lower-cased words, stopwords out, light Indonesian affix stripping.

The stems only need to make "pertemuan" and "bertemu" meet, or "konsekuensinya" and
"konsekuensi": they serve similarity, never display. Stripping is deliberately light (one
particle/possessive suffix, one derivational suffix, one prefix) and keeps a stem of at
least four letters so short roots survive.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*", re.UNICODE)

# A short English list: warta reads English reports too, and English function words would
# otherwise dominate their term vectors.
_ENGLISH_STOPWORDS = frozenset(
    """
    a an the and or but if of to in on at by for with from as is are was were be been being it its
    this that these those he she they them his her their we our you your i me my not no so than then
    there here what which who whom whose when where why how all any both each few more most other
    some such only own same too very can will would should could may might must shall do does did
    done has have had having into over under about after before again further once during out up
    down off above below between through said says also just one two new
    """.split()
)

_PARTICLES = ("lah", "kah", "tah", "pun")
_POSSESSIVES = ("nya", "ku", "mu")
_SUFFIXES = ("kan", "an", "i")
# Prefixes with the first letter each may have swallowed (meN-/peN- assimilation).
_PREFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("memper", ("",)), ("menge", ("",)), ("meny", ("s",)), ("meng", ("", "k")), ("mem", ("p", "")),
    ("men", ("t", "")), ("me", ("",)), ("peny", ("s",)), ("peng", ("", "k")), ("pem", ("p", "")),
    ("pen", ("t", "")), ("per", ("",)), ("pe", ("",)), ("ber", ("",)), ("be", ("",)), ("ter", ("",)),
    ("di", ("",)), ("ke", ("",)), ("se", ("",)),
)


def _load(name: str) -> frozenset[str]:
    text = (Path(__file__).resolve().parents[1] / "data" / name).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Indonesian (packaged list) and English stopwords."""
    return _load("stopwords_id.txt") | _ENGLISH_STOPWORDS


@lru_cache(maxsize=1)
def root_words() -> frozenset[str]:
    """Indonesian root words (kata dasar): affixes are only stripped down to one of these."""
    return _load("rootwords_id.txt")


def _suffix_variants(word: str) -> list[str]:
    """``word`` with none, or some, of its particle, possessive and derivational suffixes."""
    out = [word]
    for group in (_PARTICLES, _POSSESSIVES, _SUFFIXES):
        last = out[-1]
        for suffix in group:
            if last.endswith(suffix) and len(last) > len(suffix) + 2:
                out.append(last[: -len(suffix)])
                break
    return out


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The root word under ``word``'s affixes, or ``word`` without -nya/-lah when none is known.

    Only a stem found in the root-word list is accepted, so "kereta" stays "kereta" rather
    than losing a "ke-", and "memasuki" becomes "masuk".
    """
    roots = root_words()
    if word in roots:
        return word
    variants = _suffix_variants(word)
    for variant in variants[1:]:
        if variant in roots:
            return variant
    # Every root reachable by one or two prefixes; the longest wins ("mengunjungi" ->
    # "kunjung", not "unjung"), and a root needing no restored letter wins a tie.
    found: list[tuple[int, int, str]] = []
    for variant in variants:
        for prefix, restores in _PREFIXES:
            if not variant.startswith(prefix):
                continue
            rest = variant[len(prefix):]
            for restored, letter in enumerate(restores):
                candidate = letter + rest
                if len(candidate) >= 3 and candidate in roots:
                    found.append((-len(candidate), restored, candidate))
            for inner, inner_restores in _PREFIXES:
                if rest.startswith(inner):
                    for restored, letter in enumerate(inner_restores):
                        candidate = letter + rest[len(inner):]
                        if len(candidate) >= 3 and candidate in roots:
                            found.append((-len(candidate), restored + 1, candidate))
    if found:
        return min(found)[2]
    # Unknown word (often a name or a loan word): drop a trailing clitic only.
    for clitic in ("nya", *_PARTICLES):
        if word.endswith(clitic) and len(word) > len(clitic) + 2:
            return word[: -len(clitic)]
    return word


def words(text: str) -> list[str]:
    """Lower-cased word tokens of ``text`` (hyphenated words kept whole)."""
    return [m.group(0).lower() for m in _WORD.finditer(text)]


def content_stems(text: str) -> list[str]:
    """Stems of the content words of ``text``: no stopwords, no numbers, no one-letter words."""
    return list(_content_stems(text))


# A story's timeline, conflicts and brief each read the same sentences.
@lru_cache(maxsize=16384)
def _content_stems(text: str) -> tuple[str, ...]:
    stop = stopwords()
    return tuple(stem(word) for word in words(text) if len(word) >= 2 and word not in stop and not word.isdigit())


def feature_terms(text: str) -> list[str]:
    """Terms for clustering: content stems, English words put into Indonesian, and numbers.

    Numbers ("238", "6,25" arrives as "6" and "25") are kept as ``#``-prefixed terms: a
    figure is the same in every language and often names the story (a toll, a rate).
    """
    from warta.stories.crosslingual import translate

    stop = stopwords()
    out: list[str] = []
    for word in words(text):
        if word.isdigit():
            if len(word) >= 2:
                out.append("#" + word)
            continue
        if len(word) < 2 or word in stop:
            continue
        out.append(translate(word) or stem(word))
    return out


def comparison_stems(text: str) -> list[str]:
    """Content stems with English words put into Indonesian (for cross-language matching)."""
    return [t for t in feature_terms(text) if not t.startswith("#")]
