"""FalkorDB backend: the embedded server of falkordblite (default) or an external FALKORDB_URL.

Durability: the embedded server runs with an append-only file fsynced on every write
(appendfsync always), so a write reported as done is on disk. A document is written
as one query, which FalkorDB applies whole or not at all.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from policykg.graph.cypher_text import final_columns, returns_rows, strip_comments, tokenize
from policykg.graph.model import NODE_KEYS
from policykg.graph.store import QueryResult, Statement

from policykg.errors import PolicyKGError, QueryRefused, StoreError

log = logging.getLogger(__name__)

# Properties indexed for lookups beyond the keys.
RANGE_INDEXES = {
    "Document": ["province_code", "content_hash"],
    "Measure": ["document_id", "statement"],
    "Target": ["document_id", "indicator_key"],
    "Department": ["kind", "province_code"],
    "Program": ["province_code"],
}
FULLTEXT = {
    "Measure": ["text"],
    "Target": ["indicator", "text"],
    "Program": ["name", "description"],
}


def falkordb_schema(graph_name: str) -> list[str]:
    """DDL as FalkorDB commands / Cypher, in execution order (printed by `policykg schema`)."""
    out = []
    for label, key in NODE_KEYS.items():
        out.append(f"CREATE INDEX FOR (n:{label}) ON (n.{key})")
        out.append(f"GRAPH.CONSTRAINT CREATE {graph_name} UNIQUE NODE {label} PROPERTIES 1 {key}")
    for label, props in RANGE_INDEXES.items():
        out += [f"CREATE INDEX FOR (n:{label}) ON (n.{p})" for p in props]
    for label, props in FULLTEXT.items():
        fields = ", ".join(f"'{p}'" for p in props)
        out.append(
            f"CALL db.idx.fulltext.createNodeIndex({{label: '{label}', language: 'chinese'}}, {fields})"
        )
    return out


class FalkorDBStore:
    backend = "falkordb"

    def __init__(
        self,
        data_dir: Path | None = None,
        url: str | None = None,
        graph: str = "policykg",
    ):
        self.data_dir = data_dir
        self.url = url
        self.graph_name = graph
        self._db: Any = None
        self._graph: Any = None

    # lifecycle -------------------------------------------------------------
    def open(self) -> None:
        if self._db is not None:
            return
        try:
            if self.url:
                from falkordb import FalkorDB

                self._db = FalkorDB.from_url(self.url)
            else:
                from redislite.falkordb_client import FalkorDB as EmbeddedFalkorDB

                assert self.data_dir is not None
                self.data_dir.mkdir(parents=True, exist_ok=True)
                self._db = EmbeddedFalkorDB(
                    str(self.data_dir / "policykg.db"),
                    serverconfig={"appendonly": "yes", "appendfsync": "always"},
                )
            self._graph = self._db.select_graph(self.graph_name)
            self._db.connection.ping()
            if self.graph_name not in self._db.list_graphs():
                self.ensure_schema()  # creates the graph key, so reads on a new store work
        except PolicyKGError:
            raise
        except Exception as e:  # the driver raises many kinds; all mean the same to a user
            where = self.url or self.data_dir
            raise StoreError(f"cannot open the FalkorDB store at {where}: {e}") from e

    def close(self) -> None:
        if self._db is not None and hasattr(self._db, "close"):
            try:
                self._db.close()
            except Exception as e:  # closing must not mask the real outcome
                log.warning("closing FalkorDB: %s", e)
        self._db = self._graph = None

    # schema ----------------------------------------------------------------
    def schema_statements(self) -> list[str]:
        return falkordb_schema(self.graph_name)

    def ensure_schema(self) -> None:
        graph = self._require()
        existing = {(i[0], f) for i in self._index_rows() for f in i[1]}
        for label, key in NODE_KEYS.items():
            if (label, key) not in existing:
                graph.create_node_range_index(label, key)
        for label, props in RANGE_INDEXES.items():
            missing = [p for p in props if (label, p) not in existing]
            if missing:
                graph.create_node_range_index(label, *missing)
        constraints = {(c["label"], tuple(c["properties"])) for c in graph.list_constraints()}
        for label, key in NODE_KEYS.items():
            if (label, (key,)) not in constraints:
                graph.create_node_unique_constraint(label, key)
        fulltext = {i[0] for i in self._index_rows(kind="FULLTEXT")}
        for label, props in FULLTEXT.items():
            if label not in fulltext:
                fields = ", ".join(f"'{p}'" for p in props)
                graph.query(
                    f"CALL db.idx.fulltext.createNodeIndex({{label: '{label}', language: 'chinese'}}, {fields})"
                )

    def _index_rows(self, kind: str = "RANGE") -> list[tuple[str, list[str]]]:
        if self.graph_name not in self._db.list_graphs():
            return []  # a new store: the graph key appears with the first index
        rows = (
            self._require().ro_query("CALL db.indexes() YIELD label, properties, types").result_set
        )
        out = []
        for label, props, types in rows:
            fields = [p for p in props if kind in (types.get(p) or [])]
            if fields:
                out.append((label, fields))
        return out

    # queries ---------------------------------------------------------------
    def read(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        timeout_ms: int | None = None,
        max_rows: int | None = None,
    ) -> QueryResult:
        graph = self._require()
        order = None
        if max_rows is not None:
            cypher, order = capped(cypher, max_rows + 1)
        try:
            result = graph.ro_query(cypher, params or None, timeout=timeout_ms)
        except Exception as e:
            if "read-only" in str(e):
                raise QueryRefused(
                    "the query writes to the graph; only read queries are allowed"
                ) from e
            if "timed out" in str(e).lower() or "timeout" in str(e).lower():
                raise QueryRefused(
                    f"the query ran longer than {timeout_ms} ms and was stopped"
                ) from e
            raise StoreError(f"query failed: {e}") from e
        columns = [h[1] for h in result.header]
        rows = [[to_plain(v) for v in row] for row in result.result_set]
        if CAP_VARIABLE in columns:  # carried by a leading WITH * (see capped)
            at = columns.index(CAP_VARIABLE)
            columns = columns[:at] + columns[at + 1 :]
            rows = [row[:at] + row[at + 1 :] for row in rows]
        if order and sorted(order) == sorted(columns) and len(set(order)) == len(order):
            at = [columns.index(c) for c in order]  # RETURN * sorted them: as written again
            columns, rows = order, [[row[i] for i in at] for row in rows]
        return QueryResult(columns, rows)

    def write(self, statements: list[Statement]) -> None:
        """All statements as one query of CALL {…} units: FalkorDB applies a query
        whole or, on any error, not at all (its undo log), so this is one transaction."""
        if not statements:
            return
        cypher, params = combine(statements)
        try:
            self._require().query(cypher, params)
        except Exception as e:
            raise StoreError(f"write failed, nothing of it was stored: {e}") from e

    def _require(self) -> Any:
        if self._graph is None:
            raise StoreError("the store is not open; call open() first")
        return self._graph


CAP_VARIABLE = "_policykg_cap"


def capped(cypher: str, limit: int) -> tuple[str, list[str] | None]:
    """An ad-hoc read as `CALL { read } RETURN * LIMIT n`: FalkorDB stops producing rows at
    n, where a cap applied in Python would first receive every row (a cartesian product, a
    huge UNWIND). Comments are dropped so a `//` cannot swallow the closing brace; RETURN *
    sorts the columns, so the columns as written are returned for reordering."""
    tokens = tokenize(cypher)
    if not returns_rows(tokens):
        return cypher, None  # no RETURN: no rows to cap (and CALL {…} RETURN * would fail)
    text = strip_comments(cypher, tokens).removesuffix(";")
    order = final_columns(text)
    if tokens[0].upper == "WITH":  # a leading WITH in CALL {} would import, not project
        text = f"UNWIND [0] AS {CAP_VARIABLE} {text}"
    return f"CALL {{\n{text}\n}}\nRETURN * LIMIT {int(limit)}", order


def combine(statements: list[Statement]) -> tuple[str, dict[str, Any]]:
    """Statements → one query; each statement's $params get a unique prefix."""
    parts, params = [], {}
    for i, s in enumerate(statements):
        body = re.sub(r"\$(\w+)", lambda m, i=i: f"$s{i}_{m[1]}", s.cypher)
        parts.append(f"CALL {{ {body} }}")
        params.update({f"s{i}_{k}": v for k, v in s.params.items()})
    return "\n".join(parts) + "\nRETURN 1", params


def to_plain(value: Any) -> Any:
    """Driver objects (Node, Edge, Path) → JSON-ready dicts and lists."""
    from falkordb import Edge, Node, Path

    if isinstance(value, Node):
        return {"_labels": list(value.labels or []), **value.properties}
    if isinstance(value, Edge):
        return {"_type": value.relation, **value.properties}
    if isinstance(value, Path):
        return {
            "nodes": [to_plain(n) for n in value.nodes()],
            "edges": [to_plain(e) for e in value.edges()],
        }
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    return value
