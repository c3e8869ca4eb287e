"""FalkorDB backend: the embedded server of falkordblite (default) or an external FALKORDB_URL.

Durability: the embedded server (graph/stores/embedded.py: one per data directory) runs
with an append-only file fsynced on every write (appendfsync always), so a write
reported as done is on disk. A document is written
as one query, which FalkorDB applies whole or not at all.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import redis
from policykg.graph.cypher_text import final_columns, returns_rows, strip_comments, tokenize
from policykg.graph.model import NODE_KEYS
from policykg.graph.store import QueryResult, Statement, combine
from policykg.graph.stores import embedded
from policykg.graph.stores.embedded_server import EmbeddedServer, EngineLimits, client_name

from policykg.errors import (
    PolicyKGError,
    QueryRefused,
    QuerySyntaxError,
    QueryTimeout,
    QueryTooLarge,
    StoreError,
    StoreUnavailable,
    WriteRefused,
)

log = logging.getLogger(__name__)

# The client waits this much longer than the engine's own time limit: the engine stops a
# query first and says so; the socket timeout only catches an engine that does not answer.
SOCKET_MARGIN_S = 2.0
DEFAULT_LIMITS = EngineLimits(timeout_default_ms=10_000, timeout_max_ms=120_000,
                              query_mem_bytes=1 << 30, resultset_size=1_000_000)  # fmt: skip
# How FalkorDB's replies to a query it cannot parse or bind begin.
SYNTAX_PREFIXES = ("errMsg: Invalid input", "Missing parameters", "Unknown function",
                   "Invalid cypher", "Variable ")  # fmt: skip

# Properties indexed for lookups beyond the keys.
RANGE_INDEXES = {
    "Document": ["province_code", "content_hash"],
    "Measure": ["document_id", "statement"],
    "Target": ["document_id", "indicator_key"],
    "Department": ["kind", "province_code"],
    "Program": ["province_code"],
    "Summary": ["kind", "province", "department"],
}
# No full-text index on FalkorDB: its `chinese` analyzer (RediSearch with friso word
# segmentation) finds a term only where the segmenter cut the text at the same place —
# on the seeds 唯一标识 0 of 4 measures, 不良反应 0 of 21, 检查 58 of 67 (CONTAINS finds them
# all) — so search scans with CONTAINS here (queries/api_search.cypher and
# queries/falkordb/search.cypher), and an index made by an earlier version is dropped by
# ensure_schema. Neo4j's `cjk` bigrams do find them (queries/neo4j/api_search.cypher).
FULLTEXT_LABELS_BEFORE = ("Measure", "Target", "Program")


def falkordb_schema(graph_name: str) -> list[str]:
    """DDL as FalkorDB commands / Cypher, in execution order (printed by `policykg schema`)."""
    out = []
    for label, key in NODE_KEYS.items():
        out.append(f"CREATE INDEX FOR (n:{label}) ON (n.{key})")
        out.append(f"GRAPH.CONSTRAINT CREATE {graph_name} UNIQUE NODE {label} PROPERTIES 1 {key}")
    for label, props in RANGE_INDEXES.items():
        out += [f"CREATE INDEX FOR (n:{label}) ON (n.{p})" for p in props]
    return out


class FalkorDBStore:
    backend = "falkordb"

    def __init__(
        self,
        data_dir: Path | None = None,
        url: str | None = None,
        graph: str = "policykg",
        limits: EngineLimits | None = None,
    ):
        self.data_dir = data_dir
        self.url = url
        self.graph_name = graph
        self.limits = limits or DEFAULT_LIMITS
        self.server: EmbeddedServer | None = None
        self._db: Any = None
        self._wdb: Any = None
        self._graph: Any = None  # reads: socket timeout just above the query timeout
        self._writer: Any = None  # writes: socket timeout just above the write timeout

    # lifecycle -------------------------------------------------------------
    def open(self) -> None:
        if self._db is not None:
            return
        where = self.url or self.data_dir
        try:
            if self.url:
                self._db, self._wdb = self._connect(url=self.url)
            else:
                assert self.data_dir is not None
                self.server = embedded.acquire(self.data_dir, self.limits)
                self._db, self._wdb = self._connect(unix_socket_path=self.server.socket_path)
            self._graph = self._db.select_graph(self.graph_name)
            self._writer = self._wdb.select_graph(self.graph_name)
            self._db.connection.ping()
            if self.graph_name not in self._db.list_graphs():
                self.ensure_schema()  # creates the graph key, so reads on a new store work
        except PolicyKGError:
            self.close()
            raise
        except redis.RedisError as e:
            self.close()
            raise StoreUnavailable(f"cannot open the FalkorDB store at {where}: {e}") from e

    def _connect(self, **where: Any) -> tuple[Any, Any]:
        """Two clients: one for reads, one for writes; neither re-sends a command (a read
        that timed out is not run again, a write is never applied twice)."""
        from falkordb import FalkorDB

        common = {"retry": None, "client_name": client_name(),
                  "socket_connect_timeout": 10}  # fmt: skip
        read_s = self.limits.timeout_default_ms / 1000 + SOCKET_MARGIN_S
        write_s = self.limits.timeout_max_ms / 1000 + SOCKET_MARGIN_S
        if "url" in where:
            return (FalkorDB.from_url(where["url"], socket_timeout=read_s, **common),
                    FalkorDB.from_url(where["url"], socket_timeout=write_s, **common))  # fmt: skip
        return (FalkorDB(socket_timeout=read_s, **where, **common),
                FalkorDB(socket_timeout=write_s, **where, **common))  # fmt: skip

    def close(self) -> None:
        for db in (self._db, self._wdb):
            if db is not None:
                try:
                    db.connection.close()
                except Exception as e:  # closing must not mask the real outcome
                    log.warning("closing FalkorDB: %s", e)
        self._db = self._wdb = self._graph = self._writer = None
        if self.server is not None:
            server, self.server = self.server, None
            embedded.release(server)

    # schema ----------------------------------------------------------------
    def schema_statements(self) -> list[str]:
        return falkordb_schema(self.graph_name)

    def ensure_schema(self) -> None:
        try:
            self._ensure_schema()
        except redis.RedisError as e:
            raise engine_error(e, "creating the schema", self.limits.timeout_max_ms) from e

    def _ensure_schema(self) -> None:
        graph = self._require(self._writer)
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
        for label, _ in self._index_rows(kind="FULLTEXT"):
            if label in FULLTEXT_LABELS_BEFORE:
                graph.query(f"CALL db.idx.fulltext.drop('{label}')")

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
        """A read-only query; no read runs longer than the engine's default query timeout
        (settings.query_timeout_ms): a longer `timeout_ms` is cut to it."""
        graph = self._require()
        limit = min(timeout_ms or self.limits.timeout_default_ms, self.limits.timeout_default_ms)
        order = None
        if max_rows is not None:
            cypher, order = capped(cypher, max_rows + 1)
        try:
            result = graph.ro_query(cypher, params or None, timeout=limit)
        except redis.RedisError as e:
            raise engine_error(e, "running a read query", limit) from e
        columns = [h[1] for h in result.header]
        rows = [[to_plain(v) for v in row] for row in result.result_set]
        if CAP_VARIABLE in columns:  # carried by a leading WITH * (see capped)
            at = columns.index(CAP_VARIABLE)
            columns = columns[:at] + columns[at + 1 :]
            rows = [row[:at] + row[at + 1 :] for row in rows]
        if order and sorted(order) == sorted(columns) and len(set(order)) == len(order):
            where = [columns.index(c) for c in order]  # RETURN * sorted them: as written again
            columns, rows = order, [[row[i] for i in where] for row in rows]
        return QueryResult(columns, rows)

    def write(self, statements: list[Statement]) -> None:
        """All statements as one query of CALL {…} units: FalkorDB applies a query
        whole or, on any error, not at all (its undo log), so this is one transaction.

        The query and the increment of the graph's generation counter go in one MULTI/EXEC:
        the server runs them with no other client's command in between, so no reader can
        see the new graph under the old generation (what api/cache.py relies on, across
        processes: `policykg ingest` and `policykg serve` share the server). A failed query
        still bumps the counter: a needless miss for the readers, never a stale answer."""
        if not statements:
            return
        cypher, params = combine(statements)
        self._require(self._writer)
        query = params_header(params) + cypher  # what the driver would send, built faster
        pipe = self._wdb.connection.pipeline(transaction=True)
        pipe.execute_command("GRAPH.QUERY", self.graph_name, query, "--compact",
                             "timeout", self.limits.timeout_max_ms)  # fmt: skip
        pipe.incr(self.generation_key)
        try:
            # the engine's own error, not the pipeline's copy quoting the whole query
            failed = [r for r in pipe.execute(raise_on_error=False) if isinstance(r, Exception)]
            if failed:
                raise failed[0]
        except redis.RedisError as e:
            error = engine_error(e, "writing", self.limits.timeout_max_ms)
            raise type(error)(f"write failed, nothing of it was stored: {error}") from e

    @property
    def generation_key(self) -> str:
        return f"policykg:generation:{self.graph_name}"

    def generation(self) -> int:
        """A number that changes with every write to the graph (by any process)."""
        try:
            return int(self._require() and self._db.connection.get(self.generation_key) or 0)
        except redis.RedisError as e:
            raise engine_error(e, "reading the graph generation", 1000) from e

    def _require(self, graph: Any = None) -> Any:
        graph = graph or self._graph
        if graph is None:
            raise StoreError("the store is not open; call open() first")
        return graph


def engine_error(
    e: Exception, doing: str, timeout_ms: int
) -> StoreError | QueryRefused | QuerySyntaxError:
    """The driver's exception → our typed error. redis-py's exceptions are typed (timeout,
    connection); FalkorDB reports everything else as a ResponseError whose text is the
    only thing that tells its kinds apart (the module defines no error codes)."""
    if isinstance(e, redis.TimeoutError):
        return QueryTimeout(
            f"the database did not answer within {timeout_ms / 1000 + SOCKET_MARGIN_S:.0f} s "
            f"while {doing}; the query was not sent again"
        )
    if isinstance(e, redis.ConnectionError):  # includes BusyLoadingError, refused sockets
        return StoreUnavailable(f"the database server cannot be reached while {doing}: {e}")
    message = str(e)
    if isinstance(e, redis.ResponseError):
        if message.startswith("Query timed out"):
            return QueryTimeout(f"the query ran longer than {timeout_ms} ms and was stopped")
        if "mem consumption exceeded capacity" in message:
            return QueryTooLarge(
                "the query needed more memory than the server allows for one query "
                "(POLICYKG_QUERY_MEM_MB) and was stopped"
            )
        if "executed only on read-only queries" in message:
            return WriteRefused("the query writes to the graph; only read queries are allowed")
        if message.startswith(SYNTAX_PREFIXES):
            return QuerySyntaxError(f"the query is not valid Cypher: {message}")
    return StoreError(f"query failed: {message}")


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


def params_header(params: dict[str, Any]) -> str:
    """`CYPHER `name`=literal … ` for a write: the text falkordb-py's
    Graph._build_params_header makes (tests/graph/test_write_params.py compares them), at
    about half its cost — a document's rows are thousands of values, and the driver's
    generic isinstance chain per value was a third of the writer's time."""
    return "CYPHER " + "".join(f"`{_name(k)}`={cypher_literal(v)} " for k, v in params.items())


