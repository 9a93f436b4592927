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
4. Loose text: text written straight into a container that holds paragraphs (a lead
   before the first <p>) becomes a paragraph; a row of loose links becomes a block.
5. Pruning before extraction: invisible blocks; link lists (three links or more, most of
   the text inside links: related news, share bars, "Berita lainnya/terpopuler" boxes; a list
   introduced by "Baca juga" is kept as related links); blocks of a few linked words
   (breadcrumbs, "Index »") and small forms; the labels these leave behind (a box's heading,
   a container left holding only it); the headline itself and the section label just above
   it; lines that are only a date, a byline or a photo credit.
6. trafilatura's body on what is left, one block per line. Visible bylines give authors.
7. The page's kind (``warta.clean.pagekind``): when its figures' captions are what it has to
   say, the figures become paragraphs and the body is extracted again ("gallery", or "photo"
   for one figure); a page that calls itself a photo page and has little text is a "photo".

``is_index``: a page that is not an article (front page, section index, tag page): no
article metadata and many headline-sized links for the running text extracted.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any

import trafilatura
from lxml import etree
from trafilatura.utils import load_html

from warta.clean.bylines import byline_authors
from warta.clean.outlets import domain_label, strip_site_name
from warta.clean.pagedates import find_visible_date
from warta.clean.pagekind import ARTICLE, GALLERY, PHOTO, photo_hint
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
    kind: str = ARTICLE  # "article", or "photo"/"gallery" when the captions are the body


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
    children (a column of articles and link boxes is judged without its link boxes). Then the
    labels those boxes leave behind ("Berita Terbaru", "Foto Terkait"), and the kicker shown
    just above the headline."""
    for element in list(tree.iter(*_INVISIBLE)):
        _drop(element)
    stats: dict[Any, tuple[int, int, int]] = {}
    doomed: list[etree._Element] = []
    boxes: list[etree._Element] = []
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
        verdict = None if element is headline else _furniture_kind(element, tag, text, linked, links, related)
        if element is headline or verdict:
            doomed.append(element)
            # A navigation label still counts in its parent: a list of short links is judged
            # as the list it is (and kept as related links when "Baca juga" introduces it).
            stats[element] = (text, linked, links) if verdict == _NAV else (0, 0, 0)
            if verdict in (_BOX, _NAV):
                boxes.append(element)
        else:
            stats[element] = (text, linked, links)
    kicker = _kicker(headline) if headline is not None else None
    left_behind = _left_behind(boxes, set(doomed))  # read before the boxes go
    for element in doomed:
        _drop(element)
    if kicker is not None:
        _drop(kicker)
    _drop_box_labels(left_behind)


_BOX = "box"  # a link box or a form: what it leaves behind may be its label
_NAV = "nav"  # a block of a few linked words; what it leaves behind may be its label too
_STAMP = "stamp"  # a date, a credit or a byline line
_LABEL_CHARS = 60
_LABEL_WORDS = 6
_KICKER_WORDS = 3
_SENTENCE_END = ".!?\"”’'"
_CONTAINER_TAGS = frozenset("div ul ol li section aside nav header footer dl dd dt table tr td".split())  # not <p>: a paragraph of a link is text
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())


def _label_text(element: etree._Element) -> str | None:
    """The element's text when it is a label (a few words, no sentence), else None. Reads at
    most a label's length of text, so calling it on a large element is cheap."""
    parts: list[str] = []
    size = 0
    for piece in element.itertext():
        size += len(piece.strip())
        if size > _LABEL_CHARS:
            return None
        parts.append(piece)
    text = _fold(" ".join(parts))
    return text if _is_label(text) else None


def _previous_with_text(element: etree._Element) -> etree._Element | None:
    """The nearest previous sibling holding any text (empty spacers and images skipped)."""
    previous = element.getprevious()
    while previous is not None and not any(piece.strip() for piece in previous.itertext()):
        previous = previous.getprevious()
    return previous


def _left_behind(boxes: list[etree._Element], doomed: set[etree._Element]) -> list[tuple[etree._Element, bool]]:
    """Where the labels of boxes may be: (the nearest previous sibling with text, False) and
    (the parent, True) of each box. A previous sibling is no candidate when running text
    follows the box: then it may be a section heading over that text, not the box's label."""
    candidates: list[tuple[etree._Element, bool]] = []
    for box in boxes:
        previous, parent = _previous_with_text(box), box.getparent()
        if previous is not None and not _running_text_after(box, doomed):
            candidates.append((previous, False))
        if parent is not None:
            candidates.append((parent, True))
    return candidates


def _running_text_after(element: etree._Element, doomed: set[etree._Element]) -> bool:
    """Whether the next sibling with text is more than a label (more furniture: no)."""
    following = element.getnext()
    while following is not None:
        if following in doomed:
            return False
        if any(piece.strip() for piece in following.itertext()):
            return _label_text(following) is None
        following = following.getnext()
    return False


