"""The publication date an HTML page declares for itself, read only from trusted places.

Trusted: <meta> tags (Open Graph, schema.org itemprop, Dublin Core, common portal names),
JSON-LD ``datePublished``, and a ``<time datetime>`` in the article header (before its first
paragraph). Not trusted: any other date on the page, such as one under a related-article link,
which is where general extractors go wrong on pages without metadata. Read from the lxml tree
(one linear pass per place), never with regular expressions over the whole page.
"""

from __future__ import annotations

import json
from typing import Any

from lxml import etree

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
_ARTICLE_TYPES = frozenset({"article", "newsarticle", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                            "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "liveblogposting"})


def _tag(element: Any) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def meta_values(tree: etree._Element) -> dict[str, str]:
    """Lower-cased meta key (property, name or itemprop) -> its first non-empty value."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        value = (meta.get("content") or meta.get("datetime") or "").strip()
        if not value:
            continue
        for attribute in ("property", "name", "itemprop"):
            key = (meta.get(attribute) or "").strip().lower()
            if key and key not in found:
                found[key] = value
    return found


def meta_date(tree: etree._Element, metas: dict[str, str] | None = None) -> str | None:
    metas = meta_values(tree) if metas is None else metas
    for name in _DATE_META_NAMES:
        if name in metas:
            return metas[name]
    return None


def _find_json_ld(node: Any, key: str) -> str | None:
    if isinstance(node, dict):
        value = node.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
        for child in node.values():
            if isinstance(child, (dict, list)) and (found := _find_json_ld(child, key)):
                return found
    elif isinstance(node, list):
        for child in node:
            if found := _find_json_ld(child, key):
                return found
    return None


_MAX_JSON_LD_DEPTH = 64


def _too_deep(data: Any) -> bool:
    """Whether a JSON-LD block nests deeper than any real one (the searches below recurse)."""
    from warta.ingest.streams import json_depth

    return json_depth(data, _MAX_JSON_LD_DEPTH) > _MAX_JSON_LD_DEPTH


def json_ld_blocks(tree: etree._Element) -> list[Any]:
    blocks: list[Any] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text.strip())
        except (ValueError, RecursionError):
            continue  # a broken JSON-LD block on a page is the page's problem, not ours
        if not _too_deep(data):
            blocks.append(data)
    return blocks


def json_ld_date(tree: etree._Element, blocks: list[Any] | None = None) -> str | None:
    for data in json_ld_blocks(tree) if blocks is None else blocks:
        for key in ("datePublished", "dateCreated"):
            try:
                if found := _find_json_ld(data, key):
                    return found
            except RecursionError:
                break
    return None


def json_ld_is_article(blocks: list[Any]) -> bool:
    def types(node: Any, depth: int = 0) -> bool:
        if depth > 20:
            return False
        if isinstance(node, dict):
            kind = node.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds):
                return True
            return any(types(child, depth + 1) for child in node.values() if isinstance(child, (dict, list)))
        if isinstance(node, list):
            return any(types(child, depth + 1) for child in node)
        return False

    return any(types(block) for block in blocks)


def _time_in(element: etree._Element, stop_at_paragraph: bool) -> str | None:
    for node in element.iter():
        tag = _tag(node)
        if stop_at_paragraph and tag == "p":
            return None
        if tag == "time" and (node.get("datetime") or "").strip():
            return node.get("datetime").strip()
    return None


def header_time_date(tree: etree._Element) -> str | None:
    """A <time datetime> in the article's header: a <header> inside <article> (or, on pages
    without <article>, one holding the <h1>), or inside <article> before its first paragraph.
    A site-wide header's clock (today's date) is neither."""
    article = next(tree.iter("article"), None)
    if article is None:
        for header in tree.iter("header"):
            if next(header.iter("h1"), None) is not None and (found := _time_in(header, False)):
                return found
        return None
    for header in article.iter("header"):
        if found := _time_in(header, False):
            return found
    return _time_in(article, True)


def tree_date(tree: etree._Element, metas: dict[str, str] | None = None, blocks: list[Any] | None = None) -> str | None:
    """The page's own publication date as written (not normalised), or None."""
    return meta_date(tree, metas) or json_ld_date(tree, blocks) or header_time_date(tree)


def page_date(page: str) -> str | None:
    """``tree_date`` of an HTML string."""
    from trafilatura.utils import load_html

    tree = load_html(page)
    return tree_date(tree) if tree is not None else None
