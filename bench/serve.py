"""Load bench for the reading room: 20 concurrent clients against `warta serve`.

Builds a demo database (examples/ + the seeds), starts the server in its own process on
127.0.0.1, then drives each endpoint with a fixed number of requests from 20 concurrent
clients (asyncio + aiohttp), under a time cap. Reports p50/p99 latency, requests/s and
errors per endpoint into docs/benchmarks.md (section "serve").

    .venv/bin/python bench/serve.py [--requests 400] [--clients 20] [--time-cap 60]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp
import httpx

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
sys.path.insert(0, str(Path(__file__).resolve().parent))

TARGET_P99_MS = 100.0
SEARCH_WORDS = ["kereta", "Putin", "gempa", "banjir", "Vladivostok", "korban", "Prabowo", '"Korea Utara"', "erupsi*"]


def build_database(path: Path) -> tuple[list[str], float]:
    from warta.pipeline import ingest_paths
    from warta.store import Store

    started = time.perf_counter()
    store = Store(path)
    sources = [str(REPO / "examples" / "corpus")] + ([str(SEEDS)] if SEEDS.is_dir() else [])
    ingest_paths(sources, store)
    story_ids = [s["id"] for s in store.list_stories(limit=500)]
    store.close()
    return story_ids, time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen:
    code = f"from warta.api import serve; serve({str(db)!r}, port={port}, log_level='warning')"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-c", code], env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not start within 30 s")


Request = tuple[str, str, dict[str, Any]]  # method, path, aiohttp request options


async def drive(session: aiohttp.ClientSession, make: Callable[[int], Request], total: int, clients: int,
                cap_s: float) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    counter = itertools.count()
    stop_at = time.perf_counter() + cap_s

    async def worker() -> None:
        while time.perf_counter() < stop_at:
            n = next(counter)
            if n >= total:
                return
            method, path, options = make(n)
            t0 = time.perf_counter()
            try:
                async with session.request(method, path, **options) as response:
                    await response.read()
                    ok = response.status < 400
                    if not ok:
                        errors.append(f"{response.status} {path}")
            except aiohttp.ClientError as exc:
                errors.append(f"{type(exc).__name__} {path}")
                ok = False
            if ok:
                latencies.append((time.perf_counter() - t0) * 1000)

    t_start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(clients)))
    elapsed = time.perf_counter() - t_start
    done = len(latencies) + len(errors)
    ordered = sorted(latencies)

    def pct(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")

    return {
        "requests": done,
        "errors": len(errors),
        "error_sample": errors[:3],
        "p50": statistics.median(ordered) if ordered else float("nan"),
        "p99": pct(0.99),
        "max": ordered[-1] if ordered else float("nan"),
        "rps": done / elapsed if elapsed else 0.0,
        "capped": done < total,
    }


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc), or NaN elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def post_body(n: int) -> dict:
    return {
        "id": f"bench-{os.getpid()}-{n}",
        "outlet": "BenchWire",
        "title": f"Laporan cuaca pesisir nomor {n}",
        "published": "2025-02-01",
        "language": "id",
        "text": (f"Hujan ringan turun di pesisir utara pada Sabtu pagi, laporan nomor {n}. "
                 "Petugas setempat mengatakan gelombang laut masih aman untuk nelayan kecil. "
                 f"Sebanyak {n % 50 + 3} perahu tetap melaut hingga siang."),
    }


async def run(
    base: str, story_ids: list[str], requests: int, clients: int, cap_s: float, server_pid: int
) -> dict[tuple[str, int], dict]:
    html = {"headers": {"accept": "text/html"}}
    phases: dict[str, Callable[[int], Request]] = {
        "story list `GET /`": lambda n: ("GET", "/", html),
        "story page `GET /stories/{id}`": lambda n: ("GET", f"/stories/{story_ids[n % len(story_ids)]}", html),
        "story JSON `GET /api/stories/{id}`": lambda n: ("GET", f"/api/stories/{story_ids[n % len(story_ids)]}", {}),
        "search `GET /api/search?q=`": lambda n: (
            "GET", "/api/search", {"params": {"q": SEARCH_WORDS[n % len(SEARCH_WORDS)]}}),
        "search page `GET /search?q=`": lambda n: (
            "GET", "/search", {"params": {"q": SEARCH_WORDS[n % len(SEARCH_WORDS)]}, **html}),
        "ingest `POST /api/articles`": lambda n: ("POST", "/api/articles", {"json": post_body(n)}),
    }
    # aiohttp's client (C parser, keep-alive pool) costs a fraction of httpx's CPU per
    # request; the load generator shares the server's cores, so its cost shows in latency.
    connector = aiohttp.TCPConnector(limit=clients)
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(base_url=base, connector=connector, timeout=timeout) as session:
        # Warm up: templates compiled, SQLite pages cached, every story page rendered once.
        for name, make in phases.items():
            if "POST" not in name:
                for n in range(len(story_ids)):
                    method, path, options = make(n)
                    async with session.request(method, path, **options) as response:
                        await response.read()
        results = {}
        for name, make in phases.items():
            total = max(requests // 10, 20) if "POST" in name else requests
            # One client first: the server's own cost per request, without queueing.
            results[(name, 1)] = await drive(session, make, max(total // 4, 10), 1, cap_s)
            cpu_before, client_before = cpu_seconds(server_pid), time.process_time()
            result = await drive(session, make, total, clients, cap_s)
            # CPU per request does not depend on how busy the machine is, unlike latency.
            done = max(result["requests"], 1)
            result["server_cpu_ms"] = (cpu_seconds(server_pid) - cpu_before) * 1000 / done
            result["client_cpu_ms"] = (time.process_time() - client_before) * 1000 / done
            results[(name, clients)] = result
            print(f"{name}: {results[(name, clients)]}", flush=True)
        return results


def report(results: dict[tuple[str, int], dict], clients: int, articles: int, stories: int, build_s: float) -> str:
    lines = [
        "## Reading room under load (`bench/serve.py`)",
        "",
        f"{clients} concurrent clients (asyncio + aiohttp, keep-alive) against one uvicorn process on 127.0.0.1; "
        f"demo database of {articles} articles in {stories} stories (examples/ + seeds, built in {build_s:.1f} s). "
        f"Target: story page p99 < {TARGET_P99_MS:.0f} ms, no errors.",
        "",
        "| endpoint | clients | requests | errors | p50 ms | p99 ms | max ms | req/s | server CPU ms/req "
        "| client CPU ms/req |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for (name, concurrency), r in results.items():
        capped = " (time cap)" if r["capped"] else ""
        cpu = f"{r['server_cpu_ms']:.1f} | {r['client_cpu_ms']:.1f}" if "server_cpu_ms" in r else " | "
        lines.append(f"| {name} | {concurrency} | {r['requests']}{capped} | {r['errors']} | {r['p50']:.1f} | "
                     f"{r['p99']:.1f} | {r['max']:.1f} | {r['rps']:.0f} | {cpu} |")
    failures = [f"{name} ({n} clients): {', '.join(r['error_sample'])}" for (name, n), r in results.items() if r["errors"]]
    if failures:
        lines += ["", "Errors seen (first three per endpoint): " + "; ".join(failures) + "."]
    story = results[("story page `GET /stories/{id}`", clients)]
    verdict = "met" if story["p99"] < TARGET_P99_MS and story["errors"] == 0 else "NOT met"
    capacity = 1000 / story["server_cpu_ms"] if story["server_cpu_ms"] > 0 else float("inf")
    lines += ["", f"Story-page target {verdict}: p99 {story['p99']:.1f} ms, {story['errors']} errors. "
              f"The server spends {story['server_cpu_ms']:.1f} ms of CPU per story page (about {capacity:.0f} "
              f"pages/s per free core); the aiohttp load generator spends {story['client_cpu_ms']:.1f} ms per request. "
              f"Load average at the start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores, shared with other "
              "work; the load generator runs on the same cores as the server."]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400, help="requests per GET endpoint")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--time-cap", type=float, default=60.0, help="seconds per endpoint at most")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/benchmarks.md alone")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="warta-serve-bench-") as tmp:
        db = Path(tmp) / "demo.db"
        story_ids, build_s = build_database(db)
        if not story_ids:
            raise SystemExit("the demo database has no stories")
        port = free_port()
        server = start_server(db, port)
        try:
            articles = httpx.get(f"http://127.0.0.1:{port}/healthz").json()["articles"]
            results = asyncio.run(run(f"http://127.0.0.1:{port}", story_ids, args.requests, args.clients,
                                      args.time_cap, server.pid))
        finally:
            server.terminate()
            server.wait(timeout=10)
    markdown = report(results, args.clients, articles, len(story_ids), build_s)
    print(markdown)
    if not args.no_write:
        from _report import write_section

        write_section("serve", markdown)


if __name__ == "__main__":
    main()
