"""Cutting an ingest's input into shards for the map step, and the map step itself.

An ingest reads *inputs*: files (given on the command line, found under a folder, or
listed one a line in a crawl manifest) and stdin. A *shard* is one task for a worker: one
or more *parts*, each a slice of one input. A part either carries documents already read
(the in-process and process-pool executors: the writer reads, which for JSON Lines and
HTML costs far less than cleaning and analysing) or names a file and a range of its
documents (Dask: the workers read the files themselves, so a cluster reads in parallel and
the client sends only file names). The worker cleans and analyses each document of its
shard and sends back, per part, one entry per document in input order: what the single
store writer needs and nothing more.

Splitting a file into document ranges lets several workers share one large JSON Lines
file or WARC. A worker still reads the file from its start and skips the documents before
its range (the readers stream and keep their own limits and damage checks); skipping
costs well under a millisecond per document against tens of milliseconds to clean and
analyse one, so a range of ``SPLIT_DOCUMENTS`` pays for it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

from warta.ingest import IngestProblem, RawDocument, read_paths

__all__ = ["Input", "Part", "read_manifest", "inputs_for_paths", "plan_shards", "run_shard"]

# Documents in one shard when the writer reads: enough that a task's overhead (pickling,
# a round trip to the worker) is small against its work, few enough to share work evenly.
CHUNK_DOCUMENTS = 8
# Files larger than this are counted and split into ranges of SPLIT_DOCUMENTS documents
# when workers read files themselves (Dask).
SPLIT_BYTES = 1 << 20
SPLIT_DOCUMENTS = 200
# Large files are split only when the inputs are too few to keep the workers busy: fewer
# than this many a worker thread. Counting a file's documents means reading it here, in the
# writer, which a crawl of many WARCs must not do (each worker reads its own files).
SPLIT_INPUTS_PER_THREAD = 4
# Small files sent to one Dask worker together (each is usually one article).
FILES_PER_SHARD = 8
# Formats that hold more than one article, so can be split.
_MULTI = (".jsonl", ".ndjson", ".json", ".warc", ".xml", ".rss", ".atom")


@dataclass(frozen=True, slots=True)
class Input:
    """One input of an ingest: a file, stdin ("-"), or a problem found before reading."""

    path: str
    # (size, mtime_ns) of a manifest input: its completion marker. None: not recorded.
    key: tuple[int, int] | None = None
    problem: IngestProblem | None = None


@dataclass(slots=True)
class Part:
    """A slice of one input within a shard."""

    input: int  # index into the ingest's inputs
    first: bool  # the input's first part: the writer starts counting its articles here
    last: bool  # the input's last part: the input is read through after it
    items: list[RawDocument | IngestProblem] | None = None  # documents already read ...
    path: str | None = None  # ... or a file for the worker to read,
    start: int = 0  # its documents start <= n < stop (n counts what the reader yields)
    stop: int | None = None
    published: str | None = None
    outlet: str | None = None


Shard = tuple[Part, ...]


def read_manifest(manifest: str | Path) -> list[Input]:
    """The inputs a crawl manifest lists: one file, folder or WARC a line; blank lines and
    ``#`` comments ignored; relative paths are relative to the manifest's folder. A line
    naming nothing readable becomes a problem input (reported, the rest goes on)."""
    from warta.errors import InputError

    manifest = Path(manifest)
    try:
        text = manifest.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{manifest}: no such manifest file") from None
    except IsADirectoryError:
        raise InputError(f"{manifest}: is a folder; a manifest is a text file with one path a line") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{manifest}: not UTF-8 text (byte {exc.start}); a manifest lists one path a line") from None
    except OSError as exc:
        raise InputError(f"{manifest}: cannot read the manifest ({exc.strerror or exc})") from None
    base = manifest.resolve().parent
    inputs: list[Input] = []
    seen: set[str] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{manifest}:line {number}"
        if "://" in line:
            inputs.append(_problem(where, f"{line}: only local files are read; download it first, "
                                          "or list its local copy"))
            continue
        path = Path(line).expanduser()
        path = path if path.is_absolute() else base / path
        if path.is_dir():
            from warta.ingest import _walk

            for found in _walk(path):
                if isinstance(found, IngestProblem):
                    inputs.append(Input(found.source_path, problem=found))
                else:
                    _add_file(inputs, seen, Path(found), where)
        else:
            _add_file(inputs, seen, path, where, given=line)
    return inputs


def _problem(where: str, message: str) -> Input:
    source, _, locator = where.rpartition(":")
    return Input(source, problem=IngestProblem(source, locator, message))


def _add_file(inputs: list[Input], seen: set[str], path: Path, where: str, given: str | None = None) -> None:
    try:
        info = path.stat()
    except FileNotFoundError:
        inputs.append(_problem(where, f"{given or path}: no such file or directory"))
        return
    except OSError as exc:
        inputs.append(_problem(where, f"{given or path}: cannot read ({exc.strerror or exc})"))
        return
    name = str(path.resolve())
    if name in seen:  # listed twice (or a folder and a file in it): read once
        return
    seen.add(name)
    inputs.append(Input(name, key=(info.st_size, info.st_mtime_ns)))


def inputs_for_paths(paths: Iterable[str | Path]) -> list[Input]:
    """The inputs of ``warta ingest PATH...``: files as given, folders walked (sorted), "-"."""
    from warta.ingest import _walk

    inputs: list[Input] = []
    for given in paths:
        name = str(given)
        path = Path(name)
        if name == "-" or (not path.is_dir() and path.exists()):
            inputs.append(Input(name))
        elif path.is_dir():
            for found in _walk(path):
                if isinstance(found, IngestProblem):
                    inputs.append(Input(found.source_path, problem=found))
                else:
                    inputs.append(Input(str(found)))
        else:
            inputs.append(Input(name, problem=IngestProblem(name, None, "no such file or directory")))
    return inputs


def plan_shards(
    inputs: list[Input],
    *,
    reads_files: bool,
    published: str | None = None,
    outlet: str | None = None,
    stdin: TextIO | None = None,
    chunk: int | None = None,
    threads: int = 1,
) -> Iterator[Shard]:
    """Shards for ``inputs``, in order; every input has at least one part (the writer learns
    from its last part that the input is read through). ``threads``: the workers' threads."""
    chunk = chunk or CHUNK_DOCUMENTS
    split = len(inputs) < SPLIT_INPUTS_PER_THREAD * threads
    parts: list[Part] = []
    count = 0

    def emit() -> Iterator[Shard]:
        nonlocal parts, count
        if parts:
            yield tuple(parts)
        parts, count = [], 0

    for index, given in enumerate(inputs):
        if given.problem is not None:
            parts.append(Part(index, True, True, items=[given.problem]))
            count += 1
        elif reads_files and given.path != "-":
            yield from emit()  # files go as their own shards: the worker reads them
            yield from _file_shards(index, given.path, published, outlet, split)
            continue
        else:
            # The writer reads the documents and hands them out CHUNK at a time.
            part = Part(index, True, False, items=[])
            for item in read_paths([given.path], published=published, outlet=outlet, stdin=stdin or sys.stdin):
                part.items.append(item)  # type: ignore[union-attr]
                count += 1
                if count >= chunk:
                    parts.append(part)
                    yield from emit()
                    part = Part(index, False, False, items=[])
            part.last = True
            parts.append(part)
        if count >= chunk:
            yield from emit()
    yield from emit()


