"""Service health and graph statistics."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from policykg.api.deps import get_store
from policykg.graph.store import GraphStore
from pydantic import BaseModel

from policykg.ingestion import graph_stats

router = APIRouter(tags=["meta"])


class Health(BaseModel):
    status: str
    backend: str
    documents: int


class Stats(BaseModel):
    nodes: dict[str, int]
    relationships: dict[str, int]


@router.get("/health", response_model=Health)
def health(store: Annotated[GraphStore, Depends(get_store)]) -> Health:
    docs = graph_stats(store)["nodes"].get("Document", 0)
    return Health(status="ok", backend=store.backend, documents=docs)


@router.get("/stats", response_model=Stats)
def stats(store: Annotated[GraphStore, Depends(get_store)]) -> Stats:
    return Stats(**graph_stats(store))
