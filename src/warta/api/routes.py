"""The JSON API under /api: stories, articles, search, ingest."""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any

from fastapi import APIRouter, Body, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from warta.api.backend import Backend
from warta.api.schemas import ISO_DATE_PREFIX, ArticleIn, ArticlesIn

router = APIRouter(prefix="/api")

MAX_PAGE = 200
MAX_OFFSET = 1_000_000

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="page size")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")]
IdPath = Annotated[str, Path(min_length=1, max_length=200)]
DateFilter = Annotated[str | None, Query(pattern=ISO_DATE_PREFIX, description="YYYY, YYYY-MM or YYYY-MM-DD")]
TextFilter = Annotated[str | None, Query(min_length=1, max_length=200)]


def backend_of(request: Request) -> Backend:
    return request.app.state.backend


def as_dict(record: Any) -> dict[str, Any]:
    """A store record (a model dataclass or already a dict) as a JSON-ready dict."""
    if record is None:
        return {}
    if isinstance(record, dict):
        return record
    if hasattr(record, "to_dict"):
        return record.to_dict()
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return dataclasses.asdict(record)
    raise TypeError(f"cannot turn {type(record).__name__} into JSON")


ARTICLE_SUMMARY_FIELDS = ("id", "title", "outlet", "published", "url", "language", "kind", "duplicate_of")


def article_summary(article: Any) -> dict[str, Any]:
    data = as_dict(article)
    return {key: data.get(key) for key in ARTICLE_SUMMARY_FIELDS}


def story_filters(
    q: str | None, date_from: str | None, date_to: str | None, outlet: str | None, entity: str | None
) -> dict[str, str]:
    filters = {"q": q, "date_from": date_from, "date_to": date_to, "outlet": outlet, "entity": entity}
    return {key: value for key, value in filters.items() if value}


def load_story(backend: Backend, story_id: str) -> dict[str, Any]:
    story = backend.store().get_story(story_id)
    if story is None:
        raise HTTPException(status_code=404, detail=f"no story with id {story_id!r}")
    return story


def load_story_json(backend: Backend, story_id: str) -> str:
    """The story's JSON text as stored; parsing and re-encoding it would only add cost."""
    text = backend.store().get_story_json(story_id)
    if text is None:
        raise HTTPException(status_code=404, detail=f"no story with id {story_id!r}")
    return text


def json_text_response(text: str) -> Response:
    return Response(content=text.encode(), media_type="application/json")


def load_article(backend: Backend, article_id: str) -> dict[str, Any]:
    """An article with its analysis and the places it was seen (for the API and the web page)."""
    store = backend.store()
    article = store.get_article(article_id)
    if article is None:
        raise HTTPException(status_code=404, detail=f"no article with id {article_id!r}")
    analysis = store.get_analysis(article_id)
    return {
        "article": as_dict(article),
        "analysis": as_dict(analysis) if analysis is not None else None,
        "sources": store.article_sources(article_id),
    }


@router.get("/stories", summary="List stories, newest first, with optional filters")
def list_stories(
    request: Request,
    limit: Limit = 50,
    offset: Offset = 0,
    q: TextFilter = None,
    date_from: DateFilter = None,
    date_to: DateFilter = None,
    outlet: TextFilter = None,
    entity: TextFilter = None,
) -> dict[str, Any]:
    filters = story_filters(q, date_from, date_to, outlet, entity)
    stories = backend_of(request).store().list_stories(limit=limit, offset=offset, **filters)
    return {"stories": stories, "limit": limit, "offset": offset, "filters": filters}


@router.get("/stories/{story_id:path}/timelinejs", summary="A story's timeline as TimelineJS JSON")
def get_story_timelinejs(request: Request, story_id: IdPath) -> Response:
    story = load_story(backend_of(request), story_id)
    try:
        from warta.export import render
    except ImportError as exc:  # the exporter ships separately; say so rather than fail
        raise HTTPException(status_code=501, detail="the TimelineJS exporter is not installed") from exc
    rendered = render(story, "timelinejs")
    if isinstance(rendered, (str, bytes)):
        return Response(content=rendered, media_type="application/json")
    return JSONResponse(rendered)


@router.get("/stories/{story_id:path}", summary="One story: articles, timeline, attributions, conflicts, brief")
async def get_story(request: Request, story_id: IdPath) -> Response:
    # One primary-key read, passed on as stored: on the event loop, a thread hop costs more.
    return json_text_response(load_story_json(backend_of(request), story_id))


@router.get("/articles", summary="List stored articles")
def list_articles(
    request: Request, limit: Limit = 50, offset: Offset = 0, outlet: TextFilter = None
) -> dict[str, Any]:
    store = backend_of(request).store()
    articles = store.list_articles(limit=limit, offset=offset, outlet=outlet)
    return {
        "articles": [article_summary(a) for a in articles],
        "total": store.count_articles(),
        "limit": limit,
        "offset": offset,
    }


@router.get("/articles/{article_id:path}/versions", summary="Earlier versions of an article, oldest first")
def article_versions(request: Request, article_id: IdPath) -> dict[str, Any]:
    store = backend_of(request).store()
    if store.get_article(article_id) is None:
        raise HTTPException(status_code=404, detail=f"no article with id {article_id!r}")
    versions = store.article_versions(article_id) if hasattr(store, "article_versions") else []
    return {"id": article_id, "versions": versions}



@router.get("/articles/{article_id:path}", summary="One article with its analysis and sources")
def get_article(request: Request, article_id: IdPath) -> dict[str, Any]:
    return load_article(backend_of(request), article_id)


@router.get("/search", summary="Full-text search over articles (SQLite FTS5 syntax)")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500, description="FTS5 query")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    # warta.errors.QueryError (bad FTS syntax) becomes a 400 in the app's error handler.
    results = backend_of(request).store().search(q, limit=limit, offset=offset)
    return {"query": q, "results": results, "limit": limit, "offset": offset}


@router.post("/articles", summary="Ingest one article or a list of articles", status_code=201)
def post_articles(request: Request, payload: Annotated[ArticlesIn, Body()]) -> dict[str, Any]:
    """New articles. An article whose id is already stored with other content is rejected
    (listed in ``rejected``): replacing one is an explicit update, ``PUT /api/articles/{id}``."""
    items = [payload.to_item()] if isinstance(payload, ArticleIn) else [a.to_item() for a in payload]
    report = backend_of(request).ingest(items)
    return as_dict(report)


@router.put("/articles/{article_id:path}", summary="Update (or create) one article by id; earlier versions are kept")
def put_article(request: Request, article_id: IdPath, payload: Annotated[ArticleIn, Body()]) -> dict[str, Any]:
    item = payload.to_item()
    item["id"] = article_id
    report = backend_of(request).ingest([item], replace=True)
    return as_dict(report)


health_router = APIRouter()


@health_router.get("/healthz", summary="Liveness and a count of stored articles")
def healthz(request: Request) -> dict[str, Any]:
    return {"status": "ok", "articles": backend_of(request).store().count_articles()}
