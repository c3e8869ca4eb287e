"""What the researcher routes share: run a named query, page, answer as JSON or CSV,
and turn what people type (上海 / 310000 / 藥品) into the graph's names.

Routes answer only through named queries (`run`); nothing here builds Cypher.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Literal, get_args

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from policykg.api.cypher_guard import check_params
from policykg.api.deps import get_app_settings, get_store
from policykg.api.models.common import ERRORS
from policykg.graph.queries import CAP_MIN, enum_values, get_query, page_of
from policykg.graph.store import GraphStore, QueryResult
from policykg.ingest import vocab
from policykg.ingest.matching import match_indicator
from pydantic import BaseModel

from policykg.errors import (
    InputError,
    NotFoundError,
    QueryTimeout,
    QueryTooLarge,
    StoreError,
    StoreUnavailable,
)
from policykg.settings import Settings

MAX_TEXT = 2_000  # longest parameter text accepted (a search query, a filter)

Store = Annotated[GraphStore, Depends(get_store)]
AppSettings = Annotated[Settings, Depends(get_app_settings)]
Format = Annotated[
    Literal["json", "csv"] | None,
    Query(description="json (default) or csv; a `.csv` suffix on the path does the same"),
]


# --------------------------------------------------------------------------- input text


def check_text(value: Any, where: str) -> None:
    """Strings the engines cannot take (NUL, lone surrogates, megabytes) are a 400 here
    rather than a store failure later."""
    if isinstance(value, str):
        if "\x00" in value:
            raise InputError(f"{where}: contains a NUL character; remove it")
        if len(value) > MAX_TEXT:
            raise InputError(f"{where}: {len(value)} characters; at most {MAX_TEXT} are accepted")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as e:
            raise InputError(f"{where}: not valid Unicode text ({e.reason})") from e
    elif isinstance(value, list | tuple):
        for i, v in enumerate(value):
            check_text(v, f"{where}[{i}]")
    elif isinstance(value, dict):
        for k, v in value.items():
            check_text(k, f"{where} key")
            check_text(v, f"{where}.{k}")


def blank_to_none(value: str | None) -> str | None:
    """`?province=` from an empty form field means no filter."""
    return value.strip() or None if value is not None else None


@cache
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → Simplified (OpenCC t2s); Simplified text is unchanged."""
    return _t2s().convert(text)


# --------------------------------------------------------------------------- named queries


def run(
    store: GraphStore, settings: Settings, name: str, *, portable: bool = False, **params: Any
) -> list[dict[str, Any]]:
    """Run a named query with checked parameters; rows as dicts. The engine's own version
    of the query where one exists (graph/queries.py), unless `portable`."""
    query = get_query(name, None if portable else store.backend)
    for key, value in params.items():
        check_text(value, f"parameter '{key}'")
    # None means "no filter" (null), also where a query's default would be something else
    bound = query.bind(params, enum_values)
    return read(store, query.cypher, bound, settings.query_timeout_ms).records()


def run_page(
    store: GraphStore, settings: Settings, name: str, page: Paging, **params: Any
) -> tuple[list[dict[str, Any]], int]:
    """A paged named query (graph/queries.py: `limit`, `offset`, `total`): the page's rows
    and the whole answer's count, the engine building only the page's rows."""
    query = get_query(name, store.backend)
    for key, value in params.items():
        check_text(value, f"parameter '{key}'")
    bound = query.bind({**params, "limit": page.limit, "offset": page.offset}, enum_values)
    columns, rows, total = read_page(store, query.cypher, bound, settings.query_timeout_ms)
    return [dict(zip(columns, row, strict=True)) for row in rows], total


def read_page(
    store: GraphStore, cypher: str, bound: dict[str, Any], timeout_ms: int
) -> tuple[list[str], list[list[Any]], int]:
    """A paged query's page (columns without `total`, rows) and the whole answer's count;
    past the last page the count comes from the answer's first row."""
    result = read(store, cypher, bound, timeout_ms)
    columns, rows, total = page_of(result.columns, result.rows)
    if not rows and bound.get("offset", 0) > 0:
        first = read(store, cypher, {**bound, "limit": 1, "offset": 0}, timeout_ms)
        total = page_of(first.columns, first.rows)[2]
    return columns, rows, total


