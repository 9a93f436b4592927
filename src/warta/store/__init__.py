"""SQLite storage: one file, WAL mode, versioned schema, FTS5 search.

The store knows rows, not rules: deduplication and story building decide what to write
(see :mod:`warta.pipeline`), the store writes it inside one transaction per batch, so an
ingest killed at any moment leaves the file as it was before that batch.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from warta.errors import DatabaseBusyError, QueryError, StoreError
from warta.model import Analysis, Article, RelatedLink
from warta.store.schema import MIGRATIONS, SCHEMA_VERSION

__all__ = ["Store", "default_db_path", "default_wait", "DEFAULT_WAIT"]

# How long a writer waits for another writer's lock before giving up (seconds).
DEFAULT_WAIT = 30.0
_T = TypeVar("_T")

_ARTICLE_COLUMNS = (
    "id, title, outlet, url, canonical_url, published, published_inferred, published_confidence, "
    "published_source, language, authors, dateline_place, kind, text, paragraphs, related, source_path, ingested_at, "
    "content_hash, duplicate_of, duplicate_kind, duplicate_score"
)


# An upsert, not INSERT OR REPLACE: a replace deletes the row, which rows elsewhere refer to.
_UPSERT_ARTICLE = ", ".join(f"{c} = excluded.{c}" for c in _ARTICLE_COLUMNS.split(", ") if c != "id")


def default_db_path() -> str:
    return os.environ.get("WARTA_DB") or "warta.db"


def default_wait() -> float:
    """$WARTA_WAIT seconds, else :data:`DEFAULT_WAIT`."""
    try:
        return max(0.0, float(os.environ["WARTA_WAIT"]))
    except (KeyError, ValueError):
        return DEFAULT_WAIT


def _is_busy(exc: sqlite3.Error) -> bool:
    name = getattr(exc, "sqlite_errorname", "") or ""
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in str(exc)


def _is_readonly(exc: sqlite3.Error) -> bool:
    name = getattr(exc, "sqlite_errorname", "") or ""
    return name.startswith("SQLITE_READONLY") or "readonly database" in str(exc)


class Store:
    """A warta database. Thread-safe for reading: each thread gets its own connection."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, wait: float | None = None) -> None:
        self.path = str(path) if path is not None else default_db_path()
        #: seconds a write waits for another writer's lock (busy timeout and batch retries)
        self.wait = default_wait() if wait is None else max(0.0, float(wait))
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._migrate()

    # -- connections and schema -------------------------------------------------------

    @property
    def db(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
        return conn

    def _connect(self) -> sqlite3.Connection:
        parent = Path(self.path).parent
        if self.path != ":memory:" and not parent.exists():
            raise StoreError(f"{self.path}: folder {parent} does not exist")
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=self.wait)
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout={int(self.wait * 1000)}")
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
        except sqlite3.DatabaseError as exc:
            if _is_busy(exc):
                raise self._busy() from None
            if _is_readonly(exc) or "unable to open" in str(exc):
                raise StoreError(f"{self.path}: cannot open the database for writing ({exc})") from None
            raise StoreError(f"{self.path}: not a warta database ({exc})") from None
        with self._lock:
            self._connections.append(conn)
        return conn

    def _migrate(self) -> None:
        db = self.db
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a warta database ({exc})") from None
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema version {version} is newer than this warta ({SCHEMA_VERSION}); upgrade warta"
            )
        for number in range(version, SCHEMA_VERSION):
            with self.transaction():
                for statement in _split_sql(MIGRATIONS[number]):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {number + 1}")

    def _busy(self) -> DatabaseBusyError:
        name = Path(self.path).name
        return DatabaseBusyError(
            f"database busy: another ingest is writing {name}; retry or use --wait SECONDS"
            f" (waited {self.wait:g} s)"
        )

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of work (BEGIN IMMEDIATE … COMMIT); nested calls join the outer one.

        Waiting for another writer's lock is bounded by :attr:`wait`; when it runs out the
        transaction is rolled back and :class:`DatabaseBusyError` raised. A read-only file
        is a :class:`StoreError`. Neither leaves anything half-written."""
        db = self.db
        if db.in_transaction:
            yield db
            return
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise self._translate(exc) from None
        self._local.fts_floor = None
        try:
            yield db
            self._index_new_articles()
            db.execute("COMMIT")
        except BaseException as exc:
            self._local.fts_floor = None
            if db.in_transaction:
                db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError) and (_is_busy(exc) or _is_readonly(exc)):
                raise self._translate(exc) from None
            raise

    def _translate(self, exc: sqlite3.OperationalError) -> Exception:
        if _is_busy(exc):
            return self._busy()
        if _is_readonly(exc):
            return StoreError(f"{self.path}: the database is read-only (check the file's permissions)")
        return exc

    def write(self, work: Callable[[], _T]) -> _T:
        """Run ``work`` in one transaction, retrying the whole of it while another writer
        holds the lock, for at most :attr:`wait` seconds in all."""
        deadline = time.monotonic() + self.wait
        pause = 0.05
        while True:
            try:
                with self.transaction():
                    return work()
            except DatabaseBusyError:
                if time.monotonic() + pause >= deadline:
                    raise
                time.sleep(pause)
                pause = min(pause * 2, 1.0)

    def _index_new_articles(self) -> None:
        """Add the articles inserted in this transaction to the full-text index, in one
        statement: row by row, FTS5 flushes its pending terms at every statement."""
        floor = getattr(self._local, "fts_floor", None)
        if floor is not None:
            self.db.execute(
                "INSERT INTO articles_fts(rowid, title, text) SELECT rowid, title, text FROM articles WHERE rowid > ?",
                (floor,),
            )
            self._local.fts_floor = None
            self._local.fts_pending_ids = set()

    def close(self) -> None:
        with self._lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
        self._local = threading.local()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- meta ---------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    # -- manifest inputs ----------------------------------------------------------------

    def completed_inputs(self, paths: list[str]) -> dict[str, tuple[int, int]]:
        """(size, mtime_ns) recorded for each of ``paths`` that a manifest ingest completed."""
        found: dict[str, tuple[int, int]] = {}
        for chunk in _chunks(paths, 500):
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                f"SELECT path, size, mtime_ns FROM ingested_inputs WHERE path IN ({marks})", chunk
            ):
                found[row[0]] = (row[1], row[2])
        return found

    def mark_inputs_completed(self, inputs: list[tuple[str, int, int, int]], *, completed_at: str) -> None:
        """Record (path, size, mtime_ns, documents) of inputs whose articles are all stored."""
        self.db.executemany(
            "INSERT OR REPLACE INTO ingested_inputs(path, size, mtime_ns, documents, completed_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [(path, size, mtime, docs, completed_at) for path, size, mtime, docs in inputs],
        )

    # -- articles -----------------------------------------------------------------------

    def insert_article(
        self,
        article: Article,
        *,
        canonical_url: str | None,
        duplicate_kind: str | None = None,
        duplicate_score: float | None = None,
    ) -> None:
        """Insert or update one article. Inside a transaction a new article enters the
        full-text index when the transaction ends (see :meth:`transaction`)."""
        db = self.db
        if not db.in_transaction:
            with self.transaction():
                self.insert_article(
                    article, canonical_url=canonical_url, duplicate_kind=duplicate_kind, duplicate_score=duplicate_score
                )
            return
        local = self._local
        if getattr(local, "fts_floor", None) is None:
            local.fts_floor = db.execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()[0]
            local.fts_pending_ids = set()
        elif article.id in local.fts_pending_ids:
            # Updating a row not yet indexed would fire the update trigger's FTS delete for
            # terms the index never had: index the pending rows first.
            self._index_new_articles()
            local.fts_floor = db.execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()[0]
            local.fts_pending_ids = set()
        local.fts_pending_ids.add(article.id)
        db.execute(
            f"INSERT INTO articles ({_ARTICLE_COLUMNS}) VALUES ({', '.join('?' * 22)}) "
            f"ON CONFLICT(id) DO UPDATE SET {_UPSERT_ARTICLE}",
            (
                article.id,
                article.title,
                article.outlet,
                article.url,
                canonical_url,
                article.published,
                int(article.published_inferred),
                article.published_confidence,
                article.published_source,
                article.language,
                json.dumps(article.authors, ensure_ascii=False),
                article.dateline_place,
                article.kind,
                article.text,
                json.dumps(article.paragraphs, ensure_ascii=False),
                json.dumps([r.to_dict() for r in article.related], ensure_ascii=False),
                article.source_path,
                article.ingested_at,
                article.content_hash or "",
                article.duplicate_of,
                duplicate_kind,
                duplicate_score,
            ),
        )

    def archive_article(self, article_id: str, *, replaced_at: str | None) -> int | None:
        """Keep the stored version of an article before an update replaces it; returns the
        version number given to it (1 for the first), or None when nothing is stored."""
        row = self.db.execute(
            "SELECT coalesce(max(version), 0) + 1 FROM article_versions WHERE article_id = ?", (article_id,)
        ).fetchone()
        version = row[0]
        cursor = self.db.execute(
            "INSERT INTO article_versions(article_id, version, replaced_at, title, outlet, url, published, "
            "authors, text, content_hash, source_path, ingested_at) "
            "SELECT id, ?, ?, title, outlet, url, published, authors, text, content_hash, source_path, ingested_at "
            "FROM articles WHERE id = ?",
            (version, replaced_at, article_id),
        )
        return version if cursor.rowcount else None

    def stale_analyses(self) -> list[str]:
        """Articles whose stored analysis older rules made (or rules not recorded)."""
        from warta.analyze.version import rules_version

        return [
            r[0] for r in self.db.execute(
                "SELECT article_id FROM analyses WHERE rules IS NULL OR rules != ? ORDER BY article_id",
                (rules_version(),),
            )
        ]

    def seen_text(self, article_id: str, content_hash: str | None) -> bool:
        """Whether this text of the article is stored, as the article or one of its versions."""
        return self.db.execute(
            "SELECT 1 FROM article_versions WHERE article_id = ? AND content_hash = ? "
            "UNION ALL SELECT 1 FROM articles WHERE id = ? AND content_hash = ? LIMIT 1",
            (article_id, content_hash, article_id, content_hash),
        ).fetchone() is not None

    def has_unassigned_analyses(self) -> bool:
        """Whether an analysed article has no story yet (an ingest stopped before its stories)."""
        return self.db.execute(
            "SELECT 1 FROM analyses a LEFT JOIN story_articles s ON s.article_id = a.article_id "
            "WHERE s.article_id IS NULL LIMIT 1"
        ).fetchone() is not None

    def keep_sighting(self, article: Article, *, seen_at: str | None) -> bool:
        """Keep another text of a stored article that does not replace it (a feed's teaser of
        the page, a second copy in one batch) among its versions, once per content; returns
        whether it was new."""
        if self.seen_text(article.id, article.content_hash):
            return False
        version = self.db.execute(
            "SELECT coalesce(max(version), 0) + 1 FROM article_versions WHERE article_id = ?", (article.id,)
        ).fetchone()[0]
        self.db.execute(
            "INSERT INTO article_versions(article_id, version, replaced_at, title, outlet, url, published, "
            "authors, text, content_hash, source_path, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article.id, version, seen_at, article.title, article.outlet, article.url, article.published,
             json.dumps(article.authors, ensure_ascii=False), article.text, article.content_hash,
             article.source_path, article.ingested_at),
        )
        return True

    def article_versions(self, article_id: str) -> list[dict[str, Any]]:
        """Earlier versions of an article, oldest first (the current one is in ``articles``)."""
        rows = self.db.execute(
            "SELECT article_id, version, replaced_at, title, outlet, url, published, authors, text, "
            "content_hash, source_path, ingested_at FROM article_versions WHERE article_id = ? ORDER BY version",
            (article_id,),
        )
        out = []
        for r in rows:
            item = dict(r)
            item["authors"] = json.loads(item["authors"])
            out.append(item)
        return out

    def article_hashes(self, article_ids: list[str]) -> dict[str, str]:
        """Content hashes of those of ``article_ids`` that are stored."""
        found: dict[str, str] = {}
        for chunk in _chunks(article_ids, 500):
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(f"SELECT id, content_hash FROM articles WHERE id IN ({marks})", chunk):
                found[row[0]] = row[1]
        return found

    def find_canonical(self, *, canonical_url: str | None = None, content_hash: str | None = None) -> str | None:
        """The canonical article with this URL or this content hash, if stored."""
        if canonical_url:
            row = self.db.execute(
                "SELECT coalesce(duplicate_of, id) FROM articles WHERE canonical_url = ? ORDER BY rowid LIMIT 1",
                (canonical_url,),
            ).fetchone()
            if row:
                return row[0]
        if content_hash:
            row = self.db.execute(
                "SELECT coalesce(duplicate_of, id) FROM articles WHERE content_hash = ? ORDER BY rowid LIMIT 1",
                (content_hash,),
            ).fetchone()
            if row:
                return row[0]
        return None

    def get_article(self, article_id: str) -> Article | None:
        row = self.db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)).fetchone()
        return _row_to_article(row) if row else None

    def get_articles(self, article_ids: list[str]) -> list[Article]:
        found = {}
        for chunk in _chunks(article_ids, 500):
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id IN ({marks})", chunk):
                found[row["id"]] = _row_to_article(row)
        return [found[i] for i in article_ids if i in found]

    def list_articles(
        self,
        *,
        limit: int = 50,
        offset: int = 0,
        outlet: str | None = None,
        include_duplicates: bool = True,
    ) -> list[Article]:
        where, params = [], []
        if outlet:
            where.append("outlet = ?")
            params.append(outlet)
        if not include_duplicates:
            where.append("duplicate_of IS NULL")
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        rows = self.db.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles {clause} "
            "ORDER BY coalesce(published, '') DESC, id LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return [_row_to_article(r) for r in rows]

    def count_articles(self, *, include_duplicates: bool = True, outlet: str | None = None) -> int:
        where, params = [], []
        if outlet:
            where.append("outlet = ?")
            params.append(outlet)
        if not include_duplicates:
            where.append("duplicate_of IS NULL")
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        return self.db.execute("SELECT count(*) FROM articles" + clause, params).fetchone()[0]

    def article_ids(self, *, canonical_only: bool = False) -> list[str]:
        sql = "SELECT id FROM articles" + (" WHERE duplicate_of IS NULL" if canonical_only else "") + " ORDER BY id"
        return [r[0] for r in self.db.execute(sql)]

    def article_sources(self, article_id: str) -> list[dict[str, Any]]:
        """Every copy of an article's content: itself (or its canonical), its duplicates, and the
        other texts of it seen (versions: a teaser, an earlier text)."""
        row = self.db.execute("SELECT coalesce(duplicate_of, id) FROM articles WHERE id = ?", (article_id,)).fetchone()
        if not row:
            return []
        canonical = row[0]
        rows = self.db.execute(
            "SELECT id, outlet, url, source_path, duplicate_kind, published FROM articles "
            "WHERE id = ? OR duplicate_of = ? ORDER BY duplicate_of IS NOT NULL, coalesce(published, ''), id",
            (canonical, canonical),
        )
        # Then the other texts seen of the same article (a feed's teaser, a replaced version).
        versions = self.db.execute(
            "SELECT article_id AS id, outlet, url, source_path, 'version' AS duplicate_kind, published "
            "FROM article_versions WHERE article_id = ? ORDER BY version",
            (canonical,),
        )
        return [
            {
                "article_id": r["id"],
                "outlet": r["outlet"],
                "url": r["url"],
                "source_path": r["source_path"],
                "duplicate_kind": r["duplicate_kind"],
                "published": r["published"],
            }
            for r in [*rows, *versions]
        ]

    # -- search -------------------------------------------------------------------------

    def search(self, query: str, *, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """FTS5 search over titles and texts; raises QueryError for empty, malformed or too
        costly queries (see :func:`check_query_cost`).

        Each hit names the story its article belongs to (``story_id``, ``story_title``; None
        when it has none yet)."""
        if not query or not query.strip():
            raise QueryError("empty search query")
        check_query_cost(query)
        try:
            rows = self.db.execute(
                "SELECT a.id, a.title, a.outlet, a.published, a.duplicate_of, "
                "snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snippet, "
                "sa.story_id AS story_id, s.title AS story_title "
                "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                "LEFT JOIN story_articles sa ON sa.article_id = a.id LEFT JOIN stories s ON s.id = sa.story_id "
                "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
                (query, limit, offset),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise QueryError(f"cannot search for {query!r}: {exc}; put phrases in double quotes") from None
        return [dict(r) for r in rows]

    def count_search(self, query: str) -> int:
        """How many articles match ``query`` (what :meth:`search` pages through)."""
        if not query or not query.strip():
            raise QueryError("empty search query")
        try:
            return self.db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (query,)).fetchone()[0]
        except sqlite3.OperationalError as exc:
            raise QueryError(f"cannot search for {query!r}: {exc}; put phrases in double quotes") from None

    # -- analyses and features ----------------------------------------------------------

    def save_analysis(self, analysis: Analysis, features: dict[str, Any] | None = None) -> None:
        from warta.analyze.version import rules_version

        data = analysis.to_dict()
        data.pop("text", None)  # the article row already holds it
        self.db.execute(
            "INSERT OR REPLACE INTO analyses(article_id, analysis, features, rules) VALUES (?, ?, ?, ?)",
            (
                analysis.id,
                json.dumps(data, ensure_ascii=False),
                json.dumps(features, ensure_ascii=False) if features is not None else None,
                rules_version(),
            ),
        )
        self.db.execute("DELETE FROM entity_mentions WHERE article_id = ?", (analysis.id,))
        counts: dict[tuple[str, str], int] = {}
        for entity in analysis.entities:
            key = (entity.canonical, entity.type)
            counts[key] = counts.get(key, 0) + 1
        self.db.executemany(
            "INSERT INTO entity_mentions(article_id, canonical, type, mentions) VALUES (?, ?, ?, ?)",
            [(analysis.id, c, t, n) for (c, t), n in counts.items()],
        )
        self.db.execute("DELETE FROM claims WHERE article_id = ?", (analysis.id,))
        self.db.executemany(
            "INSERT INTO claims(article_id, position, measure, attribute, value_text, number, unit, timex, "
            "precision, modality, time_scope, source, qualifiers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (analysis.id, i, c.measure, c.attribute, c.span.text, c.value.number, c.value.unit, c.value.timex,
                 c.value.precision, c.modality, c.time_scope, c.source, json.dumps(c.qualifiers, ensure_ascii=False))
                for i, c in enumerate(analysis.claims)
            ],
        )

    def get_analysis(self, article_id: str) -> Analysis | None:
        row = self.db.execute(
            "SELECT an.analysis, a.text FROM analyses an JOIN articles a ON a.id = an.article_id WHERE an.article_id = ?",
            (article_id,),
        ).fetchone()
        if not row:
            return None
        data = json.loads(row[0])
        data["text"] = row[1]
        return Analysis.from_dict(data)

    def get_analyses(self, articles: list[Article]) -> dict[str, Analysis]:
        """Analyses of ``articles`` (already read, so their text is not read again), by id."""
        text_of = {a.id: a.text for a in articles}
        found: dict[str, Analysis] = {}
        for chunk in _chunks(list(text_of), 500):
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                f"SELECT article_id, analysis FROM analyses WHERE article_id IN ({marks})", chunk
            ):
                data = json.loads(row[1])
                data["text"] = text_of[row[0]]
                found[row[0]] = Analysis.from_dict(data)
        return found

    def all_features(self) -> dict[str, dict[str, Any]]:
        rows = self.db.execute("SELECT article_id, features FROM analyses WHERE features IS NOT NULL")
        return {r[0]: json.loads(r[1]) for r in rows}

    # -- dedup signatures ---------------------------------------------------------------

    def save_signature(self, article_id: str, signature: bytes) -> None:
        self.db.execute("INSERT OR REPLACE INTO minhashes(article_id, signature) VALUES (?, ?)", (article_id, signature))

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        yield from self.db.execute("SELECT article_id, signature FROM minhashes ORDER BY article_id")

    # -- stories ------------------------------------------------------------------------

    def get_story_state(self, key: str = "index") -> dict[str, Any] | None:
        row = self.db.execute("SELECT state FROM story_state WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def set_story_state(self, state: dict[str, Any], key: str = "index") -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO story_state(key, state) VALUES (?, ?)", (key, json.dumps(state, ensure_ascii=False))
        )

    def story_states(self, prefix: str) -> dict[str, dict[str, Any]]:
        """Every story-state row whose key starts with ``prefix``, by key."""
        rows = self.db.execute(
            "SELECT key, state FROM story_state WHERE key >= ? AND key < ?", (prefix, prefix + "\U0010ffff")
        )
        return {r[0]: json.loads(r[1]) for r in rows}

    def set_story_states(self, states: dict[str, dict[str, Any] | None]) -> None:
        """Write story-state rows by key; a None state deletes its row."""
        gone = [(k,) for k, v in states.items() if v is None]
        if gone:
            self.db.executemany("DELETE FROM story_state WHERE key = ?", gone)
        self.db.executemany(
            "INSERT OR REPLACE INTO story_state(key, state) VALUES (?, ?)",
            [(k, json.dumps(v, ensure_ascii=False)) for k, v in states.items() if v is not None],
        )

    def delete_story_states(self, prefix: str) -> None:
        self.db.execute("DELETE FROM story_state WHERE key >= ? AND key < ?", (prefix, prefix + "\U0010ffff"))

    def set_memberships(self, memberships: dict[str, str]) -> None:
        self.db.executemany(
            "INSERT OR REPLACE INTO story_articles(article_id, story_id) VALUES (?, ?)", list(memberships.items())
        )

    def memberships(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.db.execute("SELECT article_id, story_id FROM story_articles")}

    def save_story(self, story: dict[str, Any], *, updated_at: str | None = None) -> None:
        sid = story["id"]
        articles = story.get("articles", [])
        published = sorted(a["published"] for a in articles if a.get("published"))
        outlets = sorted({a["outlet"] for a in articles if a.get("outlet")})
        db = self.db
        db.execute(
            "INSERT INTO stories(id, title, summary, article_count, outlets, first_published, "
            "last_published, conflict_count, story, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET title = excluded.title, summary = excluded.summary, "
            "article_count = excluded.article_count, outlets = excluded.outlets, "
            "first_published = excluded.first_published, last_published = excluded.last_published, "
            "conflict_count = excluded.conflict_count, story = excluded.story, updated_at = excluded.updated_at",
            (
                sid,
                story.get("title"),
                story.get("summary"),
                len(articles),
                json.dumps(outlets, ensure_ascii=False),
                published[0] if published else None,
                published[-1] if published else None,
                len(story.get("conflicts", [])),
                json.dumps(story, ensure_ascii=False),
                updated_at,
            ),
        )
        db.execute("DELETE FROM timeline_entries WHERE story_id = ?", (sid,))
        db.executemany(
            "INSERT INTO timeline_entries(story_id, position, date, precision, text, expected, hedged, sources) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    sid,
                    i,
                    e.get("date"),
                    e.get("precision"),
                    e.get("text"),
                    int(bool(e.get("expected"))),
                    int(bool(e.get("hedged"))),
                    json.dumps(e.get("sources", []), ensure_ascii=False),
                )
                for i, e in enumerate(story.get("timeline", []))
            ],
        )
        db.execute("DELETE FROM conflicts WHERE story_id = ?", (sid,))
        db.executemany(
            'INSERT INTO conflicts(story_id, position, about, "values", kind, attribute, label, score) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (sid, i, c.get("about", ""), json.dumps(c.get("values", []), ensure_ascii=False), c.get("kind"),
                 c.get("attribute"), c.get("label"), c.get("score"))
                for i, c in enumerate(story.get("conflicts", []))
            ],
        )

    def delete_stories(self, story_ids: list[str]) -> None:
        for sid in story_ids:
            for table in ("timeline_entries", "conflicts", "story_articles"):
                self.db.execute(f"DELETE FROM {table} WHERE story_id = ?", (sid,))
            self.db.execute("DELETE FROM stories WHERE id = ?", (sid,))

    def story_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM stories ORDER BY id")]

    def get_story(self, story_id: str) -> dict[str, Any] | None:
        text = self.get_story_json(story_id)
        return json.loads(text) if text is not None else None

    def get_story_json(self, story_id: str) -> str | None:
        """The stored story as its JSON text: servers pass it on (or compare it) unparsed."""
        row = self.db.execute("SELECT story FROM stories WHERE id = ?", (story_id,)).fetchone()
        return row[0] if row else None

    def _story_filters(
        self,
        q: str | None,
        date_from: str | None,
        date_to: str | None,
        outlet: str | None,
        entity: str | None,
    ) -> tuple[str, list[Any]]:
        where, params = [], []
        if q:
            check_query_cost(q)
            where.append(
                "s.id IN (SELECT sa.story_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
                "JOIN articles_fts f ON f.rowid = a.rowid WHERE articles_fts MATCH ?)"
            )
            params.append(q)
        if date_from:
            where.append("coalesce(s.last_published, '') >= ?")
            params.append(date_from)
        if date_to:
            # A date_to of "2024-11-09" includes that whole day.
            where.append("coalesce(s.first_published, '') <= ?")
            params.append(date_to + "\uffff" if len(date_to) == 10 else date_to)
        if outlet:
            where.append(
                "s.id IN (SELECT sa.story_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
                "WHERE a.outlet = ? COLLATE NOCASE)"
            )
            params.append(outlet)
        if entity:
            where.append(
                "s.id IN (SELECT sa.story_id FROM story_articles sa JOIN entity_mentions em "
                "ON em.article_id = sa.article_id WHERE em.canonical = ? COLLATE NOCASE)"
            )
            params.append(entity)
        return (f"WHERE {' AND '.join(where)}" if where else ""), params

    def list_stories(
        self,
        *,
        q: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        outlet: str | None = None,
        entity: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        clause, params = self._story_filters(q, date_from, date_to, outlet, entity)
        try:
            rows = self.db.execute(
                "SELECT s.id, s.title, s.summary, s.article_count, s.outlets, s.first_published, "
                f"s.last_published, s.conflict_count FROM stories s {clause} "
                "ORDER BY coalesce(s.last_published, '') DESC, s.article_count DESC, s.id LIMIT ? OFFSET ?",
                (*params, limit, offset),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise QueryError(f"cannot search for {q!r}: {exc}; put phrases in double quotes") from None
        out = []
        for r in rows:
            item = dict(r)
            item["outlets"] = json.loads(item["outlets"])
            out.append(item)
        return out

    def count_stories(
        self,
        *,
        q: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        outlet: str | None = None,
        entity: str | None = None,
    ) -> int:
        """How many stories :meth:`list_stories` would list with these filters and no limit."""
        clause, params = self._story_filters(q, date_from, date_to, outlet, entity)
        try:
            return self.db.execute(f"SELECT count(*) FROM stories s {clause}", params).fetchone()[0]
        except sqlite3.OperationalError as exc:
            raise QueryError(f"cannot search for {q!r}: {exc}; put phrases in double quotes") from None


MAX_QUERY_TERMS = 32
MAX_PREFIX_TERMS = 4
MIN_PREFIX_LENGTH = 2
_QUERY_TOKEN = re.compile(r'"[^"]*"?|[^\s()"]+')


def check_query_cost(query: str) -> None:
    """Refuse an FTS5 query that would cost far more than any reader's search: more than
    MAX_QUERY_TERMS terms, more than MAX_PREFIX_TERMS prefix terms (``word*``), or a prefix
    shorter than MIN_PREFIX_LENGTH characters (each expands to a large part of the index)."""
    tokens = [t for t in _QUERY_TOKEN.findall(query) if t.upper() not in ("AND", "OR", "NOT", "NEAR")]
    terms = sum(max(1, len(t.strip('"').split())) if t.startswith('"') else 1 for t in tokens)
    prefixes = [t for t in tokens if t.endswith("*")]
    if len(prefixes) > MAX_PREFIX_TERMS:
        raise QueryError(f"too many prefix terms ({len(prefixes)}; the limit is {MAX_PREFIX_TERMS})")
    if terms > MAX_QUERY_TERMS:
        raise QueryError(f"too many terms ({terms}; the limit is {MAX_QUERY_TERMS})")
    for term in prefixes:
        stem = term.strip('"*').rsplit(":", 1)[-1]
        if len(stem) < MIN_PREFIX_LENGTH:
            raise QueryError(f"prefix {term!r} is too short (at least {MIN_PREFIX_LENGTH} characters before *)")


def _row_to_article(row: sqlite3.Row) -> Article:
    return Article(
        id=row["id"],
        text=row["text"],
        title=row["title"],
        url=row["url"],
        outlet=row["outlet"],
        authors=json.loads(row["authors"]),
        published=row["published"],
        published_inferred=bool(row["published_inferred"]),
        published_confidence=row["published_confidence"],
        published_source=row["published_source"],
        language=row["language"],
        paragraphs=json.loads(row["paragraphs"]),
        related=[RelatedLink.from_dict(r) for r in json.loads(row["related"])],
        dateline_place=row["dateline_place"],
        kind=row["kind"],
        source_path=row["source_path"],
        ingested_at=row["ingested_at"],
        duplicate_of=row["duplicate_of"],
        content_hash=row["content_hash"] or None,
    )


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


_STATEMENT_END = re.compile(r";\s*$")


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements; trigger bodies keep their inner semicolons."""
    statements, current, depth = [], [], 0
    for line in script.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        current.append(line)
        upper = stripped.upper()
        if upper.startswith("CREATE TRIGGER"):
            depth += 1
        if depth and upper == "END;":
            depth -= 1
        if not depth and _STATEMENT_END.search(stripped):
            statements.append("\n".join(current))
            current = []
    if current:
        statements.append("\n".join(current))
    return statements
