"""The HTTP API and web reading room: ``create_app(db_path)`` and ``serve(db_path)``."""

from __future__ import annotations

from warta.api.app import create_app, serve

__all__ = ["create_app", "serve"]
