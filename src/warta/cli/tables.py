"""Rich tables for the CLI and the demo, safe for untrusted article text."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from warta.sanitize import safe_line


def table(*columns: str, title: str) -> Table:
    """A table whose id column is never cut short (ids are for copying)."""
    out = Table(title=title)
    for name in columns:
        out.add_column(name, overflow="fold", no_wrap=name == "id", min_width=len(name))
    return out


def row(out: Table, *cells: object) -> None:
    """Cells as plain Text: article text is untrusted and must never be read as Rich markup,
    nor reach the terminal with control characters (they are shown escaped)."""
    out.add_row(*(Text("" if c is None else safe_line(str(c))) for c in cells))
