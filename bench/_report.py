"""Write one benchmark's section of docs/benchmarks.md without touching the others."""

from __future__ import annotations

import platform
import re
from datetime import UTC, datetime
from pathlib import Path

REPORT = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"
HEADER = "# Benchmarks\n\nEach section is rewritten by the script named in it. Machine: {machine}.\n"


def write_section(name: str, markdown: str) -> None:
    """Replace (or append) the section ``name`` of docs/benchmarks.md with ``markdown``."""
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    text = REPORT.read_text(encoding="utf-8") if REPORT.exists() else ""
    if not text.startswith("# Benchmarks"):
        machine = f"{platform.machine()}, Python {platform.python_version()}"
        text = HEADER.format(machine=machine)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    block = f"<!-- bench:{name} -->\n{markdown.rstrip()}\n\n_Run {stamp}._\n<!-- /bench:{name} -->"
    pattern = re.compile(rf"<!-- bench:{re.escape(name)} -->.*?<!-- /bench:{re.escape(name)} -->", re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _m: block, text)
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    REPORT.write_text(text, encoding="utf-8")


def append_blind_run(name: str, title: str, columns: list[str], cells: list[str]) -> None:
    """Append one row to the blind-set log ``name`` in docs/benchmarks.md: a table that only
    grows (every blind run is recorded, good or bad), with the run's time and commit."""
    import subprocess

    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPORT.parents[1], capture_output=True, text=True
    ).stdout.strip()
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    row = f"| {stamp} | {commit or '?'} | " + " | ".join(cells) + " |"
    text = REPORT.read_text(encoding="utf-8") if REPORT.exists() else HEADER.format(machine=platform.machine())
    marker = f"<!-- blind-log:{name} -->"
    if marker not in text:
        head = "| run | commit | " + " | ".join(columns) + " |\n" + "|---" * (len(columns) + 2) + "|"
        text = text.rstrip() + f"\n\n## {title}\n\nEvery blind run, appended and never edited.\n\n{head}\n{marker}\n"
    REPORT.write_text(text.replace(marker, row + "\n" + marker), encoding="utf-8")
