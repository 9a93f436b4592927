"""RSS and Atom feeds through feedparser: one document per entry."""

from __future__ import annotations

import calendar
import html as html_lib
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import feedparser

from warta.ingest.records import IngestProblem, RawDocument, ReadFailure
from warta.ingest.streams import MAX_DOCUMENT_BYTES, check_plain_size, open_binary, read_bounded

_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")
_TAG = re.compile(r"<[A-Za-z/!]")  # feeds label plain summaries text/html too


def _entry_body(entry: Any) -> tuple[str | None, str | None]:
    """(text, html) of an entry: its full content if present, else its summary."""
    for part in list(entry.get("content") or []) + [entry.get("summary_detail")]:
        if not part:
            continue
        value = (part.get("value") or "").strip()
        if not value:
            continue
        if (part.get("type") or "").lower() in _HTML_TYPES and _TAG.search(value):
            return None, value
        return html_lib.unescape(value), None  # a plain text may still carry entities ("&amp;")
    summary = (entry.get("summary") or "").strip()
    return (html_lib.unescape(summary), None) if summary else (None, None)


def _entry_date(entry: Any) -> str | None:
    """The entry's date as written when it parses, else feedparser's UTC reading of it."""
    from warta.clean.dates import normalize_date  # late import: clean depends on ingest

    for key in ("published", "updated", "created"):
        written = entry.get(key)
        if not written:
            continue
        if normalize_date(written):
            return written
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), UTC).isoformat()
        return written
    return None


def _entry_authors(entry: Any) -> list[str]:
    names: list[str] = []
    for author in entry.get("authors") or []:
        name = (author.get("name") or "").strip()
        if name and name not in names:
            names.append(name)
    if not names and (entry.get("author") or "").strip():
        names.append(entry["author"].strip())
    return names


def _entry_source(entry: Any) -> str | None:
    """The outlet an aggregator's entry comes from (RSS <source>, Atom <source><title>)."""
    source = entry.get("source") or {}
    return (source.get("title") or "").strip() or None


def _feed_outlet(feed_title: str | None, link: str | None) -> str | None:
    """The part of a feed's title that names the outlet of its entries' address ("Kabar
    Pesisir" for kabarpesisir.example, "Kompas.com" of "Kompas.com - Nasional"); None when the
    title names something else (an aggregator, a section), and the address decides."""
    if not feed_title:
        return None
    if not link:
        return feed_title
    from warta.clean.outlets import domain_label

    label = domain_label(link)
    if not label:
        return None
    for part in re.split(r"\s+[-|:–—]\s+|:\s+", feed_title):
        if label in re.sub(r"[^a-z0-9]", "", part.lower()):
            return part.strip()
    return None


def _entry_language(entry: Any) -> str | None:
    """The entry's own language (Atom xml:lang on its content or summary)."""
    for part in list(entry.get("content") or []) + [entry.get("summary_detail"), entry.get("title_detail")]:
        if part and (part.get("language") or "").strip():
            return part["language"].strip()
    return None


def read_feed_file(
    path: Path, source_path: str, *, published: str | None, outlet: str | None
) -> Iterator[RawDocument | IngestProblem]:
    check_plain_size(path, MAX_DOCUMENT_BYTES, "one feed")
    with open_binary(path) as stream:
        data = read_bounded(stream, MAX_DOCUMENT_BYTES, "one feed")
    if b"\x00" in data[:65536]:
        raise ReadFailure("binary data (NUL bytes); not a feed")
    feed = feedparser.parse(data)
    if not feed.entries:
        if feed.get("bozo"):
            reason = str(feed.get("bozo_exception") or "unreadable XML").splitlines()[0]
            raise ReadFailure(f"not a valid RSS or Atom feed: {reason}")
        raise ReadFailure("feed has no entries")
    feed_title = (feed.feed.get("title") or "").strip() or None
    for index, entry in enumerate(feed.entries, start=1):
        locator = f"entry {index}"
        text, html = _entry_body(entry)
        if not text and not html:
            yield IngestProblem(source_path, locator, "entry has no content or summary")
            continue
        yield RawDocument(
            source_path=source_path,
            locator=locator,
            text=text,
            html=html,
            url=(entry.get("link") or "").strip() or None,
            # A feed's own title ("Kompas.com - Nasional") names no outlet: the entry's
            # <source>, the caller's --outlet, else the outlet of the entry's address (found
            # when cleaning); the title only for an entry with no address at all.
            outlet=_entry_source(entry) or outlet or _feed_outlet(feed_title, entry.get("link")),
            title=(entry.get("title") or "").strip() or None,
            published=_entry_date(entry) or published,
            language=_entry_language(entry) or (feed.feed.get("language") or "").strip() or None,
            authors=_entry_authors(entry),
        )
