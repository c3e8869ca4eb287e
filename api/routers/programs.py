"""Programs (工程, 平台, 系统, 计划, 行动 …) by province, with a text filter."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from policykg.api.models.programs import ProgramRow, Programs
from policykg.api.routers.common import (
    AppSettings,
    Format,
    MaxItems,
    Pages,
    Store,
    blank_to_none,
    check_text,
    resolve_province,
    respond,
    tabular,
    to_simplified,
)
from policykg.api.routers.common import run as run_query
from policykg.api.routers.topics import evidence

from policykg.errors import InputError

router = APIRouter(tags=["programs"])


@tabular(router, "/programs", Programs)
def list_programs(
    request: Request,
    store: Store,
    settings: AppSettings,
    page: Pages,
    province: Annotated[str | None, Query(description="Name, short name or code")] = None,
    q: Annotated[
        str | None, Query(description="Text in the name or description (Traditional is converted)")
    ] = None,
    max_items: MaxItems = None,
    format: Format = None,
) -> Any:
    """Programs with the documents that establish them, the measures that mention them, and
    their topics (named query `programs_by_province`; `q` filters name and description;
    `max_items` cuts each row's documents, topics and names as written, the counts stay)."""
    params: dict[str, Any] = {"province": None, "kind": None, "topic": None,
                              "max_items": max_items}  # fmt: skip
    if blank_to_none(province):
        params["province"] = resolve_province(province or "", missing=InputError).name
    records = run_query(store, settings, "programs_by_province", **params)
    if blank_to_none(q):
        check_text(q, "q")
        needle = to_simplified((q or "").strip()).casefold()
        records = [r for r in records
                   if needle in f"{r['program']} {r.get('description') or ''}".casefold()]  # fmt: skip
    rows = [
        ProgramRow(**{**r, "evidence": evidence(r["evidence"], id=r["evidence"]["measure"],
                                                province=r["province"]) if r["evidence"] else None},
                   name=r["program"])
        for r in records
    ]  # fmt: skip
    payload = Programs(rows=page.cut(rows), count=len(rows), limit=page.limit, offset=page.offset)
    return respond(request, format, payload)
