"""Readers: every input format on small fixtures, and every kind of bad input."""

from __future__ import annotations

import gzip
import io
import json
import time
import tracemalloc
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from warta.clean import clean_document
from warta.ingest import IngestProblem, RawDocument, raw_from_dict, read_paths

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def read_all(*paths: str | Path, **kwargs: object) -> list[RawDocument | IngestProblem]:
    return list(read_paths(list(paths), **kwargs))  # type: ignore[arg-type]


def docs(items: list[RawDocument | IngestProblem]) -> list[RawDocument]:
    return [item for item in items if isinstance(item, RawDocument)]


def problems(items: list[RawDocument | IngestProblem]) -> list[IngestProblem]:
    return [item for item in items if isinstance(item, IngestProblem)]


# --- formats -------------------------------------------------------------------------------


def test_plain_text_file_gets_flag_defaults(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Warga membersihkan lumpur dari rumah mereka.\n", encoding="utf-8")
    [doc] = read_all(path, published="2024-03-10", outlet="Kabar Pesisir")
    assert isinstance(doc, RawDocument)
    assert doc.text and doc.text.startswith("Warga membersihkan")
    assert (doc.published, doc.outlet, doc.source_path, doc.locator) == ("2024-03-10", "Kabar Pesisir", str(path), None)


def test_markdown_front_matter_fields_win_over_flags() -> None:
    [doc] = read_all(FIXTURES / "article.md", published="2000-01-01", outlet="Flag Outlet")
    assert isinstance(doc, RawDocument)
    assert doc.title == "Sekolah Darurat Dibuka di Balai Desa"
    assert doc.outlet == "Kabar Pesisir"
    assert doc.published == "2024-03-07 10:15"
    assert doc.url == "https://kabarpesisir.example/sekolah-darurat"
    assert doc.authors == ["Dewi Anggraini", "Rahmat Hidayat"]
    assert doc.text is not None and "---" not in doc.text and doc.text.lstrip().startswith("# Sekolah")


def test_front_matter_without_body_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "only.md"
    path.write_text("---\ntitle: Judul\n---\n\n", encoding="utf-8")
    [problem] = read_all(path)
    assert isinstance(problem, IngestProblem) and "no article text" in problem.message


def test_seed_text_files_read_as_documents() -> None:
    items = read_all(SEEDS)
    assert len(docs(items)) == 2 and not problems(items)
    assert all(doc.text and "Kim" in doc.text for doc in docs(items))


def test_json_lines_fields() -> None:
    items = read_all(FIXTURES / "articles.jsonl", outlet="Flag Outlet")
    first, second, third = docs(items)
    assert (first.id, first.locator, first.outlet, first.language, first.authors) == (
        "a1", "line 1", "Kabar Pesisir", "id", ["Rahmat Hidayat"]
    )
    assert second.outlet == "Flag Outlet" and second.published == "Sat, 09 Mar 2024 07:30:00 +0700"
    assert third.text is None and third.html is not None and third.html.startswith("<html>")


def test_malformed_json_line_is_named_and_the_others_go_on(tmp_path: Path) -> None:
    good = (FIXTURES / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    lines = [good[0], '{"id": "broken", "text": "unterminated', good[1], "[1, 2]", '{"id": "x"}', "", good[2]]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read_all(path)
    assert [doc.id for doc in docs(items)] == ["a1", "a2", "a3"]
    found = {problem.locator: problem.message for problem in problems(items)}
    assert set(found) == {"line 2", "line 4", "line 5"}
    assert found["line 2"].startswith("not valid JSON")
    assert "expected a JSON object" in found["line 4"]
    assert "'text' or 'html'" in found["line 5"]
    assert str(problems(items)[0]) == f"{path}:line 2: {found['line 2']}"


def test_json_authors_forms() -> None:
    as_string = raw_from_dict({"text": "isi", "author": "Ani Lestari"}, "api", None)
    as_objects = raw_from_dict({"text": "isi", "authors": [{"name": "Ani"}, "Budi", "Ani"], "id": 7}, "api", None)
    assert isinstance(as_string, RawDocument) and as_string.authors == ["Ani Lestari"]
    assert isinstance(as_objects, RawDocument) and as_objects.authors == ["Ani", "Budi"] and as_objects.id == "7"


def test_json_field_of_wrong_type_is_a_problem() -> None:
    problem = raw_from_dict({"text": "isi", "title": ["not", "a", "string"]}, "api", "item 1")
    assert isinstance(problem, IngestProblem) and "'title'" in problem.message


def test_json_array_and_single_object(tmp_path: Path) -> None:
    items = read_all(FIXTURES / "array.json")
    assert [doc.title for doc in docs(items)] == ["Posko Kesehatan Dibuka", "Bantuan Tiba"]
    assert [doc.locator for doc in docs(items)] == ["item 1", "item 2"]
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"title": "T", "text": "Isi berita."}, indent=2), encoding="utf-8")
    [doc] = read_all(single)
    assert isinstance(doc, RawDocument) and doc.title == "T" and doc.locator is None


