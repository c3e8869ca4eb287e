"""Provinces: the 34 with what the graph holds for each, and one province's profile."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from policykg.api.models.common import ERRORS
from policykg.api.models.provinces import (
    Coverage,
    CoverageRow,
    CoveredDocument,
    ProvinceProfile,
    Provinces,
    ProvinceSummary,
    TopicCount,
)
from policykg.api.routers.common import (
    AppSettings,
    Format,
    MaxItems,
    Pages,
    Store,
    resolve_province,
    respond,
    tabular,
)
from policykg.api.routers.common import run as run_query

router = APIRouter(tags=["provinces"])
_NO_DOCUMENT: list[CoveredDocument | None] = [None]  # a CSV line for a province without any


@tabular(router, "/provinces", Provinces)
def list_provinces(request: Request, store: Store, settings: AppSettings, page: Pages,
                   format: Format = None) -> Any:  # fmt: skip
    """All 34 provincial-level divisions with counts of documents, measures, commitments, targets."""
    rows = [ProvinceSummary(**r) for r in run_query(store, settings, "api_provinces")]
    payload = Provinces(rows=page.cut(rows), count=len(rows), limit=page.limit, offset=page.offset)
    return respond(request, format, payload)


@router.get("/provinces/{name}", response_model=ProvinceProfile, responses=ERRORS)
def province_profile(name: str, store: Store, settings: AppSettings,
                     max_items: MaxItems = None) -> ProvinceProfile:  # fmt: skip
    """One province: documents, topics, departments and their roles, programs, targets.

    `name` is a full name (上海市), a short name (上海), an abbreviation (沪), an English
    name (Shanghai) or a code (310000). `max_items` cuts each list in the query; the
    `*_count` fields stay those of the whole lists.
    """
    p = resolve_province(name)
    [r] = run_query(store, settings, "province_profile", province=p.name, max_items=max_items)
    return ProvinceProfile(
        code=p.code, name=p.name, name_en=p.name_en, short=p.short, kind=p.kind,
        regions=r["regions"] or [], documents=r["documents"] or [],
        topics=[TopicCount(key=t["topic"], name_zh=t.get("name_zh"), commitments=t["commitments"],
                           mentions=t["other_mentions"], targets=t["targets"])
                for t in r["topics"] or []],
        departments=r["departments"] or [], programs=r["programs"] or [],
        targets=r["targets"] or [], document_count=r["document_count"],
        topic_count=r["topic_count"], department_count=r["department_count"],
        program_count=r["program_count"], target_count=r["target_count"],
    )  # fmt: skip


@tabular(router, "/coverage", Coverage)
def coverage(request: Request, store: Store, settings: AppSettings, page: Pages,
             max_items: MaxItems = None, format: Format = None) -> Any:  # fmt: skip
    """What the graph covers: for each of the 34 provinces its documents (kind, dates, plan period).

    Every answer about a province rests on these documents; a province without any is
    `no_documents` in every topic answer, never `silent`. `.csv` gives one line per document
    (one line with no document for a province without).
    """
    rows = [CoverageRow(**r) for r in run_query(store, settings, "coverage", province=None,
                                                         max_items=max_items)]  # fmt: skip
    payload = Coverage(rows=page.cut(rows), count=len(rows), limit=page.limit, offset=page.offset,
                       provinces_with_documents=sum(1 for r in rows if r.document_count))  # fmt: skip
    lines = [
        {"province": r.province, "code": r.code, "document_count": r.document_count,
         **(d.model_dump() if d else {})}
        for r in payload.rows for d in (r.documents or _NO_DOCUMENT)
    ]  # fmt: skip
    return respond(request, format, payload, lines)
