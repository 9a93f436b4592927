"""Ingest throughput: the example corpus replicated to 20,000 JSON Lines articles.

Each synthetic article is stitched from sentences of different example articles, with
its own numbers, so that dedup keeps them apart (they are varied, not copies). Measured on
one core: read → clean → dedup → store (the ingest stages), then the same plus per-article
analysis and story building on a smaller sample.

    python bench/ingest.py [--articles 20000] [--full-sample 1000]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from warta.analyze.sentences import split_sentences
from warta.clean import clean_document
from warta.ingest import IngestProblem, read_paths
from warta.pipeline import ingest_paths
from warta.store import Store

from _report import write_section

ROOT = Path(__file__).resolve().parents[1]


def sentence_pool() -> list[str]:
    pool: list[str] = []
    for item in read_paths([ROOT / "examples" / "corpus"]):
        if isinstance(item, IngestProblem):
            continue
        article = clean_document(item)
        pool.extend(article.text[s.start : s.end] for s in split_sentences(article.text))
    return [s for s in pool if len(s) > 40]


def write_corpus(path: Path, count: int, pool: list[str], seed: int = 7) -> int:
    rng = random.Random(seed)
    outlets = ["Kabar Uji", "Harian Uji", "Warta Uji", "Berita Uji", "Ledger Uji"]
    total_chars = 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            sentences = rng.sample(pool, k=min(len(pool), 14))
            text = " ".join(sentences) + f" Laporan ini bernomor {i} dan disusun pada jam ke-{i % 24}."
            total_chars += len(text)
            day = 1 + i % 28
            record = {
                "id": f"bench-{i}",
                "url": f"https://uji.example.id/{i}",
                "outlet": outlets[i % len(outlets)],
                "title": sentences[0][:80],
                "published": f"2024-{1 + i % 12:02d}-{day:02d}",
                "language": "id",
                "text": text,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return total_chars // max(count, 1)


def run(path: Path, db: Path, analyse: bool) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds of this process, report) for one ingest into a new database."""
    store = Store(db)
    start, cpu_start = time.perf_counter(), time.process_time()
    report = ingest_paths([path], store, analyse=analyse)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    store.close()
    return elapsed, cpu, report


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--full-sample", type=int, default=1000)
    args = parser.parse_args()
    pool = sentence_pool()
    if len(pool) < 50:
        sys.exit("bench: the example corpus gave too few sentences")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "bench.jsonl"
        avg_chars = write_corpus(corpus, args.articles, pool)
        seconds, cpu, report = run(corpus, Path(tmp) / "bench.db", analyse=False)
        rate, cpu_rate = report.stored / seconds, report.stored / cpu
        sample = Path(tmp) / "sample.jsonl"
        write_corpus(sample, args.full_sample, pool, seed=11)
        full_seconds, full_cpu, full_report = run(sample, Path(tmp) / "full.db", analyse=True)
        full_rate, full_cpu_rate = full_report.stored / full_seconds, full_report.stored / full_cpu
    md = "\n".join(
        [
            "## Ingest (`bench/ingest.py`)",
            "",
            f"{args.articles:,} JSON Lines articles stitched from the example corpus's sentences "
            f"(average {avg_chars:,} characters), one process, one core.",
            "",
            "| stages | articles | wall s | articles/s (wall) | articles/s (CPU) | duplicates found |",
            "|---|---:|---:|---:|---:|---:|",
            f"| read → clean → dedup → store | {report.stored:,} | {seconds:.1f} | **{rate:,.0f}** | "
            f"{cpu_rate:,.0f} | {report.duplicates} |",
            f"| … + analysis + stories | {full_report.stored:,} | {full_seconds:.1f} | {full_rate:,.0f} | "
            f"{full_cpu_rate:,.0f} | {full_report.duplicates} |",
            "",
            "Target: at least 1,000 articles/s through the ingest stages. The CPU column divides by this",
            "process's CPU time, which other load on the machine does not inflate.",
        ]
    )
    write_section("ingest", md)
    print(md)


if __name__ == "__main__":
    main()
