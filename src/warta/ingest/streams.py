"""Opening, bounding and decoding input bytes.

Decision on encodings: text formats must be UTF-8 (a BOM is accepted, and UTF-16 with a BOM).
Invalid UTF-8 is reported as a problem naming the byte, with a hint when the bytes look like
Windows-1252, rather than guessed at: a wrong guess would silently corrupt names and quotes.
HTML is the exception, because a page declares its own charset (``<meta charset>`` or the
HTTP header in a WARC record); a declared charset is honoured.
"""

from __future__ import annotations

import codecs
import gzip
import io
import os
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from warta.ingest.records import ReadFailure

MB = 1024 * 1024


def _limit_from_env(name: str, default_mb: float) -> int:
    """A size limit in bytes: $name in megabytes when set to a positive number, else the default."""
    try:
        value = float(os.environ[name])
    except (KeyError, ValueError):
        return int(default_mb * MB)
    return int(value * MB) if value > 0 else int(default_mb * MB)


# Limits a real article, page or feed never reaches; each can be raised with an environment
# variable (in MB). A file over a limit is one problem line naming it; the rest goes on.
MAX_DOCUMENT_BYTES = _limit_from_env("WARTA_MAX_FILE_MB", 20)  # one text/HTML document, one feed, one .json
MAX_JSON_BYTES = MAX_DOCUMENT_BYTES  # a .json object or array parsed whole; bigger: use JSON Lines
MAX_LINE_BYTES = _limit_from_env("WARTA_MAX_LINE_MB", 5)  # one JSON Lines line (the file streams, any size)
MAX_RECORD_BYTES = MAX_DOCUMENT_BYTES  # one WARC payload
MAX_ARTICLE_CHARS = _limit_from_env("WARTA_MAX_ARTICLE_MB", 2)  # one article's text or HTML, any format
# Decompression: a compressed stream may expand at most this much in all (and no more than
# MAX_EXPANSION times its compressed size, past the first MAX_DOCUMENT_BYTES).
MAX_DECOMPRESSED_BYTES = _limit_from_env("WARTA_MAX_DECOMPRESSED_MB", 4096)
MAX_EXPANSION = 200
MAX_JSON_DEPTH = 64  # nesting of a JSON value (an article object needs 3)

GZIP_MAGIC = b"\x1f\x8b"
# gzip/zlib failures seen on damaged streams: EOFError when cut short, the others when garbled.
STREAM_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)

_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def megabytes(size: int) -> str:
    return f"{size / MB:.1f} MB"