def read(
    store: GraphStore,
    cypher: str,
    params: dict[str, Any],
    timeout_ms: int,
    failed: str = "the query could not run with these parameters",
    *,
    max_rows: int | None = None,
) -> QueryResult:
    """store.read, where a failure caused by the request is a 400, not a 503.

    A failed query and a failed store both arrive as StoreError: if the store still
    answers a trivial query, the query (with these parameters) was at fault, and that is
    the caller's to fix."""
    check_params(params, "parameter")  # an engine would clamp 2**70 silently
    try:
        return store.read(cypher, params, timeout_ms=timeout_ms, max_rows=max_rows)
    except (QueryTimeout, QueryTooLarge, StoreUnavailable):
        raise  # typed: the engine's limits, or no engine at all
    except StoreError as e:
        try:
            store.read("RETURN 1")
        except StoreError:
            raise e from None
        raise InputError(f"{failed}: {str(e).removeprefix('query failed: ')}") from e


# --------------------------------------------------------------------------- paging, CSV


@dataclass(frozen=True)
class Paging:
    limit: int
    offset: int

    def cut[T](self, rows: list[T]) -> list[T]:
        return rows[self.offset : self.offset + self.limit]


def paging(
    settings: AppSettings,
    limit: Annotated[
        int,
        Query(ge=1, description="Rows per page; larger values are capped at the server's max_rows"),
    ] = 1000,
    offset: Annotated[int, Query(ge=0, description="Rows to skip")] = 0,
) -> Paging:
    return Paging(min(limit, settings.max_rows), offset)


Pages = Annotated[Paging, Depends(paging)]

# Per-row list caps (graph/queries.py, `max_items`): the named query cuts each row's
# growing lists (documents, evidence, targets) to their first K items and counts the
# whole lists beside them; absent: the whole lists. The bound is CAP_MIN, the one `bind` checks.
MaxItems = Annotated[
    int | None,
    Query(
        ge=CAP_MIN,
        description="Each row's lists (documents, evidence, targets) cut to their first "
        "max_items items, in the order shown; the counts stay those of the whole lists. "
        "Absent: the whole lists; 0: counts only",
    ),
]

CSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}}, "description": "The rows as CSV (UTF-8, header row)"},
    **ERRORS,
}


def tabular(router: APIRouter, path: str, model: type[BaseModel], **kwargs: Any) -> Callable:
    """Register GET `path` (JSON, typed) and GET `path.csv` (the same rows as CSV)."""

    def register(fn: Callable) -> Callable:
        router.get(path, response_model=model, responses=ERRORS, **kwargs)(fn)
        summary = kwargs.get("summary") or (fn.__doc__ or "").strip().splitlines()[0]
        router.get(path + ".csv", response_class=Response, responses=CSV_RESPONSE,
                   summary=f"{summary} (CSV)", description="The same rows as CSV.",
                   tags=kwargs.get("tags"))(fn)  # fmt: skip
        return fn

    return register


def wants_csv(request: Request, fmt: str | None) -> bool:
    route = request.scope.get("route")
    return fmt == "csv" or bool(route is not None and getattr(route, "path", "").endswith(".csv"))


def respond(
    request: Request,
    fmt: str | None,
    payload: BaseModel,
    csv_rows: Iterable[dict[str, Any]] | None = None,
) -> Any:
    """The payload as JSON, or its rows (or `csv_rows`, a flatter view) as CSV."""
    if not wants_csv(request, fmt):
        return payload
    if csv_rows is None:
        csv_rows = [flat(r.model_dump()) for r in getattr(payload, "rows", [])]
    rows = list(csv_rows)
    text = to_csv(rows, _row_fields(payload))
    # Excel on Chinese Windows reads a CSV without a byte-order mark as GBK: `?bom=1` adds
    # one (off by default, so that scripts reading the CSV get no stray first character).
    if request.query_params.get("bom", "").lower() in ("1", "true", "yes"):
        text = "\ufeff" + text
    return Response(text, media_type="text/csv; charset=utf-8")


