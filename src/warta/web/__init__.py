"""The web reading room: server-rendered pages over the store (routes, views, templates)."""

from __future__ import annotations

from warta.web.templating import STATIC_DIR, TEMPLATES_DIR

__all__ = ["STATIC_DIR", "TEMPLATES_DIR"]