def is_gzip_path(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


def open_binary(path: Path) -> BinaryIO:
    """The file's bytes, decompressed on the fly when it is gzip (checked by its magic bytes),
    within a decompression budget (see :class:`BudgetReader`)."""
    raw = open(path, "rb")  # noqa: SIM115 - the caller closes the returned stream
    if not is_gzip_path(path):
        return raw
    magic = raw.read(2)
    raw.seek(0)
    if magic != GZIP_MAGIC:
        raw.close()
        raise ReadFailure("not a gzip file (the name ends in .gz but the content is not compressed)")
    compressed = os.fstat(raw.fileno()).st_size
    return io.BufferedReader(BudgetReader(gzip.GzipFile(fileobj=raw, mode="rb"), decompression_budget(compressed)))  # type: ignore[return-value]


def decompression_budget(compressed_size: int) -> int:
    """How many bytes a compressed file of this size may expand to."""
    return min(MAX_DECOMPRESSED_BYTES, max(MAX_DOCUMENT_BYTES, compressed_size * MAX_EXPANSION))


class BudgetReader(io.RawIOBase):
    """A stream that stops with a ReadFailure past ``budget`` bytes in all, or past
    ``max_run`` bytes without a newline (a reader that buffers whole lines, as warcio does,
    would otherwise hold a decompression bomb's endless line in memory)."""

    def __init__(self, inner: BinaryIO, budget: int, max_run: int | None = None, *, stop_at_damage: bool = False) -> None:
        self.inner = inner
        self.budget = budget
        self.max_run = max_run
        self.total = 0
        self.run = 0
        # With stop_at_damage, a damaged or cut-off compressed stream ends the bytes where
        # the damage starts (and ``damaged`` says so) instead of raising mid-buffer.
        self.stop_at_damage = stop_at_damage
        self.damaged = False

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.total

    def readinto(self, buffer: Any) -> int:
        if self.damaged:
            return 0
        try:
            # read1: at most one read of the inner stream, so bytes before damage arrive first
            read = getattr(self.inner, "read1", self.inner.read)
            data = read(min(len(buffer), 1 << 16))
        except STREAM_ERRORS:
            if not self.stop_at_damage:
                raise
            self.damaged = True
            return 0
        size = len(data)
        self.total += size
        if self.total > self.budget:
            raise ReadFailure(
                f"decompresses to more than {megabytes(self.budget)} (a decompression bomb, or raise "
                "WARTA_MAX_DECOMPRESSED_MB)"
            )
        if self.max_run is not None and size:
            newline = data.rfind(b"\n")
            self.run = size - newline - 1 if newline >= 0 else self.run + size
            if self.run > self.max_run:
                raise ReadFailure(f"a line longer than {megabytes(self.max_run)} (not a WARC record header or page)")
        buffer[:size] = data
        return size

    def close(self) -> None:
        try:
            self.inner.close()
        finally:
            super().close()


def check_plain_size(path: Path, limit: int, what: str) -> None:
    """Reject an over-large uncompressed file from its size alone, before reading a byte."""
    if is_gzip_path(path):
        return
    size = os.stat(path).st_size
    if size == 0:
        raise ReadFailure("empty file")
    if size > limit:
        raise ReadFailure(
            f"file too large ({megabytes(size)}; the limit for {what} is {megabytes(limit)})"
        )


def read_bounded(stream: BinaryIO, limit: int, what: str) -> bytes:
    """All of the stream, or a ReadFailure when it exceeds ``limit`` or is damaged."""
    try:
        data = stream.read(limit + 1)
    except STREAM_ERRORS:
        raise ReadFailure("truncated or damaged gzip stream (no complete document before the damage)") from None
    if len(data) > limit:
        raise ReadFailure(f"too large (more than {megabytes(limit)}; the limit for {what})")
    if not data.strip():
        raise ReadFailure("empty file")
    return data


def iter_lines(stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """Lines of a stream in bytes; ``None`` stands for a line longer than ``limit`` (skipped
    without holding it in memory). Damage in a gzip stream propagates as STREAM_ERRORS."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # drain the rest of the over-long line in bounded pieces
                rest = stream.readline(MB)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield line


_CP1252_TYPOGRAPHY = frozenset("“”‘’–—…•€™°«»±×·")


def _looks_cp1252(data: bytes) -> bool:
    """Whether undecodable bytes read as Windows-1252 prose: isolated high bytes that decode
    to accented letters or typographic punctuation."""
    high = [i for i, b in enumerate(data) if b >= 0x80]
    if not high or any(data[i] in _CP1252_UNDEFINED for i in high):
        return False
    if any(b - a == 1 for a, b in zip(high, high[1:], strict=False)):
        return False  # Windows-1252 prose rarely has two non-ASCII characters in a row
    decoded = [bytes([data[i]]).decode("cp1252") for i in high]
    return all(ch.isalpha() or ch in _CP1252_TYPOGRAPHY for ch in decoded)


def decode_text(data: bytes, *, base_offset: int = 0) -> str:
    """Bytes of a text format as str (UTF-8, or UTF-16 with a BOM); ReadFailure otherwise."""
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ReadFailure("invalid UTF-16 text") from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ReadFailure(f"binary data (a NUL byte at byte {base_offset + nul}); not a text, JSON, HTML, feed or WARC file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        where = base_offset + exc.start
        hint = (
            " (it looks like Windows-1252 text: re-save it as UTF-8)"
            if _looks_cp1252(data)
            else " (re-save the file as UTF-8)"
        )
        raise ReadFailure(f"invalid UTF-8 at byte {where}{hint}") from None


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    """The charset an HTML page declares for itself (HTTP header first, then <meta>)."""
    if content_type:
        match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type, re.IGNORECASE)
        if match:
            return match.group(1).lower()
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


_SINGLE_BYTE = re.compile(r"^(?:iso[-_]?8859[-_]?\d+|latin[-_]?1|l1|windows-125\d|cp125\d|us-ascii|ascii)$")


def _really_utf8(data: bytes, charset: str) -> bool:
    """A page declaring a single-byte charset whose bytes hold UTF-8 multi-byte sequences and
    decode as UTF-8 throughout: text in Latin-1 almost never does, so UTF-8 it is."""
    if not _SINGLE_BYTE.match(codecs.lookup(charset).name) and not _SINGLE_BYTE.match(charset):
        return False
    if not re.search(rb"[\xc2-\xf4][\x80-\xbf]", data):
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_html(data: bytes, content_type: str | None = None) -> str:
    """Bytes of an HTML page as str: its declared charset if it names a known one, else UTF-8."""
    charset = declared_charset(data, content_type)
    if charset and charset not in ("utf-8", "utf8"):
        try:
            codecs.lookup(charset)
        except LookupError:
            charset = None
        if charset and _really_utf8(data, charset):
            charset = None  # the page says Latin-1 but its bytes are UTF-8 ("Ã©" otherwise)
        if charset:
            if data.find(b"\x00") >= 0 and not charset.startswith("utf-16"):
                raise ReadFailure("binary data (NUL bytes); not an HTML page")
            # 'replace' because the page vouched for this charset; a stray byte is not worth a rejection
            return data.decode(charset, errors="replace")
    return decode_text(data)


def json_depth(value: Any, limit: int) -> int:
    """The nesting depth of a parsed JSON value, counted without recursion, up to ``limit + 1``."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, (dict, list)):
            deepest = max(deepest, depth)
            if deepest > limit:
                return deepest
            children = node.values() if isinstance(node, dict) else node
            stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return deepest


def loads_bounded(text: str | bytes, limit: int = MAX_JSON_DEPTH) -> Any:
    """json.loads that refuses values nested deeper than ``limit`` levels with a ReadFailure
    (Python's parser would raise RecursionError on deep enough input; later code, too).
    json.JSONDecodeError passes through for the caller to report."""
    import json

    try:
        value = json.loads(text)
    except RecursionError:
        raise ReadFailure(f"JSON nested too deeply (the limit is {limit} levels)") from None
    if json_depth(value, limit) > limit:
        raise ReadFailure(f"JSON nested too deeply (the limit is {limit} levels)")
    return value