def _drop_box_labels(candidates: list[tuple[etree._Element, bool]]) -> None:
    """Drop what removed boxes left behind when it is only a label: the heading just before a
    box ("Foto Terkait" above its list), or a container now holding nothing but its heading
    (then that container's own heading and container, the same way). ``candidates`` come from
    ``_left_behind``, read before the boxes were dropped."""
    seen: set[int] = set()
    while candidates:
        element, container = candidates.pop()
        if id(element) in seen or element.getparent() is None or _is_root_block(element):
            continue
        seen.add(id(element))
        if _label_text(element) is None and any(piece.strip() for piece in element.itertext()):
            continue  # running text: content, not a label
        if container:  # the container went as a whole: its heading and its parent may be labels too
            previous, parent = _previous_with_text(element), element.getparent()
            if previous is not None:
                candidates.append((previous, False))
            candidates.append((parent, True))
        _drop(element)


def _is_root_block(element: etree._Element) -> bool:
    """Whether an element holds the page's text as a whole (never dropped as a label)."""
    return _tag(element) in ("html", "body", "main", "article")


def _kicker(headline: etree._Element) -> etree._Element | None:
    """The section label shown just above the headline ("FotoBisnis", "SELEBRITI"): the
    headline's previous sibling when it is a heading or a link of a few words."""
    previous = headline.getprevious()
    if previous is None or previous.tail and previous.tail.strip():
        return None
    tag = _tag(previous)
    if tag not in _HEADINGS and tag != "a":
        return None
    text = _label_text(previous)
    return previous if text is not None and len(text.split()) <= _KICKER_WORDS else None


def _furniture_kind(
    element: etree._Element, tag: str, text: int, linked: int, links: int, related: list[RelatedLink]
) -> str | None:
    """_BOX, _NAV or _STAMP when the element is furniture, else None."""
    if element.getparent() is None or tag in ("html", "body"):
        return None
    if tag in _LIST_TAGS and links >= _MIN_LIST_LINKS and linked >= _LIST_LINK_SHARE * text:
        if _introduces_related(element):
            for anchor in element.iter("a"):
                label = _fold(anchor.text_content())
                if len(label.split()) >= 3:
                    related.append(RelatedLink(title=label, url=(anchor.get("href") or "").strip() or None))
        return _BOX
    if 0 < text <= _SHORT_ELEMENT:
        shown = _fold(element.text_content())
        if _is_stamp(shown) or _CREDIT.match(shown) or byline_authors(shown) is not None:
            return _STAMP
        if _is_link_label(tag, shown, linked, links, text):
            return _NAV  # a few linked words: navigation ("Index »", a breadcrumb, a box's title)
    if tag == "form" and text <= _SHORT_ELEMENT:
        return _BOX  # a rating, vote, search or newsletter form: the labels around it go with it
    return None


def _is_link_label(tag: str, shown: str, linked: int, links: int, text: int) -> bool:
    """A block (not a paragraph) of a few words, no sentence, mostly links or several of them."""
    if not links or tag not in _CONTAINER_TAGS or len(shown) > _LABEL_CHARS or not _is_label(shown):
        return False
    return (links >= 2 or 2 * linked >= text) and related_title(shown) is None


def _is_label(text: str) -> bool:
    return bool(text) and len(text.split()) <= _LABEL_WORDS and text[-1] not in _SENTENCE_END


_STAMP_REST = re.compile(r"^[\W\d]*(?:wib|wita|wit|utc|gmt)?[\W\d]*$", re.IGNORECASE)
_WEEKDAYS = re.compile(
    r"\b(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b,?",
    re.IGNORECASE,
)


_INLINE_TAGS = frozenset(
    "a abbr b bdi bdo big cite code data del dfn em font i img ins kbd mark q s samp small span strike strong "
    "sub sup time tt u var wbr br".split()
)
_LOOSE_CONTAINERS = ("div", "section", "article", "main", "td", "blockquote")
_MIN_LOOSE_WORDS = 8  # shorter loose text is a label or a stray mark, left as it was


def _loose_words(text: str | None, inline: list[Any]) -> tuple[int, int, int]:
    """(words outside links, words inside links, links) of a run of loose text."""
    total = len((text or "").split())
    linked = links = 0
    for element in inline:
        if isinstance(element.tag, str):
            total += len(element.text_content().split())
            anchors = [element] if _tag(element) == "a" else list(element.iter("a"))
            links += len(anchors)
            linked += sum(len(a.text_content().split()) for a in anchors)
        total += len((element.tail or "").split())
    return total - linked, linked, links


def _loose_block(text: str | None, inline: list[Any]) -> str | None:
    """What a run of loose text is: "p" (a paragraph: enough words, mostly outside links),
    "div" (a row of links, for the link-box rule to judge) or None (a stray label or mark)."""
    unlinked, linked, links = _loose_words(text, inline)
    if links >= _MIN_LIST_LINKS and linked >= unlinked:
        return "div"
    return "p" if unlinked >= _MIN_LOOSE_WORDS and unlinked > linked else None


