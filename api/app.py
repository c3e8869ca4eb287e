"""FastAPI app factory. The store is built and opened in the lifespan hook, never at import."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from api.routers import meta, named
from policykg.errors import PolicyKGError
from policykg.settings import Settings, get_settings
from policykg.stores import make_store


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        store = make_store(settings)
        store.open()
        app.state.store = store
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
    )

    @app.exception_handler(PolicyKGError)
    async def policykg_error(request: Request, exc: PolicyKGError) -> JSONResponse:
        return JSONResponse(
            status_code=exc.status_code, content={"error": type(exc).__name__, "message": str(exc)}
        )

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
        return JSONResponse(
            status_code=422, content={"error": "InvalidRequest", "message": "; ".join(problems)}
        )

    app.include_router(meta.router)
    app.include_router(named.router)
    return app
