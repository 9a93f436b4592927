"""The publication date an HTML page declares for itself, read only from trusted places.

Trusted: <meta> tags (Open Graph, schema.org itemprop, Dublin Core, common portal names),
JSON-LD ``datePublished``, and a ``<time datetime>`` in the article header (before its first
paragraph). Not trusted: any other date on the page, such as one under a related-article link,
which is where general extractors go wrong on pages without metadata. Plain regexes: this runs
on every page, and the WARC reader also calls it to decide whether a capture date is needed.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from typing import Any

_META_TAG = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([A-Za-z_:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
# Lower-cased names, best first.
_DATE_META_NAMES = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "article:published",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "content_publisheddate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.created",
    "date",
)
_JSON_LD = re.compile(
    r"<script\b[^>]*type\s*=\s*[\"']application/ld\+json[\"'][^>]*>(.*?)</script>", re.IGNORECASE | re.DOTALL
)
_ARTICLE_OPEN = re.compile(r"<article\b", re.IGNORECASE)
_HEADER_BLOCK = re.compile(r"<header\b.*?</header>", re.IGNORECASE | re.DOTALL)
_FIRST_PARAGRAPH = re.compile(r"<p\b", re.IGNORECASE)
_HEADLINE = re.compile(r"<h1\b", re.IGNORECASE)
_TIME_TAG = re.compile(r"<time\b[^>]*\bdatetime\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)


def _attributes(tag: str) -> dict[str, str]:
    return {m.group(1).lower(): html_lib.unescape(m.group(2) or m.group(3) or m.group(4) or "") for m in _ATTR.finditer(tag)}


def meta_date(page: str) -> str | None:
    found: dict[str, str] = {}
    for tag in _META_TAG.finditer(page):
        attrs = _attributes(tag.group(0))
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        value = (attrs.get("content") or attrs.get("datetime") or "").strip()
        if key in _DATE_META_NAMES and value and key not in found:
            found[key] = value
    for name in _DATE_META_NAMES:
        if name in found:
            return found[name]
    return None


def _find_json_ld_date(node: Any, key: str) -> str | None:
    if isinstance(node, dict):
        value = node.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
        for child in node.values():
            if isinstance(child, (dict, list)) and (found := _find_json_ld_date(child, key)):
                return found
    elif isinstance(node, list):
        for child in node:
            if found := _find_json_ld_date(child, key):
                return found
    return None


_MAX_JSON_LD_DEPTH = 64


def _too_deep(data: Any) -> bool:
    """Whether a JSON-LD block nests deeper than any real one (the search below recurses)."""
    from warta.ingest.streams import json_depth

    return json_depth(data, _MAX_JSON_LD_DEPTH) > _MAX_JSON_LD_DEPTH


def json_ld_date(page: str) -> str | None:
    for block in _JSON_LD.finditer(page):
        try:
            data = json.loads(block.group(1).strip())
        except (ValueError, RecursionError):
            continue  # a broken JSON-LD block on a page is the page's problem, not ours
        if _too_deep(data):
            continue
        for key in ("datePublished", "dateCreated"):
            if found := _find_json_ld_date(data, key):
                return found
    return None


def header_time_date(page: str) -> str | None:
    """A <time datetime> in the article's header: a <header> inside <article> (or, on pages
    without <article>, one holding the <h1>), or inside <article> before its first paragraph.
    A site-wide header's clock (today's date) is neither."""
    article = _ARTICLE_OPEN.search(page)
    start = article.end() if article else 0
    for block in _HEADER_BLOCK.finditer(page, start):
        if article is None and not _HEADLINE.search(block.group(0)):
            continue
        if match := _TIME_TAG.search(block.group(0)):
            return match.group(1).strip()
    if article:
        paragraph = _FIRST_PARAGRAPH.search(page, article.end())
        end = paragraph.start() if paragraph else len(page)
        if match := _TIME_TAG.search(page, article.end(), end):
            return match.group(1).strip()
    return None


def page_date(page: str) -> str | None:
    """The page's own publication date as written (not normalised), or None."""
    return meta_date(page) or json_ld_date(page) or header_time_date(page)
