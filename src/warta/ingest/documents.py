"""Single-document files: plain text / Markdown (with optional front matter) and HTML pages."""

from __future__ import annotations

import re
from pathlib import Path

from warta.ingest.records import RawDocument, ReadFailure
from warta.ingest.streams import (
    MAX_DOCUMENT_BYTES,
    check_plain_size,
    decode_html,
    decode_text,
    open_binary,
    read_bounded,
)

# Front matter: a block at the very top between two "---" lines, "key: value" per line.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FIELD = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
_KNOWN_FIELDS = {"title", "outlet", "published", "url", "id", "language", "author", "authors", "date", "source"}
_ALIASES = {"date": "published", "source": "outlet", "author": "authors"}


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _split_authors(value: str) -> list[str]:
    value = value.strip().strip("[]")
    return [name for part in re.split(r"\s*[,;]\s*|\s+and\s+|\s+dan\s+", value) if (name := _unquote(part.strip()))]


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """(fields, body). Without front matter, ({}, text). Unknown keys are ignored."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields: dict[str, str] = {}
    for line in match.group(1).splitlines():
        field_match = _FIELD.match(line)
        if not field_match:
            continue
        key = field_match.group(1).lower()
        if key not in _KNOWN_FIELDS:
            continue
        key = _ALIASES.get(key, key)
        value = _unquote(field_match.group(2))
        if value and key not in fields:
            fields[key] = value
    return fields, text[match.end() :]


def read_text_file(path: Path, source_path: str, *, published: str | None, outlet: str | None) -> RawDocument:
    check_plain_size(path, MAX_DOCUMENT_BYTES, "one text document")
    with open_binary(path) as stream:
        data = read_bounded(stream, MAX_DOCUMENT_BYTES, "one text document")
    fields, body = split_front_matter(decode_text(data))
    if not body.strip():
        raise ReadFailure("no article text (only front matter)" if fields else "empty file")
    return RawDocument(
        source_path=source_path,
        locator=None,
        text=body,
        id=fields.get("id"),
        url=fields.get("url"),
        outlet=fields.get("outlet") or outlet,
        title=fields.get("title"),
        published=fields.get("published") or published,
        language=fields.get("language"),
        authors=_split_authors(fields["authors"]) if "authors" in fields else [],
    )


def read_html_file(path: Path, source_path: str, *, published: str | None, outlet: str | None) -> RawDocument:
    check_plain_size(path, MAX_DOCUMENT_BYTES, "one HTML page")
    with open_binary(path) as stream:
        data = read_bounded(stream, MAX_DOCUMENT_BYTES, "one HTML page")
    html = decode_html(data)
    if not re.search(r"<[A-Za-z!/]", html[:65536]):
        raise ReadFailure("not HTML (no tags found)")
    if _FEED_START.match(html[:4096]):
        raise NotAPage("an RSS or Atom feed saved as a page, not an article (name it .xml to read its entries)")
    # A --published date applies only when the page shows none of its own.
    return RawDocument(source_path=source_path, locator=None, html=html, outlet=outlet, published_default=published)


# A feed document: after an XML declaration, processing instructions, comments and a doctype.
_FEED_START = re.compile(r"\A\ufeff?\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*){0,8}<(?:rss|feed|rdf:RDF)\b",
                         re.IGNORECASE | re.DOTALL)


class NotAPage(ReadFailure):
    """A file that is readable but is no article page: skipped, not rejected."""
