"""Neo4j 5 backend: the official `neo4j` driver behind the GraphStore protocol.

- No I/O in the constructor; `open()` creates the driver and verifies connectivity.
- `read()` runs in a managed *read* transaction (`session.execute_read`): Neo4j itself
  refuses a write there, and the driver retries transient failures.
- `write()` runs every statement in one managed write transaction (all or nothing), with
  the query option `replan=skip` (WRITE_OPTIONS, below).
- `schema_statements()` is Neo4j 5 DDL; every statement is checked by Neo4j's own
  Cypher front end in tests/graph/test_cypher_lint.py (Neo4j does not run here).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any

import neo4j
from neo4j import exceptions as neo4j_errors
from neo4j.graph import Node, Path, Relationship
from policykg.graph.model import NODE_KEYS
from policykg.graph.store import QueryResult, Statement, combine

from policykg.errors import (
    PolicyKGError,
    QuerySyntaxError,
    QueryTimeout,
    QueryTooLarge,
    StoreError,
    StoreUnavailable,
    WriteRefused,
)

log = logging.getLogger(__name__)

# label -> key property (unique; MERGE on it): the graph model's own table
UNIQUE_KEYS: dict[str, str] = NODE_KEYS

# Range indexes for the common filters of the named queries.
RANGE_INDEXES: tuple[tuple[str, str], ...] = (
    ("Province", "name"),
    ("Document", "province_code"),
    ("Document", "kind"),
    ("Document", "issued_date"),
    ("Measure", "statement"),
    ("Measure", "document_id"),
    ("Department", "kind"),
    ("Department", "name"),
    ("Department", "province_code"),
    ("Target", "year"),
    ("Target", "document_id"),
    ("Program", "kind"),
    ("Summary", "kind"),
    ("Summary", "province"),
    ("Summary", "department"),
)
REL_RANGE_INDEXES: tuple[tuple[str, str], ...] = (("RESPONSIBLE", "role"),)

# Full-text search over the evidence text (Lucene `cjk` analyzer: CJK bigrams), asked by
# queries/neo4j/api_search.cypher; `indicator` since search matches a target's indicator.
FULLTEXT_INDEX = "evidence_text"
FULLTEXT_LABELS: tuple[str, ...] = ("Measure", "Target", "Program")
FULLTEXT_PROPERTIES: tuple[str, ...] = ("text", "name", "description", "indicator")
FULLTEXT_ANALYZER = "cjk"

ACCESS_MODE_CODE = "Neo.ClientError.Statement.AccessMode"
# ...TransactionTimedOut, or ...TransactionTimedOutClientConfiguration (the client's timeout)
TIMED_OUT_CODE = "Neo.ClientError.Transaction.TransactionTimedOut"
OUT_OF_MEMORY_CODES = frozenset({"Neo.TransientError.General.MemoryPoolOutOfMemoryError",
                                 "Neo.ClientError.General.TransactionOutOfMemoryError"})  # fmt: skip
# Neo4j plans a query again, once `dbms.cypher.min_replan_interval` (10 s) has passed, when
# the counts it was planned on have moved past a threshold — in a fresh load, every ~10 s,
# each of the writer's few dozen statement shapes at once (a 1-row MERGE then takes 30–140 ms
# instead of 1–5: bench/README.md, "The loaders on Neo4j"). The statements written here are
# key lookups (MERGE or MATCH on a unique key, then the relationships of those nodes) or
# whole-label counts, whose plan the counts do not change, so they keep the plan they have.
# A new index or constraint still makes every plan anew.
WRITE_OPTIONS = "CYPHER replan=skip "
_OPTIONS_OR_MODES = ("CYPHER", "EXPLAIN", "PROFILE")

BOLT_SCHEMES = frozenset(
    {"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"}
)  # not the driver's preview http(s):// Query API


def neo4j_schema_statements() -> list[str]:
    """Neo4j 5 DDL: uniqueness constraints, range indexes, one full-text index."""
    out = [
        f"CREATE CONSTRAINT {label.lower()}_{key}_unique IF NOT EXISTS "
        f"FOR (n:{label}) REQUIRE n.{key} IS UNIQUE"
        for label, key in UNIQUE_KEYS.items()
    ]
    out += [
        f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"
        for label, prop in RANGE_INDEXES
    ]
    out += [
        f"CREATE INDEX {rel.lower()}_{prop} IF NOT EXISTS FOR ()-[r:{rel}]-() ON (r.{prop})"
        for rel, prop in REL_RANGE_INDEXES
    ]
    labels = "|".join(FULLTEXT_LABELS)
    props = ", ".join(f"n.{p}" for p in FULLTEXT_PROPERTIES)
    out.append(
        f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:{labels}) ON EACH [{props}] "
        f"OPTIONS {{indexConfig: {{`fulltext.analyzer`: '{FULLTEXT_ANALYZER}'}}}}"
    )
    return out


def _drop_outdated_fulltext(session: Any) -> None:
    """CREATE … IF NOT EXISTS keeps an index of the same name as it was: a full-text index
    made by an earlier version over other labels or properties is dropped to be made anew."""
    found = session.run(
        "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties WHERE name = $name "
        "RETURN labelsOrTypes, properties",
        name=FULLTEXT_INDEX,
    ).single()
    if found and (sorted(found[0]), sorted(found[1])) != (
        sorted(FULLTEXT_LABELS),
        sorted(FULLTEXT_PROPERTIES),
    ):
        session.run(f"DROP INDEX {FULLTEXT_INDEX} IF EXISTS").consume()
        log.info(
            "Neo4j full-text index %s made anew (labels or properties changed)", FULLTEXT_INDEX
        )


def to_plain(value: Any) -> Any:
    """Driver values -> JSON-friendly Python (nodes and relationships become dicts)."""
    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **{k: to_plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_type": value.type, **{k: to_plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return {
            "nodes": [to_plain(n) for n in value.nodes],
            "edges": [to_plain(r) for r in value.relationships],  # as the FalkorDB store
        }
    if isinstance(value, list | tuple):
        return [to_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: to_plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):  # neo4j.time Date / DateTime / Time / Duration
        return value.iso_format()
    return value


class Neo4jStore:
    """GraphStore for Neo4j 5 (`NEO4J_URI`, e.g. bolt://localhost:7687)."""

    backend = "neo4j"

    def __init__(
        self,
        uri: str,
        user: str = "neo4j",
        password: str = "",
        database: str | None = None,
        *,
        connection_timeout: float = 10.0,
        max_retry_time: float = 15.0,
    ) -> None:
        self.uri = uri
        self.user = user
        self._password = password
        self.database = database or None  # None: the server's default database
        self._config: dict[str, Any] = {
            "connection_timeout": connection_timeout,
            "max_transaction_retry_time": max_retry_time,
            # The server's notifications (e.g. "property key does not exist" on a new
            # graph) are advice for people typing queries; the driver would log each one.
            "notifications_min_severity": "OFF",
        }
        self._driver: neo4j.Driver | None = None

    def __repr__(self) -> str:
        return f"Neo4jStore({self.uri!r}, user={self.user!r}, database={self.database!r})"

    # ------------------------------------------------------------------ lifecycle

    def open(self) -> None:
        if self._driver is not None:
            return
        scheme = self.uri.partition("://")[0].lower()
        if scheme not in BOLT_SCHEMES:
            raise StoreError(
                f"invalid Neo4j URI {self.uri!r}: use a Bolt URI (bolt://host:7687 or "
                "neo4j://host:7687, +s / +ssc for TLS) in NEO4J_URI"
            )
        try:
            driver = neo4j.GraphDatabase.driver(
                self.uri, auth=(self.user, self._password), **self._config
            )
        except (neo4j_errors.ConfigurationError, ValueError) as e:
            raise StoreError(
                f"invalid Neo4j URI {self.uri!r} ({e}); set NEO4J_URI to e.g. "
                "bolt://localhost:7687 or neo4j://host:7687"
            ) from e
        try:
            driver.verify_connectivity()
        except neo4j_errors.AuthError as e:
            driver.close()
            raise StoreUnavailable(
                f"Neo4j at {self.uri} refused the credentials of user {self.user!r}: check "
                "NEO4J_USER / NEO4J_PASSWORD (docker-compose: NEO4J_AUTH)"
            ) from e
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError) as e:
            driver.close()
            raise StoreUnavailable(
                f"cannot reach Neo4j at {self.uri} ({e.__class__.__name__}: {e}); is it "
                "running (`docker compose up -d neo4j`) and is NEO4J_URI right?"
            ) from e
        self._driver = driver
        log.info("connected to Neo4j at %s (database %s)", self.uri, self.database or "default")

    def close(self) -> None:
        if self._driver is not None:
            self._driver.close()
            self._driver = None

    def __enter__(self) -> Neo4jStore:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _session(self, access_mode: str) -> neo4j.Session:
        if self._driver is None:
            raise StoreError("the Neo4j store is not open: call open() first")
        return self._driver.session(database=self.database, default_access_mode=access_mode)

    # ------------------------------------------------------------------ schema

    def schema_statements(self) -> list[str]:
        return neo4j_schema_statements()

    def ensure_schema(self) -> None:
        """Create constraints and indexes if missing (idempotent), then wait for them."""
        statements = self.schema_statements()
        try:
            with self._session(neo4j.WRITE_ACCESS) as session:
                _drop_outdated_fulltext(session)
                for cypher in statements:  # DDL: one transaction per statement
                    session.execute_write(_consume, cypher)
                session.run("CALL db.awaitIndexes(300)").consume()
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError) as e:
            raise _store_error(e, "creating the Neo4j schema") from e
        log.info("Neo4j schema ensured (%d statements)", len(statements))

    # ------------------------------------------------------------------ queries

    def read(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        timeout_ms: int | None = None,
        max_rows: int | None = None,
    ) -> QueryResult:
        # A managed transaction takes its server-side timeout from unit_of_work (a
        # neo4j.Query with a timeout is refused by tx.run: only session.run accepts it).
        timeout = timeout_ms / 1000 if timeout_ms else None
        work = neo4j.unit_of_work(timeout=timeout)(_read_tx)
        cap = None if max_rows is None else max_rows + 1
        try:
            with self._session(neo4j.READ_ACCESS) as session:
                return session.execute_read(work, cypher, dict(params or {}), cap)
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError) as e:
            raise _store_error(e, "running a read query", timeout_ms) from e
        except (OverflowError, ValueError, TypeError) as e:
            # Raised by the driver while packing parameters (an integer beyond 64 bits, a
            # value Bolt has no type for): the caller's value, not a failure of the server.
            raise QuerySyntaxError(f"a parameter cannot be sent to Neo4j ({e})") from e

    def write(self, statements: list[Statement]) -> None:
        if not statements:
            return
        try:
            with self._session(neo4j.WRITE_ACCESS) as session:
                session.execute_write(_write_tx, list(statements))
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OverflowError, ValueError) as e:
            # The transaction was rolled back (or never began: a value Bolt cannot carry): say so, as the FalkorDB store does.
            error = _store_error(e, f"writing {len(statements)} statements")
            raise StoreError(f"write failed, nothing of it was stored: {error}") from e