def cypher_literal(value: Any) -> str:
    """A parameter value as a Cypher literal, as falkordb.helpers.stringify_param_value
    writes it: strings double-quoted with only \\ and \" escaped, map keys in backticks."""
    kind = type(value)
    if kind is str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    # strings inside a map or list are written here, not by a call each (most values are)
    if kind is dict:
        return "{" + ",".join([
            f"`{k if k in _NAMES else _name(k)}`:"
            + ('"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"' if type(v) is str
               else cypher_literal(v))
            for k, v in value.items()
        ]) + "}"  # fmt: skip
    if kind is list or kind is tuple:
        return "[" + ",".join([
            '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"' if type(v) is str
            else cypher_literal(v)
            for v in value
        ]) + "]"  # fmt: skip
    if value is None:
        return "null"
    if kind is int or kind is float or kind is bool:
        return str(value)
    from falkordb.helpers import stringify_param_value

    return stringify_param_value(value)  # anything rarer (bytes, subclasses): the driver's way


_NAMES: dict[str, str] = {}  # map keys and parameter names already checked (a few dozen)


def _name(key: Any) -> str:
    if type(key) is str and key in _NAMES:
        return key
    name = key if type(key) is str else key.decode() if isinstance(key, bytes) else str(key)
    if not name or "`" in name:
        raise ValueError(f"a parameter or map key cannot be empty or hold a backtick: {name!r}")
    if type(key) is str and len(_NAMES) < 4096:
        _NAMES[key] = key
    return name


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
