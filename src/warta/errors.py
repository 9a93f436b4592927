"""Exception types with stable codes. Each message says what went wrong and how to fix it."""

from __future__ import annotations


class WartaError(Exception):
    """Base class. ``code`` is stable across releases; scripts may match on it."""

    code = "W000"

    def __str__(self) -> str:
        return f"{super().__str__()}"


class InputError(WartaError, ValueError):
    """A user's input cannot be read (a bad file, line, or field)."""

    code = "W100"


class EmptyArticleError(InputError):
    """A document had no article text after extraction and cleaning."""

    code = "W101"


class NotAnArticleError(EmptyArticleError):
    """A page that is not an article (a front page, section index, tag page, or a feed saved
    as a page): skipped, not rejected."""

    code = "W102"


class QueryError(WartaError, ValueError):
    """A search query is not valid FTS5 syntax (or is empty)."""

    code = "W200"


class NotFoundError(WartaError, LookupError):
    code = "W300"


class StoreError(WartaError):
    """The database cannot be opened or is from a newer warta."""

    code = "W400"


class DatabaseBusyError(StoreError):
    """Another writer held the database's write lock for longer than the wait allowed."""

    code = "W401"


class LimitError(InputError):
    """An input exceeds a configured resource limit (size, depth, query cost)."""

    code = "W102"


class ConfigError(WartaError, ValueError):
    code = "W500"
