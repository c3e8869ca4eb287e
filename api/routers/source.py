"""The original text of a document with an evidence span highlighted: "show me the sentence".

Evidence offsets `source_start`/`source_end` point into the file's text as read (before
normalization: original script, markup and line breaks kept); this page shows that text,
HTML-escaped, with the span in <mark id="span"> so that `…#span` scrolls to it.
"""

from __future__ import annotations

import html
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse
from policykg.api.models.common import ERRORS
from policykg.api.routers.common import AppSettings, Store, check_text
from policykg.api.routers.common import run as run_query
from pydantic import BaseModel, Field

from policykg.errors import InputError, NotFoundError

router = APIRouter(tags=["documents"])


class SourceSpan(BaseModel):
    document_id: str
    title: str | None = None
    doc_number: str | None = None
    source: str | None = Field(None, description="File name it was read from")
    script: str | None = Field(None, description="simplified | traditional: the original script")
    start: int | None = None
    end: int | None = None
    span: str | None = Field(None, description="The original text of the span")
    text: str = Field(description="The whole original text")


def _page(doc: SourceSpan) -> str:
    text, start, end = doc.text, doc.start, doc.end
    if start is not None and end is not None:
        body = (f"{html.escape(text[:start])}<mark id=\"span\">{html.escape(text[start:end])}"
                f"</mark>{html.escape(text[end:])}")  # fmt: skip
    else:
        body = html.escape(text)
    title = html.escape(doc.title or doc.document_id)
    meta = " · ".join(html.escape(x) for x in (doc.doc_number, doc.source, doc.script) if x)
    span = f"字符 {start}–{end}（原文件）" if start is not None else "全文"
    return f"""<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font:15px/1.7 system-ui,"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;margin:1.5rem auto;max-width:60rem;padding:0 1rem}}
pre{{white-space:pre-wrap;word-break:break-all;font:inherit}}mark{{background:#ffe27a;padding:.1em 0}}
header{{border-bottom:1px solid #ccc;margin-bottom:1rem}}small{{color:#555}}</style></head>
<body><header><h1>{title}</h1><small>{meta} · {span}</small></header>
<pre id="source">{body}</pre></body></html>"""


@router.get("/source", response_model=SourceSpan, responses={
    **ERRORS, 200: {"content": {"text/html": {}}, "description": "HTML page, or JSON with format=json"}})  # fmt: skip
def source(
    store: Store,
    settings: AppSettings,
    document_id: Annotated[str, Query(description="Document id or document number (文号)")],
    start: Annotated[
        int | None, Query(ge=0, description="source_start of an evidence item")
    ] = None,
    end: Annotated[int | None, Query(ge=0, description="source_end of an evidence item")] = None,
    format: Annotated[
        Literal["html", "json"], Query(description="html (default) or json")
    ] = "html",
) -> Any:
    """The original text of a document (its script and layout) with a span highlighted.

    Every evidence item's `source_url` links here with its `source_start`/`source_end`.
    """
    check_text(document_id, "document_id")
    found = run_query(store, settings, "api_document_source", document_id=document_id)
    if not found:
        raise NotFoundError(f"document_id: no document {document_id!r}; GET /documents lists them")
    row = found[0]
    if row["text"] is None:
        raise NotFoundError(
            f"the original text of {row['id']!r} is not in the graph (stored by an older "
            f"version): run `policykg ingest` on its file again"
        )
    text: str = row["text"]
    if (start is None) != (end is None):
        raise InputError("start, end: give both offsets of the span, or neither")
    if start is not None and end is not None and not start <= end <= len(text):
        raise InputError(
            f"start, end: the span {start}–{end} is outside the original text of "
            f"{len(text)} characters; use an evidence item's source_start and source_end"
        )
    doc = SourceSpan(document_id=row["id"], title=row["title"], doc_number=row["doc_number"],
                     source=row["source"], script=row["script"], start=start, end=end,
                     span=text[start:end] if start is not None else None, text=text)  # fmt: skip
    if format == "json":
        return doc
    return HTMLResponse(_page(doc))
