"""Graph load, three ways, on the same rows: the project's writer, a naive loader, bulk.

- writer: graph.writer.write_document per document (UNWIND batches, MERGE on keys, one
  transaction per document, replacement and orphan checks included);
- naive: the writer's own statements with batches of ONE row, each its own transaction —
  what a loader without UNWIND batching costs (sampled: `naive_rows` rows);
- bulk: the engine's fastest path for a fresh load — all rows of a label (and of a
  relationship type) in large `UNWIND … CREATE` queries (BULK_CHUNK rows, one transaction
  each) into an empty graph, no MERGE, no replacement logic. Duplicated shared nodes are
  written once.

Each turn starts from an empty store with the schema (keys indexed) and reference data
loaded before timing: on FalkorDB a new embedded store in its own folder, on Neo4j (one
database in Community) the same database emptied (every node and relationship deleted; the
constraints and indexes stay, the same for all three loaders). Rows per second count the
same input rows for all three.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from policykg.graph.model import NODE_KEYS, DocumentGraph, NodeRows, RelRows, record_to_graph
from policykg.graph.store import GraphStore, Statement
from policykg.graph.stores.falkordb import FalkorDBStore
from policykg.graph.stores.neo4j import Neo4jStore
from policykg.graph.writer import (
    load_reference_data,
    node_statements,
    rel_statements,
    write_document,
)

BULK_CHUNK = 5000
DELETE_CHUNK = 10_000  # nodes per transaction when a Neo4j database is emptied
# An untimed warm-up turn loads the first WARM_UP_DOCS documents (the naive loader at most
# WARM_UP_NAIVE_ROWS rows): what a JVM compiles depends on how often a path runs, not on
# how large the graph is, so warming costs the same at any N.
WARM_UP_DOCS = 20
WARM_UP_NAIVE_ROWS = 300

# A turn's name -> an open store, empty but for the schema and the reference data.
Fresh = Callable[[str], GraphStore]


def falkordb_stores(folder: Path) -> Fresh:
    """Each turn a new embedded FalkorDB in its own folder."""

    def fresh(name: str) -> GraphStore:
        store = FalkorDBStore(folder / name)
        store.open()
        return _prepared(store)

    return fresh


def neo4j_stores(uri: str, user: str, password: str, database: str) -> Fresh:
    """Each turn the one database of this Neo4j, emptied (its schema stays)."""

    def fresh(name: str) -> GraphStore:
        store = Neo4jStore(uri, user, password, database)
        store.open()
        clear(store)
        return _prepared(store)

    return fresh


def clear(store: GraphStore) -> None:
    """Delete every relationship, then every node, DELETE_CHUNK of them a transaction; the
    schema stays. Relationships first: a transaction's memory follows what it deletes, and
    DETACH DELETE of DELETE_CHUNK nodes would delete all their relationships with them — the
    reference and shared nodes come first in a scan and hold most of the graph's
    relationships (at 4N = 1000 documents the first 10,000 nodes held 352,336 of 532,091,
    and that one transaction passed the test server's 768 MiB)."""
    while store.read("MATCH ()-[r]->() RETURN count(r)").rows[0][0]:
        store.write([Statement(f"MATCH ()-[r]->() WITH r LIMIT {DELETE_CHUNK} DELETE r")])
    while store.read("MATCH (n) RETURN count(n)").rows[0][0]:
        store.write([Statement(f"MATCH (n) WITH n LIMIT {DELETE_CHUNK} DETACH DELETE n")])


def _prepared(store: GraphStore) -> GraphStore:
    store.ensure_schema()
    load_reference_data(store)
    return store


def _row_count(graphs: list[DocumentGraph]) -> int:
    return sum(len(n.rows) for g in graphs for n in g.nodes) + sum(
        len(r.rows) for g in graphs for r in g.rels
    )


def writer_seconds(graphs: list[DocumentGraph], store: GraphStore) -> float:
    try:
        start = time.perf_counter()
        for graph in graphs:
            write_document(store, graph)
        return time.perf_counter() - start
    finally:
        store.close()


def naive_rate(graphs: list[DocumentGraph], store: GraphStore, limit: int) -> tuple[float, int]:
    """(seconds, rows) for up to `limit` rows written one statement and transaction each."""
    statements: list[Statement] = []
    for graph in graphs:
        for nodes in graph.nodes:
            statements += [s for row in nodes.rows for s in node_statements(_one(nodes, row))]
        for rels in graph.rels:
            statements += [s for row in rels.rows for s in rel_statements(_one(rels, row))]
        if len(statements) >= limit:
            break
    statements = statements[:limit]
    try:
        start = time.perf_counter()
        for statement in statements:
            store.write([statement])
        return time.perf_counter() - start, len(statements)
    finally:
        store.close()


def _one(rows: NodeRows | RelRows, row: dict[str, Any]) -> Any:
    if isinstance(rows, NodeRows):
        return NodeRows(rows.label, [row])
    return RelRows(rows.type, rows.source, rows.target, [row], rows.identity)


def bulk_seconds(graphs: list[DocumentGraph], store: GraphStore) -> float:
    nodes: dict[str, dict[Any, dict[str, Any]]] = {}
    rels: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for graph in graphs:
        for n in graph.nodes:
            bucket = nodes.setdefault(n.label, {})
            for row in n.rows:
                bucket[row["key"]] = row
        for r in graph.rels:
            rels.setdefault((r.type, r.source, r.target), []).extend(r.rows)
    try:
        start = time.perf_counter()
        for label, by_key in nodes.items():
            key = NODE_KEYS[label]
            fresh = _absent(store, label, key, list(by_key))
            rows = [row for k, row in by_key.items() if k in fresh]
            cypher = f"UNWIND $rows AS row CREATE (n:{label} {{{key}: row.key}}) SET n += row.props"
            for i in range(0, len(rows), BULK_CHUNK):
                store.write([Statement(cypher, {"rows": rows[i : i + BULK_CHUNK]})])
        for (rtype, source, target), rows in rels.items():
            cypher = (
                f"UNWIND $rows AS row MATCH (a:{source} {{{NODE_KEYS[source]}: row.from}}) "
                f"MATCH (b:{target} {{{NODE_KEYS[target]}: row.to}}) "
                f"CREATE (a)-[r:{rtype}]->(b) SET r += row.props"
            )
            for i in range(0, len(rows), BULK_CHUNK):
                store.write([Statement(cypher, {"rows": rows[i : i + BULK_CHUNK]})])
        return time.perf_counter() - start
    finally:
        store.close()


def _absent(store: GraphStore, label: str, key: str, keys: list[Any]) -> set[Any]:
    """Keys not yet in the graph (reference nodes such as Province and Topic are), asked
    BULK_CHUNK keys a query, as the writes are: no query's size follows the corpus."""
    cypher = f"UNWIND $keys AS k MATCH (n:{label} {{{key}: k}}) RETURN n.{key}"
    found: set[Any] = set()
    for i in range(0, len(keys), BULK_CHUNK):
        found.update(row[0] for row in store.read(cypher, {"keys": keys[i : i + BULK_CHUNK]}).rows)
    return set(keys) - found


def compare_loaders(
    records: list[Any], fresh: Fresh, *, naive_rows: int, repeats: int = 1, warm_up: int = 0
) -> dict[str, Any]:
    """Rows/s of the three loaders; with repeats > 1 they take turns (writer, naive, bulk,
    writer, …; each time in a fresh store, `fresh(name)`) and each keeps its fastest time, so
    that a burst of load on a shared machine does not fall on one loader only. `warm_up`
    untimed turns come first: a JVM server (Neo4j) compiles its hot paths over its first
    turns, which would otherwise fall on the first turns timed, the writer's first."""
    graphs = [record_to_graph(r) for r in records]
    rows = _row_count(graphs)
    warm = graphs[:WARM_UP_DOCS]
    for i in range(warm_up):
        writer_seconds(warm, fresh(f"warm_writer{i}"))
        naive_rate(warm, fresh(f"warm_naive{i}"), min(naive_rows, WARM_UP_NAIVE_ROWS))
        bulk_seconds(warm, fresh(f"warm_bulk{i}"))
    times: dict[str, list[float]] = {"writer": [], "naive": [], "bulk": []}
    naive_n = 0
    for i in range(repeats):
        times["writer"].append(writer_seconds(graphs, fresh(f"writer{i}")))
        naive_s, naive_n = naive_rate(graphs, fresh(f"naive{i}"), naive_rows)
        times["naive"].append(naive_s)
        times["bulk"].append(bulk_seconds(graphs, fresh(f"bulk{i}")))
    writer_s, naive_s, bulk_s = (min(times[k]) for k in ("writer", "naive", "bulk"))
    rates = {
        "writer": round(rows / writer_s, 1),
        "naive": round(naive_n / naive_s, 1),
        "bulk": round(rows / bulk_s, 1),
    }
    return {
        "rows": rows,
        "seconds": {
            "writer": round(writer_s, 3),
            "naive": round(naive_s, 3),
            "bulk": round(bulk_s, 3),
        },
        "naive_rows": naive_n,
        "repeats": repeats,
        "warm_up_turns": warm_up,
        "all_seconds": {k: [round(t, 3) for t in v] for k, v in times.items()},
        "rows_per_s": rates,
        "writer_vs_naive": round(rates["writer"] / rates["naive"], 2),
        "writer_vs_bulk": round(rates["writer"] / rates["bulk"], 3),
    }
