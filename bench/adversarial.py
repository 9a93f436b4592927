"""Adversarial shapes through the readers and ``analyze``: 10 KB, 100 KB and 1 MB of text
made to find super-linear spots (no sentence breaks, dense triggers and times, one endless
word, quote storms, many names, many numbers, many lines).

Each size's time is printed and written to docs/benchmarks.md (section "adversarial").
A shape whose 100 KB run takes longer than --give-up seconds is not run at 1 MB.

    python bench/adversarial.py [--sizes 10000,100000,1000000] [--give-up 120] [--no-write]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from warta.analyze import analyze  # noqa: E402
from warta.ingest import RawDocument, read_paths  # noqa: E402
from warta.model import Article  # noqa: E402

from _report import write_section  # noqa: E402


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


SHAPES: dict[str, Callable[[int], str]] = {
    "no sentence breaks, dense events and times": _repeat(
        "gempa terjadi pada Senin pagi lalu banjir melanda kemarin dan warga mengungsi pada 3 Maret 2024 "
    ),
    "one endless word": lambda n: "a" * n,
    "quote storm": _repeat('kata Joko "bahwa " ujar Sri "menurut " '),
    "names without punctuation": _repeat("Joko Widodo Sri Mulyani Jakarta Bandung Kabupaten Bogor BNPB Polri "),
    "numbers and units": _repeat("12 orang 3,5 km Rp 1,2 triliun 40 persen 7 hari 2.000 rumah "),
    "short lines": _repeat("Banjir.\n"),
    "hedges and conditionals": _repeat("diperkirakan akan mungkin bisa jika kalau ketika bahwa "),
}


def _time(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def _readers(text: str, folder: Path) -> dict[str, float]:
    """Seconds to read the text as each input format."""
    files = {
        "txt": folder / "a.txt",
        "jsonl": folder / "a.jsonl",
        "json": folder / "a.json",
        "html": folder / "a.html",
        "jsonl.gz": folder / "a.jsonl.gz",
    }
    files["txt"].write_text(text, encoding="utf-8")
    line = json.dumps({"id": "x", "text": text}) + "\n"
    files["jsonl"].write_text(line, encoding="utf-8")
    files["json"].write_text(json.dumps([{"id": "x", "text": text}]), encoding="utf-8")
    files["html"].write_text(f"<html><body><article><p>{text}</p></article></body></html>", encoding="utf-8")
    with gzip.open(files["jsonl.gz"], "wt", encoding="utf-8") as out:
        out.write(line)
    return {name: _time(lambda p=path: list(read_paths([p]))) for name, path in files.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--give-up", type=float, default=120.0)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    analyze(Article(id="warm", text="Banjir melanda Jakarta pada Senin.", published="2024-01-01"))  # load resources
    rows: list[str] = []
    reader_rows: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for shape, make in SHAPES.items():
            cells: list[str] = []
            slow = False
            for size in sizes:
                if slow:
                    cells.append("skipped")
                    continue
                text = make(size)
                seconds = _time(lambda t=text: analyze(Article(id="x", text=t, published="2024-03-05")))
                cells.append(f"{seconds:.2f} s")
                print(f"analyze  {shape:45s} {size:>9,d} chars  {seconds:7.2f} s", flush=True)
                slow = seconds > args.give_up
            rows.append(f"| {shape} | " + " | ".join(cells) + " |")
        big = SHAPES["no sentence breaks, dense events and times"](max(sizes))
        timings = _readers(big, folder)
        for name, seconds in timings.items():
            print(f"read     {name:10s} {len(big):>9,d} chars  {seconds:7.2f} s", flush=True)
            reader_rows.append(f"| {name} | {seconds:.2f} s |")
        assert all(isinstance(i, RawDocument) for i in read_paths([folder / "a.txt"]))
    head = " | ".join(f"{s:,} chars" for s in sizes)
    markdown = "\n".join(
        [
            "## Adversarial inputs (`bench/adversarial.py`)",
            "",
            "Seconds for `analyze` on one article of each shape and size (one process, warm).",
            "Before the fix of issue 22, time attachment compared every trigger with every other",
            "for every time expression: 25 KB without sentence breaks took 26 s on this machine",
            "(the attacker measured 29 s at 25 KB and 131 s at 50 KB).",
            "",
            f"| shape | {head} |",
            "|---|" + "---|" * len(sizes),
            *rows,
            "",
            f"Reading {max(sizes):,} characters of the first shape in each format (no analysis):",
            "",
            "| format | seconds |",
            "|---|---|",
            *reader_rows,
        ]
    )
    if not args.no_write:
        write_section("adversarial", markdown)
    print(markdown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
