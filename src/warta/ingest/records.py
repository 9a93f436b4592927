"""What the readers hand on: one document as read, or one problem with the user's input."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class RawDocument:
    """One article as read, before cleaning."""

    source_path: str  # the file it came from ("-" for stdin)
    locator: str | None  # where in the file: "line 12", "entry 3", "record 5", "item 2", or None
    text: str | None = None
    html: str | None = None
    id: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None
    authors: list[str] = field(default_factory=list)
    # A date to use only when the page itself shows none (``--published`` for HTML pages).
    published_default: str | None = None
    # An upper bound, never the publication date: a WARC record's capture date. A date
    # inferred from the text that is later than this is not believed.
    published_before: str | None = None


@dataclass(slots=True)
class IngestProblem:
    """A user's mistake, reported in one line, never a traceback."""

    source_path: str
    locator: str | None
    message: str
    skipped: bool = False  # not an article (a front page, an index): counted as skipped, not rejected

    def __str__(self) -> str:
        if self.locator:
            return f"{self.source_path}:{self.locator}: {self.message}"
        return f"{self.source_path}: {self.message}"


class ReadFailure(Exception):
    """Raised inside the readers for bad input; read_paths turns it into an IngestProblem."""

    def __init__(self, message: str, locator: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.locator = locator
