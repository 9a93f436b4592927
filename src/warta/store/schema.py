"""The SQLite schema, as a list of migrations applied in order (``PRAGMA user_version``).

Plain columns with names a journalist can read in Datasette; JSON only where a value is a
list (authors, related links) or a whole analysis. A migration never rewrites what an
earlier one stored; a database from a newer warta is refused rather than guessed at.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: articles, their sources, full-text search, analyses, dedup signatures.
    """
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        title TEXT,
        outlet TEXT,
        url TEXT,
        canonical_url TEXT,
        published TEXT,
        published_inferred INTEGER NOT NULL DEFAULT 0,
        published_confidence REAL,
        language TEXT,
        authors TEXT NOT NULL DEFAULT '[]',
        dateline_place TEXT,
        text TEXT NOT NULL,
        paragraphs TEXT NOT NULL DEFAULT '[]',
        related TEXT NOT NULL DEFAULT '[]',
        source_path TEXT,
        ingested_at TEXT,
        content_hash TEXT NOT NULL,
        duplicate_of TEXT REFERENCES articles(id),
        duplicate_kind TEXT,
        duplicate_score REAL
    );
    CREATE INDEX articles_canonical_url ON articles(canonical_url);
    CREATE INDEX articles_content_hash ON articles(content_hash);
    CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_outlet ON articles(outlet);

    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;

    CREATE TABLE minhashes (
        article_id TEXT PRIMARY KEY REFERENCES articles(id),
        signature BLOB NOT NULL
    );
    CREATE TABLE analyses (
        article_id TEXT PRIMARY KEY REFERENCES articles(id),
        analysis TEXT NOT NULL,
        features TEXT
    );
    CREATE TABLE entity_mentions (
        article_id TEXT NOT NULL REFERENCES articles(id),
        canonical TEXT NOT NULL,
        type TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (article_id, canonical, type)
    );
    CREATE INDEX entity_mentions_canonical ON entity_mentions(canonical);
    """,
    # 2: stories and what they are made of.
    """
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT,
        summary TEXT,
        article_count INTEGER NOT NULL DEFAULT 0,
        outlets TEXT NOT NULL DEFAULT '[]',
        first_published TEXT,
        last_published TEXT,
        conflict_count INTEGER NOT NULL DEFAULT 0,
        story TEXT NOT NULL,
        updated_at TEXT
    );
    CREATE TABLE story_articles (
        article_id TEXT PRIMARY KEY REFERENCES articles(id),
        story_id TEXT NOT NULL REFERENCES stories(id)
    );
    CREATE INDEX story_articles_story ON story_articles(story_id);
    CREATE TABLE timeline_entries (
        story_id TEXT NOT NULL REFERENCES stories(id),
        position INTEGER NOT NULL,
        date TEXT,
        precision TEXT,
        text TEXT,
        expected INTEGER NOT NULL DEFAULT 0,
        hedged INTEGER NOT NULL DEFAULT 0,
        sources TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (story_id, position)
    );
    CREATE TABLE conflicts (
        story_id TEXT NOT NULL REFERENCES stories(id),
        position INTEGER NOT NULL,
        about TEXT NOT NULL,
        "values" TEXT NOT NULL,
        PRIMARY KEY (story_id, position)
    );
    CREATE TABLE story_state (
        key TEXT PRIMARY KEY,
        state TEXT NOT NULL
    );
    """,
    # 3: new articles enter the full-text index once per transaction (Store.transaction), in
    # one INSERT ... SELECT. The per-row trigger made FTS5 flush its pending terms at every
    # statement, which cost more CPU than all the rest of an ingest's SQL.
    """
    DROP TRIGGER articles_ai;
    """,
    # 4: claims as rows (one per value an article states), and what each conflict is about:
    # its detector's kind, the measure's attribute and the label a reader sees.
    """
    ALTER TABLE conflicts ADD COLUMN kind TEXT;
    ALTER TABLE conflicts ADD COLUMN attribute TEXT;
    ALTER TABLE conflicts ADD COLUMN label TEXT;
    ALTER TABLE conflicts ADD COLUMN score REAL;
    CREATE INDEX conflicts_kind ON conflicts(kind);
    CREATE INDEX conflicts_attribute ON conflicts(attribute);
    CREATE TABLE claims (
        article_id TEXT NOT NULL REFERENCES articles(id),
        position INTEGER NOT NULL,
        measure TEXT NOT NULL,
        attribute TEXT NOT NULL,
        value_text TEXT NOT NULL,
        number REAL,
        unit TEXT,
        timex TEXT,
        precision TEXT,
        modality TEXT,
        time_scope TEXT,
        source TEXT,
        qualifiers TEXT NOT NULL DEFAULT '{}',
        PRIMARY KEY (article_id, position)
    );
    CREATE INDEX claims_attribute ON claims(attribute);
    """,
    # 5: where an article's publication date came from (given, metadata, url, page, text).
    """
    ALTER TABLE articles ADD COLUMN published_source TEXT;
    """,
    # 6: the full-text index names its content table the way sqlite-utils writes it
    # (content=[articles]), which is what Datasette looks for to offer search on the
    # articles table without a metadata file. FTS5 options cannot be altered: the index is
    # made again and rebuilt from the articles (the triggers name it and keep working).
    """
    DROP TABLE articles_fts;
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content=[articles], content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2'
    );
    INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
    """,
    # 7: earlier versions of articles replaced by an update (same id, new content): an
    # update never loses what was stored before it.
    """
    CREATE TABLE article_versions (
        article_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        replaced_at TEXT,
        title TEXT,
        outlet TEXT,
        url TEXT,
        published TEXT,
        authors TEXT NOT NULL DEFAULT '[]',
        text TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        source_path TEXT,
        ingested_at TEXT,
        PRIMARY KEY (article_id, version)
    );
    """,
    # 8: the rules that made each analysis (warta.analyze.version), so that analyses made by
    # older rules can be found and made again (warta reanalyze).
    """
    ALTER TABLE analyses ADD COLUMN rules TEXT;
    """,
    # 9: what kind of page an article is: a written article, a photo page or a gallery (whose
    # captions are its text). Articles stored before are articles.
    """
    ALTER TABLE articles ADD COLUMN kind TEXT NOT NULL DEFAULT 'article';
    CREATE INDEX articles_kind ON articles(kind);
    """,
    # 10: inputs of a manifest ingest (`warta ingest --manifest`) whose articles are all
    # stored: a run that stopped resumes after them. Size and modification time tell a file
    # changed since, which is ingested again.
    """
    CREATE TABLE ingested_inputs (
        path TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        documents INTEGER NOT NULL DEFAULT 0,
        completed_at TEXT
    );
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
