"""WARC archives through warcio: HTML ``response`` and ``resource`` records; other records are skipped.

warcio reads a cut-off archive without complaint (a short payload, or simply no more
records), so damage is detected here: a record whose payload is shorter than its
Content-Length, a record without a type, or bytes left over that no record accounts for.
"""

from __future__ import annotations

import gzip
import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from warta.ingest.records import IngestProblem, RawDocument, ReadFailure
from warta.ingest.streams import (
    GZIP_MAGIC,
    MAX_RECORD_BYTES,
    MB,
    STREAM_ERRORS,
    BudgetReader,
    check_plain_size,
    decode_html,
    decompression_budget,
    megabytes,
)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _missing_bytes(record: Any) -> int:
    """Bytes of the record's declared length that the file did not have (after reading it)."""
    return int(getattr(record.raw_stream, "limit", 0) or 0)


def _html_document(record: Any, index: int, source_path: str, published: str | None, outlet: str | None
                   ) -> RawDocument | IngestProblem | None:
    """The document in one record, a problem with it, or None for a record without an article."""
    if record.rec_type == "resource":  # a stored file: its type is in the WARC headers, no HTTP status
        content_type = record.rec_headers.get_header("Content-Type") or ""
        status = "200"
    elif record.rec_type != "response" or record.http_headers is None:
        return None
    else:
        content_type = record.http_headers.get_header("Content-Type") or ""
        status = record.http_headers.get_statuscode() or ""
    if not content_type.lower().startswith(_HTML_TYPES) or not status.startswith("2"):
        return None  # images, scripts, redirects and errors carry no article
    locator = f"record {index}"
    payload = record.content_stream().read(MAX_RECORD_BYTES + 1)
    if len(payload) > MAX_RECORD_BYTES:
        return IngestProblem(source_path, locator, f"page too large (over {megabytes(MAX_RECORD_BYTES)})")
    if _missing_bytes(record):
        raise _Truncated()
    try:
        html = decode_html(payload, content_type)
    except ReadFailure as failure:
        return IngestProblem(source_path, locator, failure.message)
    if not html.strip():
        return None
    return RawDocument(
        source_path=source_path,
        locator=locator,
        html=html,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        outlet=outlet,
        published_default=published,
        # The capture date bounds publication from above; it is never the publication date.
        published_before=record.rec_headers.get_header("WARC-Date"),
    )


class _Truncated(Exception):
    pass


# The longest run of bytes without a newline a WARC may hold: warcio reads header lines
# whole, growing a buffer piece by piece, so an endless "line" (a decompression bomb) must
# stop well before it costs memory and time. Pages' own lines (minified HTML, inline JSON)
# stay far below it.
MAX_WARC_LINE_BYTES = 8 * MB


@contextmanager
def _open_warc(path: Path) -> Iterator[tuple[BinaryIO, BudgetReader]]:
    """The WARC's bytes (decompressed here when gzip, member after member) through a
    budget: no more than the decompression budget in all, and no line longer than a page
    (warcio reads header lines whole). warcio is given plain bytes either way."""
    raw = open(path, "rb")  # noqa: SIM115
    try:
        inner: Any = raw
        compressed = os.fstat(raw.fileno()).st_size
        if raw.read(2) == GZIP_MAGIC:
            raw.seek(0)
            inner = gzip.GzipFile(fileobj=raw, mode="rb")
            budget = decompression_budget(compressed)
        else:
            raw.seek(0)
            budget = 1 << 62
        reader = BudgetReader(inner, budget, max_run=MAX_WARC_LINE_BYTES, stop_at_damage=True)
        yield io.BufferedReader(reader), reader
    finally:
        raw.close()


def read_warc_file(
    path: Path, source_path: str, *, published: str | None, outlet: str | None
) -> Iterator[RawDocument | IngestProblem]:
    check_plain_size(path, 1 << 62, "a WARC file")  # only the emptiness check: WARC streams
    yielded, index, last = 0, 0, None
    damage: str | None = None
    with _open_warc(path) as (stream, budget):
        iterator = ArchiveIterator(stream)
        try:
            for record in iterator:
                index += 1
                last = record
                if record.rec_type is None or record.rec_headers.get_header("Content-Length") is None:
                    # every WARC record declares its length: without one, the header was cut
                    raise _Truncated()
                item = _html_document(record, index, source_path, published, outlet)
                if isinstance(item, RawDocument):
                    yielded += 1
                if item is not None:
                    yield item
            if last is not None and (_missing_bytes(last) or iterator.offset < budget.total or budget.damaged):
                raise _Truncated()
        except _Truncated:
            damage = "cut short" if index > 1 or yielded else "cut short inside the first record"
        except ReadFailure as failure:  # over a decompression or line budget
            if index == 0:
                raise
            damage = failure.message
        except (ArchiveLoadFailed, *STREAM_ERRORS, ValueError, AttributeError, TypeError, KeyError, IndexError) as exc:
            # warcio trips over malformed headers in several ways; each means a damaged file
            if index == 0 and not isinstance(exc, ArchiveLoadFailed):
                raise ReadFailure("not a readable WARC file: the first record's header is cut short or malformed") from None
            if index == 0:
                raise ReadFailure(f"not a readable WARC file: {str(exc).splitlines()[0] if str(exc) else exc!r}") from None
            damage = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if index == 0:
        raise ReadFailure("not a readable WARC file: no records")
    if damage:
        yield IngestProblem(source_path, None, f"truncated or damaged WARC after {yielded} records ({damage})")
