"""WARC archives through warcio: HTML ``response`` records only; other records are skipped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from warta.ingest.html_meta import page_date
from warta.ingest.records import IngestProblem, RawDocument, ReadFailure
from warta.ingest.streams import MAX_RECORD_BYTES, STREAM_ERRORS, check_plain_size, decode_html, megabytes

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc_file(
    path: Path, source_path: str, *, published: str | None, outlet: str | None
) -> Iterator[RawDocument | IngestProblem]:
    check_plain_size(path, 1 << 62, "a WARC file")  # only the emptiness check: WARC streams
    yielded = 0
    index = 0
    with open(path, "rb") as stream:
        try:
            for record in ArchiveIterator(stream):
                index += 1
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
                if not content_type.lower().startswith(_HTML_TYPES):
                    continue
                status = record.http_headers.get_statuscode() or ""
                if not status.startswith("2"):
                    continue  # redirects and errors carry no article
                locator = f"record {index}"
                payload = record.content_stream().read(MAX_RECORD_BYTES + 1)
                if len(payload) > MAX_RECORD_BYTES:
                    yield IngestProblem(source_path, locator, f"page too large (over {megabytes(MAX_RECORD_BYTES)})")
                    continue
                try:
                    html = decode_html(payload, content_type)
                except ReadFailure as failure:
                    yield IngestProblem(source_path, locator, failure.message)
                    continue
                if not html.strip():
                    continue
                own_date = page_date(html)
                yielded += 1
                yield RawDocument(
                    source_path=source_path,
                    locator=locator,
                    html=html,
                    url=record.rec_headers.get_header("WARC-Target-URI"),
                    outlet=outlet,
                    published=None if own_date else published,
                    # The capture date bounds publication from above; cleaning uses it (marked
                    # as inferred) only when the page itself declares no date.
                    published_fallback=None if own_date else record.rec_headers.get_header("WARC-Date"),
                )
        except (ArchiveLoadFailed, *STREAM_ERRORS, ValueError) as exc:
            detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            if index == 0:
                raise ReadFailure(f"not a readable WARC file: {detail}") from None
            yield IngestProblem(
                source_path, None, f"truncated or damaged WARC after {yielded} records ({detail})"
            )
