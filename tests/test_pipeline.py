import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from warta.pipeline import ingest_dicts, ingest_paths
from warta.store import Store

WIRE = (
    "Bank Indonesia menahan suku bunga acuan di level 6 persen dalam rapat dewan gubernur yang "
    "berakhir Rabu sore. Gubernur bank sentral mengatakan keputusan itu diambil untuk menjaga "
    "stabilitas nilai tukar rupiah di tengah ketidakpastian pasar global. Ia menambahkan bahwa "
    "inflasi diperkirakan tetap berada dalam kisaran sasaran hingga akhir tahun. Para ekonom "
    "sebelumnya memperkirakan bank sentral tidak akan mengubah kebijakan bulan ini."
)
OTHER = (
    "Tim nasional sepak bola Indonesia menang 2-1 atas Arab Saudi dalam laga kualifikasi di "
    "Jakarta. Dua gol dicetak pada babak kedua setelah tuan rumah tertinggal lebih dulu. Pelatih "
    "mengatakan para pemain tampil disiplin dan percaya diri di depan puluhan ribu penonton."
)


def _items():
    return [
        {"id": "bi-1", "url": "https://kabar.example.id/ekonomi/bi-tahan-bunga", "outlet": "Kabar",
         "title": "BI tahan bunga", "published": "2024-10-16", "language": "id", "text": WIRE},
        {"id": "bi-2", "url": "https://selat.example.id/bisnis/bi-tahan-suku-bunga", "outlet": "Selat",
         "title": "BI menahan suku bunga acuan", "published": "2024-10-16T18:00:00+07:00", "language": "id",
         "text": "JAKARTA - " + WIRE + " Rupiah menguat tipis setelah pengumuman."},
        {"id": "bi-3", "url": "https://kabar.example.id/ekonomi/bi-tahan-bunga?utm_source=wa#top",
         "outlet": "Kabar", "title": "BI tahan bunga", "published": "2024-10-16", "language": "id", "text": WIRE},
        {"id": "bola-1", "url": "https://kabar.example.id/bola/menang", "outlet": "Kabar",
         "title": "Indonesia menang", "published": "2024-11-19", "language": "id", "text": OTHER},
    ]


def test_duplicates_are_linked_and_every_outlet_kept(db_path):
    store = Store(db_path)
    report = ingest_dicts(_items(), store, analyse=False)
    assert (report.read, report.stored, report.duplicates, report.rejected) == (4, 4, 2, [])
    near, exact = store.get_article("bi-2"), store.get_article("bi-3")
    assert near.duplicate_of == "bi-1" and exact.duplicate_of == "bi-1"
    assert store.get_article("bola-1").duplicate_of is None
    outlets = sorted(s["outlet"] for s in store.article_sources("bi-1"))
    assert outlets == ["Kabar", "Kabar", "Selat"]
    assert store.count_articles() == 4  # nothing dropped


def test_reingest_is_idempotent(db_path):
    store = Store(db_path)
    ingest_dicts(_items(), store, analyse=False)
    again = ingest_dicts(_items(), store, analyse=False)
    assert (again.stored, again.unchanged, again.duplicates) == (0, 4, 0)
    assert store.count_articles() == 4
    assert store.db.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 4


def test_changed_text_under_the_same_id_replaces_the_article(db_path):
    store = Store(db_path)
    ingest_dicts(_items()[:1], store, analyse=False)
    changed = dict(_items()[0], text=OTHER.replace("Arab Saudi", "Vietnam"))
    report = ingest_dicts([changed], store, analyse=False)
    assert report.stored == 1 and store.count_articles() == 1
    assert "Vietnam" in store.get_article("bi-1").text
    assert store.search("Vietnam")[0]["id"] == "bi-1"


def test_bad_line_is_reported_and_the_rest_goes_on(tmp_path, db_path):
    feed = tmp_path / "feed.jsonl"
    lines = [json.dumps(_items()[0]), "{not json", json.dumps(_items()[3])]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = Store(db_path)
    report = ingest_paths([feed], store, analyse=False)
    assert report.stored == 2
    assert len(report.rejected) == 1 and "line 2" in report.rejected[0] and "feed.jsonl" in report.rejected[0]


def test_text_file_without_url_gets_a_stable_id(tmp_path, db_path):
    page = tmp_path / "a.txt"
    page.write_text("---\ntitle: Uji\noutlet: Kabar\npublished: 2024-10-16\n---\n" + WIRE + "\n", encoding="utf-8")
    store = Store(db_path)
    first = ingest_paths([page], store, analyse=False).article_ids
    second = ingest_paths([page], store, analyse=False)
    assert second.article_ids == first and second.unchanged == 1


_KILLABLE = """
import sys
from warta.pipeline import ingest_paths
from warta.store import Store
ingest_paths([sys.argv[1]], Store(sys.argv[2]), batch_size=40)
"""


def _corpus(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            words = " ".join(f"kata{(i * 7 + j) % 9973}" for j in range(60))
            text = f"Laporan nomor {i} dari Jakarta. Pejabat mengatakan {words}. Warga menunggu kabar {i}."
            out.write(json.dumps({"id": f"n{i}", "outlet": "Uji", "published": "2024-01-02", "text": text}) + "\n")


def test_ingest_killed_mid_batch_loses_and_doubles_nothing(tmp_path):
    corpus, db = tmp_path / "many.jsonl", tmp_path / "kill.db"
    n = 600
    _corpus(corpus, n)
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1] / "src"))
    proc = subprocess.Popen([sys.executable, "-c", _KILLABLE, str(corpus), str(db)], env=env)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            with sqlite3.connect(db, timeout=1) as conn:
                stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.Error:
            continue
        if stored >= 40:
            break
    assert proc.poll() is None, "the ingest finished before it could be killed; make the corpus larger"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < stored < n
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        partial = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert partial % 40 == 0  # whole batches only
    store = Store(db)
    report = ingest_paths([corpus], store)
    assert report.unchanged == partial and report.stored == n - partial
    assert store.count_articles() == n
    ids = [r[0] for r in store.db.execute("SELECT id FROM articles")]
    assert len(ids) == len(set(ids)) == n
    assert store.db.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == n
    assert store.db.execute("SELECT count(*) FROM story_articles").fetchone()[0] == n


def test_a_long_lived_ingestor_sees_what_another_writer_stored(db_path):
    from warta.pipeline import Ingestor

    server_store = Store(db_path)
    ingestor = Ingestor(server_store, analyse=False)
    ingest_dicts([_items()[3]], server_store, ingestor=ingestor)
    # Another process (here: another connection) stores the wire story meanwhile.
    other = Store(db_path)
    ingest_dicts([_items()[0]], other, analyse=False)
    other.close()
    # The server's ingestor must notice, and link the syndicated copy to it.
    report = ingest_dicts([_items()[1]], server_store, ingestor=ingestor)
    assert report.duplicates == 1
    assert server_store.get_article("bi-2").duplicate_of == "bi-1"
