"""Stories through the whole pipeline: arrival order and split ingests do not change them."""

from pathlib import Path

from warta.pipeline import ingest_paths
from warta.store import Store

from conftest import EXAMPLES


def _files() -> list[Path]:
    return sorted(p for p in EXAMPLES.rglob("*") if p.is_file())


def _groups(store: Store) -> set[frozenset[str]]:
    """Stories as sets of article URLs (ids of undated text files differ by nothing else)."""
    urls = {a.id: a.url or a.id for a in store.list_articles(limit=10000)}
    groups: dict[str, set[str]] = {}
    for article_id, story_id in store.memberships().items():
        groups.setdefault(story_id, set()).add(urls[article_id])
    return {frozenset(g) for g in groups.values()}


def test_reversed_arrival_order_gives_the_same_stories(tmp_path):
    forward = Store(tmp_path / "forward.db")
    ingest_paths(_files(), forward)
    backward = Store(tmp_path / "backward.db")
    ingest_paths(list(reversed(_files())), backward)
    assert _groups(forward) == _groups(backward)
    assert len(_groups(forward)) >= 9


def test_two_ingests_end_where_one_would(tmp_path):
    files = _files()
    split = Store(tmp_path / "split.db")
    ingest_paths(files[: len(files) // 2], split)
    ingest_paths(files[len(files) // 2 :], split)
    whole = Store(tmp_path / "whole.db")
    ingest_paths(files, whole)
    assert _groups(split) == _groups(whole)
