"""POST /cypher: ad-hoc read-only Cypher for power users, guarded in layers.

1. `api.cypher_guard.check` refuses CALL, LOAD CSV, USE, administration commands and
   every write clause before anything runs (403 with the reason), and text that is not
   one statement (400).
2. The store runs the query in the engine's read-only mode (FalkorDB GRAPH.RO_QUERY,
   Neo4j read transactions): a write that slipped through is refused by the engine (403).
3. A server-side timeout (settings.query_timeout_ms) stops long queries (504) and a row
   cap (settings.max_rows) cuts long results (`truncated: true`).
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter
from policykg.api.cypher_guard import check
from policykg.api.models import ERRORS, ErrorBody
from policykg.api.routers.common import AppSettings, Store, check_text, read
from pydantic import BaseModel, Field

from policykg.errors import InputError

router = APIRouter(tags=["ad-hoc Cypher"])

PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

# ---------------------------------------------------------------------- models: ad-hoc Cypher


class CypherRequest(BaseModel):
    query: str = Field(
        min_length=1,
        max_length=20_000,
        description="One read-only Cypher statement",
        examples=["MATCH (p:Province)-[:ISSUED]->(d:Document) RETURN p.name, count(d)"],
    )
    params: dict[str, Any] = Field(default_factory=dict, description="Values for $parameters")


class CypherAnswer(BaseModel):
    columns: list[str]
    rows: list[list[Any]]
    count: int = Field(description="Rows returned (after the row cap)")
    truncated: bool = Field(description="True when the row cap cut the result")
    max_rows: int
    timeout_ms: int


@router.post(
    "/cypher",
    response_model=CypherAnswer,
    responses={**ERRORS, 403: {"model": ErrorBody, "description": "Refused: writes, CALL, LOAD CSV, USE, admin"},
               504: {"model": ErrorBody, "description": "The query ran longer than timeout_ms"},
               503: {"model": ErrorBody, "description": "The graph store cannot be reached"}},
)  # fmt: skip
def cypher(body: CypherRequest, store: Store, settings: AppSettings) -> CypherAnswer:
    """Run one read-only Cypher statement with parameters; the graph cannot change."""
    bad = [k for k in body.params if not PARAM_NAME.fullmatch(k)]
    if bad:
        raise InputError(f"params: {', '.join(map(repr, bad))} cannot be parameter names; "
                         "use letters, digits and _ (not first a digit), as in $topic")  # fmt: skip
    check_text(body.params, "params")
    check(body.query)
    result = read(store, body.query, body.params, settings.query_timeout_ms, "the query failed")
    rows = result.rows[: settings.max_rows]
    return CypherAnswer(columns=result.columns, rows=rows, count=len(rows),
                        truncated=len(result.rows) > settings.max_rows,
                        max_rows=settings.max_rows, timeout_ms=settings.query_timeout_ms)  # fmt: skip
