"""Make /openapi.json say what the server really answers, in one place rather than in
every route: CSV bodies where `format=csv` or a `.csv` path gives them, the export
formats' media types, and the error answers any route can give (a 404 for an unknown
name, 413 over a size limit, 422 for a malformed request, 503/504 when the store fails or
a query runs out of time), each with the ErrorBody shape."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from policykg.graph.export import FORMATS

ERROR_REF = {"$ref": "#/components/schemas/ErrorBody"}
ERROR_ANSWERS = {
    "400": "A parameter or query cannot be used (the message says why)",
    "404": "No such endpoint, name or id",
    "413": "Over a size limit (request body, query, answer, query memory)",
    "422": "The request has the wrong shape, type or range",
    "503": "The graph store cannot be reached",
    "504": "The query ran out of time",
}
CSV = {"text/csv": {"schema": {"type": "string"}}}


def _has_format(op: dict[str, Any]) -> bool:
    return any(p.get("name") == "format" and p.get("in") == "query" for p in op.get("parameters", []))  # fmt: skip


def patch(spec: dict[str, Any]) -> dict[str, Any]:
    for path, item in spec.get("paths", {}).items():
        for method, op in item.items():
            responses = op.setdefault("responses", {})
            ok = responses.setdefault("200", {"description": "Successful Response"})
            if method == "get" and (_has_format(op) or path.endswith(".csv")):
                ok.setdefault("content", {}).update(CSV)
            if path.startswith("/export/"):
                ok["content"] = {m: {"schema": {"type": "string", "format": "binary"}}
                                 for m in {m.split(";")[0] for m, _ in FORMATS.values()}}  # fmt: skip
            for code, text in ERROR_ANSWERS.items():
                answer = responses.setdefault(code, {"description": text})
                answer.setdefault("content", {"application/json": {"schema": ERROR_REF}})
    schemas = spec.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault(
        "ErrorBody",
        {"type": "object", "required": ["error", "message"],
         "properties": {"error": {"type": "string"}, "message": {"type": "string"}}},
    )  # fmt: skip
    return spec


def install(app: FastAPI) -> None:
    """Replace app.openapi with the patched spec (built once, as FastAPI does)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = get_openapi(title=app.title, version=app.version, description=app.description,
                               routes=app.routes)  # fmt: skip
            app.openapi_schema = patch(spec)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
