"""What only Neo4j has: its DDL on the real server, its read transactions, timeouts and
all-or-nothing writes, plus the checks that need no server (constructor without I/O,
unreachable server, value conversion).

The rest of the graph suite (store, writer, named queries, API, exports) runs on Neo4j
through the `backend` parameter of tests/conftest.py; tests/graph/test_cross_engine.py
compares the two engines on the bundled corpus.
"""

from __future__ import annotations

import time

import pytest
from policykg.graph.store import GraphStore, Statement
from policykg.graph.stores.neo4j import (
    FULLTEXT_ANALYZER,
    FULLTEXT_INDEX,
    RANGE_INDEXES,
    UNIQUE_KEYS,
    WRITE_OPTIONS,
    Neo4jStore,
    _with_write_options,
    _write_tx,
    to_plain,
)

from policykg.errors import PolicyKGError, QueryRefused, QueryTimeout, StoreError
from tests.neo4j_server import Datasets, DatasetStore

# --------------------------------------------------------------------------- no server needed


def test_writes_keep_their_plan_unless_they_give_their_own_options() -> None:
    assert WRITE_OPTIONS == "CYPHER replan=skip "
    assert _with_write_options("MATCH (n) SET n.x = 1") == WRITE_OPTIONS + "MATCH (n) SET n.x = 1"
    for own in ("CYPHER runtime=slotted MATCH (n) SET n.x = 1", " explain MATCH (n) DELETE n"):
        assert _with_write_options(own) == own


class _RecordingTx:
    """Stands in for a managed transaction: records what would be sent."""

    def __init__(self) -> None:
        self.runs: list[tuple[str, dict]] = []

    def run(self, cypher: str, params: dict | None = None) -> _RecordingTx:
        self.runs.append((cypher, dict(params or {})))
        return self

    def consume(self) -> None:
        return None


def test_a_write_goes_as_one_query_of_unit_subqueries() -> None:
    """A document's statements in one round trip (each its own `CALL { … }`, its parameters
    renamed apart); one that gives its own options or returns rows keeps them all apart."""
    statements = [
        Statement("UNWIND $rows AS k MERGE (n:X {id: k})", {"rows": [1, 2]}),
        Statement("MATCH (n:X {id: $id}) SET n.y = 1", {"id": 1}),
    ]
    tx = _RecordingTx()
    _write_tx(tx, statements)  # type: ignore[arg-type]
    assert tx.runs == [(
        WRITE_OPTIONS + "CALL { UNWIND $s0_rows AS k MERGE (n:X {id: k}) }\n"
        "CALL { MATCH (n:X {id: $s1_id}) SET n.y = 1 }\nRETURN 1",
        {"s0_rows": [1, 2], "s1_id": 1},
    )]  # fmt: skip
    for apart in ("MATCH (n:X) RETURN count(n)", "CYPHER runtime=slotted MATCH (n) SET n.z = 2"):
        tx = _RecordingTx()
        _write_tx(tx, [*statements, Statement(apart)])  # type: ignore[arg-type]
        assert [c for c, _ in tx.runs] == [_with_write_options(s.cypher) for s in statements] + [
            _with_write_options(apart)
        ]


def test_constructor_does_no_io_and_satisfies_the_protocol() -> None:
    store = Neo4jStore("bolt://neo4j.invalid:7687", "neo4j", "secret", None)
    assert isinstance(store, GraphStore)
    assert store.backend == "neo4j"
    assert store.schema_statements()  # DDL is available without a connection
    assert "secret" not in repr(store)
    with pytest.raises(StoreError, match="not open"):
        store.read("RETURN 1 AS x")


def test_unreachable_server_is_a_readable_store_error() -> None:
    store = Neo4jStore("bolt://127.0.0.1:9", "neo4j", "secret", connection_timeout=3)
    started = time.monotonic()
    with pytest.raises(StoreError, match=r"cannot reach Neo4j at bolt://127\.0\.0\.1:9") as info:
        store.open()
    assert "NEO4J_URI" in str(info.value)
    assert time.monotonic() - started < 30


def test_invalid_uri_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="invalid Neo4j URI"):
        Neo4jStore("http://localhost:7474", "neo4j", "x").open()


def test_to_plain_keeps_plain_values() -> None:
    assert to_plain({"a": [1, "b", None], "c": (True, 2.5)}) == {
        "a": [1, "b", None],
        "c": [True, 2.5],
    }


# --------------------------------------------------------------------------- real Neo4j


@pytest.fixture
def store(neo4j_datasets: Datasets, request: pytest.FixtureRequest) -> DatasetStore:
    """An empty Neo4j graph (the schema of `policykg schema --backend neo4j` in place)."""
    store = neo4j_datasets.store(f"scratch:{request.node.nodeid}", None)
    store.activate()
    return store


def _tiny_document(doc_id: str) -> list[Statement]:
    return [
        Statement(
            "MERGE (p:Province {code: $code}) SET p.name = $name",
            {"code": f"{doc_id}:province", "name": "测试省"},
        ),
        Statement(
            "MERGE (d:Document {id: $id}) SET d += $props",
            {"id": doc_id, "props": {"title": "测试文件", "province_code": f"{doc_id}:province"}},
        ),
        Statement(
            "UNWIND $rows AS row MERGE (m:Measure {id: row.key}) SET m += row.props",
            {
                "rows": [
                    {
                        "key": f"{doc_id}:1",
                        "props": {"text": "推进追溯", "statement": "commitment"},
                    },
                    {
                        "key": f"{doc_id}:2",
                        "props": {"text": "回顾成绩", "statement": "background"},
                    },
                ]
            },
        ),
        Statement(
            "MATCH (p:Province {code: $code}), (d:Document {id: $id}) MERGE (p)-[:ISSUED]->(d) "
            "WITH d MATCH (m:Measure) WHERE m.id STARTS WITH $id + ':' MERGE (d)-[:CONTAINS]->(m)",
            {"code": f"{doc_id}:province", "id": doc_id},
        ),
    ]


