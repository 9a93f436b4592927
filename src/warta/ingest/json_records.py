"""JSON Lines (streamed, any size) and JSON files (one object, an array, or JSON Lines)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from warta.ingest.records import IngestProblem, RawDocument, ReadFailure
from warta.ingest.streams import (
    MAX_JSON_BYTES,
    MAX_LINE_BYTES,
    STREAM_ERRORS,
    check_plain_size,
    decode_text,
    is_gzip_path,
    iter_lines,
    loads_bounded,
    megabytes,
    open_binary,
    read_bounded,
)

_STRING_FIELDS = ("id", "url", "outlet", "title", "published", "language", "text", "html")


def _json_error(exc: json.JSONDecodeError) -> str:
    return f"not valid JSON: {exc.msg} (column {exc.colno})"


def _as_string(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ReadFailure(f"field '{key}' must be a string, not {type(value).__name__}")
    text = str(value).strip() if key not in ("text", "html") else str(value)
    return text or None


def _as_authors(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise ReadFailure("field 'authors' must be a list of names or a string")
    names: list[str] = []
    for item in value:
        name = item.get("name") if isinstance(item, dict) else item  # schema.org style {"name": ...}
        if not isinstance(name, str):
            raise ReadFailure("field 'authors' must be a list of names or a string")
        if name.strip() and name.strip() not in names:
            names.append(name.strip())
    return names


def raw_from_dict(
    obj: Any,
    source_path: str,
    locator: str | None,
    *,
    published: str | None = None,
    outlet: str | None = None,
) -> RawDocument | IngestProblem:
    """One JSON object as a RawDocument, or a problem saying what is wrong with it.

    Also meant for the HTTP API, which receives the same objects."""
    if not isinstance(obj, dict):
        return IngestProblem(source_path, locator, f"expected a JSON object, got {type(obj).__name__}")
    try:
        values = {key: _as_string(obj, key) for key in _STRING_FIELDS}
        authors = _as_authors(obj.get("authors", obj.get("author")))
    except ReadFailure as failure:
        return IngestProblem(source_path, locator, failure.message)
    text, html = values["text"], values["html"]
    if not (text and text.strip()) and not (html and html.strip()):
        return IngestProblem(source_path, locator, "no article text: the object needs a non-empty 'text' or 'html'")
    return RawDocument(
        source_path=source_path,
        locator=locator,
        text=text if text and text.strip() else None,
        html=html if html and html.strip() else None,
        id=values["id"],
        url=values["url"],
        outlet=values["outlet"] or outlet,
        title=values["title"],
        published=values["published"] or published,
        language=values["language"],
        authors=authors,
    )


def _parse_line(
    line: bytes | str | None, number: int, offset: int, source_path: str, published: str | None, outlet: str | None
) -> RawDocument | IngestProblem | None:
    locator = f"line {number}"
    if line is None:
        return IngestProblem(source_path, locator, f"line too long (over {megabytes(MAX_LINE_BYTES)})")
    if isinstance(line, bytes):
        try:
            line = decode_text(line, base_offset=offset)
        except ReadFailure as failure:
            return IngestProblem(source_path, locator, failure.message)
    if not line.strip():
        return None  # blank lines between records are harmless
    try:
        # Without its line break, so that an error at the end names a column of this line.
        obj = loads_bounded(line.rstrip("\r\n"))
    except json.JSONDecodeError as exc:
        return IngestProblem(source_path, locator, _json_error(exc))
    except ReadFailure as failure:
        return IngestProblem(source_path, locator, failure.message)
    return raw_from_dict(obj, source_path, locator, published=published, outlet=outlet)


def iter_json_lines(
    stream: BinaryIO, source_path: str, *, published: str | None, outlet: str | None, first_line: int = 1
) -> Iterator[RawDocument | IngestProblem]:
    number, offset, yielded = first_line - 1, 0, 0
    try:
        for line in iter_lines(stream, MAX_LINE_BYTES):
            number += 1
            item = _parse_line(line, number, offset, source_path, published, outlet)
            offset += len(line) if line is not None else 0
            if item is not None:
                yielded += 1
                yield item
    except STREAM_ERRORS:
        yield IngestProblem(source_path, None, f"truncated gzip stream after {yielded} records (line {number})")


def iter_text_lines(
    stream: TextIO, source_path: str, *, published: str | None, outlet: str | None
) -> Iterator[RawDocument | IngestProblem]:
    """JSON Lines from a text stream (stdin): bytes when it has them, so bad UTF-8 is per line."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        yield from iter_json_lines(buffer, source_path, published=published, outlet=outlet)
        return
    for number, line in enumerate(stream, start=1):
        if len(line) > MAX_LINE_BYTES:
            yield IngestProblem(source_path, f"line {number}", f"line too long (over {megabytes(MAX_LINE_BYTES)})")
            continue
        item = _parse_line(line, number, 0, source_path, published, outlet)
        if item is not None:
            yield item


def read_jsonl_file(
    path: Path, source_path: str, *, published: str | None, outlet: str | None
) -> Iterator[RawDocument | IngestProblem]:
    check_plain_size(path, 1 << 62, "a JSON Lines file")  # only the emptiness check: JSON Lines streams
    with open_binary(path) as stream:
        items = iter_json_lines(stream, source_path, published=published, outlet=outlet)
        empty = True
        for item in items:
            empty = False
            yield item
        if empty:
            yield IngestProblem(source_path, None, "empty file")


def _first_significant_byte(stream: BinaryIO) -> bytes:
    try:
        head = stream.peek(64)[:64] if hasattr(stream, "peek") else b""
    except STREAM_ERRORS:
        raise ReadFailure("truncated or damaged gzip stream") from None
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return stripped[:1]


def read_json_file(
    path: Path, source_path: str, *, published: str | None, outlet: str | None
) -> Iterator[RawDocument | IngestProblem]:
    """A .json file: an array of objects, one object (maybe pretty-printed), or JSON Lines."""
    check_plain_size(path, 1 << 62, "a JSON file")
    too_big = not is_gzip_path(path) and os.stat(path).st_size > MAX_JSON_BYTES
    with open_binary(path) as stream:
        first = _first_significant_byte(stream)
        if first not in (b"[", b"{") or (first == b"{" and too_big):
            # Not one object or array (or too big to be one): JSON Lines, which streams and
            # names the line of any problem.
            yield from read_jsonl_file(path, source_path, published=published, outlet=outlet)
            return
        if too_big:
            raise ReadFailure(
                f"file too large for one JSON array ({megabytes(os.stat(path).st_size)}; the limit is "
                f"{megabytes(MAX_JSON_BYTES)}): write it as JSON Lines, one object per line, which has no limit"
            )
        data = read_bounded(stream, MAX_JSON_BYTES, "a JSON file (use JSON Lines for larger collections)")
    text = decode_text(data)
    try:
        parsed = loads_bounded(text)
    except json.JSONDecodeError as exc:
        if first == b"{" and exc.msg == "Extra data":
            yield from read_jsonl_file(path, source_path, published=published, outlet=outlet)
            return
        raise ReadFailure(f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    if isinstance(parsed, dict):
        yield raw_from_dict(parsed, source_path, None, published=published, outlet=outlet)
        return
    if not parsed:
        raise ReadFailure("empty JSON array")
    for index, obj in enumerate(parsed, start=1):
        yield raw_from_dict(obj, source_path, f"item {index}", published=published, outlet=outlet)