# ---------------------------------------------------------------------- transaction functions


def _consume(tx: neo4j.ManagedTransaction, cypher: str) -> None:
    tx.run(cypher).consume()


def _read_tx(
    tx: neo4j.ManagedTransaction, cypher: str, params: dict[str, Any], cap: int | None
) -> QueryResult:
    """Records one by one (the driver pulls them in batches); with a cap, stop there and
    leave the rest unread (the transaction's end discards it on the server)."""
    result = tx.run(cypher, params)
    columns = list(result.keys())
    rows = []
    for record in result:
        rows.append([to_plain(v) for v in record.values()])
        if cap is not None and len(rows) >= cap:
            break
    return QueryResult(columns=columns, rows=rows)


def _write_tx(tx: neo4j.ManagedTransaction, statements: list[Statement]) -> None:
    """The statements as one query of unit subqueries (graph/store.py `combine`): one round
    trip for a document's ~30 statements instead of one each (1.3–2 ms apiece on a warm
    server, bench/README.md). A statement that gives its own options or mode, or returns
    rows (a unit subquery must not), runs on its own as before."""
    if len(statements) > 1 and all(_combinable(st.cypher) for st in statements):
        cypher, params = combine(statements)
        tx.run(WRITE_OPTIONS + cypher, params).consume()
        return
    for st in statements:
        tx.run(_with_write_options(st.cypher), st.params).consume()


