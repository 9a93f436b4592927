"""HTML pages to body text and metadata: lxml for the page, trafilatura for the body.

Everything here walks the lxml tree once per step (no regular expressions over whole pages,
so cleaning is linear in the page's size). Steps:

1. Metadata: trafilatura's ``extract_metadata`` (title, site name, URL, meta authors), the
   page's own date from trusted places (``warta.ingest.html_meta``), whether the page calls
   itself an article (``og:type``, JSON-LD ``@type``).
2. The headline: the <h1>/<h2> (or, failing those, any element) whose text is the title,
   once the site's name is taken off the title. The visible headline wins over the metadata
   title when one holds the other (a section name or label in front, "| Site" behind).
3. The date written just after the headline ("Kamis, 05 November 2015 11:52 WIB").
4. Pruning before extraction: invisible blocks; link lists (three links or more, most of
   the text inside links: related news, share bars, "Berita lainnya/terpopuler" boxes; a list
   introduced by "Baca juga" is kept as related links); the headline itself; lines that are
   only a date, a byline or a photo credit.
5. trafilatura's body on what is left. Visible bylines give authors.

``is_index``: a page that is not an article (front page, section index, tag page): no
article metadata and many headline-sized links for the running text extracted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import trafilatura
from lxml import etree
from trafilatura.utils import load_html

from warta.clean.bylines import byline_authors
from warta.clean.outlets import domain_label, strip_site_name
from warta.clean.pagedates import find_visible_date
from warta.clean.portal import link_key, related_title
from warta.ingest.html_meta import json_ld_blocks, json_ld_is_article, meta_values, tree_date
from warta.model import RelatedLink

_INVISIBLE = ("script", "style", "noscript", "template")
_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 header footer section article aside tr td th table address "
    "figure figcaption dl dt dd blockquote pre nav main form".split()
)
_LIST_TAGS = frozenset("ul ol div section aside nav table dl footer header p span".split())
_CREDIT = re.compile(r"^\s*(?:foto|fotografer|photo|photographer|image|gambar|sumber foto|video|grafis)\s*:", re.IGNORECASE)
_MIN_LIST_LINKS = 3
_LIST_LINK_SHARE = 0.5
_SHORT_ELEMENT = 160
_AFTER_HEADLINE_CHARS = 400
_INDEX_LINK_WORDS = 4  # a link of this many words or more is a headline
_INDEX_CHARS_PER_LINK = 10  # an article has more running text than this per headline link
_MIN_RUNNING_TEXT = 400  # ... and more than this in all
_MIN_INDEX_LINKS = 20
_FULL_PAGE = re.compile(r"<(?:html|body)\b", re.IGNORECASE)


@dataclass(slots=True)
class HtmlExtract:
    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # as the page writes it, from trusted places only
    visible_published: str | None = None  # ISO, the date written just after the headline
    sitename: str | None = None
    url: str | None = None  # the page's own address: canonical link or og:url
    language: str | None = None
    links: dict[str, str] = field(default_factory=dict)  # link_key(anchor text) -> href
    related: list[RelatedLink] = field(default_factory=list)
    index_reason: str | None = None  # why the page is not an article, when it is not


def _tag(element: Any) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def _fold(text: str | None) -> str:
    return " ".join((text or "").split())


def block_text(root: etree._Element) -> str:
    """Visible text of an element, one line per block element (linear, invisible blocks skipped)."""
    parts: list[str] = []
    skip = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = _tag(element)
        if event == "start":
            if tag in _INVISIBLE:
                skip += 1
            elif not skip:
                if tag in _BLOCK_TAGS:
                    parts.append("\n")
                if element.text:
                    parts.append(element.text)
        else:
            if tag in _INVISIBLE:
                skip -= 1
            elif not skip and tag in _BLOCK_TAGS:
                parts.append("\n")
            if not skip and element is not root and element.tail:
                parts.append(element.tail)
    return "".join(parts)


def fragment_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry's content), one line per block element."""
    tree = load_html(f"<div>{fragment}</div>") if fragment.strip() else None
    if tree is None:
        return ""
    return block_text(tree)


