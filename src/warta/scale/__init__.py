"""Executors for the map step (read, clean and analyse articles): in-process, a process pool, or Dask.

The map step is a pure function of its input, so the same code runs on any of them.
``map`` gives results in input order; ``stream`` does too, but keeps only a few tasks in
flight, so that the single store writer works on the first results while the workers
compute the next ones and memory stays bounded however long the input is.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, TypeVar

from warta.errors import ConfigError

T = TypeVar("T")
R = TypeVar("R")

__all__ = ["Executor", "ClusterError", "local_executor", "process_executor", "dask_executor"]


class ClusterError(ConfigError):
    """The workers failed (a worker died, the scheduler went away, a worker lacks warta)."""

    code = "W501"


class Executor(Protocol):
    #: whether tasks run in other processes or machines (then the writer reads no article itself)
    parallel: bool
    #: whether the workers read input files themselves (Dask: shards name files, not articles)
    reads_files: bool

    def map(self, fn: Callable[[Any], R], items: Iterable[Any]) -> Iterator[R]: ...

    def stream(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[tuple[T, R]]: ...

    def close(self) -> None: ...


# Shards the workers may run ahead of the writer. The writer stops taking results while it
# stores a batch and updates the stories (seconds for a batch of 250): with only a task or
# two queued per worker, the workers would stand idle all that time. A batch's worth of
# shards ahead keeps them busy; what waits costs a few megabytes.
AHEAD = 32


class _Local:
    parallel = False
    reads_files = False

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        return map(fn, items)

    def stream(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[tuple[T, R]]:
        return ((item, fn(item)) for item in items)

    def close(self) -> None:
        pass


def _windowed(submit: Callable[[T], Any], items: Iterable[T], window: int, result: Callable[[Any], R]
              ) -> Iterator[tuple[T, R]]:
    """Results in input order with at most ``window`` tasks submitted and not yet taken."""
    pending: deque[tuple[T, Any]] = deque()
    for item in items:
        pending.append((item, submit(item)))
        if len(pending) >= window:
            first, future = pending.popleft()
            yield first, result(future)
    while pending:
        first, future = pending.popleft()
        yield first, result(future)


def _warm() -> None:
    """Load the analysis models once in the parent, so forked workers share them (copy on write)
    instead of each spending seconds loading its own copy."""
    from warta.analyze import analyze
    from warta.model import Article

    analyze(Article(id="warm-up", text="Presiden tiba di Jakarta pada Senin (5/3/2024) pukul 10.00 WIB."))


class _Processes:
    parallel = True
    reads_files = False

    def __init__(self, workers: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.workers = workers
        context = None
        if "fork" in multiprocessing.get_all_start_methods():
            _warm()
            context = multiprocessing.get_context("fork")
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        return self._pool.map(fn, items, chunksize=16)

    def stream(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[tuple[T, R]]:
        return _windowed(lambda item: self._pool.submit(fn, item), items, 2 * self.workers + AHEAD,
                         lambda future: future.result())

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


def _worker_versions() -> tuple[str, str]:
    """Run on each Dask worker: warta's version and the analysis rules it runs."""
    from warta import __version__
    from warta.analyze.version import rules_version

    return __version__, rules_version()


class _Dask:
    parallel = True
    reads_files = True

    def __init__(self, address: str | None, *, client: Any = None) -> None:
        try:
            from dask.distributed import Client
        except ImportError as exc:  # the optional extra is not installed
            raise ConfigError("Dask is not installed: pip install 'warta[scale]'") from exc
        self._own = client is None
        if client is not None:
            self._client = client
        else:
            try:
                self._client = (
                    Client(address, timeout="30s") if address
                    else Client(processes=True, dashboard_address=None)
                )
            except (OSError, TimeoutError) as exc:
                raise ClusterError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        self._check_workers()

    def _check_workers(self) -> None:
        """Every worker must run this warta: another version would store other analyses."""
        from warta import __version__
        from warta.analyze.version import rules_version

        try:
            found = self._client.run(_worker_versions)
        except Exception as exc:  # noqa: BLE001 - a worker that cannot import warta fails here
            raise ClusterError(
                f"the Dask workers cannot run warta ({type(exc).__name__}: {str(exc)[:200]}); "
                f"install warta {__version__} on every worker"
            ) from None
        if not found:
            raise ClusterError("the Dask cluster has no workers")
        mine = (__version__, rules_version())
        for worker, theirs in sorted(found.items()):
            if tuple(theirs) != mine:
                raise ClusterError(
                    f"Dask worker {worker} runs warta {theirs[0]} (rules {theirs[1]}), this is "
                    f"{mine[0]} (rules {mine[1]}); install the same version on every worker"
                )
        self.threads = sum(self._client.nthreads().values()) or 1

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        futures = self._client.map(fn, list(items), pure=False)
        return iter(self._client.gather(futures))

    def stream(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[tuple[T, R]]:
        # Dask's shards are larger (a file, or a range of 200 documents), so a few ahead per
        # thread keep the workers busy; results wait on the workers until the writer takes them.
        return _windowed(lambda item: self._client.submit(fn, item, pure=False), items,
                         2 * self.threads + 4, self._result)

    @staticmethod
    def _result(future: Any) -> Any:
        try:
            return future.result()
        except Exception as exc:
            # A worker died or the connection broke: one line, never a traceback.
            name = type(exc).__name__
            if name in ("KilledWorker", "CommClosedError", "CancelledError", "FutureCancelledError") or isinstance(
                exc, OSError | TimeoutError
            ):
                raise ClusterError(f"the Dask cluster failed ({name}: {str(exc)[:200]})") from None
            raise

    def close(self) -> None:
        if self._own:
            self._client.close()


def local_executor() -> Executor:
    return _Local()


def process_executor(workers: int) -> Executor:
    return _Processes(workers)


def dask_executor(address: str | None = None, *, client: Any = None) -> Executor:
    """A Dask executor: a scheduler at ``address``, a local cluster when None, or an existing
    ``client`` (which the caller closes)."""
    return _Dask(address, client=client)
