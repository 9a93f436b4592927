"""Bounded resources: every refusal is one line naming the file and the limit, the rest of
the batch goes on, nothing stored is lost (issue 22)."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from warta.ingest import IngestProblem, RawDocument, read_paths
from warta.ingest.streams import MAX_JSON_DEPTH
from warta.pipeline import ingest_paths
from warta.store import Store

WARTA = [str(Path(sys.executable).parent / "warta")]
GOOD = {"id": "good", "title": "Banjir", "text": "Banjir melanda tiga desa di Kabupaten Sukamaju pada Senin."}


def _items(path: Path) -> list[RawDocument | IngestProblem]:
    return list(read_paths([path]))


def _problems(items: list) -> list[str]:
    return [str(i) for i in items if isinstance(i, IngestProblem)]


def test_deeply_nested_jsonl_line_is_one_problem_and_the_rest_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    deep = '{"id": "x", "text": "t", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}"
    path.write_text(json.dumps(GOOD) + "\n" + deep + "\n" + json.dumps(dict(GOOD, id="good2")) + "\n")
    items = _items(path)
    assert [i.id for i in items if isinstance(i, RawDocument)] == ["good", "good2"]
    (problem,) = _problems(items)
    assert "line 2" in problem and f"nested too deeply (the limit is {MAX_JSON_DEPTH} levels)" in problem


def test_deeply_nested_json_file_and_json_ld_block(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 50_000 + "]" * 50_000)
    (problem,) = _problems(_items(path))
    assert "deep.json" in problem and "nested too deeply" in problem
    page = tmp_path / "deep.html"
    block = '{"a": ' * 5000 + "1" + "}" * 5000
    page.write_text(
        f'<html><head><title>Banjir</title><script type="application/ld+json">{block}</script></head>'
        "<body><article><h1>Banjir Sukamaju</h1><p>" + "Banjir melanda tiga desa di Sukamaju pada Senin. " * 20
        + "</p></article></body></html>"
    )
    store = Store(tmp_path / "d.db")
    report = ingest_paths([page, tmp_path / "deep.json"], store)
    assert report.stored == 1 and len(report.rejected) == 1


def test_large_json_file_is_refused_with_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import warta.ingest.json_records as records

    monkeypatch.setattr(records, "MAX_JSON_BYTES", 1000)
    path = tmp_path / "big.json"
    path.write_text(json.dumps([dict(GOOD, id=f"g{n}") for n in range(50)]))
    (problem,) = _problems(_items(path))
    assert "big.json" in problem and "file too large" in problem and "JSON Lines" in problem


def test_over_long_article_text_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import warta.ingest.streams as streams

    monkeypatch.setattr(streams, "MAX_ARTICLE_CHARS", 10_000)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "long.txt").write_text("kata " * 5000)
    (tmp_path / "in" / "ok.txt").write_text(GOOD["text"])
    report = ingest_paths([tmp_path / "in"], Store(tmp_path / "l.db"))
    assert report.stored == 1
    (line,) = report.rejected
    assert "long.txt" in line and "article too large" in line and "WARTA_MAX_ARTICLE_MB" in line


def test_gzip_bomb_stops_at_the_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import warta.ingest.streams as streams

    monkeypatch.setattr(streams, "MAX_DECOMPRESSED_BYTES", 8 * 1024 * 1024)
    monkeypatch.setattr(streams, "MAX_DOCUMENT_BYTES", 1024 * 1024)
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=9) as out:
        out.write((json.dumps(GOOD) + "\n").encode())
        for _ in range(64):
            out.write(b" " * (1024 * 1024) + b"\n")
    items = _items(path)
    assert [i.id for i in items if isinstance(i, RawDocument)] == ["good"]
    (problem,) = _problems(items)
    assert "bomb.jsonl.gz" in problem and "decompression bomb" in problem


def _warc_header(length: int) -> bytes:
    return (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.com/a\r\n"
        f"WARC-Date: 2024-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {length}\r\n\r\n"
    ).encode()


def test_warc_bomb_of_one_endless_line_stays_small_in_memory(tmp_path: Path) -> None:
    """A 4 MB .warc.gz once took 4.1 GB: warcio read a header line of gigabytes whole."""
    path = tmp_path / "bomb.warc.gz"
    with gzip.open(path, "wb", compresslevel=9) as out:
        out.write(b"WARC/1.0\r\nWARC-Type: response\r\nX-Long: ")
        chunk = b"a" * (1024 * 1024)
        for _ in range(400):
            out.write(chunk)
    code = (
        "import sys; from warta.ingest import read_paths; "
        "items = list(read_paths([sys.argv[1]])); print(len(items), items[-1]); "
        # VmHWM, the peak of this process's own memory (ru_maxrss would carry over the
        # parent's size at fork, which is pytest's)
        "print([l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0])"
    )
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    first, rss = done.stdout.strip().splitlines()
    assert first.startswith("1 ") and "bomb.warc.gz" in first
    assert int(rss) < 450 * 1024, f"max RSS {int(rss) // 1024} MB"  # kilobytes on Linux; it was 4.1 GB


def test_warc_cut_inside_its_first_header_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    path = tmp_path / "in" / "cut.warc"
    path.write_bytes(_warc_header(500)[:40])
    (tmp_path / "in" / "ok.txt").write_text(GOOD["text"])
    done = subprocess.run([*WARTA, "ingest", str(tmp_path / "in"), "--db", str(tmp_path / "c.db")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    (line,) = [x for x in done.stderr.splitlines() if x.strip()]
    assert line.startswith("rejected: ") and "cut.warc" in line
    assert "stored 1" in done.stdout


def test_symlink_loop_and_unreadable_folder_are_one_line_each(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text(GOOD["text"])
    os.symlink(root, root / "sub" / "loop")
    locked = root / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(GOOD["text"] + " Lagi.")
    locked.chmod(0)
    try:
        items = _items(root)
    finally:
        locked.chmod(0o755)
    problems = _problems(items)
    read = [i.source_path for i in items if isinstance(i, RawDocument)]
    assert any(p.endswith("sub/a.txt") for p in read)
    assert any("loop" in p and "symbolic link loop" in p for p in problems)
    if os.geteuid() != 0:  # root reads any folder
        assert any("locked" in p and "cannot read folder" in p for p in problems)


def test_analyze_with_a_read_only_database_is_not_needed_but_ingest_reports_one_line(tmp_path: Path) -> None:
    db = tmp_path / "ro.db"
    Store(db).close()
    os.chmod(db, 0o444)
    code = (
        "import sqlite3, sys\n"
        "from warta.store import Store\n"
        "from warta.errors import StoreError\n"
        "s = Store(sys.argv[1])\n"
        "s.db.execute('PRAGMA query_only=1')\n"  # what a read-only file does, even for root
        "from warta.pipeline import ingest_dicts\n"
        "try:\n"
        "    ingest_dicts([{'id': 'x', 'text': 'Banjir di desa.'}], s)\n"
        "except StoreError as e:\n"
        "    print('ERR', e)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.stdout.startswith("ERR") and "read-only" in done.stdout


def test_feed_entities_are_never_expanded(tmp_path: Path) -> None:
    """feedparser leaves internal entities unexpanded and never fetches external ones, so
    neither a billion laughs nor an external entity costs or leaks anything."""
    laughs = '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol "lollollollollollollollollollol">\n'
    for i in range(1, 10):
        previous = "lol" if i == 1 else f"lol{i - 1}"
        laughs += f'<!ENTITY lol{i} "' + f"&{previous};" * 10 + '">\n'
    laughs += '<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n'
    laughs += (
        '<rss version="2.0"><channel><title>t</title><item><title>&lol9; &xxe;</title>'
        "<description>Banjir melanda desa pada Senin.</description></item></channel></rss>\n"
    )
    path = tmp_path / "laughs.xml"
    path.write_text(laughs)
    (doc,) = _items(path)
    assert isinstance(doc, RawDocument)
    assert len(doc.title or "") < 100 and "root:" not in (doc.title or "")
