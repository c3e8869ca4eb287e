"""The researcher API and the comparison page, as one router for the app factory."""

from __future__ import annotations

from fastapi import APIRouter
from policykg.api.routers import (
    compare,
    cypher,
    departments,
    documents,
    indicators,
    page,
    programs,
    provinces,
    search,
    source,
    topics,
)

router = APIRouter()
for module in (page, provinces, topics, indicators, compare, departments, programs, documents,
               search, source, cypher):  # fmt: skip
    router.include_router(module.router)
