"""Shared test helpers: paths to the seeds and the example corpus, small article makers."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = ROOT / "examples"


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"reference seeds not found at {SEEDS}")
    return SEEDS


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "warta.db"
