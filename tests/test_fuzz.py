"""Fuzzing with a small fixed budget: every reader and ``analyze`` take whatever they are
given without an exception escaping (bench/fuzz.py runs the same properties longer)."""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warta.ingest import IngestProblem, RawDocument, read_paths

# A fixed, small budget in the suite; bench/fuzz.py raises it (and lets the seed vary).
_EXAMPLES = int(os.environ.get("WARTA_FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=_EXAMPLES,
    deadline=None,
    derandomize="WARTA_FUZZ_EXAMPLES" not in os.environ,
    suppress_health_check=list(HealthCheck),
    database=None,
)
SUFFIXES = [".txt", ".md", ".jsonl", ".json", ".html", ".xml", ".rss", ".warc", ".jsonl.gz", ".warc.gz"]

# Fragments that steer random bytes towards each format's parser.
_FRAGMENTS = [
    b"---\ntitle: x\n---\n", b'{"id": "a", "text": "', b'"}', b"[", b"]", b"{", b"}", b"\n", b"\x00", b"\xff\xfe",
    b"<html>", b"<p>", b"</script>", b'<script type="application/ld+json">', b"<rss><channel><item>",
    b"<description>", b"</item></channel></rss>", b"<!DOCTYPE x [<!ENTITY a 'b'>]>", b"&a;",
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 10\r\n\r\n", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
    b"\x1f\x8b", b"Banjir melanda Jakarta pada Senin (4/11/2024), kata Kepala BNPB.",
    "\u202e\u200b\x1b[31m".encode(),
]
_CONTENT = st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.binary(max_size=40)), max_size=25).map(b"".join)


def _check(items: list) -> None:
    for item in items:
        assert isinstance(item, (RawDocument, IngestProblem))
        if isinstance(item, IngestProblem):
            assert "\n" not in str(item).strip() or str(item).count("\n") == 0


@FUZZ
@given(content=_CONTENT, suffix=st.sampled_from(SUFFIXES))
def test_readers_never_raise(content: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(gzip.compress(content) if suffix.endswith(".gz") else content)
        _check(list(read_paths([path])))


@FUZZ
@given(
    objects=st.lists(
        st.dictionaries(
            st.sampled_from(["id", "url", "title", "outlet", "text", "html", "published", "authors", "language"]),
            st.one_of(st.text(max_size=60), st.integers(), st.none(), st.lists(st.text(max_size=10), max_size=3),
                      st.recursive(st.none(), lambda inner: st.lists(inner, max_size=2), max_leaves=5)),
            max_size=9,
        ),
        max_size=4,
    )
)
def test_json_lines_of_odd_objects_never_raise(objects: list) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.jsonl"
        path.write_text("".join(json.dumps(o) + "\n" for o in objects) or "\n")
        _check(list(read_paths([path])))


_WORDS = st.sampled_from(
    ["Banjir", "gempa", "Senin", "kemarin", "3", "Maret", "2024", "pukul", "10.00", "WIB", "kata", "Joko", '"',
     "“", "”", ",", ".", ";", "\n", "\n\n", "akan", "diperkirakan", "Rp", "1,2", "triliun", "orang", "di", "Jakarta",
     "menurut", "BNPB", "(4/11/2024)", "tewas", "\u200b", "\x00", "-", "besok", "lalu", "pekan", "depan"]
)


@FUZZ
@given(words=st.lists(st.one_of(_WORDS, st.text(max_size=8)), min_size=1, max_size=80),
       published=st.sampled_from([None, "2024-03-05", "2024-02-29T23:00:00+07:00", "bukan tanggal"]))
def test_analyze_never_raises_and_offsets_hold(words: list[str], published: str | None) -> None:
    from warta.analyze import analyze
    from warta.model import Article
    from warta.sanitize import clean_body

    text = clean_body(" ".join(words))
    if not text.strip():
        return
    result = analyze(Article(id="f", text=text, published=published))
    for timex in result.timexes:
        assert result.text[timex.start : timex.end] == timex.text
    for quantity in result.quantities:
        assert 0 <= quantity.start <= quantity.end <= len(result.text)
