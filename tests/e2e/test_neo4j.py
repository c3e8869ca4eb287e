"""Neo4jStore against a real Neo4j 5 (skipped unless NEO4J_URI is set), plus the checks
that need no server (constructor without I/O, unreachable server, value conversion).

With a server, the named-query suite of tests/graph/test_queries.py (`SEED_CHECKS`, the
same assertions as on embedded FalkorDB) runs against Neo4j holding the seed corpus:

    docker compose up -d neo4j
    NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=policykg-dev pytest tests/e2e -q

The suite ingests data/corpus (idempotent: `docker compose up` has usually done it) and
skips if the database holds other documents too, since its answers are about the seeds.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator

import pytest
from policykg.graph.queries import enum_values, get_query, registry
from policykg.graph.store import GraphStore, Statement
from policykg.graph.stores.neo4j import Neo4jStore, to_plain

from policykg.errors import PolicyKGError, QueryRefused, StoreError
from policykg.ingestion import ingest_paths
from tests.graph.test_queries import API_PREFIX, CORPUS, SEED_CHECKS, Seeds

NEO4J_URI = os.environ.get("NEO4J_URI")
needs_neo4j = pytest.mark.skipif(not NEO4J_URI, reason="NEO4J_URI is not set (no Neo4j server)")


# --------------------------------------------------------------------------- no server needed


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


@pytest.fixture(scope="module")
def store() -> Iterator[Neo4jStore]:
    assert NEO4J_URI
    s = Neo4jStore(
        NEO4J_URI,
        os.environ.get("NEO4J_USER", "neo4j"),
        os.environ.get("NEO4J_PASSWORD", "policykg-dev"),
        os.environ.get("NEO4J_DATABASE") or None,
    )
    s.open()
    s.ensure_schema()
    s.ensure_schema()  # idempotent
    yield s
    s.close()


@pytest.fixture
def doc_id(store: Neo4jStore) -> Iterator[str]:
    ident = f"e2e-test:{uuid.uuid4().hex}"
    yield ident
    store.write(
        [
            Statement(
                "MATCH (n) WHERE n.id STARTS WITH $id OR n.code = $code DETACH DELETE n",
                {"id": ident, "code": f"{ident}:province"},
            )
        ]
    )


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
                        "props": {"text": "推进UDI追溯", "statement": "commitment"},
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


@needs_neo4j
def test_schema_is_in_place(store: Neo4jStore) -> None:
    names = {r["name"] for r in store.read("SHOW CONSTRAINTS YIELD name RETURN name").records()}
    assert "document_id_unique" in names
    indexes = store.read("SHOW INDEXES YIELD name, type RETURN name, type").records()
    assert {"name": "evidence_text", "type": "FULLTEXT"} in indexes


@needs_neo4j
def test_write_then_read_back(store: Neo4jStore, doc_id: str) -> None:
    store.write(_tiny_document(doc_id))
    store.write(_tiny_document(doc_id))  # MERGE: idempotent
    result = store.read(
        "MATCH (p:Province)-[:ISSUED]->(d:Document {id: $id})-[:CONTAINS]->(m:Measure) "
        "RETURN p.name AS province, d.title AS title, m.statement AS statement, m.text AS text "
        "ORDER BY m.id",
        {"id": doc_id},
        timeout_ms=10_000,
    )
    assert result.columns == ["province", "title", "statement", "text"]
    assert result.rows == [
        ["测试省", "测试文件", "commitment", "推进UDI追溯"],
        ["测试省", "测试文件", "background", "回顾成绩"],
    ]
    node = store.read("MATCH (d:Document {id: $id}) RETURN d", {"id": doc_id}).rows[0][0]
    assert node["_labels"] == ["Document"] and node["title"] == "测试文件"


@needs_neo4j
def test_write_is_one_transaction(store: Neo4jStore, doc_id: str) -> None:
    store.write(_tiny_document(doc_id))
    with pytest.raises(StoreError):
        store.write(
            [
                Statement("MATCH (d:Document {id: $id}) SET d.title = 'changed'", {"id": doc_id}),
                Statement("CREATE (:Document {id: $id})", {"id": doc_id}),  # violates the key
            ]
        )
    title = store.read("MATCH (d:Document {id: $id}) RETURN d.title AS t", {"id": doc_id})
    assert title.rows == [["测试文件"]]


@needs_neo4j
def test_read_refuses_writes(store: Neo4jStore, doc_id: str) -> None:
    with pytest.raises(QueryRefused) as info:
        store.read("CREATE (:Document {id: $id})", {"id": doc_id})
    assert isinstance(info.value, PolicyKGError)
    assert store.read("MATCH (d:Document {id: $id}) RETURN d", {"id": doc_id}).rows == []


# --------------------------------------------------------------------------- named queries


@pytest.fixture(scope="module")
def seeds(store: Neo4jStore) -> Seeds:
    summary = ingest_paths(store, [CORPUS])
    assert not summary.failed, summary.failed
    sources = {
        r["source"] for r in store.read("MATCH (d:Document) RETURN d.source AS source").records()
    }
    extra = sorted(sources - {p.name for p in CORPUS.glob("*.txt")})
    if extra:
        pytest.skip(
            f"the Neo4j database holds documents besides the seed corpus ({', '.join(extra[:3])}"
            f"{' …' if len(extra) > 3 else ''}); the named-query suite asserts answers about the "
            "seeds, so run it on a database with data/corpus only"
        )
    return Seeds(store)


@needs_neo4j
@pytest.mark.parametrize("check", sorted(SEED_CHECKS))
def test_named_query_on_neo4j(check: str, seeds: Seeds) -> None:
    SEED_CHECKS[check](seeds)


@needs_neo4j
@pytest.mark.parametrize("name", sorted(registry()))
def test_example_runs_on_neo4j(name: str, seeds: Seeds) -> None:
    query = get_query(name)
    rows = seeds.store.read(query.cypher, query.bind(query.example, enum_values)).records()
    if not name.startswith(API_PREFIX):
        assert rows, f"{name}: its example answers nothing on the seeds"
