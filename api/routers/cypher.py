"""POST /cypher: ad-hoc read-only Cypher for power users, guarded in layers.

1. `api.cypher_guard.check` refuses CALL, LOAD CSV, USE, administration commands and
   every write clause before anything runs (403 with the reason); text that is not one
   bounded statement is a 400 (nesting depth, integers beyond 64 bits) or 413 (bytes,
   tokens), so FalkorDB's parser never sees a query that would take it minutes.
2. The store runs the query in the engine's read-only mode (FalkorDB GRAPH.RO_QUERY,
   Neo4j read transactions): a write that slipped through is refused by the engine (403).
3. The engine's timeout (settings.query_timeout_ms) and memory limit stop long (504) or large (422)
   queries; the row cap (settings.max_rows) is applied while reading (FalkorDB: `CALL {…}
   RETURN * LIMIT n+1` in the engine; Neo4j: records pulled one by one), and the answer
   stops at settings.max_response_bytes (`truncated: true` with the reason).
"""

from __future__ import annotations

import json
import re
from typing import Any, Literal

from fastapi import APIRouter
from policykg.api.cypher_guard import Limits, check, check_params
from policykg.api.models.common import ERRORS, ErrorBody
from policykg.api.routers.common import AppSettings, Store, check_text, read
from pydantic import BaseModel, Field

from policykg.errors import InputError, TooLarge

router = APIRouter(tags=["ad-hoc Cypher"])

PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

# ---------------------------------------------------------------------- models: ad-hoc Cypher


class CypherRequest(BaseModel):
    query: str = Field(
        min_length=1,
        description="One read-only Cypher statement (size and nesting limits: see 400/413)",
        examples=["MATCH (p:Province)-[:ISSUED]->(d:Document) RETURN p.name, count(d)"],
    )
    params: dict[str, Any] = Field(default_factory=dict, description="Values for $parameters")


class CypherAnswer(BaseModel):
    columns: list[str]
    rows: list[list[Any]]
    count: int = Field(description="Rows returned (after the row and byte caps)")
    truncated: bool = Field(description="True when a cap cut the result")
    truncated_by: Literal["rows", "bytes"] | None = Field(
        None, description="Which cap cut the result: max_rows or max_bytes"
    )
    max_rows: int
    max_bytes: int
    timeout_ms: int


@router.post(
    "/cypher",
    response_model=CypherAnswer,
    responses={**ERRORS,
               403: {"model": ErrorBody, "description": "Refused: writes, CALL, LOAD CSV, USE, admin"},
               413: {"model": ErrorBody, "description": "Too large: request body, query bytes or tokens, "
                     "one row over max_bytes"},
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
    check_params(body.params)
    limits = Limits(max_bytes=settings.cypher_max_bytes, max_tokens=settings.cypher_max_tokens,
                    max_depth=settings.cypher_max_depth)  # fmt: skip
    check(body.query, limits)
    cap = settings.max_rows
    result = read(store, body.query, body.params, settings.query_timeout_ms,
                  "the query failed", max_rows=cap)  # fmt: skip
    rows = result.rows[:cap]
    by: Literal["rows", "bytes"] | None = "rows" if len(result.rows) > cap else None
    kept = _within_bytes(rows, settings.max_response_bytes)
    if kept < len(rows):
        rows, by = rows[:kept], "bytes"
    return CypherAnswer(columns=result.columns, rows=rows, count=len(rows),
                        truncated=by is not None, truncated_by=by, max_rows=cap,
                        max_bytes=settings.max_response_bytes,
                        timeout_ms=settings.query_timeout_ms)  # fmt: skip


def _within_bytes(rows: list[list[Any]], limit: int) -> int:
    """How many leading rows fit in `limit` bytes of JSON; a first row alone over it is 413."""
    total = 0
    for i, row in enumerate(rows):
        total += len(json.dumps(row, ensure_ascii=False, default=str).encode("utf-8")) + 1
        if total > limit:
            if i == 0:
                raise TooLarge(
                    f"the first row alone is over {limit} bytes (POLICYKG_MAX_RESPONSE_BYTES); "
                    "return smaller values (a slice list[..100], size(list), a property)"
                )
            return i
    return len(rows)
