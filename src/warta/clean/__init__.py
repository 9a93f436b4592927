"""Cleaning: one RawDocument to one Article.

HTML goes through trafilatura first (``clean.html``); then every body, HTML-derived or given
as text, gets the same rules: NFC and whitespace normalisation, bylines to ``authors``,
"Baca juga" links to ``related``, page furniture dropped, the dateline to ``outlet`` and
``dateline_place``. Then language (only when not given) and the publication date: a given
date is normalised and never overridden; else the page's own metadata date; else a fallback
(a WARC capture date) or a date inferred from the text, both marked ``published_inferred``.
A document with no text left raises ``EmptyArticleError``.
"""

from __future__ import annotations

import re

from warta.analyze.time import infer_publication_date
from warta.clean.bylines import byline_authors
from warta.clean.datelines import find_dateline
from warta.clean.dates import normalize_date
from warta.clean.html import extract_html
from warta.clean.language import identify_language, normalize_language
from warta.clean.portal import inline_rules_needed, is_furniture, link_key, related_title, strip_inline
from warta.clean.text import group_paragraphs, split_lines
from warta.errors import EmptyArticleError
from warta.ingest.records import RawDocument
from warta.model import Article, RelatedLink

__all__ = ["EmptyArticleError", "clean_document", "clean_body", "CleanBody"]

FALLBACK_DATE_CONFIDENCE = 0.5  # a capture date: publication was at or before it
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*$")
_DATELINE_SEARCH_PARAGRAPHS = 2  # the dateline opens the first paragraph (after a stray kicker at most)
_MAX_TITLE_ON_NEXT_LINE = 200


class CleanBody:
    """What the portal rules make of a body: paragraphs plus what they took out."""

    __slots__ = ("paragraphs", "authors", "related", "outlet", "dateline_place", "heading")

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.authors: list[str] = []
        self.related: list[RelatedLink] = []
        self.outlet: str | None = None
        self.dateline_place: str | None = None
        self.heading: str | None = None


def _add_names(target: list[str], names: list[str]) -> None:
    seen = {name.casefold() for name in target}
    for name in names:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            target.append(name)


def clean_body(text: str, *, links: dict[str, str] | None = None, title: str | None = None) -> CleanBody:
    """Apply the portal rules to a body text (pure; no metadata decisions). A first line equal
    to ``title`` is the headline repeated by extraction and leaves the body."""
    links = links or {}
    body = CleanBody()
    lines, blocks = split_lines(text)
    inline_rules = inline_rules_needed(text)
    kept: list[str] = []
    waiting_for_title = False  # a bare "Baca juga:" line: the title is on the next line
    title_key = link_key(title) if title else None
    title_limit = 3 * len(title) + 40 if title else 0  # keying a whole long body line costs more than all else
    seen_content = False  # the headline and a Markdown title can only come before any content
    for line in lines:
        if not line:
            kept.append("")
            continue
        if title_key and not seen_content and len(line) <= title_limit and link_key(line) == title_key:
            kept.append("")
            continue
        if waiting_for_title:
            waiting_for_title = False
            if len(line) <= _MAX_TITLE_ON_NEXT_LINE:
                body.related.append(RelatedLink(title=line, url=links.get(link_key(line))))
                kept.append("")
                continue
        linked = related_title(line)
        if linked is not None:
            if linked:
                body.related.append(RelatedLink(title=linked, url=links.get(link_key(linked))))
            else:
                waiting_for_title = True
            kept.append("")  # a removed line ends a paragraph, it does not glue two together
            continue
        names = byline_authors(line)
        if names is not None:
            _add_names(body.authors, names)
            kept.append("")
            continue
        if is_furniture(line):
            kept.append("")
            continue
        heading = _MARKDOWN_HEADING.match(line)
        if heading:
            if body.heading is None and not seen_content:
                body.heading = heading.group(1)
                kept.append("")
                continue
            seen_content = True
            kept.extend(["", heading.group(1), ""])  # a heading is a paragraph of its own
            continue
        if inline_rules:
            line = strip_inline(line, body.related, links)
        if line:
            seen_content = True
            kept.append(line)
    paragraphs = group_paragraphs(kept, blocks)
    for index, paragraph in enumerate(paragraphs[:_DATELINE_SEARCH_PARAGRAPHS]):
        dateline = find_dateline(paragraph)
        if dateline is not None:
            body.outlet, body.dateline_place = dateline.outlet, dateline.place
            rest = paragraph[dateline.end :].strip()
            paragraphs[index] = rest
            break
    body.paragraphs = [p for p in paragraphs if p]
    return body


_WORD = re.compile(r"\w+")
MIN_PAGE_WORDS = 8  # below this an extracted "body" is navigation or an error page


def _looks_like_article(text: str) -> bool:
    """Whether text extracted from a page is an article body and not menu crumbs."""
    lines = [line for line in text.splitlines() if line.strip()]
    if sum(len(_WORD.findall(line)) for line in lines) < MIN_PAGE_WORDS:
        return False
    return any(len(_WORD.findall(line)) >= 5 for line in lines)


def _publication(raw: RawDocument, page_published: str | None, text: str) -> tuple[str | None, bool, float | None]:
    """(published, inferred, confidence). A given date is never overridden; an unreadable one
    counts as absent (and the date is then inferred from the text, marked as such)."""
    given = normalize_date(raw.published)
    if given:
        return given, False, 1.0
    from_page = normalize_date(page_published)
    if from_page:
        return from_page, False, 1.0
    fallback = normalize_date(raw.published_fallback)
    if fallback:
        return fallback, True, FALLBACK_DATE_CONFIDENCE
    inferred, confidence = infer_publication_date(text)
    if inferred:
        return inferred, True, confidence
    return None, False, None


def clean_document(raw: RawDocument) -> Article:
    """The Article for a raw document; ``id`` is ``raw.id or ""`` (the pipeline assigns ids)."""
    title, authors, outlet, language = raw.title, list(raw.authors), raw.outlet, normalize_language(raw.language)
    url = raw.url
    page_published: str | None = None
    links: dict[str, str] = {}
    if raw.text and raw.text.strip():
        source_text = raw.text
    elif raw.html and raw.html.strip():
        page = extract_html(raw.html, raw.url)
        source_text = page.text
        links = page.links
        title = title or page.title
        authors = authors or page.authors
        outlet = outlet or page.sitename
        url = url or page.url
        language = language or normalize_language(page.language)
        page_published = page.published
        if not _looks_like_article(source_text):
            raise EmptyArticleError("no article text found in the HTML page")
    else:
        raise EmptyArticleError("no article text: the document has neither text nor HTML")

    body = clean_body(source_text, links=links, title=title)
    if not body.paragraphs:
        raise EmptyArticleError("no article text left after removing bylines and page furniture")
    if not raw.authors:
        _add_names(authors, body.authors)
    text = "\n".join(body.paragraphs)
    if language is None:
        language, _ = identify_language(text)
    published, inferred, confidence = _publication(raw, page_published, text)
    return Article(
        id=raw.id or "",
        text=text,
        title=(title or body.heading or None),
        url=url,
        outlet=outlet or body.outlet,
        authors=authors,
        published=published,
        published_inferred=inferred,
        published_confidence=confidence,
        language=language,
        paragraphs=body.paragraphs,
        related=body.related,
        dateline_place=body.dateline_place,
        source_path=raw.source_path,
    )
