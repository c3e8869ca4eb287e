"""FastAPI app factory. The store is built and opened in the lifespan hook, never at import."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from policykg.api import openapi
from policykg.api.cache import CachedStore
from policykg.api.limits import BodyLimit
from policykg.api.routers import browser, meta, named, research
from policykg.api.routers import export as export_routes
from starlette.exceptions import HTTPException as StarletteHTTPException
from swagger_ui_bundle import swagger_ui_path

from policykg.errors import (
    InputError,
    NotFoundError,
    PolicyKGError,
    QueryRefused,
    QueryTimeout,
    QueryTooLarge,
    StoreError,
    TooLarge,
)
from policykg.settings import Settings, get_settings
from policykg.stores import make_store

# HTTP status of each error type, most specific first (the first match wins).
STATUS: tuple[tuple[type[PolicyKGError], int], ...] = (
    (NotFoundError, 404),
    (QueryRefused, 403),  # includes WriteRefused: the engine's read-only mode
    (QueryTimeout, 504),
    (QueryTooLarge, 422),
    (TooLarge, 413),  # a request, a query or an answer over a configured size
    (StoreError, 503),  # includes StoreUnavailable
    (InputError, 400),  # includes QuerySyntaxError
    (PolicyKGError, 400),
)


def status_of(exc: PolicyKGError) -> int:
    return next(code for kind, code in STATUS if isinstance(exc, kind))


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        store = make_store(settings)
        store.open()
        # named-query results are cached per graph generation (api/cache.py)
        app.state.store = CachedStore(store, settings.cache_mb * 2**20)
        app.state.settings = settings
        try:
            yield
        finally:
            store.close()

    app = FastAPI(
        title="policykg",
        description="Cross-provincial drug-regulation policy knowledge graph: who must do what, "
        "by when and how much, with the sentence that says so.",
        version="0.1.0",
        lifespan=lifespan,
        # /docs is served below from the swagger-ui-bundle package: it works offline (no CDN)
        docs_url=None,
        redoc_url=None,
    )
    app.mount("/docs-assets", StaticFiles(directory=swagger_ui_path), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="policykg API",
            swagger_js_url="/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url="/docs-assets/favicon-32x32.png",
        )

    @app.exception_handler(PolicyKGError)
    async def policykg_error(request: Request, exc: PolicyKGError) -> JSONResponse:
        return JSONResponse(
            status_code=status_of(exc), content={"error": type(exc).__name__, "message": str(exc)}
        )

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
        return JSONResponse(
            status_code=422, content={"error": "InvalidRequest", "message": "; ".join(problems)}
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = (
            f"no such endpoint: {request.method} {request.url.path}; the endpoints are listed at /docs"
            if exc.status_code == 404
            else str(exc.detail)
        )
        return JSONResponse(
            status_code=exc.status_code,
            content={
                "error": "NotFound" if exc.status_code == 404 else "HTTPError",
                "message": message,
            },
            headers=getattr(exc, "headers", None),
        )

    # Neo4j Browser (another origin) fetches the guide and style of api/routers/browser.py:
    # its origins on this machine are the default; POLICYKG_CORS_ORIGINS replaces them.
    app.add_middleware(
        CORSMiddleware, allow_origins=settings.cors_origin_list, allow_methods=["GET"],
        allow_headers=["*"],
    )  # fmt: skip
    app.add_middleware(BodyLimit, max_bytes=settings.max_request_bytes)
    app.include_router(browser.router)
    app.include_router(meta.router)
    app.include_router(named.router)
    app.include_router(research.router)
    app.include_router(export_routes.router)
    openapi.install(app)
    return app
