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

import difflib
import re
from functools import lru_cache

from warta.analyze.time import infer_publication_date
from warta.clean.bylines import byline_authors, people
from warta.clean.datelines import find_dateline
from warta.clean.dates import normalize_date
from warta.clean.html import HtmlExtract, extract_html
from warta.clean.language import identify_language, normalize_language
from warta.clean.outlets import (
    PLATFORM,
    canonical_outlet,
    domain_label,
    is_platform_url,
    outlet_for_url,
    strip_site_name,
)
from warta.clean.pagedates import reconcile, url_dates
from warta.clean.pagekind import ARTICLE
from warta.clean.portal import (
    inline_rules_needed,
    is_furniture,
    link_key,
    phrases,
    related_title,
    strip_inline,
)
from warta.clean.text import group_paragraphs, split_lines
from warta.errors import EmptyArticleError, NotAnArticleError
from warta.ingest.records import RawDocument
from warta.model import Article, RelatedLink

__all__ = ["EmptyArticleError", "clean_document", "clean_body", "CleanBody"]

URL_DATE_CONFIDENCE = 0.9  # the publisher's own address; a day, rarely wrong
PAGE_DATE_CONFIDENCE = 0.8  # the first date written after the headline
MIN_LANGUAGE_CHARS = 200  # below this a declared language outweighs identification
MIN_LANGUAGE_PROBABILITY = 0.9
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


def clean_body(
    text: str, *, links: dict[str, str] | None = None, title: str | None = None, kind: str = ARTICLE
) -> CleanBody:
    """Apply the portal rules to a body text (pure; no metadata decisions). A first line equal
    to ``title`` is the headline repeated by extraction and leaves the body. On a photo page or
    gallery (``kind``) the body is its captions: lines that are no caption go (``captions_only``)."""
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
        if len(line) <= 40 and ":" not in line and link_key(line) in _bare_related_labels():
            kept.append("")  # "Baca Juga" on its own: the heading of a link box extraction left empty
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
    if kind != ARTICLE:
        body.paragraphs = captions_only(body.paragraphs)
    return body


_CAPTION_END = tuple(".!?)]\"”’'")
MIN_CAPTION_WORDS = 8  # a caption is a sentence: this many words, or a closing stop or bracket
MAX_RESTATEMENT_WORDS = 40
RESTATEMENT_SHARE = 0.9
RESTATEMENT_REACH = 10  # a restated caption follows its fuller one closely (linear on long galleries)


def _is_caption(paragraph: str) -> bool:
    return len(paragraph.split()) >= MIN_CAPTION_WORDS or paragraph.endswith(_CAPTION_END)


def _restates(short: list[str], longer: list[str]) -> bool:
    """Whether ``short`` says again, in fewer words, what ``longer`` said: nearly all of its
    words occur in ``longer`` in the same order, and ``longer`` has half as many again."""
    if not short or len(short) > MAX_RESTATEMENT_WORDS or 2 * len(longer) < 3 * len(short):
        return False
    known = set(longer)
    if sum(word in known for word in short) < RESTATEMENT_SHARE * len(short):
        return False
    matcher = difflib.SequenceMatcher(None, short, longer, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) >= RESTATEMENT_SHARE * len(short)


def captions_only(paragraphs: list[str]) -> list[str]:
    """A photo page's or gallery's body: its captions. A line that is no sentence (a widget's
    label, a contact line) goes, and so does a caption restated shorter soon after a fuller one
    (the summary a photo page shows again under the picture). Never empties the body."""
    kept: list[str] = []
    words: list[list[str]] = []
    for paragraph in paragraphs:
        if not _is_caption(paragraph):
            continue
        tokens = _WORD.findall(paragraph.casefold())
        if any(_restates(tokens, earlier) for earlier in words[-RESTATEMENT_REACH:]):
            continue
        kept.append(paragraph)
        words.append(tokens)
    return kept or paragraphs


@lru_cache(maxsize=1)
def _bare_related_labels() -> frozenset[str]:
    return frozenset(link_key(p) for p in phrases()[1])


_WORD = re.compile(r"\w+")
MIN_PAGE_WORDS = 8  # below this an extracted "body" is navigation or an error page


def _looks_like_article(text: str) -> bool:
    """Whether text extracted from a page is an article body and not menu crumbs."""
    lines = [line for line in text.splitlines() if line.strip()]
    if sum(len(_WORD.findall(line)) for line in lines) < MIN_PAGE_WORDS:
        return False
    return any(len(_WORD.findall(line)) >= 5 for line in lines)


