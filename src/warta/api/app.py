"""The FastAPI application: JSON API, web pages, offline API docs, static files."""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from warta.api.backend import Backend, IngestFunction, StoreLike
from warta.api.routes import health_router
from warta.api.routes import router as api_router
from warta.api.security import (
    DEFAULT_BODY_LIMIT,
    LOOPBACK_HOSTS,
    BodySizeLimitMiddleware,
    HostAllowlistMiddleware,
    SecurityHeadersMiddleware,
    WriteGuardMiddleware,
    allowed_hosts_from_env,
    is_loopback,
)
from warta.errors import ConfigError, DatabaseBusyError, QueryError, WartaError
from warta.web.cache import RenderCache
from warta.web.templating import STATIC_DIR, templates

log = logging.getLogger("warta.api")

JSON_PREFIXES = ("/api/", "/openapi.json", "/healthz", "/static/")


def wants_json(request: Request) -> bool:
    path = request.url.path
    return (
        path.startswith(JSON_PREFIXES)
        or path.endswith(".json")
        or request.query_params.get("format") == "json"
        or "text/html" not in request.headers.get("accept", "text/html")
    )


def _error(request: Request, status: int, message: str, errors: list[Any] | None = None) -> Response:
    if wants_json(request):
        payload: dict[str, Any] = {"detail": message}
        if errors is not None:
            payload["errors"] = errors
        return JSONResponse(payload, status_code=status)
    return templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message, "errors": errors or []}, status_code=status
    )


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError) -> Response:
        return _error(request, 400, f"invalid search query: {exc}")

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        # Only the location and message: echoing the input back would reflect untrusted text.
        errors = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", ""))} for e in exc.errors()]
        return _error(request, 422, "invalid request", errors)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(DatabaseBusyError)
    async def busy_error(request: Request, exc: DatabaseBusyError) -> Response:
        response = _error(request, 503, str(exc))
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response

    @app.exception_handler(WartaError)
    async def warta_error(request: Request, exc: WartaError) -> Response:
        return _error(request, 400, f"{exc.code}: {exc}")

    @app.exception_handler(RecursionError)
    async def too_deep(request: Request, exc: RecursionError) -> Response:
        return _error(request, 400, "request JSON nested too deeply")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return _error(request, 500, "internal error; see the server log")


def create_app(
    db_path: str | Path | None,
    *,
    store_factory: Callable[[], StoreLike] | None = None,
    ingest: IngestFunction | None = None,
    body_limit: int = DEFAULT_BODY_LIMIT,
    token: str | None = None,
    read_only: bool = False,
    allowed_hosts: list[str] | None = None,
    wait: float | None = None,
) -> FastAPI:
    """The reading room over the SQLite database at ``db_path``.

    ``store_factory`` (a no-argument callable returning a store) and ``ingest`` replace
    the real :class:`warta.store.Store` and ``warta.pipeline.ingest_dicts``, for tests.
    ``token``: writes need ``Authorization: Bearer TOKEN``. ``read_only``: writes are
    refused. ``allowed_hosts``: Host header names accepted besides the loopback names and
    $WARTA_ALLOWED_HOSTS. ``wait``: seconds a write waits for the database's write lock
    before answering 503.
    """
    backend = Backend(db_path, store_factory=store_factory, ingest=ingest, wait=wait)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):  # type: ignore[no-untyped-def]
        yield
        backend.close()

    app = FastAPI(
        title="warta",
        summary="Stories from a stream of news articles: timelines, who said what, disagreements.",
        version=_version(),
        docs_url=None,  # the default pages load JS/CSS from a CDN; /docs below is offline
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.backend = backend
    app.state.page_cache = RenderCache()
    app.add_middleware(BodySizeLimitMiddleware, limit=body_limit)
    app.add_middleware(WriteGuardMiddleware, token=token, read_only=read_only)
    hosts = [*LOOPBACK_HOSTS, *allowed_hosts_from_env(), *(allowed_hosts or [])]
    app.add_middleware(HostAllowlistMiddleware, hosts=hosts)
    app.add_middleware(SecurityHeadersMiddleware)  # added last = outermost: covers every response
    _install_error_handlers(app)

    app.include_router(health_router)
    app.include_router(api_router)

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def api_docs(request: Request) -> Response:
        from warta.api.docs import describe_openapi

        context = {"api": describe_openapi(app.openapi()), "json_href": "/openapi.json"}
        return templates.TemplateResponse(request, "api_docs.html", context)

    from warta.web.routes import router as web_router

    app.include_router(web_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("warta")
    except Exception:  # noqa: BLE001 - running from a source tree without metadata
        return "0"


RETRY_AFTER_SECONDS = 5


def serve_settings(
    host: str, token: str | None, read_only: bool, allowed_hosts: list[str] | None
) -> tuple[str | None, list[str]]:
    """Check how the server may run; (token, extra allowed Host names) or a ConfigError.

    Bound beyond loopback, writes need a token: without one the server starts only
    read-only. A non-wildcard address it is bound to is an allowed Host name."""
    import os

    token = token or os.environ.get("WARTA_TOKEN") or None
    hosts = list(allowed_hosts or [])
    if not is_loopback(host):
        if token is None and not read_only:
            raise ConfigError(
                f"refusing to serve on {host} without a token: anyone who can reach it could write; "
                "set WARTA_TOKEN or --token, or add --read-only"
            )
        if host not in ("0.0.0.0", "::", ""):
            hosts.append(host)
    if token is not None and len(token) < 16:
        raise ConfigError("the token is too short: use at least 16 characters")
    return token, hosts


def serve(
    db_path: str | Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    log_level: str = "info",
    token: str | None = None,
    read_only: bool = False,
    allowed_hosts: list[str] | None = None,
    wait: float | None = None,
) -> None:
    """Run the reading room with uvicorn; binds to localhost unless ``host`` says otherwise."""
    import uvicorn

    token, hosts = serve_settings(host, token, read_only, allowed_hosts)
    app = create_app(db_path, token=token, read_only=read_only, allowed_hosts=hosts, wait=wait)
    uvicorn.run(app, host=host, port=port, log_level=log_level, proxy_headers=False)

