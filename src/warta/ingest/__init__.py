"""Reading articles from files, directories and stdin.

``read_paths`` yields one RawDocument per article, or one IngestProblem per user mistake
(a bad file, line, entry or record); it never raises for bad input. Formats go by extension:
``.txt``/``.md`` (optional front matter), ``.jsonl``/``.json``, ``.html``/``.htm``,
``.xml``/``.rss``/``.atom`` feeds, ``.warc``/``.warc.gz``, and ``.gz`` of any of them.
Limits (see ``streams``; each can be raised with an environment variable): 20 MB for one
text or HTML document, feed or whole ``.json`` file, 5 MB per JSON Lines line, 2 MB of text
per article, 64 levels of JSON nesting; compressed input may expand 200 times (4 GB at most).
JSON Lines and WARC files stream, so their size is otherwise unbounded.
Text must be UTF-8: invalid UTF-8 is a problem naming the byte (see ``streams``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TextIO

from warta.ingest.documents import NotAPage, read_html_file, read_text_file
from warta.ingest.feeds import read_feed_file
from warta.ingest.json_records import iter_text_lines, raw_from_dict, read_json_file, read_jsonl_file
from warta.ingest.records import IngestProblem, RawDocument, ReadFailure
from warta.ingest.warc import read_warc_file

__all__ = ["IngestProblem", "RawDocument", "raw_from_dict", "read_paths", "SUPPORTED_SUFFIXES"]

Reader = Callable[..., RawDocument | Iterator[RawDocument | IngestProblem]]

_READERS: dict[str, Reader] = {
    ".txt": read_text_file,
    ".md": read_text_file,
    ".markdown": read_text_file,
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
    ".json": read_json_file,
    ".html": read_html_file,
    ".htm": read_html_file,
    ".xhtml": read_html_file,
    ".xml": read_feed_file,
    ".rss": read_feed_file,
    ".atom": read_feed_file,
    ".warc": read_warc_file,
}
SUPPORTED_SUFFIXES = tuple(sorted(_READERS)) + (".warc.gz", ".gz")


def _format_suffix(path: Path) -> str:
    """The suffix that names the format: ``.jsonl`` for ``a.jsonl.gz``; ``.warc`` for ``.warc.gz``."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _walk(directory: Path, seen: set[tuple[int, int]] | None = None) -> Iterator[Path | IngestProblem]:
    """Files under a directory, recursively, sorted, skipping hidden files and directories.

    A folder that cannot be listed, and a symbolic link back into a folder already being
    read (a loop), are one problem each; the walk goes on with the rest."""
    seen = set() if seen is None else seen
    try:
        info = directory.stat()
    except OSError as exc:
        yield IngestProblem(str(directory), None, f"cannot read folder: {exc.strerror or exc}")
        return
    key = (info.st_dev, info.st_ino)
    if key in seen:
        yield IngestProblem(str(directory), None, "symbolic link loop (this folder is already being read); skipped")
        return
    seen.add(key)
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError as exc:
        yield IngestProblem(str(directory), None, f"cannot read folder: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
            is_file = not is_dir and entry.is_file()
        except OSError as exc:
            yield IngestProblem(entry.path, None, f"cannot read: {exc.strerror or exc}")
            continue
        if is_dir:
            yield from _walk(Path(entry.path), seen)
        elif is_file:
            yield Path(entry.path)
        elif entry.is_symlink():
            yield IngestProblem(entry.path, None, "broken or looping symbolic link; skipped")
    seen.discard(key)


def _read_file(path: Path, published: str | None, outlet: str | None) -> Iterator[RawDocument | IngestProblem]:
    source_path = str(path)
    reader = _READERS.get(_format_suffix(path))
    if reader is None:
        yield IngestProblem(source_path, None, f"unsupported file type '{''.join(path.suffixes) or path.name}'"
                            f" (supported: {', '.join(SUPPORTED_SUFFIXES)})")
        return
    try:
        result = reader(path, source_path, published=published, outlet=outlet)
        if isinstance(result, RawDocument):
            yield result
        else:
            yield from result
    except NotAPage as failure:
        yield IngestProblem(source_path, failure.locator, failure.message, skipped=True)
    except ReadFailure as failure:
        yield IngestProblem(source_path, failure.locator, failure.message)
    except PermissionError:
        yield IngestProblem(source_path, None, "permission denied")
    except IsADirectoryError:
        yield IngestProblem(source_path, None, "is a directory")
    except OSError as exc:  # e.g. a file that vanished between listing and reading
        yield IngestProblem(source_path, None, f"cannot read: {exc.strerror or exc}")
    except RecursionError:
        yield IngestProblem(source_path, None, "nested too deeply to read")
    except (ValueError, TypeError, AttributeError, KeyError, IndexError, LookupError) as exc:
        # A parser (feedparser, warcio) tripping over malformed input: still one line.
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        yield IngestProblem(source_path, None, f"cannot read: malformed input ({detail[:200]})")


def read_paths(
    paths: Iterable[str | Path],
    *,
    published: str | None = None,
    outlet: str | None = None,
    stdin: TextIO | None = None,
) -> Iterator[RawDocument | IngestProblem]:
    """Documents and problems from files, directories (recursive, sorted) and "-" (JSON Lines
    on stdin). ``published`` and ``outlet`` fill in documents that lack them."""
    for given in paths:
        if str(given) == "-":
            yield from iter_text_lines(stdin or sys.stdin, "-", published=published, outlet=outlet)
            continue
        path = Path(given)
        if path.is_dir():
            for file in _walk(path):
                if isinstance(file, IngestProblem):
                    yield file
                else:
                    yield from _read_file(file, published, outlet)
        elif path.exists():
            yield from _read_file(path, published, outlet)
        else:
            yield IngestProblem(str(given), None, "no such file or directory")
