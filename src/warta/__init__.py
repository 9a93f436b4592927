"""warta: understand a developing news story from many reports.

The library is the product; the CLI, the HTTP API and the web reading room are thin skins
over the functions listed in ``__all__``.
"""

from __future__ import annotations

import sys
import types

__version__ = "0.1.0"

# The names below are imported on first use (PEP 562), not here: ``warta --help`` and the
# reading commands must not pay for the analysis stack (numpy, scipy, datasketch, trafilatura).
_LAZY = {
    "analyze": "warta.analyze",
    "EmptyArticleError": "warta.errors",
    "InputError": "warta.errors",
    "NotFoundError": "warta.errors",
    "QueryError": "warta.errors",
    "StoreError": "warta.errors",
    "WartaError": "warta.errors",
    "Analysis": "warta.model",
    "Article": "warta.model",
    "Attribution": "warta.model",
    "Entity": "warta.model",
    "Event": "warta.model",
    "Quantity": "warta.model",
    "Timex": "warta.model",
    "json_schema": "warta.model",
    "IngestReport": "warta.pipeline",
    "ingest_dicts": "warta.pipeline",
    "ingest_paths": "warta.pipeline",
    "recluster": "warta.pipeline",
    "Store": "warta.store",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'warta' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


class _Package(types.ModuleType):
    """Importing the subpackage ``warta.analyze`` binds it on its parent, which would hide
    the function ``warta.analyze``: the function stays (as when it was imported eagerly)."""

    def __setattr__(self, name: str, value: object) -> None:
        if name == "analyze" and isinstance(value, types.ModuleType):
            value = value.analyze
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


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
