"""Soak: two CLI ingests, API posts and readers on one database for a set time, with
writers killed at random (SIGKILL); then the file must be whole and the counts reconcile.

    python bench/soak.py [--seconds 120] [--seed 1] [--no-write]

Only 127.0.0.1 is targeted, with bounded loops. At the end: the killed ingests are run
again to completion (as a user would), then PRAGMA integrity_check, the FTS5
integrity-check, and: every article of every input file and every accepted POST is stored,
the full-text index holds exactly the stored articles, every story member is a stored
article. Results go to docs/benchmarks.md (section "soak").
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import write_section  # noqa: E402

BIN = Path(sys.executable).parent / "warta"
WORDS = ("banjir gempa warga mengungsi rumah rusak jalan putus bantuan logistik posko tenda "
         "sungai meluap hujan deras longsor jembatan listrik padam sekolah diliburkan").split()
PLACES = ("Bekasi", "Bogor", "Cianjur", "Garut", "Sukabumi", "Karawang", "Depok", "Tangerang")


def _article(rng: random.Random, ident: str) -> dict[str, str]:
    place = rng.choice(PLACES)
    body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 120)))
    day = rng.randint(1, 28)
    return {
        "id": ident,
        "title": f"{rng.choice(WORDS).title()} di {place}",
        "outlet": rng.choice(("Warta Kini", "Harian Selat", "Kabar Nusa")),
        "published": f"2024-11-{day:02d}",
        "text": f"{place} - Pada Senin ({day}/11/2024) {body}, kata Kepala BPBD {place}. Kode {ident}.",
    }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    tmp = Path(tempfile.mkdtemp(prefix="warta-soak-"))
    db = tmp / "soak.db"
    env = {**os.environ, "WARTA_DB": str(db), "WARTA_WAIT": "120"}
    files: list[Path] = []
    expected: set[str] = set()
    for n in range(12):
        path = tmp / f"batch{n:02d}.jsonl"
        items = [_article(rng, f"f{n}-{i}") for i in range(rng.randint(60, 300))]
        path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
        expected.update(i["id"] for i in items)
        files.append(path)
    subprocess.run([BIN, "ingest", str(files[0])], env=env, check=True, capture_output=True)
    port = _free_port()
    server = subprocess.Popen([BIN, "serve", "--port", str(port), "--wait", "120"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            httpx.get(f"{base}/healthz", timeout=2)
            break
        except httpx.HTTPError:
            time.sleep(0.2)
    stop = threading.Event()
    posted: set[str] = set()
    counts = {"posts": 0, "post_503": 0, "reads": 0, "read_errors": 0, "kills": 0, "ingests": 0, "busy_exits": 0}
    lock = threading.Lock()

    def poster() -> None:
        local = random.Random(args.seed + 1)
        n = 0
        with httpx.Client(base_url=base, timeout=180) as client:
            while not stop.is_set() and n < 100_000:
                n += 1
                item = _article(local, f"p-{n}")
                response = client.post("/api/articles", json=item)
                with lock:
                    counts["posts"] += 1
                    if response.status_code == 201:
                        posted.add(item["id"])
                    elif response.status_code == 503:
                        counts["post_503"] += 1
                    else:
                        raise SystemExit(f"POST answered {response.status_code}: {response.text[:200]}")
                time.sleep(local.uniform(0.05, 0.3))

    def reader() -> None:
        local = random.Random(args.seed + 2)
        with httpx.Client(base_url=base, timeout=60) as client:
            for _ in range(1_000_000):
                if stop.is_set():
                    return
                url = local.choice(["/api/stories", "/api/articles", f"/api/search?q={local.choice(WORDS)}", "/"])
                response = client.get(url)
                with lock:
                    counts["reads"] += 1
                    counts["read_errors"] += response.status_code >= 500

    threads = [threading.Thread(target=poster), threading.Thread(target=reader), threading.Thread(target=reader)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + args.seconds
    running: list[subprocess.Popen] = []
    while time.monotonic() < deadline:
        while len(running) < 2:
            chosen = rng.sample(files, 3)
            running.append(subprocess.Popen([BIN, "ingest", *map(str, chosen), "--wait", "120"], env=env,
                                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE))
            counts["ingests"] += 1
        time.sleep(rng.uniform(0.5, 3))
        if rng.random() < 0.5:
            victim = rng.choice(running)
            if victim.poll() is None:
                victim.send_signal(signal.SIGKILL)
                counts["kills"] += 1
        for proc in list(running):
            if proc.poll() is not None:
                stderr = proc.stderr.read().decode() if proc.stderr else ""
                if proc.returncode == 75:
                    counts["busy_exits"] += 1
                if "Traceback" in stderr:
                    raise SystemExit(f"an ingest printed a traceback:\n{stderr}")
                running.remove(proc)
    for proc in running:
        proc.wait(timeout=600)
    stop.set()
    for thread in threads:
        thread.join(timeout=300)
    server.send_signal(signal.SIGINT)
    server.wait(timeout=60)
    # As a user would after kills: run the ingest again; it completes what was cut.
    final = subprocess.run([BIN, "ingest", *map(str, files), "--json"], env=env, capture_output=True, text=True)
    assert final.returncode == 0, final.stderr
    conn = sqlite3.connect(db)
    integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")  # raises when broken
    stored = {r[0] for r in conn.execute("SELECT id FROM articles")}
    fts_rows = conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
    orphans = conn.execute(
        "SELECT count(*) FROM story_articles WHERE article_id NOT IN (SELECT id FROM articles)"
    ).fetchone()[0]
    missing_files = expected - stored
    missing_posts = posted - stored
    ok = integrity == "ok" and not missing_files and not missing_posts and fts_rows == len(stored) and not orphans
    markdown = "\n".join(
        [
            "## Soak (`bench/soak.py`)",
            "",
            f"{args.seconds:.0f} s on one database: two `warta ingest` processes at a time (12 JSON Lines",
            "files, 3 per ingest, writers SIGKILLed at random), one API poster and two API readers;",
            "then the files ingested once more to completion and the database checked.",
            "",
            "| measure | value |",
            "|---|---|",
            f"| ingests started / killed / busy exits | {counts['ingests']} / {counts['kills']} / {counts['busy_exits']} |",
            f"| API posts / 503 (busy) | {counts['posts']} / {counts['post_503']} |",
            f"| API reads / 5xx | {counts['reads']} / {counts['read_errors']} |",
            f"| articles stored | {len(stored)} (files {len(expected)}, accepted posts {len(posted)}) |",
            f"| missing from files / from accepted posts | {len(missing_files)} / {len(missing_posts)} |",
            f"| PRAGMA integrity_check | {integrity} |",
            f"| FTS5 integrity-check, rows = articles | passed, {fts_rows} = {len(stored)} |",
            f"| story members that are not stored articles | {orphans} |",
            f"| verdict | {'pass' if ok else 'FAIL'} |",
        ]
    )
    print(markdown)
    if not args.no_write:
        write_section("soak", markdown)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