def test_json_file_holding_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "lines.json"
    path.write_text('{"text": "satu"}\n{"text": "dua"}\n', encoding="utf-8")
    assert [doc.text for doc in docs(read_all(path))] == ["satu", "dua"]


def test_stdin_json_lines_text_and_bytes() -> None:
    text_stream = io.StringIO('{"text": "dari stdin"}\nnot json\n')
    items = read_all("-", stdin=text_stream)
    assert [doc.text for doc in docs(items)] == ["dari stdin"]
    assert [(p.source_path, p.locator) for p in problems(items)] == [("-", "line 2")]
    byte_stream = io.TextIOWrapper(io.BytesIO(b'{"text": "caf\xe9"}\n{"text": "ok"}\n'), encoding="utf-8")
    items = read_all("-", stdin=byte_stream)
    assert [doc.text for doc in docs(items)] == ["ok"]
    assert "invalid UTF-8" in problems(items)[0].message and problems(items)[0].locator == "line 1"


def test_html_file_keeps_html_and_flag_date_only_without_page_date() -> None:
    [page] = read_all(FIXTURES / "portal_page.html", published="2000-01-01")
    assert isinstance(page, RawDocument) and page.html and "<article>" in page.html
    # --published is only a default: cleaning uses it when the page shows no date of its own
    assert page.published is None and page.published_default == "2000-01-01"
    assert (clean_document(page).published, clean_document(page).published_source) == ("2024-03-05T08:30:00+07:00", "metadata")
    [bare] = read_all(FIXTURES / "no_date_page.html", published="2024-03-01")
    assert isinstance(bare, RawDocument) and clean_document(bare).published == "2024-03-01"


def test_rss_feed_entries() -> None:
    items = read_all(FIXTURES / "feed.rss")
    first, second = docs(items)
    assert first.locator == "entry 1" and first.html and "<p>" in first.html
    assert first.url == "https://kabarpesisir.example/nelayan-libur"
    assert first.title == "Nelayan Libur Melaut karena Gelombang Tinggi"
    assert first.published == "Wed, 06 Mar 2024 09:15:00 +0700"
    assert first.authors == ["Dewi Anggraini"] and first.outlet == "Kabar Pesisir" and first.language == "id-ID"
    assert second.html is None and second.text and "tongkol" in second.text  # a plain summary
    [empty] = problems(items)
    assert empty.locator == "entry 3" and "no content" in empty.message


def test_atom_feed_entry() -> None:
    [entry] = read_all(FIXTURES / "feed.atom")
    assert isinstance(entry, RawDocument)
    assert entry.url == "https://harbour.example/ferries-resume"
    assert entry.published == "2024-03-08T10:00:00Z" and entry.authors == ["Tom Baker"]
    assert entry.html and "Ferry services" in entry.html


def test_not_a_feed_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<notes><note>no feed here", encoding="utf-8")
    [problem] = read_all(path)
    assert isinstance(problem, IngestProblem) and ("feed" in problem.message)


