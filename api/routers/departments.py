"""Departments (scoped to their province) and the measures each leads, supports or is named in."""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from policykg.api.models.departments import (
    DepartmentMeasureRow,
    DepartmentMeasures,
    DepartmentRow,
    Departments,
)
from policykg.api.routers.common import (
    AppSettings,
    Format,
    Pages,
    Store,
    blank_to_none,
    check_text,
    resolve_province,
    respond,
    run_page,
    tabular,
)
from policykg.api.routers.common import run as run_query
from policykg.ingest import vocab

from policykg.errors import InputError, NotFoundError

router = APIRouter(tags=["departments"])

Role = Annotated[str | None, Query(pattern="^(lead|support|responsible)$",
                                   description="lead | support | responsible")]  # fmt: skip


@cache
def department_kinds() -> list[str]:
    return sorted({d.kind for d in vocab.departments() if d.kind})


@tabular(router, "/departments", Departments)
def list_departments(
    request: Request,
    store: Store,
    settings: AppSettings,
    page: Pages,
    province: Annotated[str | None, Query(description="Name, short name or code")] = None,
    kind: Annotated[str | None, Query(description="drug_regulator, health, …")] = None,
    format: Format = None,
) -> Any:
    """Departments with kind and level, and how many measures they lead, support or are named in."""
    params: dict[str, Any] = {}
    if blank_to_none(province):
        params["province"] = resolve_province(province or "", missing=InputError).name
    if blank_to_none(kind):
        kinds = department_kinds()
        if kind not in kinds:
            check_text(kind, "kind")
            raise InputError(f"kind: no department kind {kind!r}; use one of {', '.join(kinds)}")
        params["kind"] = kind
    rows = [DepartmentRow(**r) for r in run_query(store, settings, "api_departments", **params)]
    payload = Departments(
        rows=page.cut(rows), count=len(rows), limit=page.limit, offset=page.offset
    )
    return respond(request, format, payload)


@tabular(router, "/departments/{department_id:path}/measures", DepartmentMeasures)
def department_measures(
    department_id: str,
    request: Request,
    store: Store,
    settings: AppSettings,
    page: Pages,
    role: Role = None,
    format: Format = None,
) -> Any:
    """The measures a department is named in, with its role and the sentence.

    Ids look like `310000:上海市药品监督管理局` (province code : name); URL-encode them
    (`310000%3A%E4%B8%8A…`) or send them as they are: both work.
    """
    found = run_query(store, settings, "api_departments", department_id=department_id)
    if not found:
        raise NotFoundError(
            f"no department with id {department_id!r}; ids are 'province code:name' as listed by "
            f"GET /departments?province=…"
        )
    records, count = run_page(store, settings, "api_department_measures", page,
                              department_id=department_id, role=role)  # fmt: skip
    payload = DepartmentMeasures(department=DepartmentRow(**found[0]),
                                 rows=[DepartmentMeasureRow(**r) for r in records],
                                 count=count, limit=page.limit, offset=page.offset)  # fmt: skip
    return respond(request, format, payload)
