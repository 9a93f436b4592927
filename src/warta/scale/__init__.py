"""Executors for the map step (per-article analysis): in-process, a process pool, or Dask.

Per-article analysis is a pure function of the article, so the same code runs on any of
them; results come back in input order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, TypeVar

from warta.errors import ConfigError

T = TypeVar("T")
R = TypeVar("R")

__all__ = ["Executor", "local_executor", "process_executor", "dask_executor"]


class Executor(Protocol):
    def map(self, fn: Callable[[Any], R], items: Iterable[Any]) -> Iterator[R]: ...

    def close(self) -> None: ...


class _Local:
    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        return map(fn, items)

    def close(self) -> None:
        pass


class _Processes:
    def __init__(self, workers: int) -> None:
        from concurrent.futures import ProcessPoolExecutor

        self._pool = ProcessPoolExecutor(max_workers=workers)

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        return self._pool.map(fn, items, chunksize=16)

    def close(self) -> None:
        self._pool.shutdown()


class _Dask:
    def __init__(self, address: str | None) -> None:
        try:
            from dask.distributed import Client
        except ImportError as exc:  # the optional extra is not installed
            raise ConfigError("Dask is not installed: pip install 'warta[scale]'") from exc
        self._client = Client(address) if address else Client(processes=True, dashboard_address=None)

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        futures = self._client.map(fn, list(items), pure=False)
        return iter(self._client.gather(futures))

    def close(self) -> None:
        self._client.close()


def local_executor() -> Executor:
    return _Local()


def process_executor(workers: int) -> Executor:
    return _Processes(workers)


def dask_executor(address: str | None = None) -> Executor:
    """A Dask executor: a scheduler at ``address``, or a local cluster when None."""
    return _Dask(address)