def _warc_bytes(pages: list[tuple[str, str, str | None]], *, gzip_records: bool) -> bytes:
    """A WARC with a warcinfo record, then per page a request and an HTML response."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip_records)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "warta tests"}))
    for url, html, warc_date in pages:
        request = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
        writer.write_record(request)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        warc_headers = {"WARC-Date": warc_date} if warc_date else None
        response = writer.create_warc_record(
            url, "response", payload=io.BytesIO(html.encode("utf-8")), http_headers=headers,
            warc_headers_dict=warc_headers,
        )
        writer.write_record(response)
    image_headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        "https://x.example/logo.png", "response", payload=io.BytesIO(b"\x89PNG...."), http_headers=image_headers
    ))
    return buffer.getvalue()


def _warc_pages() -> list[tuple[str, str, str | None]]:
    dated = (FIXTURES / "portal_page.html").read_text(encoding="utf-8")
    undated = (FIXTURES / "no_date_page.html").read_text(encoding="utf-8")
    return [
        ("https://wartacontoh.example/banjir", dated, "2024-03-06T01:02:03Z"),
        ("https://wartacontoh.example/garam", undated, "2024-03-07T04:05:06Z"),
    ]


@pytest.mark.parametrize("compressed", [False, True])
def test_warc_html_responses_only(tmp_path: Path, compressed: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if compressed else "crawl.warc")
    path.write_bytes(_warc_bytes(_warc_pages(), gzip_records=compressed))
    items = read_all(path)
    assert not problems(items)
    dated, undated = docs(items)
    assert dated.url == "https://wartacontoh.example/banjir" and dated.html and "Sukamaju" in dated.html
    # The capture date is kept as an upper bound only (never the publication date).
    assert undated.published_before == "2024-03-07T04:05:06Z" and undated.published is None
    assert dated.locator and dated.locator.startswith("record ")


def _second_page_offset(data: bytes) -> int:
    iterator = ArchiveIterator(io.BytesIO(data))
    offsets = [iterator.get_record_offset() for record in iterator if record.rec_type == "response"]
    return offsets[1]


@pytest.mark.parametrize("compressed", [False, True])
@pytest.mark.parametrize("into_second_page", [40, 600])  # cut in its headers / in its payload
def test_truncated_warc_yields_the_records_before_the_damage(
    tmp_path: Path, compressed: bool, into_second_page: int
) -> None:
    data = _warc_bytes(_warc_pages(), gzip_records=compressed)
    path = tmp_path / ("cut.warc.gz" if compressed else "cut.warc")
    path.write_bytes(data[: _second_page_offset(data) + into_second_page])
    items = read_all(path)
    assert [doc.url for doc in docs(items)] == ["https://wartacontoh.example/banjir"]
    [problem] = problems(items)
    assert "truncated" in problem.message and "after 1 records" in problem.message


def test_gzipped_json_lines_and_text(tmp_path: Path) -> None:
    jsonl = tmp_path / "a.jsonl.gz"
    jsonl.write_bytes(gzip.compress((FIXTURES / "articles.jsonl").read_bytes()))
    assert [doc.id for doc in docs(read_all(jsonl))] == ["a1", "a2", "a3"]
    text = tmp_path / "b.txt.gz"
    text.write_bytes(gzip.compress(b"Isi berita pendek.\n"))
    [doc] = read_all(text)
    assert isinstance(doc, RawDocument) and doc.text == "Isi berita pendek.\n"


def test_truncated_gzip_yields_records_read_before_the_damage(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"id": f"n{i}", "text": f"berita nomor {i} " * 20}) + "\n" for i in range(200))
    data = gzip.compress(lines.encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = read_all(path)
    good = docs(items)
    assert 0 < len(good) < 200 and [doc.id for doc in good] == [f"n{i}" for i in range(len(good))]
    [problem] = problems(items)
    assert f"truncated gzip stream after {len(good)} records" in problem.message


def test_gzipped_html_page(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress((FIXTURES / "portal_page.html").read_bytes()))
    [doc] = read_all(path)
    assert isinstance(doc, RawDocument) and doc.html and "Sukamaju" in doc.html


def test_truncated_gzip_single_document(tmp_path: Path) -> None:
    data = gzip.compress(("Isi berita yang cukup panjang. " * 400).encode())
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(data[: len(data) // 2])
    [problem] = read_all(path)
    assert isinstance(problem, IngestProblem) and "truncated" in problem.message


def test_json_array_too_big_is_rejected_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with open(path, "wb") as handle:
        handle.write(b"[")
        handle.truncate(51 * 1024 * 1024)
    [problem] = read_all(path)
    assert isinstance(problem, IngestProblem) and "JSON Lines" in problem.message and "too large" in problem.message


def test_not_actually_gzip(tmp_path: Path) -> None:
    path = tmp_path / "fake.jsonl.gz"
    path.write_text('{"text": "plain"}\n', encoding="utf-8")
    [problem] = read_all(path)
    assert isinstance(problem, IngestProblem) and "not a gzip file" in problem.message


# --- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["empty.txt", "empty.jsonl", "empty.html", "empty.json", "empty.rss", "empty.warc"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    [problem] = read_all(path)
    assert isinstance(problem, IngestProblem) and problem.message == "empty file"


def test_binary_junk(tmp_path: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(b"PK\x03\x04\x00\x00\x14\x00binary\x00\x01\x02")
    [problem] = read_all(path)
    assert isinstance(problem, IngestProblem) and "binary data" in problem.message


def test_invalid_utf8_names_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Awal yang baik \x81\x8d lalu rusak")
    [problem] = read_all(path)
    assert isinstance(problem, IngestProblem)
    assert problem.message.startswith("invalid UTF-8 at byte 15") and "Windows-1252" not in problem.message


def test_cp1252_text_is_reported_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes("Kafe “Sinar” menjual crème brûlée.".encode("cp1252"))
    [problem] = read_all(path)
    assert isinstance(problem, IngestProblem)
    assert problem.message.startswith("invalid UTF-8 at byte 5") and "Windows-1252" in problem.message


def test_html_declaring_its_charset_is_decoded_with_it(tmp_path: Path) -> None:
    path = tmp_path / "latin.html"
    html = '<html><head><meta charset="windows-1252"></head><body><p>Kafe “Sinar” menjual crème brûlée.</p></body></html>'
    path.write_bytes(html.encode("cp1252"))
    [doc] = read_all(path)
    assert isinstance(doc, RawDocument) and doc.html and "“Sinar”" in doc.html and "crème" in doc.html


def test_unknown_extension_and_missing_path(tmp_path: Path) -> None:
    path = tmp_path / "slides.pptx"
    path.write_bytes(b"whatever")
    [unsupported] = read_all(path)
    assert isinstance(unsupported, IngestProblem) and "unsupported file type" in unsupported.message
    [missing] = read_all(tmp_path / "nope.txt")
    assert isinstance(missing, IngestProblem) and "no such file" in missing.message


def test_directory_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text("dua", encoding="utf-8")
    (tmp_path / "1.txt").write_text("satu", encoding="utf-8")
    (tmp_path / "c.txt").write_text("tiga", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("rahasia", encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text("git", encoding="utf-8")
    assert [doc.text for doc in docs(read_all(tmp_path))] == ["satu", "dua", "tiga"]


def test_huge_single_document_is_rejected_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # 50 MB of zeros, allocated sparsely
    started = time.perf_counter()
    [problem] = read_all(path)
    assert time.perf_counter() - started < 1.0
    assert isinstance(problem, IngestProblem) and "too large" in problem.message and "50.0 MB" in problem.message


def test_huge_gzipped_document_is_rejected_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt.gz"
    with gzip.open(path, "wb", compresslevel=1) as handle:
        chunk = b"kata " * 200_000  # 1 MB
        for _ in range(25):
            handle.write(chunk)
    [problem] = read_all(path)
    assert isinstance(problem, IngestProblem) and "too large" in problem.message


def test_50_mb_json_lines_streams_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    line = json.dumps({"text": "isi berita " * 900}) + "\n"  # ~10 KB
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(line * 5200)
        handle.write(json.dumps({"text": "x" * (6 * 1024 * 1024)}) + "\n")  # one line over the limit
        handle.write('{"text": "terakhir"}\n')
    assert path.stat().st_size > 50 * 1024 * 1024
    tracemalloc.start()
    count, last, long_line = 0, None, None
    for item in read_paths([path]):
        if isinstance(item, RawDocument):
            count, last = count + 1, item.text
        else:
            long_line = item
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 5201 and last == "terakhir"
    assert long_line is not None and long_line.locator == "line 5201" and "line too long" in long_line.message
    assert peak < 20 * 1024 * 1024


def test_a_feed_title_names_an_outlet_only_when_it_names_the_entries_address(tmp_path) -> None:
    feed = tmp_path / "section.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Berita Terkini - Nasional</title>'
        "<item><title>Satu</title><link>https://www.kabarpesisir.example/a</link>"
        "<description>Nelayan di pesisir utara tidak melaut selama tiga hari.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    [entry] = docs(read_all(feed))
    assert entry.outlet is None  # a section feed's title is no outlet: the address decides when cleaning
    own = tmp_path / "own.rss"
    own.write_text(feed.read_text(encoding="utf-8").replace("Berita Terkini - Nasional", "Kabar Pesisir - Nasional"),
                   encoding="utf-8")
    [entry] = docs(read_all(own))
    assert entry.outlet == "Kabar Pesisir"
