"""Shared test helpers: paths to the seeds and the example corpus, small article makers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Starlette's TestClient sends "Host: testserver"; the reading room accepts only the
# loopback names unless told otherwise.
os.environ.setdefault("WARTA_ALLOWED_HOSTS", "testserver")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = ROOT / "examples" / "corpus"
MANIFEST = ROOT / "examples" / "manifest.json"


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"reference seeds not found at {SEEDS}")
    return SEEDS


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "warta.db"


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory):
    """The example corpus and the two seeds, ingested once into one database for the session."""
    from warta.pipeline import ingest_paths
    from warta.store import Store

    paths = [EXAMPLES] + ([SEEDS] if SEEDS.is_dir() else [])
    store = Store(tmp_path_factory.mktemp("corpus") / "corpus.db")
    report = ingest_paths(paths, store)
    store.ingest_report = report  # type: ignore[attr-defined]
    return store