def _file_shards(index: int, path: str, published: str | None, outlet: str | None, split: bool
                 ) -> Iterator[Shard]:
    """Shards for one file read by the workers: whole, or ranges of its documents when large."""
    try:
        size = os.path.getsize(path)
    except OSError:
        size = 0
    suffixes = [s.lower() for s in Path(path).suffixes if s.lower() != ".gz"]
    if not split or size <= SPLIT_BYTES or not suffixes or suffixes[-1] not in _MULTI:
        yield (Part(index, True, True, path=path, published=published, outlet=outlet),)
        return
    total = sum(1 for _ in read_paths([path], published=published, outlet=outlet))
    starts = list(range(0, max(total, 1), SPLIT_DOCUMENTS))
    for n, start in enumerate(starts):
        last = n == len(starts) - 1
        yield (Part(index, n == 0, last, path=path, start=start, stop=None if last else start + SPLIT_DOCUMENTS,
                    published=published, outlet=outlet),)


def pack_small_files(shards: Iterable[Shard]) -> Iterator[Shard]:
    """Whole small files sent together (a task a page would cost more in overhead than work)."""
    batch: list[Part] = []
    for shard in shards:
        part = shard[0]
        if len(shard) == 1 and part.path is not None and part.first and part.last and _small(part.path):
            batch.extend(shard)
            if len(batch) >= FILES_PER_SHARD:
                yield tuple(batch)
                batch = []
            continue
        if batch:
            yield tuple(batch)
            batch = []
        yield shard
    if batch:
        yield tuple(batch)


def _small(path: str) -> bool:
    try:
        return os.path.getsize(path) <= SPLIT_BYTES
    except OSError:
        return True


# -- the map step (runs on the workers) ---------------------------------------------------


Entry = tuple[Any, ...]


def run_shard(shard: Shard, analyse: bool = True) -> list[list[Entry]]:
    """Clean (and analyse) every document of a shard; per part, one entry per document:
    ``("a", article, analysis or None)``, ``("s", message)`` skipped, or
    ``("r", message, counted, whole_file)`` rejected (see :func:`warta.pipeline.prepare_document`)."""
    from warta.pipeline import analyse_prepared, prepare_document

    out: list[list[Entry]] = []
    for part in shard:
        entries: list[Entry] = []
        for item in _part_items(part):
            entry = prepare_document(item)
            if entry[0] == "a":
                entry = ("a", entry[1], analyse_prepared(entry[1]) if analyse else None)
            entries.append(entry)
        out.append(entries)
    return out


def _part_items(part: Part) -> Iterable[RawDocument | IngestProblem]:
    if part.items is not None:
        return part.items
    assert part.path is not None
    if not os.path.exists(part.path):
        # The writer saw it: this worker does not (another machine without the same files).
        import socket

        return [IngestProblem(part.path, None, f"not found on the worker at {socket.gethostname()}; "
                                               "workers must see the input at the same path")]
    items = read_paths([part.path], published=part.published, outlet=part.outlet)
    return islice(items, part.start, part.stop)
