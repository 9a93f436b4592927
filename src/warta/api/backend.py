"""Access to the store from request threads, and the ingest entry point the API calls.

FastAPI runs plain ``def`` endpoints in a thread pool; the store hands each thread its
own SQLite connection. Writes go through one lock: SQLite allows a single writer, and serialising here turns
"database is locked" into a short wait.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol


class StoreLike(Protocol):
    """The part of :class:`warta.store.Store` the reading room uses."""

    def get_article(self, article_id: str) -> Any: ...
    def list_articles(self, *, limit: int = 50, offset: int = 0, outlet: str | None = None) -> list[Any]: ...
    def count_articles(self) -> int: ...
    def get_analysis(self, article_id: str) -> Any: ...
    def article_sources(self, article_id: str) -> list[dict[str, Any]]: ...
    def search(self, query: str, *, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]: ...
    def list_stories(self, **filters: Any) -> list[dict[str, Any]]: ...
    def get_story(self, story_id: str) -> dict[str, Any] | None: ...
    def get_story_json(self, story_id: str) -> str | None: ...
    def close(self) -> None: ...


IngestFunction = Callable[[list[dict[str, Any]], Any], Any]


def _default_store_factory(db_path: Path, wait: float) -> Callable[[], StoreLike]:
    def open_store() -> StoreLike:
        from warta.store import Store

        return Store(db_path, wait=wait)

    return open_store


class _PipelineIngest:
    """The real ingest, keeping one :class:`warta.pipeline.Ingestor` for the life of the app,
    so a POST costs what its articles cost rather than a reload of every stored signature."""

    def __init__(self) -> None:
        self._ingestor: Any = None

    def __call__(self, items: list[dict[str, Any]], store: Any, *, replace: bool = False) -> Any:
        from warta.pipeline import Ingestor, ingest_dicts

        if self._ingestor is None or self._ingestor.store is not store:
            self._ingestor = Ingestor(store)
        return ingest_dicts(items, store, origin="api", ingestor=self._ingestor, replace=replace)


class Backend:
    """One store shared by the request threads, and a lock that serialises writes.

    :class:`warta.store.Store` gives each thread its own SQLite connection, so one
    instance serves the whole thread pool; a replacement store must be thread-safe too.
    """

    def __init__(
        self,
        db_path: str | Path | None,
        *,
        store_factory: Callable[[], StoreLike] | None = None,
        ingest: IngestFunction | None = None,
        wait: float | None = None,
    ) -> None:
        from warta.store import default_wait

        self.wait = default_wait() if wait is None else wait
        if store_factory is None:
            if db_path is None:
                raise ValueError("create_app needs a db_path or a store_factory")
            store_factory = _default_store_factory(Path(db_path), self.wait)
        self._store_factory = store_factory
        self._ingest = ingest or _PipelineIngest()
        self._store: StoreLike | None = None
        self._open_lock = threading.Lock()
        self.write_lock = threading.Lock()

    def store(self) -> StoreLike:
        store = self._store
        if store is None:
            with self._open_lock:  # opening migrates the schema: do it once
                if self._store is None:
                    self._store = self._store_factory()
                store = self._store
        return store

    def ingest(self, items: list[dict[str, Any]], *, replace: bool = False) -> Any:
        """Ingest under the write lock; waits at most ``wait`` seconds for it (this server's
        other writes), then the store's own bounded wait for other processes. Either way
        running out raises DatabaseBusyError (a 503)."""
        from warta.errors import DatabaseBusyError

        if not self.write_lock.acquire(timeout=self.wait):
            raise DatabaseBusyError("database busy: another write is in progress; retry shortly")
        try:
            if replace:
                return self._ingest(items, self.store(), replace=True)
            return self._ingest(items, self.store())
        finally:
            self.write_lock.release()

    def close(self) -> None:
        with self._open_lock:
            store, self._store = self._store, None
        if store is not None:
            store.close()