def _combinable(cypher: str) -> bool:
    text = cypher.lstrip().upper()
    return not text.startswith((*_OPTIONS_OR_MODES, "WITH")) and not _RETURNS.search(text)


_RETURNS = re.compile(r"\b(RETURN|UNION|YIELD)\b")


def _with_write_options(cypher: str) -> str:
    """WRITE_OPTIONS before the statement, unless it gives its own options or mode."""
    if cypher.lstrip().upper().startswith(_OPTIONS_OR_MODES):
        return cypher
    return WRITE_OPTIONS + cypher


def _store_error(e: Exception, doing: str, timeout_ms: int | None = None) -> PolicyKGError:
    """The driver's typed exception (class, or the server's status code) → our typed error,
    the same as the FalkorDB store raises for the same event."""
    if isinstance(e, neo4j_errors.Neo4jError):
        code = e.code or "unknown"
        if code.startswith(TIMED_OUT_CODE):
            limit = f"{timeout_ms} ms" if timeout_ms else "the time limit"
            return QueryTimeout(f"the query ran longer than {limit} and was stopped")
        if code == ACCESS_MODE_CODE or isinstance(
            e, neo4j_errors.Forbidden | neo4j_errors.ForbiddenOnReadOnlyDatabase
        ):
            return WriteRefused("the query writes to the graph; only read queries are allowed")
        if isinstance(e, neo4j_errors.CypherSyntaxError | neo4j_errors.CypherTypeError):
            return QuerySyntaxError(f"the query is not valid Cypher: {e.message}")
        if code in OUT_OF_MEMORY_CODES:
            return QueryTooLarge(f"Neo4j stopped the query: it needed too much memory ({code})")
        if isinstance(e, neo4j_errors.DatabaseUnavailable):
            return StoreUnavailable(f"Neo4j: the database is unavailable while {doing}")
        return StoreError(f"Neo4j error while {doing}: [{code}] {e.message}")
    if isinstance(e, neo4j_errors.ServiceUnavailable | neo4j_errors.SessionExpired):
        return StoreUnavailable(f"Neo4j became unreachable while {doing}: {e}")
    return StoreError(f"Neo4j driver error while {doing}: {e.__class__.__name__}: {e}")
