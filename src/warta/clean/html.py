"""HTML pages to body text and metadata, through trafilatura plus what it does not read.

trafilatura gives the body (paragraphs), title and meta/JSON-LD authors. Added here: visible
bylines ("Reporter: X | Editor: Y"), the targets of related-article links (so "Baca juga"
titles keep their URL), and a date only from trusted places (``warta.ingest.html_meta``):
trafilatura's own date can come from a related-article link on pages without metadata.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field

import trafilatura
from lxml import etree
from trafilatura.utils import load_html

from warta.clean.bylines import byline_authors
from warta.clean.portal import link_key
from warta.ingest.html_meta import page_date

_RELATED_HINT = re.compile(r"baca|lihat|simak|read|related|terkait|see also", re.IGNORECASE)
_BYLINE_HINT = re.compile(
    r"(?:reporter|penulis|editor|pewarta|redaktur|wartawan|penyunting|oleh)\s*(?:<[^>]*>\s*)*:", re.IGNORECASE
)
_INVISIBLE_BLOCKS = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BLOCK_TAGS = re.compile(
    r"</?(?:p|div|br|li|ul|ol|h[1-6]|header|footer|section|article|aside|tr|td|table|address|figure|figcaption)\b[^>]*>",
    re.IGNORECASE,
)
_ANY_TAG = re.compile(r"<[^>]+>")
_LANG_ATTR = re.compile(r"<html\b[^>]*\blang\s*=\s*[\"']?([A-Za-z-]+)", re.IGNORECASE)


@dataclass(slots=True)
class HtmlExtract:
    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # as the page writes it, from trusted places only
    sitename: str | None = None
    url: str | None = None  # the page's own address: canonical link or og:url
    language: str | None = None
    links: dict[str, str] = field(default_factory=dict)  # link_key(anchor text) -> href


def _anchor_targets(tree: etree._Element) -> dict[str, str]:
    targets: dict[str, str] = {}
    for anchor in tree.iter("a"):
        href = (anchor.get("href") or "").strip()
        label = " ".join(anchor.text_content().split()) if hasattr(anchor, "text_content") else ""
        if href and len(label) >= 8 and not href.startswith(("#", "javascript:")):
            targets.setdefault(link_key(label), href)
    return targets


def visible_bylines(page: str) -> list[str]:
    """Names from byline lines in the page's visible text."""
    if not _BYLINE_HINT.search(page):
        return []
    visible = _INVISIBLE_BLOCKS.sub(" ", page)
    visible = _ANY_TAG.sub("", _BLOCK_TAGS.sub("\n", visible))
    names: list[str] = []
    for line in html_lib.unescape(visible).splitlines():
        line = " ".join(line.split())
        if not line or not _BYLINE_HINT.search(line):
            continue
        for name in byline_authors(line) or []:
            if name.casefold() not in {n.casefold() for n in names}:
                names.append(name)
    return names


_FULL_PAGE = re.compile(r"<(?:html|body)\b", re.IGNORECASE)


def fragment_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry's content), one line per block element."""
    text = _ANY_TAG.sub("", _BLOCK_TAGS.sub("\n", _INVISIBLE_BLOCKS.sub(" ", fragment)))
    return html_lib.unescape(text)


def _split_meta_authors(value: str | None) -> list[str]:
    if not value:
        return []
    return [name.strip() for name in value.split(";") if name.strip()]


def extract_html(page: str, url: str | None = None) -> HtmlExtract:
    """The page's article body and metadata; empty text when no article body is found."""
    tree = load_html(page)
    if tree is None:
        return HtmlExtract(text=fragment_text(page) if _FULL_PAGE.search(page[:4096]) is None else "")
    links = _anchor_targets(tree) if _RELATED_HINT.search(page) else {}
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=False,
    )
    lang_attr = _LANG_ATTR.search(page[:4096])
    result = HtmlExtract(
        text="",
        published=page_date(page),
        language=lang_attr.group(1) if lang_attr else None,
        links=links,
    )
    is_fragment = _FULL_PAGE.search(page[:4096]) is None
    if document is None or not (document.text or "").strip():
        # Extractors look for an article inside a page; a bare fragment already is the article.
        result.text = fragment_text(page) if is_fragment else ""
        return result
    result.text = document.text
    result.title = (document.title or "").strip() or None
    result.sitename = (document.sitename or "").strip() or None
    page_url = (document.url or "").strip()
    result.url = page_url if page_url.lower().startswith(("http://", "https://")) else None
    authors = _split_meta_authors(document.author)
    for name in visible_bylines(page):
        if name.casefold() not in {a.casefold() for a in authors}:
            authors.append(name)
    result.authors = authors
    return result
