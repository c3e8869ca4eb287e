"""GET /export/{format}: the graph, or a slice of it, as GraphML, GEXF, JSON or Neo4j CSV."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse
from policykg.api.deps import get_store
from policykg.graph.export import FORMATS, iter_export, to_networkx
from policykg.graph.store import GraphStore

from policykg.errors import NotFoundError

router = APIRouter(tags=["export"])


@router.get("/export/{fmt}", response_class=StreamingResponse)
def export(
    fmt: str,
    store: Annotated[GraphStore, Depends(get_store)],
    province: Annotated[
        list[str] | None, Query(description="Province full name, e.g. 上海市; repeatable")
    ] = None,
    topic: Annotated[list[str] | None, Query(description="Topic key, e.g. udi; repeatable")] = None,
) -> StreamingResponse:
    """Download the graph: `graphml`, `gexf` (Gephi), `json` (networkx node-link) or
    `neo4j-csv` (a zip for `neo4j-admin database import`). Filters slice it by province
    (documents and what they reach) and topic (measures and targets addressing it)."""
    if fmt not in FORMATS:
        raise NotFoundError(f"no export format '{fmt}'; available: {', '.join(FORMATS)}")
    # Built before the response starts, so a bad filter is a 400, not a broken download.
    graph = to_networkx(store, provinces=province, topics=topic, summaries=fmt == "neo4j-csv")
    media_type, suffix = FORMATS[fmt]
    filename = "policykg" + ("-neo4j" if fmt == "neo4j-csv" else "") + suffix
    return StreamingResponse(
        iter_export(graph, fmt),
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