def _row_fields(payload: BaseModel) -> list[str]:
    """Column names of the payload's row model: the header of an empty CSV."""
    field = type(payload).model_fields.get("rows")
    args = get_args(field.annotation) if field else ()
    model = args[0] if args and isinstance(args[0], type) else None
    return list(model.model_fields) if model and issubclass(model, BaseModel) else []


def cell(value: Any) -> Any:
    """One CSV cell: lists of names joined with '; ', departments as name(role), else JSON."""
    if value is None:
        return ""
    if isinstance(value, BaseModel):
        value = value.model_dump()
    if isinstance(value, list):
        value = [v.model_dump() if isinstance(v, BaseModel) else v for v in value]
        if all(isinstance(v, str | int | float) for v in value):
            return "; ".join(str(v) for v in value)
        if all(isinstance(v, dict) and "name" in v for v in value):
            return "; ".join(
                f"{v['name']}({v['role']})" if v.get("role") else str(v["name"]) for v in value
            )
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def flat(row: dict[str, Any]) -> dict[str, Any]:
    return {k: cell(v) for k, v in row.items()}


def to_csv(rows: list[dict[str, Any]], empty_header: list[str] | None = None) -> str:
    if not rows and empty_header:
        return ",".join(empty_header) + "\n"
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(columns), restval="", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: cell(v) for k, v in row.items()})
    return buf.getvalue()


# --------------------------------------------------------------------------- names people type


def resolve_province(text: str, *, param: str = "province", missing: type = NotFoundError):
    """上海市 / 上海 / 沪 / 310000 / Shanghai / 上海 in Traditional → the Province."""
    check_text(text, param)
    raw = text.strip()
    found = vocab.province_by_name(raw) or vocab.province_by_name(to_simplified(raw))
    if found is None:
        found = next((p for p in vocab.provinces() if p.name_en.casefold() == raw.casefold()), None)
    if found is None:
        names = "、".join(p.name for p in vocab.provinces())
        raise missing(
            f"{param}: no province {raw!r}; give a full name (上海市), a short name (上海), an "
            f"abbreviation (沪), an English name (Shanghai) or a code (310000). Known: {names}"
        )
    return found


def resolve_provinces(text: str, *, param: str = "provinces") -> list:
    """A comma-separated list (，、 also accepted), de-duplicated in the order given."""
    check_text(text, param)
    parts = [p for p in text.replace("，", ",").replace("、", ",").split(",") if p.strip()]
    out = []
    for part in parts:
        p = resolve_province(part, param=param, missing=InputError)
        if p not in out:
            out.append(p)
    return out


def resolve_topic(text: str, *, param: str = "topic", missing: type = NotFoundError):
    """A topic key (udi) or its Chinese or English name (医疗器械唯一标识)."""
    check_text(text, param)
    raw = to_simplified(text.strip())
    found = vocab.topic_by_key(raw.lower())
    if found is None:
        found = next(
            (
                t
                for t in vocab.topics()
                if raw in (t.name_zh, t.name_en) or raw.casefold() == t.name_en.casefold()
            ),
            None,
        )
    if found is None:
        keys = ", ".join(t.key for t in vocab.topics())
        raise missing(f"{param}: no topic {text!r}; use a key from GET /topics: {keys}")
    return found


def resolve_indicator(text: str, *, param: str = "indicator", missing: type = NotFoundError):
    """An indicator key (adr_reports_per_million) or a name as documents write it."""
    check_text(text, param)
    raw = to_simplified(text.strip())
    found = vocab.indicator_by_key(raw.lower())
    if found is None:
        key = match_indicator(raw) if raw else None
        found = vocab.indicator_by_key(key) if key else None
    if found is None:
        keys = ", ".join(i.key for i in vocab.indicators())
        raise missing(f"{param}: no indicator {text!r}; use a key from GET /indicators: {keys}")
    return found
