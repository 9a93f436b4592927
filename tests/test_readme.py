"""The README's sample outputs are what the commands print on the example corpus."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_outputs_are_true() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "readme_outputs.py"), "--check"],
        capture_output=True, text=True, timeout=900,
    )
    assert done.returncode == 0, "README.md is stale; run scripts/readme_outputs.py\n" + done.stderr


def test_the_readme_shows_outputs_for_the_stories_and_the_eruption_story() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    from readme_outputs import README, samples

    commands = [s.command for s in samples(README.read_text(encoding="utf-8").split("\n"))]
    assert "warta ingest examples/corpus" in commands and any(c.startswith("warta stories") for c in commands)
    assert any(c.startswith("warta story story-") for c in commands)