@pytest.mark.neo4j
def test_schema_ddl_is_applied_by_the_server(store: DatasetStore) -> None:
    """Every statement of `policykg schema --backend neo4j` is in place on the server."""
    store.ensure_schema()  # idempotent: a second time changes nothing
    constraints = store.read("SHOW CONSTRAINTS YIELD name, type RETURN name, type").records()
    expected = {f"{label.lower()}_{key}_unique" for label, key in UNIQUE_KEYS.items()}
    assert {c["name"] for c in constraints if c["type"] == "UNIQUENESS"} >= expected
    indexes = store.read(
        "SHOW INDEXES YIELD name, type, state, options RETURN name, type, state, options"
    ).records()
    assert all(i["state"] == "ONLINE" for i in indexes), indexes
    [fulltext] = [i for i in indexes if i["name"] == FULLTEXT_INDEX]
    assert fulltext["type"] == "FULLTEXT"
    assert fulltext["options"]["indexConfig"]["fulltext.analyzer"] == FULLTEXT_ANALYZER
    names = {i["name"] for i in indexes}
    assert {f"{label.lower()}_{prop}" for label, prop in RANGE_INDEXES} <= names


@pytest.mark.neo4j
def test_constraint_refuses_a_duplicate_key(store: DatasetStore) -> None:
    store.write([Statement("CREATE (:Document {id: 'x'})")])
    with pytest.raises(StoreError, match="ConstraintValidationFailed"):
        store.write([Statement("CREATE (:Document {id: 'x'})")])
    assert store.read("MATCH (d:Document) RETURN count(d)").rows == [[1]]


@pytest.mark.neo4j
def test_cjk_fulltext_index_finds_chinese_text(store: DatasetStore) -> None:
    store.write(_tiny_document("ft"))
    store.read("CALL db.awaitIndexes(60)")
    rows = store.read(
        "CALL db.index.fulltext.queryNodes($index, $q) YIELD node RETURN node.id AS id",
        {"index": FULLTEXT_INDEX, "q": '"追溯"'},
    ).rows
    assert rows == [["ft:1"]]


@pytest.mark.neo4j
def test_write_then_read_back(store: DatasetStore) -> None:
    store.write(_tiny_document("doc"))
    store.write(_tiny_document("doc"))  # MERGE: idempotent
    result = store.read(
        "MATCH (p:Province)-[:ISSUED]->(d:Document {id: $id})-[:CONTAINS]->(m:Measure) "
        "RETURN p.name AS province, d.title AS title, m.statement AS statement, m.text AS text "
        "ORDER BY m.id",
        {"id": "doc"},
        timeout_ms=10_000,
    )
    assert result.columns == ["province", "title", "statement", "text"]
    assert result.rows == [
        ["测试省", "测试文件", "commitment", "推进追溯"],
        ["测试省", "测试文件", "background", "回顾成绩"],
    ]
    node = store.read("MATCH (d:Document {id: $id}) RETURN d", {"id": "doc"}).rows[0][0]
    assert node["_labels"] == ["Document"] and node["title"] == "测试文件"


@pytest.mark.neo4j
def test_write_is_one_transaction(store: DatasetStore) -> None:
    store.write(_tiny_document("doc"))
    with pytest.raises(StoreError):
        store.write(
            [
                Statement("MATCH (d:Document {id: $id}) SET d.title = 'changed'", {"id": "doc"}),
                Statement("CREATE (:Document {id: $id})", {"id": "doc"}),  # violates the key
            ]
        )
    title = store.read("MATCH (d:Document {id: $id}) RETURN d.title AS t", {"id": "doc"})
    assert title.rows == [["测试文件"]]


@pytest.mark.neo4j
def test_read_refuses_writes_in_the_server(store: DatasetStore) -> None:
    """The read transaction, not a guard in Python, refuses every kind of write."""
    store.write(_tiny_document("doc"))
    for cypher in ["CREATE (:Document {id: 'new'})", "MATCH (m:Measure) SET m.text = 'x'",
                   "MATCH (m:Measure) DETACH DELETE m", "MERGE (:Topic {key: 'k'})",
                   "CREATE INDEX x_y FOR (n:X) ON (n.y)"]:  # fmt: skip
        with pytest.raises(QueryRefused) as info:
            store.read(cypher)
        assert isinstance(info.value, PolicyKGError)
    after = store.read("MATCH (n) RETURN count(n) AS n, collect(DISTINCT labels(n)[0]) AS l")
    assert after.rows[0][0] == 4


@pytest.mark.neo4j
def test_read_timeout_is_enforced_by_the_server(store: DatasetStore) -> None:
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match="200 ms"):
        store.read(
            "UNWIND range(1, 100000000) AS x WITH x WHERE x % 7 = 99 RETURN count(x)",
            timeout_ms=200,
        )
    assert time.monotonic() - started < 30  # stopped, not run to the end
