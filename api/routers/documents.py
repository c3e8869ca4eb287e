"""Documents: the list, and one document with its outline, measures and targets."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from policykg.api.models.common import ERRORS
from policykg.api.models.documents import (
    DocumentDetail,
    DocumentRow,
    Documents,
    MeasureRow,
    OutlineEntry,
)
from policykg.api.routers.common import (
    AppSettings,
    Format,
    Pages,
    Store,
    blank_to_none,
    resolve_province,
    respond,
    tabular,
)
from policykg.api.routers.common import run as run_query
from policykg.api.routers.topics import target_row

from policykg.errors import InputError, NotFoundError

router = APIRouter(tags=["documents"])

Statement = Annotated[
    str | None,
    Query(pattern="^(commitment|background|vision|safeguard)$",
          description="Only measures of this kind: commitment | background | vision | safeguard"),
]  # fmt: skip


@tabular(router, "/documents", Documents)
def list_documents(
    request: Request,
    store: Store,
    settings: AppSettings,
    page: Pages,
    province: Annotated[str | None, Query(description="Name, short name or code")] = None,
    format: Format = None,
) -> Any:
    """Documents with province, number, dates, kind, script and their measure/target counts."""
    params = {}
    if blank_to_none(province):
        params["province"] = resolve_province(province or "", missing=InputError).name
    rows = [DocumentRow(**r) for r in run_query(store, settings, "documents", **params)]
    payload = Documents(rows=page.cut(rows), count=len(rows), limit=page.limit, offset=page.offset)
    return respond(request, format, payload)


@router.get("/documents/{document_id:path}", response_model=DocumentDetail, responses=ERRORS)
def document(
    document_id: str, store: Store, settings: AppSettings, statement: Statement = None
) -> DocumentDetail:
    """One document: metadata, outline, measures (with departments) and targets.

    `document_id` is an id such as `310000:沪府办发〔2022〕9号` or a document number
    (沪府办发〔2022〕9号); URL-encode it or send it as it is.
    """
    found = run_query(store, settings, "api_document", document_id=document_id)
    if not found:
        ids = [r["id"] for r in run_query(store, settings, "documents")]
        raise NotFoundError(
            f"no document with id {document_id!r}; GET /documents lists them"
            + (f" (e.g. {ids[0]})" if ids else " (the graph holds none yet: run policykg ingest)")
        )
    doc_id = found[0]["id"]  # the path may give a document number (文号) instead of the id
    outline = run_query(store, settings, "document_outline", document=doc_id)
    measures = run_query(store, settings, "document_measures", document_id=doc_id,
                         statement=statement)  # fmt: skip
    targets = run_query(store, settings, "api_targets", document_id=doc_id)
    return DocumentDetail(
        **found[0],
        outline=[OutlineEntry(**o) for o in outline],
        measures=[MeasureRow(**m, id=m["measure"]) for m in measures],
        targets=[target_row(t) for t in targets],
    )
