"""Nothing lost: a feed summary and the full page of one article, in any order or in one batch,
leave the full text stored and both sightings recorded; ingesting again changes nothing.

The real pages are read in place from ../shared/data/real_pages (never copied); the feed
summaries are made here from what warta extracts of each page (its first two sentences).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from warta.analyze.sentences import split_sentences
from warta.pipeline import ingest_paths
from warta.store import Store

PAGES = Path(__file__).resolve().parents[2] / "shared" / "data" / "real_pages"


def _dump(path: Path) -> list[str]:
    db = sqlite3.connect(path)
    try:
        return list(db.iterdump())
    finally:
        db.close()


def _summary_feed(tmp: Path, pages: list[Path]) -> tuple[Path, dict[str, str]]:
    """A JSON Lines feed with one short teaser per page, at the page's own URL."""
    store = Store(tmp / "probe.db")
    ingest_paths(pages, store, analyse=False)
    full: dict[str, str] = {}
    lines = []
    for article in store.list_articles(limit=100):
        if not article.url:
            continue
        sentences = split_sentences(article.text)[:2]
        teaser = " ".join(article.text[s.start : s.end] for s in sentences)
        if len(teaser) >= len(article.text) * 0.8:
            continue  # a page of two sentences has no shorter teaser
        full[article.url] = article.text
        lines.append(json.dumps({"url": article.url, "title": article.title, "outlet": article.outlet,
                                 "published": article.published, "text": teaser}, ensure_ascii=False))
    store.close()
    feed = tmp / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return feed, full


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path], dict[str, str]]:
    if not PAGES.is_dir():
        pytest.skip(f"real pages not found at {PAGES}")
    tmp = tmp_path_factory.mktemp("lost")
    pages = sorted(PAGES.glob("pages/*/*-singlepage*.html"))
    feed, full = _summary_feed(tmp, pages)
    assert len(full) >= 3
    return feed, pages, full


@pytest.mark.parametrize("order", ["feed-first", "pages-first", "one-batch"])
def test_the_full_text_survives_and_a_second_ingest_changes_nothing(tmp_path, inputs, order):
    feed, pages, full = inputs
    db = tmp_path / "warta.db"
    runs = {"feed-first": [[feed], pages], "pages-first": [pages, [feed]], "one-batch": [[feed, *pages]]}[order]
    reports = []
    store = Store(db)
    for paths in runs:
        reports.append(ingest_paths(paths, store, analyse=False))
    stored = {a.url: a for a in store.list_articles(limit=200)}
    for url, text in full.items():
        assert stored[url].text == text, url
        sightings = store.article_sources(stored[url].id)
        assert any(s.get("source_path", "").endswith("feed.jsonl") for s in sightings), sightings
        assert any(s.get("source_path", "").endswith(".html") for s in sightings), sightings
    for report in reports:  # every record is accounted for
        assert report.read == report.stored + report.unchanged + len(report.rejected) + len(report.skipped)
    store.close()
    before = _dump(db)
    store = Store(db)
    for paths in runs:
        again = ingest_paths(paths, store, analyse=False)
        assert again.stored == 0 and not again.rejected
    store.close()
    assert _dump(db) == before


def test_running_an_ingest_again_with_analysis_changes_nothing(tmp_path):
    corpus = Path(__file__).resolve().parents[1] / "examples" / "corpus"
    db = tmp_path / "warta.db"
    store = Store(db)
    ingest_paths([corpus], store)
    store.close()
    before = _dump(db)
    store = Store(db)
    again = ingest_paths([corpus], store)
    store.close()
    assert again.stored == 0 and again.stories_updated == 0
    assert _dump(db) == before


def test_analyses_made_by_older_rules_are_found_and_made_again(tmp_path):
    import sqlite3 as sq

    from typer.testing import CliRunner

    from warta.cli import app

    corpus = Path(__file__).resolve().parents[1] / "examples" / "corpus" / "articles"
    db = tmp_path / "warta.db"
    store = Store(db)
    ingest_paths([corpus], store)
    assert store.stale_analyses() == []
    ids = [a.id for a in store.list_articles(limit=3)]
    store.close()
    raw = sq.connect(db)
    raw.executemany("UPDATE analyses SET rules = 'old', analysis = '{}' WHERE article_id = ?", [(i,) for i in ids])
    raw.commit()
    raw.close()
    runner = CliRunner()
    noted = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert "3 stored analyses were made by older rules" in noted.stderr
    done = runner.invoke(app, ["reanalyze", "--db", str(db)])
    assert done.exit_code == 0 and done.stdout.startswith("reanalysed 3 articles")
    store = Store(db)
    assert store.stale_analyses() == []
    assert all(store.get_analysis(i).sentences for i in ids)
    assert set(store.memberships()) >= set(ids)
