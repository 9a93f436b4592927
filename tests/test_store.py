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


def _fts_is_consistent(store):
    # For an external-content table, rank 1 also checks the index against the articles table.
    store.db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    return True


def test_articles_inserted_in_a_transaction_are_searchable_after_it(db_path):
    store = Store(db_path)
    with store.transaction():
        store.insert_article(Article(id="a", text="gerbong kereta hijau", content_hash="h1"), canonical_url=None)
        # The same article again in the same transaction, changed: only the new words count.
        store.insert_article(Article(id="a", text="gerbong kereta biru", content_hash="h2"), canonical_url=None)
        store.insert_article(Article(id="b", text="kereta tiba", content_hash="h3"), canonical_url=None)
    assert [h["id"] for h in store.search("biru")] == ["a"]
    assert store.search("hijau") == []
    assert sorted(h["id"] for h in store.search("kereta")) == ["a", "b"]
    # Outside a transaction an insert is its own transaction, and is indexed at once.
    store.insert_article(Article(id="c", text="kapal feri", content_hash="h4"), canonical_url=None)
    store.insert_article(Article(id="b", text="kereta berangkat", content_hash="h5"), canonical_url=None)
    assert [h["id"] for h in store.search("feri")] == ["c"]
    assert [h["id"] for h in store.search("berangkat")] == ["b"]
    assert store.search("tiba") == []
    assert _fts_is_consistent(store)


def test_a_rolled_back_batch_leaves_the_index_as_it_was(db_path):
    store = Store(db_path)
    store.insert_article(Article(id="a", text="banjir bandang", content_hash="h1"), canonical_url=None)
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.insert_article(Article(id="b", text="banjir rob", content_hash="h2"), canonical_url=None)
            raise RuntimeError("boom")
    with store.transaction():
        store.insert_article(Article(id="c", text="banjir lahar", content_hash="h3"), canonical_url=None)
    assert sorted(h["id"] for h in store.search("banjir")) == ["a", "c"]
    assert _fts_is_consistent(store)


def test_a_version_2_database_keeps_its_index_after_the_upgrade(db_path):
    from warta.store import _split_sql
    from warta.store.schema import MIGRATIONS

    with sqlite3.connect(db_path) as conn:
        for number in (0, 1):
            for statement in _split_sql(MIGRATIONS[number]):
                conn.execute(statement)
        conn.execute("PRAGMA user_version = 2")
        # Stored by the old per-row trigger.
        conn.execute("INSERT INTO articles(id, title, text, content_hash) VALUES ('old', 'Lama', 'gempa lama', 'h0')")
    store = Store(db_path)
    with store.transaction():
        store.insert_article(Article(id="new", text="gempa baru", content_hash="h1"), canonical_url=None)
    assert sorted(h["id"] for h in store.search("gempa")) == ["new", "old"]
    assert _fts_is_consistent(store)
