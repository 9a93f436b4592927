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
