"""A folder of broken files next to good ones: each broken one is named in one line, the
good ones are stored, and what the database held before is all still there."""

import gzip
import io
import json

from warcio.warcwriter import WARCWriter

from warta.pipeline import ingest_dicts, ingest_paths
from warta.store import Store

GOOD = (
    "Pemerintah kota mengumumkan jadwal baru angkutan umum yang berlaku mulai pekan depan. "
    "Kepala dinas perhubungan mengatakan perubahan itu untuk mengurangi kepadatan pada jam sibuk."
)


def _warc_bytes() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    page = f"<html><head><title>Jadwal</title></head><body><article><p>{GOOD}</p><p>{GOOD}</p></article></body></html>"
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    for n in range(3):
        record = writer.create_warc_record(
            f"https://kota.example.id/berita/{n}", "response", payload=io.BytesIO(page.encode()), http_headers=headers
        )
        writer.write_record(record)
    return out.getvalue()


def test_broken_files_are_reported_one_line_each_and_nothing_stored_is_lost(tmp_path):
    store = Store(tmp_path / "w.db")
    before = ingest_dicts([{"id": "lama", "outlet": "Kabar", "published": "2024-01-01", "text": GOOD}], store)
    assert before.stored == 1

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "kosong.txt").write_bytes(b"")
    (folder / "biner.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "latin.txt").write_bytes(("Caf\xe9 " + GOOD).encode("cp1252"))
    (folder / "rusak.jsonl").write_text(
        json.dumps({"id": "baik-1", "text": GOOD + " Satu."}) + "\n{oops\n" + json.dumps({"id": "baik-2", "text": GOOD + " Dua."}) + "\n",
        encoding="utf-8",
    )
    whole = gzip.compress((json.dumps({"id": "gz", "text": GOOD}) + "\n").encode() * 50)
    (folder / "potong.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    warc = _warc_bytes()
    (folder / "potong.warc.gz").write_bytes(warc[: int(len(warc) * 0.6)])
    (folder / "kosong.html").write_text("<html><body><nav>Beranda</nav></body></html>", encoding="utf-8")
    (folder / "bagus.txt").write_text("---\ntitle: Bagus\noutlet: Kabar\npublished: 2024-02-02\n---\n" + GOOD + " Tiga.\n")

    report = ingest_paths([folder], store)
    names = ["kosong.txt", "biner.txt", "latin.txt", "rusak.jsonl", "potong.jsonl.gz", "potong.warc.gz", "kosong.html"]
    for name in names:
        lines = [r for r in report.rejected if name in r]
        assert lines, f"{name} was not reported: {report.rejected}"
        assert all("\n" not in r and "Traceback" not in r for r in lines)
    assert any("rusak.jsonl:line 2" in r for r in report.rejected)
    stored_ids = set(store.article_ids())
    assert {"lama", "baik-1", "baik-2"} <= stored_ids
    assert store.count_articles() >= 4  # the old one, two good lines, the good text file (and any records read before damage)
    assert store.get_article("lama").text == GOOD
