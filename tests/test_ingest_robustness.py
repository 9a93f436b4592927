"""Bad input of any shape gives problems, never tracebacks: readers and cleaning together."""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warta.clean import clean_body, clean_document
from warta.errors import InputError
from warta.ingest import IngestProblem, RawDocument, read_paths

SUFFIXES = [".txt", ".md", ".jsonl", ".json", ".html", ".rss", ".atom", ".warc", ".warc.gz", ".jsonl.gz", ".xml"]
# Bytes that look a little like our formats, so the readers get past their first checks.
FRAGMENTS = [b"{", b"}", b'"text"', b":", b"\n", b"---\n", b"<p>", b"</p>", b"<rss><channel><item>", b"WARC/1.0\r\n",
             b"\x1f\x8b", b"\xff", b"\x00", b"Baca juga: ", b"Reporter: A | Editor: B\n", b"JAKARTA (Antara) - ", b"["]


junk = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.binary(max_size=20)), max_size=30).map(b"".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=junk, suffix=st.sampled_from(SUFFIXES), compress=st.booleans())
def test_readers_and_cleaning_never_raise_on_junk(data: bytes, suffix: str, compress: bool) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"input{suffix}"
        path.write_bytes(gzip.compress(data) if compress and suffix.endswith(".gz") else data)
        for item in read_paths([path]):
            assert isinstance(item, (RawDocument, IngestProblem))
            if isinstance(item, IngestProblem):
                assert "\n" not in str(item) and str(item).startswith(str(path))
                continue
            try:
                article = clean_document(item)
            except InputError:
                continue
            assert article.text == "\n".join(article.paragraphs) and article.text.strip()


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_clean_body_paragraphs_are_trimmed_and_non_empty(text: str) -> None:
    body = clean_body(text)
    for paragraph in body.paragraphs:
        assert paragraph and paragraph == paragraph.strip() and "\n" not in paragraph
