"""Hardening: many writers on one database, the API as a public surface, hostile labels,
linear-time analysis (issue 22)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from warta.api import create_app
from warta.api.app import serve_settings
from warta.errors import ConfigError, DatabaseBusyError, QueryError
from warta.pipeline import ingest_dicts, ingest_paths
from warta.store import Store, check_query_cost

WARTA = [str(Path(sys.executable).parent / "warta")]


def _article(n: int, prefix: str) -> dict[str, str]:
    return {
        "id": f"{prefix}-{n}",
        "title": f"Berita {prefix} nomor {n}",
        "outlet": f"Outlet {prefix}",
        "published": "2024-11-04",
        "text": f"Artikel {prefix} {n}: warga desa {n * 7919} di Kabupaten {prefix.title()} mengungsi "
        f"setelah banjir pada Senin (4/11/2024), kata kepala desa {n}. Kode {prefix}{n * 104729}.",
    }


def _write_jsonl(path: Path, items: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    return path


# -- many writers, one database ------------------------------------------------------------


def test_two_cli_ingests_and_api_posts_store_every_article(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    Store(db).close()
    files = [_write_jsonl(tmp_path / f"{p}.jsonl", [_article(n, p) for n in range(40)]) for p in ("alpha", "beta")]
    env = {**os.environ, "WARTA_DB": str(db)}
    procs = [
        subprocess.Popen([*WARTA, "ingest", str(f), "--wait", "120", "--json"], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for f in files
    ]
    posted: list[int] = []
    with TestClient(create_app(db, wait=120)) as client:
        for n in range(6):
            response = client.post("/api/articles", json=_article(n, "gamma"))
            posted.append(response.status_code)
    results = [p.communicate(timeout=600) for p in procs]
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert "Traceback" not in err
        assert json.loads(out)["stored"] == 40
    assert posted == [201] * 6
    with Store(db) as store:
        ids = set(store.article_ids())
        assert {f"alpha-{n}" for n in range(40)} <= ids
        assert {f"beta-{n}" for n in range(40)} <= ids
        assert {f"gamma-{n}" for n in range(6)} <= ids
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _hold_write_lock(db: Path) -> sqlite3.Connection:
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    return holder


def test_a_writer_waits_a_bounded_time_then_gives_up_cleanly(tmp_path: Path) -> None:
    db = tmp_path / "busy.db"
    Store(db).close()
    holder = _hold_write_lock(db)
    try:
        store = Store(db, wait=0.3)
        started = time.monotonic()
        with pytest.raises(DatabaseBusyError, match="database busy: another ingest is writing busy.db"):
            ingest_dicts([_article(1, "x")], store)
        assert time.monotonic() - started < 10
        assert store.count_articles() == 0
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    report = ingest_dicts([_article(1, "x")], store)  # the lock is free: it goes through whole
    assert report.stored == 1 and store.count_articles() == 1


def test_a_writer_retries_while_the_lock_is_held_briefly(tmp_path: Path) -> None:
    db = tmp_path / "brief.db"
    Store(db).close()
    holder = _hold_write_lock(db)
    threading.Timer(0.5, lambda: (holder.execute("ROLLBACK"), holder.close())).start()
    store = Store(db, wait=20)
    report = ingest_dicts([_article(n, "y") for n in range(3)], store)
    assert report.stored == 3 and store.count_articles() == 3


def test_cli_busy_is_one_line_and_a_nonzero_exit(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    Store(db).close()
    src = _write_jsonl(tmp_path / "a.jsonl", [_article(1, "z")])
    holder = _hold_write_lock(db)
    try:
        done = subprocess.run([*WARTA, "ingest", str(src), "--db", str(db), "--wait", "0.5"],
                              capture_output=True, text=True, timeout=120)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert done.returncode == 75
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("database busy: another ingest is writing cli.db")
    assert "--wait SECONDS" in lines[0]


def test_api_busy_is_503_with_retry_after(tmp_path: Path) -> None:
    db = tmp_path / "api.db"
    Store(db).close()
    with TestClient(create_app(db, wait=0.3)) as client:
        client.get("/healthz")
        holder = _hold_write_lock(db)
        try:
            response = client.post("/api/articles", json=_article(1, "q"))
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert response.status_code == 503
        assert response.headers["retry-after"].isdigit()
        assert "database busy" in response.json()["detail"]
        assert client.post("/api/articles", json=_article(1, "q")).status_code == 201


def test_read_only_database_is_one_line(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root ignores file permissions")
    db = tmp_path / "ro.db"
    Store(db).close()
    db.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        src = Path(__file__)
        done = subprocess.run([*WARTA, "ingest", str(src), "--db", str(db)], capture_output=True, text=True)
    finally:
        tmp_path.chmod(0o755)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


# -- the API as a public surface ----------------------------------------------------------


def test_serving_beyond_loopback_needs_a_token_or_read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WARTA_TOKEN", raising=False)
    with pytest.raises(ConfigError, match="without a token"):
        serve_settings("0.0.0.0", None, False, None)
    assert serve_settings("0.0.0.0", None, True, None) == (None, [])
    assert serve_settings("127.0.0.1", None, False, None) == (None, [])
    token, hosts = serve_settings("192.168.1.5", "a-long-enough-token", False, ["news.local"])
    assert token == "a-long-enough-token" and hosts == ["news.local", "192.168.1.5"]
    monkeypatch.setenv("WARTA_TOKEN", "from-the-environment-1")
    assert serve_settings("0.0.0.0", None, False, None)[0] == "from-the-environment-1"


def test_cli_serve_refuses_0000_without_a_token(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "WARTA_TOKEN"}
    done = subprocess.run([*WARTA, "serve", "--host", "0.0.0.0", "--db", str(tmp_path / "x.db")],
                          capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 2
    assert "refusing to serve on 0.0.0.0 without a token" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_writes_need_the_token_and_hosts_are_checked(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    token = "s3cret-token-of-some-length"
    with TestClient(create_app(db, token=token)) as client:
        assert client.post("/api/articles", json=_article(1, "t")).status_code == 401
        bad = client.post("/api/articles", json=_article(1, "t"), headers={"Authorization": "Bearer nope"})
        assert bad.status_code == 401
        good = client.post("/api/articles", json=_article(1, "t"), headers={"Authorization": f"Bearer {token}"})
        assert good.status_code == 201
        assert client.get("/api/articles").status_code == 200  # reads need no token
        rebound = client.get("/api/articles", headers={"Host": "evil.example:8000"})
        assert rebound.status_code == 400
        assert client.get("/api/articles", headers={"Host": "localhost:8000"}).status_code == 200
        assert client.get("/api/articles", headers={"Host": "127.0.0.1"}).status_code == 200
    with TestClient(create_app(db, read_only=True)) as client:
        assert client.post("/api/articles", json=_article(2, "t")).status_code == 403


def test_update_by_id_is_explicit_and_keeps_the_previous_version(tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    first = _article(1, "upd") | {"url": "https://example.com/a/1"}
    with TestClient(create_app(db)) as client:
        assert client.post("/api/articles", json=first).status_code == 201
        changed = dict(first, text=first["text"] + " Jumlah pengungsi bertambah menjadi 900 orang pada Selasa.")
        changed.pop("url")
        refused = client.post("/api/articles", json=changed).json()
        assert refused["stored"] == 0 and "already stored with other content" in refused["rejected"][0]
        before = client.get("/api/articles/upd-1").json()["article"]
        assert before["text"] == first["text"]
        updated = client.put("/api/articles/upd-1", json={k: v for k, v in changed.items() if k != "id"})
        assert updated.status_code == 200 and updated.json()["stored"] == 1
        now = client.get("/api/articles/upd-1").json()
        assert "900 orang" in now["article"]["text"]
        assert now["article"]["url"] == "https://example.com/a/1"  # not cleared by the update
        versions = client.get("/api/articles/upd-1/versions").json()["versions"]
        assert [v["text"] for v in versions] == [first["text"]]
        story_id = client.get("/api/stories").json()["stories"][0]["id"]
        story = client.get(f"/api/stories/{story_id}").json()
        assert any("900 orang" in json.dumps(story) for _ in [0])  # the story was rebuilt


def test_changed_reingested_file_updates_its_story(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    src = tmp_path / "a.jsonl"
    _write_jsonl(src, [_article(1, "re")])
    ingest_paths([src], store)
    (before,) = store.list_stories()
    old_json = store.get_story_json(before["id"])
    changed = dict(_article(1, "re"), title="Judul yang diperbarui")
    changed["text"] += " Pada Selasa (5/11/2024) jumlah pengungsi naik menjadi 900 orang."
    _write_jsonl(src, [changed])
    report = ingest_paths([src], store)
    assert report.stored == 1 and report.stories_updated >= 1
    (story,) = store.list_stories()
    assert story["title"] == "Judul yang diperbarui"
    assert store.get_story_json(story["id"]) != old_json
    assert len(store.article_versions("re-1")) == 1


def test_same_url_with_other_content_is_not_an_exact_duplicate(tmp_path: Path) -> None:
    store = Store(tmp_path / "u.db")
    a = _article(1, "url") | {"url": "https://example.com/news/1"}
    b = {
        "id": "other",
        "url": "https://example.com/news/1",
        "title": "Lain sama sekali",
        "text": "Tim sepak bola nasional menang tiga gol tanpa balas di stadion utama Kamis malam.",
    }
    ingest_dicts([a, b], store)
    other = store.get_article("other")
    assert other is not None and other.duplicate_of is None
    same = dict(a, id="copy")
    ingest_dicts([same], store)
    assert store.get_article("copy").duplicate_of == "url-1"


def test_costly_queries_are_refused_with_400(tmp_path: Path) -> None:
    with pytest.raises(QueryError, match="prefix terms"):
        check_query_cost(" ".join(["b*"] * 160))
    with pytest.raises(QueryError, match="too many terms"):
        check_query_cost(" ".join(f"w{n}" for n in range(40)))
    with pytest.raises(QueryError, match="too short"):
        check_query_cost("a*")
    check_query_cost('"paling cepat" OR banjir* jakarta')
    with TestClient(create_app(tmp_path / "q.db")) as client:
        response = client.get("/api/search", params={"q": " ".join(["b*"] * 160)})
        assert response.status_code in (400, 422) and "detail" in response.json()
        response = client.get("/api/search", params={"q": " ".join(["ba*"] * 20)})
        assert response.status_code == 400 and "prefix" in response.json()["detail"]


def test_ids_with_slashes_work_in_every_route(tmp_path: Path) -> None:
    db = tmp_path / "slash.db"
    src = _write_jsonl(tmp_path / "s.jsonl", [dict(_article(1, "sl"), id="kanal/2024/berita-1")])
    with Store(db) as store:
        ingest_paths([src], store)
    with TestClient(create_app(db)) as client:
        for url in ("/api/articles/kanal/2024/berita-1", "/articles/kanal/2024/berita-1",
                    "/articles/kanal%2F2024%2Fberita-1", "/articles/kanal/2024/berita-1.json",
                    "/api/articles/kanal/2024/berita-1/versions"):
            response = client.get(url)
            assert response.status_code == 200, url
    done = subprocess.run([*WARTA, "article", "kanal/2024/berita-1", "--db", str(db), "--json"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and json.loads(done.stdout)["id"] == "kanal/2024/berita-1"


# -- hostile labels ----------------------------------------------------------------------


def test_titles_outlets_authors_lose_control_bidi_and_zero_width(tmp_path: Path) -> None:
    store = Store(tmp_path / "h.db")
    hostile = {
        "id": "h\u200b1",
        "title": "Judul\x1b[31m merah\u202e kebalik\x00 \u200bnol",
        "outlet": "Out\u2066let\x07",
        "authors": ["Nama\u200d Penulis\x1b]0;x\x07"],
        "text": "Isi berita\x00 dengan\x1b[2J karakter kendali. Banjir melanda desa pada Senin.",
    }
    ingest_dicts([hostile], store)
    (article,) = store.list_articles()
    for value in (article.id, article.title, article.outlet, *article.authors, article.text):
        assert not any(ch in value for ch in "\x00\x07\x1b\u202e\u2066\u200b\u200d"), value
    assert article.title == "Judul [31m merah kebalik nol"
    done = subprocess.run([*WARTA, "article", article.id, "--db", str(store.path)],
                          capture_output=True, text=True, timeout=60)
    assert "\x1b" not in done.stdout


def test_cli_shows_control_characters_escaped(tmp_path: Path) -> None:
    from warta.sanitize import safe_line, safe_terminal

    assert safe_line("a\x1b[31mb\u202ec\nd") == "a\\x1b[31mb\\u202ec\\x0ad"
    assert safe_terminal("a\nb\x07") == "a\nb\\x07"


# -- linear time ---------------------------------------------------------------------------


def test_analysis_of_text_without_sentence_breaks_is_not_quadratic() -> None:
    from warta.analyze import analyze
    from warta.model import Article

    unit = "gempa terjadi pada Senin pagi lalu banjir melanda kemarin dan warga mengungsi pada 3 Maret 2024 "
    text = (unit * (50_000 // len(unit) + 1))[:50_000]
    started = time.monotonic()
    result = analyze(Article(id="long", text=text, published="2024-03-05"))
    elapsed = time.monotonic() - started
    assert result.events and any(e.time for e in result.events)
    assert elapsed < 30, f"50 KB took {elapsed:.1f} s"  # it was 131 s; it is about 1 s now


def test_jsonld_export_escapes_script_end() -> None:
    from warta.export import render

    hostile = "Judul </script><script>alert(1)</script> & <!--"
    story = {"id": "s1", "title": hostile, "summary": "",
             "articles": [{"id": "a1", "title": hostile, "outlet": "O", "published": "2024-01-01"}],
             "timeline": [], "conflicts": [], "entities": [], "attributions": [], "corroborations": []}
    text = render(story, "jsonld")
    assert "</" not in text and "<!--" not in text and "<" not in text
    assert "</script><script>alert(1)</script> & <!--" in json.dumps(json.loads(text), ensure_ascii=False)


def test_cli_never_prints_raw_control_characters_even_from_an_old_database(tmp_path: Path) -> None:
    from warta.model import Article

    store = Store(tmp_path / "old.db")
    raw = Article(id="old", text="Teks\x1b[2J lama\u202e.", title="Judul\x1b]0;pwn\x07", outlet="Out\x1b[5m")
    raw.content_hash = "x"
    store.insert_article(raw, canonical_url=None)
    store.close()
    for args in (["article", "old"], ["articles"], ["search", "lama"]):
        done = subprocess.run([*WARTA, *args, "--db", str(tmp_path / "old.db")],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        assert "\x1b" not in done.stdout and "\u202e" not in done.stdout and "\x07" not in done.stdout, args


@pytest.mark.parametrize(
    "unit",
    [
        'kata Joko "bahwa " ujar Sri "menurut " ',
        "Joko Widodo Sri Mulyani Jakarta Bandung Kabupaten Bogor BNPB Polri ",
        "diperkirakan akan mungkin bisa jika kalau ketika bahwa Senin depan ",
    ],
)
def test_other_shapes_without_sentence_breaks_stay_fast(unit: str) -> None:
    from warta.analyze import analyze
    from warta.analyze.sentences import MAX_SENTENCE_CHARS, split_sentences
    from warta.model import Article

    text = (unit * (60_000 // len(unit) + 1))[:60_000]
    assert max(s.end - s.start for s in split_sentences(text)) <= MAX_SENTENCE_CHARS
    started = time.monotonic()
    analyze(Article(id="long", text=text, published="2024-03-05"))
    assert time.monotonic() - started < 60


def test_anchor_bisection_finds_what_the_linear_scan_finds() -> None:
    import random

    from warta.analyze.time import anchor

    rng = random.Random(7)
    for _ in range(2000):
        cues, pos = [], 0
        for _ in range(rng.randint(9, 40)):
            pos += rng.randint(0, 12)
            cues.append((pos, pos + rng.randint(1, 10), rng.choice(["PAST", "FUTURE"]), rng.choice([0, 0, 5, 10])))
        cues.sort()
        index = ([c[0] for c in cues], max(c[1] - c[0] for c in cues), max(c[3] for c in cues))
        lo = rng.randint(0, 50)
        hi = rng.randint(lo, max(lo, pos + 20))
        start = rng.randint(0, pos + 10)
        end = start + rng.randint(0, 15)
        assert anchor._nearest(cues, lo, hi, start, end) == anchor._nearest_sorted(cues, index, lo, hi, start, end)
        breaks = sorted((p, p + rng.randint(1, 3)) for p in rng.sample(range(200), rng.randint(9, 30)))
        c_start, c_end = 0, 250
        for br_start, br_end in breaks:
            if br_end <= start:
                c_start = br_end
            elif br_start >= end:
                c_end = br_start
                break
        found = anchor._clause_around(breaks, start, end, 0, 250, ([b[0] for b in breaks], []))
        assert found == (c_start, c_end)
