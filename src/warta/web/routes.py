"""The server-rendered pages: story list, story, article, search. Each has a JSON twin."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from warta.api.routes import (
    IdPath,
    backend_of,
    json_text_response,
    load_article,
    load_story_json,
    story_filters,
)
from warta.api.schemas import ISO_DATE_PREFIX
from warta.errors import QueryError
from warta.web import views
from warta.web.cache import RenderCache
from warta.web.highlight import KINDS, highlight, marks_from_analysis
from warta.web.templating import templates

router = APIRouter(include_in_schema=False)

Format = Annotated[Literal["html", "json"], Query(description="json for the page's data")]
PAGE_SIZE = 25


def _page(request: Request, template: str, context: dict[str, Any], json_href: str) -> Response:
    return templates.TemplateResponse(request, template, {**context, "json_href": json_href})


def _cached_page(request: Request, key: Any, data: Any, render: Callable[[], Response]) -> Response:
    """The page rendered from ``data``, reused while the data read for this request is equal."""
    pages: RenderCache | None = getattr(request.app.state, "page_cache", None)
    if pages is None:
        pages = request.app.state.page_cache = RenderCache()
    body = pages.get(key, data)
    if body is None:
        response = render()
        if response.status_code != 200:
            return response
        body = bytes(response.body)
        pages.put(key, data, body)
    return HTMLResponse(body)


@router.get("/", response_class=HTMLResponse)
def story_list(
    request: Request,
    q: Annotated[str | None, Query(max_length=200)] = None,
    date_from: Annotated[str | None, Query(pattern=ISO_DATE_PREFIX + "|^$")] = None,
    date_to: Annotated[str | None, Query(pattern=ISO_DATE_PREFIX + "|^$")] = None,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    entity: Annotated[str | None, Query(max_length=200)] = None,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    format: Format = "html",
) -> Response:
    # An empty form field arrives as ""; treat it as "no filter".
    filters = story_filters(q or None, date_from or None, date_to or None, outlet or None, entity or None)
    store = backend_of(request).store()
    stories = store.list_stories(limit=PAGE_SIZE + 1, offset=offset, **filters)
    has_more = len(stories) > PAGE_SIZE
    stories = stories[:PAGE_SIZE]
    # The whole count only when the page is cut: otherwise it is known without a query.
    total = store.count_stories(**filters) if has_more or offset else len(stories)
    if format == "json":
        return JSONResponse({"stories": stories, "filters": filters, "offset": offset, "limit": PAGE_SIZE,
                             "total": total})
    context = {
        "stories": stories, "filters": filters, "offset": offset, "page_size": PAGE_SIZE,
        "has_more": has_more, "total": total,
    }
    json_href = "/" + views_query({**filters, "offset": offset or None, "format": "json"})
    key = ("index", tuple(sorted(filters.items())), offset)
    return _cached_page(request, key, (stories, has_more, total), lambda: _page(request, "index.html", context, json_href))


def views_query(params: dict[str, Any]) -> str:
    from warta.web.templating import query_string

    return query_string(params)


def _story_places(request: Request, story: dict[str, Any]) -> list[dict[str, Any]]:
    """Places with coordinates the story's context supports (:mod:`warta.export.places`):
    from the story's entities, else from its articles' analyses."""
    from warta.export.places import resolve, story_context

    store = backend_of(request).store()
    context = story_context(store, story)
    points = views.map_points(resolve(story.get("entities") or [], **context))
    if points:
        return points
    mentions: list[dict[str, Any]] = []
    for article in (story.get("articles") or [])[:50]:  # bounded: a map needs no more
        analysis = store.get_analysis(str(article.get("id")))
        if analysis is None:
            continue
        data = analysis if isinstance(analysis, dict) else analysis.to_dict()
        mentions.extend(e for e in data.get("entities") or [] if e.get("type") == "LOC")
    return views.map_points(resolve(mentions, **context))


def story_context(request: Request, story: dict[str, Any]) -> dict[str, Any]:
    roots = views.relay_tree(story)
    return {
        "story": story,
        "brief": views.brief_items(story),
        "timeline": views.timeline_entries(story),
        "conflicts": views.conflict_views(story),
        "corroborations": views.corroboration_views(story),
        "relay_roots": roots,
        "relay_svg": views.relay_svg(roots),
        "map": views.map_view(_story_places(request, story)),
        "article_href": views.article_href,
    }


@router.get("/stories/{story_id:path}.json")
async def story_json(request: Request, story_id: IdPath) -> Response:
    return json_text_response(load_story_json(backend_of(request), story_id))


@router.get("/stories/{story_id:path}", response_class=HTMLResponse)
async def story_page(request: Request, story_id: IdPath, format: Format = "html") -> Response:
    # The hot path (one primary-key read, then a cache hit) runs on the event loop: the
    # thread-pool hop would cost more than the work. The cache compares the stored JSON
    # text, so a hit parses nothing; rendering on a miss goes to a thread.
    text = load_story_json(backend_of(request), story_id)
    if format == "json":
        return json_text_response(text)
    key = ("story", story_id)
    pages: RenderCache = request.app.state.page_cache
    body = pages.get(key, text)
    if body is not None:
        return HTMLResponse(body)
    json_href = views.quote_path("/stories/", story_id, ".json")

    def render() -> Response:  # the cache was just checked above: render and keep
        response = _page(request, "story.html", story_context(request, json.loads(text)), json_href)
        if response.status_code == 200:
            pages.put(key, text, bytes(response.body))
        return response

    return await run_in_threadpool(render)


@router.get("/articles/{article_id:path}.json")
def article_json(request: Request, article_id: IdPath) -> Response:
    return JSONResponse(load_article(backend_of(request), article_id))


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(
    request: Request, article_id: Annotated[str, Path(min_length=1, max_length=200)], format: Format = "html"
) -> Response:
    data = load_article(backend_of(request), article_id)
    if format == "json":
        return JSONResponse(data)
    article = data["article"]
    analysis = data["analysis"] or {}
    text = analysis.get("text") or article.get("text") or ""
    starts = [s.get("start", 0) for s in analysis.get("sentences") or []]
    context = {
        "article": article,
        "analysis": analysis,
        "sources": data["sources"],
        "body": highlight(text, marks_from_analysis(analysis), starts),
        "kinds": KINDS,
        "heading": article.get("title") or views.excerpt(text) or article_id,
        "entity_groups": views.entity_groups(analysis.get("entities") or []),
    }
    return _page(request, "article.html", context, views.quote_path("/articles/", article_id, ".json"))


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: Annotated[str | None, Query(max_length=500)] = None,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    format: Format = "html",
) -> Response:
    results: list[dict[str, Any]] = []
    error: str | None = None
    total = 0
    if q and q.strip():
        try:
            store = backend_of(request).store()
            results = store.search(q, limit=PAGE_SIZE + 1, offset=offset)
            total = store.count_search(q) if len(results) > PAGE_SIZE or offset else len(results)
        except QueryError as exc:
            error = f"invalid search query: {exc}"
    has_more = len(results) > PAGE_SIZE
    results = results[:PAGE_SIZE]
    status = 400 if error else 200
    if format == "json":
        payload = {"detail": error} if error else {"query": q, "results": results, "offset": offset, "total": total}
        return JSONResponse(payload, status_code=status)
    context = {"q": q or "", "results": results, "offset": offset, "page_size": PAGE_SIZE,
               "has_more": has_more, "error": error, "total": total,
               "json_href": "/search" + views_query({"q": q, "format": "json"})}
    return templates.TemplateResponse(request, "search.html", context, status_code=status)