def wrap_loose_text(tree: etree._Element) -> None:
    """Text written straight into a container that also holds paragraphs (a lead before the
    first <p>, as malformed CMS output often has it) becomes a <p> of its own, the way a
    browser shows it as a block: extractors read paragraphs and skip such text. A row of
    loose links becomes a <div>, judged as a link box like any other."""
    for container in list(tree.iter(*_LOOSE_CONTAINERS)):
        children = list(container)
        if not any(_tag(child) == "p" for child in children):
            continue
        runs: list[tuple[str | None, list[Any], Any]] = []  # (leading text, inline elements, block after)
        text, inline = container.text, []
        for child in children:
            if not isinstance(child.tag, str) or _tag(child) in _INLINE_TAGS:
                inline.append(child)
            else:
                runs.append((text, inline, child))
                text, inline = child.tail, []
        runs.append((text, inline, None))
        for leading, elements, block in runs:
            if not (leading or "").strip() and not elements:
                continue
            tag = _loose_block(leading, elements)
            if tag is None:
                continue
            wrapper = etree.Element(tag)
            wrapper.text = leading
            if block is None:
                container.append(wrapper)
            else:
                block.addprevious(wrapper)
            for element in elements:
                wrapper.append(element)  # moves the element, its tail with it
            previous = wrapper.getprevious()
            if previous is None:
                container.text = None
            else:
                previous.tail = None


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


MAX_PHOTO_WORDS = 120  # a page that calls itself a photo page and has no more text than this is one


def _extract(tree: etree._Element, url: str | None) -> str:
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=False,
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=False,
    )
    return (document.text or "") if document is not None else ""


def _body_lines(text: str) -> str:
    """The extracted text one block per line: trafilatura writes a paragraph per line, but its
    fallbacks copy the page's own line breaks and indentation, blank lines included."""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


_MIN_CAPTION_WORDS = 3  # a figure's text shorter than this is a counter or a credit, no caption


def _caption_of(figure: etree._Element) -> str | None:
    """A figure's caption: its <figcaption>, or without one the figure's own text."""
    caption = next(figure.iter("figcaption"), None)
    text = _fold((caption if caption is not None else figure).text_content())
    return text if len(text.split()) >= _MIN_CAPTION_WORDS else None


def figure_captions(tree: etree._Element) -> list[str]:
    """The captions of the figures left on the page (link boxes pruned), in order."""
    return [caption for figure in tree.iter("figure") if (caption := _caption_of(figure))]


def _captions_are_the_body(captions: list[str], text: str, hinted: bool) -> bool:
    """Whether the figures' captions are what the page has to say: they hold at least as many
    words as the rest of its text, or the page calls itself a photo page or gallery and has
    little other text."""
    folded = _fold(text)
    for caption in captions:
        folded = folded.replace(caption, " ")
    rest = len(folded.split())
    return sum(len(c.split()) for c in captions) >= rest or (hinted and rest <= MAX_PHOTO_WORDS)


def _figures_to_paragraphs(tree: etree._Element) -> None:
    """Each captioned figure becomes a paragraph of its caption (extractors drop figures)."""
    for figure in list(tree.iter("figure")):
        parent = figure.getparent()
        caption = _caption_of(figure)
        if caption is None or parent is None:
            continue
        paragraph = etree.Element("p")
        paragraph.text = caption
        paragraph.tail = figure.tail
        parent.replace(figure, paragraph)


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
    wrap_loose_text(tree)
    _prune(tree, headline, result.related)
    hinted = photo_hint(url or page_url, raw_title, blocks) or photo_hint(None, title, [])
    captions = figure_captions(tree)
    # Captions may be the body: on a page that says it is a photo page, or with several figures.
    # The extractor prunes the tree it is given, so the figures are kept aside in a copy.
    with_figures = copy.deepcopy(tree) if captions and (hinted or len(captions) > 1) else None
    text = _body_lines(_extract(tree, url))
    if not text:
        # Extractors look for an article inside a page; a bare fragment already is the article.
        result.text = fragment_text(page) if is_fragment else ""
        if is_fragment:
            return result
    else:
        result.text = text
    if with_figures is not None and _captions_are_the_body(captions, result.text, hinted):
        _figures_to_paragraphs(with_figures)
        result.text = _body_lines(_extract(with_figures, url)) or result.text
        result.kind = GALLERY if len(captions) > 1 else PHOTO
    elif hinted and 0 < len(result.text.split()) <= MAX_PHOTO_WORDS:
        result.kind = PHOTO
    if not is_fragment:
        result.index_reason = _index_reason(headline_links, metas, blocks, result.text)
    return result
