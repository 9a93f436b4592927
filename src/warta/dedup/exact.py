"""Exact duplicates: the same page behind different URLs, or the same text under another name."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that only track how a reader arrived; they never select content.
_TRACKING_PARAMS = re.compile(
    r"^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|ref|ref_src|"
    r"source|src|cmpid|amp|outputtype|page_source|share)$",
    re.I,
)
_AMP_PATH = re.compile(r"(/amp/?$|\.amp$|/amp(?=/))", re.I)
_AMP_ANYWHERE = re.compile(r"[/.]amp", re.I)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)
_SLASHES = re.compile(r"/{2,}")


def canonical_url(url: str | None) -> str | None:
    """A URL with tracking parameters, AMP markers, fragments and cosmetic differences removed.

    ``https://www.Example.com/news/123/amp?utm_source=x#top`` and
    ``http://example.com/news/123`` give the same value.
    """
    if not url:
        return None
    url = url.strip()
    if not _SCHEME.match(url):
        return url or None
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    for prefix in ("www.", "amp.", "m."):
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = _AMP_PATH.sub("", parts.path) or "/"
    if "//" in path:
        path = _SLASHES.sub("/", path)
    if len(path) > 1:
        path = path.rstrip("/")
    query: list[tuple[str, str]] = []
    if parts.query:
        pairs = parse_qsl(parts.query, keep_blank_values=True)
        query = sorted((k, v) for k, v in pairs if not _TRACKING_PARAMS.match(k))
    # The scheme is dropped on purpose: http and https copies of a page are the same page.
    return urlunsplit(("https", host, path, urlencode(query), ""))


_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


# The same folding without the regex for the common case, text that is ASCII once its
# typographic quotes and dashes are spaces: a table lookup per character instead.
_ASCII_NON_WORD = str.maketrans({chr(i): " " for i in range(128) if _NON_WORD.fullmatch(chr(i))})
_TYPOGRAPHIC = ("\u201c", "\u201d", "\u2018", "\u2019", "\u2013", "\u2014", "\u00ab", "\u00bb", "\u2022", "\u00b7")


def normalise_for_hash(text: str) -> str:
    """Case, punctuation, quotes and spacing folded away: what a copy-paste keeps."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    if not folded.isascii():
        for mark in _TYPOGRAPHIC:
            if mark in folded:
                folded = folded.replace(mark, " ")
        if not folded.isascii():
            return _NON_WORD.sub(" ", folded).strip()
    return " ".join(folded.translate(_ASCII_NON_WORD).split())


def content_hash(text: str, *, normalised: str | None = None) -> str:
    """SHA-1 of the normalised text (hex); equal for copies that differ only in form."""
    folded = normalised if normalised is not None else normalise_for_hash(text)
    return hashlib.sha1(folded.encode("utf-8")).hexdigest()


def is_variant_url(url: str | None) -> bool:
    """True for an AMP page or a tracking-decorated link: a copy of some plainer URL."""
    if not url:
        return False
    # No query and no "/amp" or ".amp" anywhere (every AMP marker holds one): no variant.
    if "?" not in url and not _AMP_ANYWHERE.search(url):
        return False
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if host.startswith("amp.") or _AMP_PATH.search(parts.path):
        return True
    return any(_TRACKING_PARAMS.match(k) for k, _ in parse_qsl(parts.query, keep_blank_values=True))


_WORDS = re.compile(r"\w+")
EXCERPT_SHARE = 0.8  # of the shorter text's words found in the longer one
EXCERPT_LENGTH = 0.9  # the shorter text is at most this share of the longer one's length


def is_excerpt(short: str, long: str) -> bool:
    """Whether ``short`` is a cut of ``long`` (a feed teaser of the page, a lede): clearly
    shorter, and most of its words are the longer text's words."""
    if not short or len(short) > EXCERPT_LENGTH * len(long):
        return False
    words = _WORDS.findall(short.lower())
    if not words:
        return False
    vocabulary = set(_WORDS.findall(long.lower()))
    return sum(w in vocabulary for w in words) >= EXCERPT_SHARE * len(words)
