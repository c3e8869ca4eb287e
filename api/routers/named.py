"""Named queries over HTTP: GET /queries, GET /queries/{name}[.json|.csv]."""

from __future__ import annotations

import csv
import io
import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from policykg.api.deps import get_app_settings, get_store
from policykg.api.models.common import ERRORS
from policykg.api.routers.common import check_text, read, read_page
from policykg.graph.queries import PAGE_PARAMS, enum_values, get_query, registry
from policykg.graph.store import GraphStore
from pydantic import BaseModel

from policykg.errors import InputError
from policykg.settings import Settings

router = APIRouter(tags=["named queries"])


class ParamInfo(BaseModel):
    name: str
    type: str
    required: bool
    default: Any = None
    allowed: list[str] | None = None


class QueryInfo(BaseModel):
    name: str
    description: str
    params: list[ParamInfo]
    example: dict[str, Any]


class QueryAnswer(BaseModel):
    query: str
    params: dict[str, Any]
    columns: list[str]
    rows: list[dict[str, Any]]
    count: int
    limit: int
    offset: int


def _info(name: str) -> QueryInfo:
    q = get_query(name)
    params = [
        ParamInfo(
            name=p.name,
            type=p.type,
            required=p.required,
            default=p.default,
            allowed=enum_values(p.enum) if p.enum else None,
        )  # fmt: skip
        for p in q.params
    ]
    return QueryInfo(name=q.name, description=q.description, params=params, example=q.example)


@router.get("/queries", response_model=list[QueryInfo])
def list_queries() -> list[QueryInfo]:
    """Every named query with its description, parameters, defaults and allowed values."""
    return [_info(name) for name in registry()]


@router.get("/queries/{name}", response_model=QueryAnswer, responses=ERRORS)
def run_query(
    name: str,
    request: Request,
    store: Annotated[GraphStore, Depends(get_store)],
    settings: Annotated[Settings, Depends(get_app_settings)],
    limit: Annotated[int, Query(ge=1, description="Rows per page (capped by the server)")] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
    format: Annotated[str | None, Query(pattern="^(json|csv)$")] = None,
) -> Any:
    """Run a named query; parameters go in the query string. `.csv`/`.json` suffixes work too."""
    fmt = format
    for suffix in (".csv", ".json"):
        if name.endswith(suffix):
            name, fmt = name[: -len(suffix)], suffix[1:]
    q = get_query(name)
    given = {
        k: v for k, v in request.query_params.items() if k not in ("limit", "offset", "format")
    }
    multi = {
        k: request.query_params.getlist(k)
        for k in given
        if len(request.query_params.getlist(k)) > 1
    }
    if multi:
        raise InputError(
            f"parameter(s) {', '.join(multi)} given more than once; use a comma-separated list"
        )
    for key, value in given.items():
        check_text(value, f"parameter '{key}'")
    limit = min(limit, settings.max_rows)
    if q.paged:  # the query cuts the page itself and counts the whole answer (graph/queries.py)
        bound = q.bind({**given, "limit": limit, "offset": offset}, enum_values)
        columns, page, count = read_page(store, q.cypher, bound, settings.query_timeout_ms)
        shown = {k: v for k, v in bound.items() if k not in PAGE_PARAMS}
    else:
        shown = bound = q.bind(given, enum_values)
        result = read(store, q.cypher, bound, settings.query_timeout_ms)
        columns, page, count = (
            result.columns,
            result.rows[offset : offset + limit],
            len(result.rows),
        )
    rows = [dict(zip(columns, row, strict=True)) for row in page]  # only the page's rows
    if fmt == "csv":
        return Response(to_csv(columns, rows), media_type="text/csv; charset=utf-8")
    return QueryAnswer(query=q.name, params=shown, columns=columns, rows=rows,
                       count=count, limit=limit, offset=offset)  # fmt: skip


def to_csv(columns: list[str], rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(columns)
    for row in rows:
        writer.writerow(
            [
                json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                for v in (row[c] for c in columns)
            ]
        )
    return buf.getvalue()
