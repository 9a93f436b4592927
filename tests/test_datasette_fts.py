"""Datasette finds the articles' full-text index by itself, in new and migrated databases.

Datasette (``datasette.utils.detect_fts``) offers search on a table when a virtual table's
SQL reads ``content="<table>"`` or ``content=[<table>]`` (sqlite-utils writes the latter),
or when the virtual table is the table itself; ``content='articles'`` is not recognised.
The shape is checked with Datasette's own query when datasette is installed, and with the
same LIKE patterns always.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from warta.model import Article
from warta.store import Store
from warta.store.schema import MIGRATIONS, SCHEMA_VERSION


def _detected(db: sqlite3.Connection, table: str) -> str | None:
    """Datasette 0.65's detect_fts_sql, restated (for when datasette is not installed)."""
    row = db.execute(
        "SELECT name FROM sqlite_master WHERE rootpage = 0 AND (sql LIKE ? OR sql LIKE ? "
        "OR (tbl_name = ? AND sql LIKE '%VIRTUAL TABLE%USING FTS%'))",
        (f'%VIRTUAL TABLE%USING FTS%content="{table}"%', f"%VIRTUAL TABLE%USING FTS%content=[{table}]%", table),
    ).fetchone()
    return row[0] if row else None


def _article(n: int, text: str) -> Article:
    return Article(id=f"a{n}", text=text, title=f"Judul {n}", outlet="Kabar", published="2024-11-04")


def _old_database(path: Path) -> None:
    """A database as warta wrote it before the index was renamed (schema version 3)."""
    db = sqlite3.connect(path, isolation_level=None)
    for number in range(3):
        db.executescript(MIGRATIONS[number])
    db.execute("PRAGMA user_version = 3")
    db.execute(
        "INSERT INTO articles(id, title, outlet, text, authors, paragraphs, related, content_hash) "
        "VALUES ('old-1', 'Banjir lama', 'Kabar', 'Banjir merendam Bekasi.', '[]', '[]', '[]', 'h')"
    )
    db.execute("INSERT INTO articles_fts(rowid, title, text) SELECT rowid, title, text FROM articles")
    assert _detected(db, "articles") is None  # Datasette did not see the old index
    db.close()


def test_a_new_database_names_its_content_table_for_datasette(tmp_path: Path) -> None:
    store = Store(tmp_path / "new.db")
    store.insert_article(_article(1, "Gunung Lewotobi meletus di Flores Timur."), canonical_url=None)
    assert _detected(store.db, "articles") == "articles_fts"
    assert [h["id"] for h in store.search("Lewotobi")] == ["a1"]
    store.close()


def test_an_old_database_is_migrated_and_keeps_its_search(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _old_database(path)
    store = Store(path)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert _detected(store.db, "articles") == "articles_fts"
    assert [h["id"] for h in store.search("Bekasi")] == ["old-1"]  # rebuilt from the articles
    store.insert_article(_article(2, "Banjir juga di Jakarta."), canonical_url=None)
    assert {h["id"] for h in store.search("banjir")} == {"old-1", "a2"}
    store.close()


def test_datasette_itself_detects_the_index(tmp_path: Path) -> None:
    utils = pytest.importorskip("datasette.utils")
    path = tmp_path / "old.db"
    _old_database(path)
    Store(path).close()
    with sqlite3.connect(path) as db:
        assert utils.detect_fts(db, "articles") == "articles_fts"
