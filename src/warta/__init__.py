"""warta: understand a developing news story from many reports.

The library is the product; the CLI, the HTTP API and the web reading room are thin skins
over the functions listed in ``__all__``.
"""

from __future__ import annotations

__version__ = "0.1.0"

from warta.analyze import analyze  # noqa: E402
from warta.errors import (  # noqa: E402
    EmptyArticleError,
    InputError,
    NotFoundError,
    QueryError,
    StoreError,
    WartaError,
)
from warta.model import (  # noqa: E402
    Analysis,
    Article,
    Attribution,
    Entity,
    Event,
    Quantity,
    Timex,
    json_schema,
)
from warta.pipeline import IngestReport, ingest_dicts, ingest_paths, recluster  # noqa: E402
from warta.store import Store  # noqa: E402

__all__ = [
    "__version__",
    "analyze",
    "ingest_paths",
    "ingest_dicts",
    "recluster",
    "IngestReport",
    "Store",
    "Article",
    "Analysis",
    "Timex",
    "Entity",
    "Quantity",
    "Attribution",
    "Event",
    "json_schema",
    "WartaError",
    "InputError",
    "EmptyArticleError",
    "QueryError",
    "NotFoundError",
    "StoreError",
]
