"""The Jinja2 environment for the reading room: autoescape on, a few safe filters."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from warta.display import plain_text
from warta.timewords import render_timex

WEB_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"

_WEB_URL = re.compile(r"^https?://[^\s<>\"']+$", re.I)


def safe_url(value: Any) -> str | None:
    """The URL if it is a plain http(s) URL, else None: other schemes are never made links."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value if _WEB_URL.match(value) else None


def link_or_text(value: Any, label: Any = None) -> Markup:
    """An <a> for http(s) URLs; anything else (javascript:, data:, ...) as escaped text."""
    text = label if label not in (None, "") else value
    url = safe_url(value)
    if url is None:
        return Markup("<span class=\"url-text\">{}</span>").format(text if text is not None else "")
    return Markup('<a href="{}" rel="noopener noreferrer nofollow">{}</a>').format(url, text)


def query_string(params: dict[str, Any], **changes: Any) -> str:
    """``?a=1&b=2`` from the current filters with some changed; empty values dropped."""
    merged = {**params, **changes}
    kept = {k: v for k, v in merged.items() if v not in (None, "")}
    return "?" + urlencode(kept) if kept else ""


def quote_id(value: Any) -> str:
    """An id as one URL path segment: '/' and everything else unsafe percent-encoded."""
    return quote(str(value), safe="")


def short_date(value: Any) -> str:
    return str(value)[:10] if value else ""


def file_name(value: Any) -> str:
    """Only the file's name of a source path ("/home/x/corpus/a.md" -> "a.md"): a reader
    has no use for the ingesting machine's folders, and they are not theirs to see."""
    if not value:
        return ""
    text = str(value).replace("\\", "/").rstrip("/")
    return text.rsplit("/", 1)[-1]


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=True,  # everything from articles is untrusted; never turn this off
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["link_or_text"] = link_or_text
    env.filters["short_date"] = short_date
    env.filters["quote_id"] = quote_id
    env.filters["file_name"] = file_name
    env.filters["plain"] = plain_text
    env.filters["timewords"] = lambda timex: render_timex(timex, "en")
    env.globals["query_string"] = query_string
    env.globals["escape"] = escape
    return env


templates = Jinja2Templates(env=_environment())


def snippet_html(value: Any) -> Markup:
    """A search snippet with the store's ``[match]`` markers as <mark>; all text escaped."""
    text = str(value or "")
    parts: list[str] = []
    for piece in re.split(r"(\[[^\[\]]*\])", text):
        if len(piece) > 2 and piece.startswith("[") and piece.endswith("]"):
            parts.append(f"<mark>{escape(piece[1:-1])}</mark>")
        else:
            parts.append(str(escape(piece)))
    return Markup("".join(parts))


templates.env.filters["snippet_html"] = snippet_html