def visible_bylines(tree: etree._Element) -> list[str]:
    names: list[str] = []
    for line in block_text(tree).splitlines():
        line = _fold(line)
        if not line or ":" not in line and not line.lower().startswith("by "):
            continue
        for name in byline_authors(line) or []:
            if name.casefold() not in {n.casefold() for n in names}:
                names.append(name)
    return names


def _anchor_targets(tree: etree._Element) -> dict[str, str]:
    targets: dict[str, str] = {}
    for anchor in tree.iter("a"):
        href = (anchor.get("href") or "").strip()
        label = _fold(anchor.text_content())
        if href and len(label) >= 8 and not href.startswith(("#", "javascript:")):
            targets.setdefault(link_key(label), href)
    return targets


def _headline(tree: etree._Element, title: str | None) -> etree._Element | None:
    """The element showing the title: an h1/h2 equal to it, holding it, or held by it."""
    if not title:
        return None
    wanted = link_key(title)
    if not wanted:
        return None
    for tags in (("h1",), ("h2",)):
        for element in tree.iter(*tags):
            shown = link_key(element.text_content())
            if not shown:
                continue
            if shown == wanted:
                return element
            if len(shown) >= len(wanted) // 2 and len(shown.split()) >= 3 and shown in wanted:
                return element
            if wanted in shown and len(shown) <= len(wanted) + 40:
                return element
    for element in tree.iter():
        if element.text and len(element.text) <= 3 * len(title) and link_key(element.text) == wanted:
            return element
    return None


def _text_after(tree: etree._Element, start: etree._Element, limit: int) -> str:
    """About ``limit`` characters of visible text following ``start`` in document order."""
    parts: list[str] = []
    size = 0
    collecting = False
    skip = 0
    for event, element in etree.iterwalk(tree, events=("start", "end")):
        tag = _tag(element)
        if event == "start":
            if tag in _INVISIBLE:
                skip += 1
            elif collecting and not skip and element.text:
                parts.append(element.text)
                size += len(element.text)
        else:
            if tag in _INVISIBLE:
                skip -= 1
            if element is start:
                collecting = True
            if collecting and not skip:
                if tag in _BLOCK_TAGS:
                    parts.append("\n")
                if element.tail and element is not tree:
                    parts.append(element.tail)
                    size += len(element.tail)
        if size >= limit:
            break
    return "".join(parts)


