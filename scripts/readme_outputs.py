"""Regenerate (or check) the sample outputs in README.md by running the commands shown.

Every line starting with ``$ warta`` inside a fenced block of README.md is run, in order,
from the repository's root, against a fresh database in a temporary folder (``WARTA_DB``),
on a terminal 100 columns wide. The lines after a command, up to the next command or the
end of the block, are its output:

- a full output (no line is just "…") is replaced by what the command prints now;
- an excerpt (some line is just "…", where lines were left out) is left as written, and
  checked: its lines, and the pieces between "…" within them, must appear in the real
  output in the same order.

Run ``python scripts/readme_outputs.py`` to rewrite README.md, ``--check`` to only compare
(exit status 1 and a diff-like report when the README is stale; tests/test_readme.py runs it).
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
ELISION = "…"
COLUMNS = "100"
_FENCE = re.compile(r"^```")


@dataclass
class Sample:
    command: str
    start: int  # index of the first output line in the README's lines
    end: int  # index after the last output line
    shown: list[str]

    @property
    def excerpt(self) -> bool:
        return any(line.strip() == ELISION for line in self.shown)


def samples(lines: list[str]) -> list[Sample]:
    found: list[Sample] = []
    inside = False
    current: Sample | None = None
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            if inside and current is not None:
                current.end = i
                found.append(current)
                current = None
            inside = not inside
            continue
        if inside and line.startswith("$ warta"):
            if current is not None:
                current.end = i
                found.append(current)
            current = Sample(line[2:], i + 1, i + 1, [])
        elif inside and current is not None:
            current.shown.append(line)
    return found


def run(command: str, env: dict[str, str]) -> list[str]:
    argv = shlex.split(command)
    done = subprocess.run(
        [sys.executable, "-m", "warta", *argv[1:]], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    output = (done.stdout + done.stderr).rstrip("\n")
    return [line.rstrip() for line in output.splitlines()]


def excerpt_problems(shown: list[str], actual: list[str]) -> list[str]:
    """Pieces of the excerpt not found, in order, in the real output."""
    text = "\n".join(actual)
    position = 0
    missing = []
    for line in shown:
        for piece in line.split(ELISION):
            piece = piece.strip()
            if not piece:
                continue
            found = text.find(piece, position)
            if found < 0:
                missing.append(piece)
            else:
                position = found + len(piece)
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="Compare only; exit 1 when the README is stale.")
    args = parser.parse_args(argv)

    lines = README.read_text(encoding="utf-8").split("\n")
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, WARTA_DB=str(Path(tmp) / "warta.db"), COLUMNS=COLUMNS, LINES="60",
                   TERM="dumb", NO_COLOR="1")
        env.pop("FORCE_COLOR", None)
        replacements: list[tuple[Sample, list[str]]] = []
        for sample in samples(lines):
            actual = run(sample.command, env)
            if sample.excerpt:
                for piece in excerpt_problems(sample.shown, actual):
                    problems.append(f"$ {sample.command}: the README shows {piece!r}, which it does not print")
            elif sample.shown != actual:
                problems.append(f"$ {sample.command}: the README's output differs from what it prints now")
                replacements.append((sample, actual))
    if args.check:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    for sample, actual in sorted(replacements, key=lambda r: -r[0].start):
        lines[sample.start : sample.end] = actual
    README.write_text("\n".join(lines), encoding="utf-8")
    stale = [p for p in problems if "does not print" in p]
    for problem in stale:
        print(problem, file=sys.stderr)
    print(f"README.md: {len(replacements)} outputs rewritten, {len(stale)} excerpts to fix by hand")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
