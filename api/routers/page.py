"""The comparison page at /: one static HTML page with vanilla JS that calls this API."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

from policykg.errors import NotFoundError

router = APIRouter(tags=["page"])

STATIC = Path(__file__).resolve().parents[1] / "static"
TYPES = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": "text/javascript",
    ".svg": "image/svg+xml",
}


@router.get("/", include_in_schema=False)
def index() -> FileResponse:
    return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")


@router.get("/assets/{name}", include_in_schema=False)
def asset(name: str) -> FileResponse:
    # Only files that ship in api/static, by exact name: no path ever comes from the request.
    files = {p.name: p for p in STATIC.iterdir() if p.suffix in TYPES}
    if name not in files:
        raise NotFoundError(f"no asset {name!r}; the page uses {', '.join(sorted(files))}")
    path = files[name]
    return FileResponse(path, media_type=f"{TYPES[path.suffix]}; charset=utf-8")