def _drop(element: etree._Element) -> None:
    """Remove an element but keep its tail text (it belongs to the parent)."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    previous = element.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _introduces_related(element: etree._Element) -> bool:
    own = _fold(element.text)
    if own and related_title(own + ":" if not own.endswith(":") else own) is not None:
        return True
    previous = element.getprevious()
    if previous is not None and len(_fold(previous.text_content())) <= 40:
        label = _fold(previous.text_content()).rstrip(":")
        return bool(label) and related_title(label + ":") == ""
    return False


def _prune(tree: etree._Element, headline: etree._Element | None, related: list[RelatedLink]) -> None:
    """Drop page furniture, bottom-up in one pass: an element is judged on what is left of its
    children (a column of articles and link boxes is judged without its link boxes)."""
    for element in list(tree.iter(*_INVISIBLE)):
        _drop(element)
    stats: dict[Any, tuple[int, int, int]] = {}
    doomed: list[etree._Element] = []
    for element in reversed(list(tree.iter())):  # every descendant comes before its ancestor
        tag = _tag(element)
        text = len((element.text or "").strip())
        links = linked = 0
        for child in element:
            child_text, child_linked, child_links = stats.pop(child, (0, 0, 0))
            text += child_text + len((child.tail or "").strip())
            linked += child_linked
            links += child_links
        if tag == "a":
            linked, links = text, links + 1
        if element is headline or _is_furniture_block(element, tag, text, linked, links, related):
            doomed.append(element)
            stats[element] = (0, 0, 0)
        else:
            stats[element] = (text, linked, links)
    for element in doomed:
        _drop(element)


def _is_furniture_block(
    element: etree._Element, tag: str, text: int, linked: int, links: int, related: list[RelatedLink]
) -> bool:
    if element.getparent() is None or tag in ("html", "body"):
        return False
    if tag in _LIST_TAGS and links >= _MIN_LIST_LINKS and linked >= _LIST_LINK_SHARE * text:
        if _introduces_related(element):
            for anchor in element.iter("a"):
                label = _fold(anchor.text_content())
                if len(label.split()) >= 3:
                    related.append(RelatedLink(title=label, url=(anchor.get("href") or "").strip() or None))
        return True
    if 0 < text <= _SHORT_ELEMENT:
        shown = _fold(element.text_content())
        return _is_stamp(shown) or bool(_CREDIT.match(shown)) or byline_authors(shown) is not None
    return False


_STAMP_REST = re.compile(r"^[\W\d]*(?:wib|wita|wit|utc|gmt)?[\W\d]*$", re.IGNORECASE)
_WEEKDAYS = re.compile(
    r"\b(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b,?",
    re.IGNORECASE,
)


def _is_stamp(text: str) -> bool:
    """Whether a short text is only a date (and time, zone, weekday)."""
    if not text or not any(ch.isdigit() for ch in text) or find_visible_date(text) is None:
        return False
    from warta.clean.pagedates import _VISIBLE  # the same date shapes as the visible date

    rest = _VISIBLE.sub(" ", _WEEKDAYS.sub(" ", text))
    rest = re.sub(r"\b(?:pukul|jam|at|on|\|)\b", " ", rest, flags=re.IGNORECASE)
    return bool(_STAMP_REST.match(rest.replace(":", " ")))


def _index_reason(headline_links: int, metas: dict[str, str], blocks: list[Any], body: str) -> str | None:
    """Why the page is a front page or index and not an article; None for an article."""
    if (metas.get("og:type") or "").lower() == "article" or json_ld_is_article(blocks):
        return None
    running = sum(len(line) for line in body.splitlines() if len(line.split()) >= 8)
    if headline_links >= _MIN_INDEX_LINKS and (running < _MIN_RUNNING_TEXT or running < _INDEX_CHARS_PER_LINK * headline_links):
        return f"not an article: {headline_links} headline links and {running} characters of running text (a front page or index)"
    return None


def extract_html(page: str, url: str | None = None) -> HtmlExtract:
    """The page's article body and metadata; empty text when no article body is found."""
    is_fragment = _FULL_PAGE.search(page[:4096]) is None
    tree = load_html(page)
    if tree is None:
        return HtmlExtract(text=fragment_text(page) if is_fragment else "")
    metas = meta_values(tree)
    blocks = json_ld_blocks(tree)
    links = _anchor_targets(tree)
    meta = trafilatura.extract_metadata(tree, default_url=url, extensive=False)
    page_url = (meta.url or "").strip() if meta else ""
    page_url = page_url if page_url.lower().startswith(("http://", "https://")) else ""
    sitename = ((meta.sitename or "").strip() or None) if meta else None
    raw_title = _fold(meta.title) if meta and meta.title else None
    title = strip_site_name(raw_title, [sitename, domain_label(url or page_url), metas.get("og:site_name")])
    headline = _headline(tree, title)
    if headline is not None:
        shown = _fold(headline.text_content())
        if shown and (not title or link_key(shown) != link_key(title)):
            title = shown
    visible = find_visible_date(_text_after(tree, headline, _AFTER_HEADLINE_CHARS)) if headline is not None else None
    root = tree.getroottree().getroot()
    language = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or metas.get("language")
    result = HtmlExtract(
        text="",
        title=title or None,
        published=tree_date(tree, metas, blocks),
        visible_published=visible,
        sitename=sitename,
        url=page_url or None,
        language=(language or "").strip() or None,
        links=links,
    )
    authors = [name.strip() for name in ((meta.author or "") if meta else "").split(";") if name.strip()]
    for name in visible_bylines(tree):
        if name.casefold() not in {a.casefold() for a in authors}:
            authors.append(name)
    result.authors = authors
    headline_links = sum(1 for a in tree.iter("a") if len(a.text_content().split()) >= _INDEX_LINK_WORDS)
    _prune(tree, headline, result.related)
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=False,
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=False,
    )
    text = (document.text or "") if document is not None else ""
    if not text.strip():
        # Extractors look for an article inside a page; a bare fragment already is the article.
        result.text = fragment_text(page) if is_fragment else ""
        if is_fragment:
            return result
    else:
        result.text = text
    if not is_fragment:
        result.index_reason = _index_reason(headline_links, metas, blocks, result.text)
    return result