def _before_bound(value: str | None, bound: str | None) -> bool:
    """Whether a date is at or before the upper bound (always, without one)."""
    return not bound or not value or value[:10] <= bound[:10]


def _publication(
    raw: RawDocument, page: HtmlExtract | None, url: str | None, text: str
) -> tuple[str | None, bool, float | None, str | None]:
    """(published, inferred, confidence, source). A given date is never overridden; an
    unreadable one counts as absent. Then the page's metadata (its UTC time replaced by the
    time the page shows in its own zone when they agree), a date in the URL, the date written
    by the headline, a ``--published`` default, and last a date inferred from the text. A
    capture date (``published_before``) only bounds the inferred date from above."""
    given = normalize_date(raw.published)
    if given:
        return given, False, 1.0, "given"
    visible = page.visible_published if page else None
    from_page = normalize_date(page.published) if page else None
    if from_page:
        return reconcile(from_page, visible), False, 1.0, "metadata"
    readings = url_dates(url)
    if readings:
        if visible and visible[:10] in readings:
            return visible, False, URL_DATE_CONFIDENCE, "url"
        return readings[0], False, URL_DATE_CONFIDENCE if len(readings) == 1 else URL_DATE_CONFIDENCE / 2, "url"
    if visible:
        return visible, False, PAGE_DATE_CONFIDENCE, "page"
    default = normalize_date(raw.published_default)
    if default:
        return default, False, 1.0, "given"
    inferred, confidence = infer_publication_date(text)
    if inferred and _before_bound(inferred, normalize_date(raw.published_before)):
        return inferred, True, confidence, "text"
    return None, False, None, None


def _language(text: str, declared: str | None) -> str | None:
    """The language of the text; a declared one only when the text is too short to tell."""
    identified, probability = identify_language(text)
    if declared and (len(text) < MIN_LANGUAGE_CHARS or identified is None or probability < MIN_LANGUAGE_PROBABILITY):
        return declared
    return identified or declared


def clean_document(raw: RawDocument) -> Article:
    """The Article for a raw document; ``id`` is ``raw.id or ""`` (the pipeline assigns ids)."""
    title, authors, outlet = raw.title, list(raw.authors), canonical_outlet(raw.outlet)
    declared_language = normalize_language(raw.language)
    url = raw.url
    links: dict[str, str] = {}
    page: HtmlExtract | None = None
    if raw.text and raw.text.strip():
        source_text = raw.text
    elif raw.html and raw.html.strip():
        page = extract_html(raw.html, raw.url)
        source_text = page.text
        links = page.links
        title = title or page.title
        authors = authors or page.authors
        url = url or page.url
        declared_language = declared_language or normalize_language(page.language)
        if page.index_reason:
            raise NotAnArticleError(page.index_reason)
        if not _looks_like_article(source_text):
            raise EmptyArticleError("no article text found in the HTML page")
    else:
        raise EmptyArticleError("no article text: the document has neither text nor HTML")

    kind = page.kind if page is not None else ARTICLE
    body = clean_body(source_text, links=links, title=title, kind=kind)
    if page is not None:
        body.related[:0] = page.related
    if not body.paragraphs:
        raise EmptyArticleError("no article text left after removing bylines and page furniture")
    if not raw.authors:  # given authors are kept as given; found ones must be people
        _add_names(authors, body.authors)
        authors = people(authors, outlet_names=[outlet, page.sitename if page else None])
    text = "\n".join(body.paragraphs)
    language = _language(text, declared_language)
    published, inferred, confidence, source = _publication(raw, page, url, text)
    if not outlet:
        from_url = outlet_for_url(url)
        if from_url and from_url != PLATFORM:
            outlet = from_url
        elif page is not None and page.sitename and not is_platform_url(url):
            outlet = canonical_outlet(page.sitename)
    title = title or body.heading or None
    if title and raw.html and not raw.title:
        title = strip_site_name(title, [outlet, page.sitename if page else None, domain_label(url)])
    return Article(
        id=raw.id or "",
        text=text,
        title=title,
        url=url,
        outlet=outlet or canonical_outlet(body.outlet),
        authors=authors,
        published=published,
        published_inferred=inferred,
        published_confidence=confidence,
        published_source=source,
        language=language,
        paragraphs=body.paragraphs,
        related=_unique_related(body.related),
        dateline_place=body.dateline_place,
        kind=kind,
        source_path=raw.source_path,
    )


def _unique_related(links: list[RelatedLink]) -> list[RelatedLink]:
    seen: set[str] = set()
    unique: list[RelatedLink] = []
    for link in links:
        key = link_key(link.title)
        if key and key not in seen:
            seen.add(key)
            unique.append(link)
    return unique
