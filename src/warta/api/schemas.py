"""Validated shapes of what clients send: posted articles and date filters."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# ISO 8601 date, optionally with a time and zone: what the store keeps in ``published``.
ISO_DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$"
)
# Story list filters accept a year, a month or a day.
ISO_DATE_PREFIX = r"^\d{4}(-\d{2}(-\d{2})?)?$"

MAX_TEXT_CHARS = 1_000_000
MAX_ARTICLES_PER_POST = 500


class ArticleIn(BaseModel):
    """One article as a client posts it: ``text`` or ``html`` (or both) is required."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    id: Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[\w.:\-]+$")] | None = None
    url: Annotated[str, Field(max_length=2000)] | None = None
    outlet: Annotated[str, Field(max_length=200)] | None = None
    title: Annotated[str, Field(max_length=1000)] | None = None
    published: Annotated[str, Field(max_length=40)] | None = None
    language: Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$")] | None = None
    authors: list[Annotated[str, Field(max_length=200)]] | None = None
    text: Annotated[str, Field(max_length=MAX_TEXT_CHARS)] | None = None
    html: Annotated[str, Field(max_length=MAX_TEXT_CHARS)] | None = None

    @field_validator("published")
    @classmethod
    def _published_is_iso(cls, value: str | None) -> str | None:
        if value is not None and not ISO_DATETIME.match(value):
            raise ValueError("published must be an ISO 8601 date or datetime, e.g. 2023-09-11 or 2023-09-11T08:30:00+07:00")
        return value

    @field_validator("url")
    @classmethod
    def _url_is_web(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^https?://", value, re.I):
            raise ValueError("url must start with http:// or https://")
        return value

    @model_validator(mode="after")
    def _has_body(self) -> ArticleIn:
        if not (self.text and self.text.strip()) and not (self.html and self.html.strip()):
            raise ValueError("an article needs a non-empty 'text' or 'html'")
        return self

    def to_item(self) -> dict[str, object]:
        """The dict ``warta.pipeline.ingest_dicts`` takes, without unset fields."""
        return self.model_dump(exclude_none=True)


ArticlesIn = ArticleIn | Annotated[list[ArticleIn], Field(min_length=1, max_length=MAX_ARTICLES_PER_POST)]
