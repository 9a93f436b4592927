import sqlite3

import pytest

from warta.errors import QueryError, StoreError
from warta.model import Article
from warta.store import Store
from warta.store.schema import SCHEMA_VERSION


def test_new_database_is_migrated_and_in_wal_mode(db_path):
    store = Store(db_path)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "articles_fts", "stories", "story_articles", "timeline_entries", "conflicts"} <= tables


def test_database_from_a_newer_warta_is_refused(db_path):
    Store(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer"):
        Store(db_path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a warta database"):
        Store(junk)


def test_failed_batch_leaves_nothing_behind(db_path):
    store = Store(db_path)
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.insert_article(Article(id="a", text="satu", content_hash="h"), canonical_url=None)
            raise RuntimeError("boom")
    assert store.count_articles() == 0


@pytest.mark.parametrize("query", ['"unclosed', "AND", "NEAR(", "kata)", "*"])
def test_malformed_fts_queries_raise_query_error(db_path, query):
    store = Store(db_path)
    with store.transaction():
        store.insert_article(Article(id="a", text="kereta lapis baja", content_hash="h"), canonical_url=None)
    with pytest.raises(QueryError):
        store.search(query)


def test_search_finds_words_and_phrases_without_diacritics(db_path):
    store = Store(db_path)
    with store.transaction():
        store.insert_article(Article(id="a", text="Kereta lapis baja tiba di Vladivostok", title="Kereta",
                                     content_hash="h1"), canonical_url=None)
        store.insert_article(Article(id="b", text="Gempa di Cianjur", title="Gempa", content_hash="h2"),
                             canonical_url=None)
    assert [h["id"] for h in store.search('"lapis baja"')] == ["a"]
    assert [h["id"] for h in store.search("cianj*")] == ["b"]
