"""Cleaning: raw documents to articles (work in progress)."""

from __future__ import annotations

from warta.errors import EmptyArticleError
from warta.ingest.records import RawDocument
from warta.model import Article

__all__ = ["EmptyArticleError", "clean_document"]


def clean_document(raw: RawDocument) -> Article:
    text = (raw.text or raw.html or "").strip()
    if not text:
        raise EmptyArticleError("no article text found")
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    return Article(id=raw.id or "", text="\n".join(paragraphs), paragraphs=paragraphs, title=raw.title,
                   url=raw.url, outlet=raw.outlet, authors=list(raw.authors), published=raw.published,
                   language=raw.language, source_path=raw.source_path)
