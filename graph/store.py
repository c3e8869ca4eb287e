"""The GraphStore protocol: one small adapter per backend, chosen by settings.

Adapters do no I/O in their constructors; `open()` connects (called from the app's
lifespan or the CLI command), `close()` releases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable


@dataclass(frozen=True)
class Statement:
    cypher: str
    params: dict[str, Any] = field(default_factory=dict)


def combine(statements: list[Statement]) -> tuple[str, dict[str, Any]]:
    """Statements → one query of unit subqueries (`CALL { … }`, run in order, each seeing
    what the ones before it wrote); each statement's $params get a unique prefix. FalkorDB
    runs a transaction as one query this way; Neo4j sends it in one round trip."""
    parts, params = [], {}
    for i, s in enumerate(statements):
        body = re.sub(r"\$(\w+)", lambda m, i=i: f"$s{i}_{m[1]}", s.cypher)  # type: ignore[misc]
        parts.append(f"CALL {{ {body} }}")
        params.update({f"s{i}_{k}": v for k, v in s.params.items()})
    return "\n".join(parts) + "\nRETURN 1", params


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list[Any]]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


@runtime_checkable
class GraphStore(Protocol):
    backend: str

    def open(self) -> None: ...

    def close(self) -> None: ...

    def schema_statements(self) -> list[str]:
        """The backend's DDL (constraints, indexes, full-text), in execution order."""
        ...

    def ensure_schema(self) -> None:
        """Create constraints and indexes if missing; idempotent; run before loading."""
        ...

    def read(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        timeout_ms: int | None = None,
        max_rows: int | None = None,
    ) -> QueryResult:
        """Run a query in the engine's read-only mode (a write is refused by the engine).
        With max_rows, at most max_rows + 1 rows are read (the extra one says "there is
        more") and the engine stops there: the rest is never produced or sent."""
        ...

    def write(self, statements: list[Statement]) -> None:
        """Run the statements in one transaction: all of them take effect, or none."""
        ...
