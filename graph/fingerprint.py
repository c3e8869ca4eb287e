"""A hash of the whole graph: equal iff the stores hold the same nodes, relationships
and properties (node identity by the model's keys, graph.model.NODE_KEYS, never by the
engine's internal ids, so two stores built separately compare)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from policykg.graph.export import to_networkx
from policykg.graph.store import GraphStore


def _canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      default=str)  # fmt: skip


def graph_fingerprint(store: GraphStore) -> dict[str, Any]:
    """{"sha256": …, "nodes": n, "relationships": m} over the sorted canonical lines."""
    graph = to_networkx(store)
    nodes = sorted(_canonical([node, props]) for node, props in graph.nodes(data=True))
    # parallel relationships of one type are told apart by their properties, not by
    # the order the engine returns them in (the edge keys of to_networkx)
    rels = sorted(
        _canonical([u, data.get("type"), v, data]) for u, v, data in graph.edges(data=True)
    )
    digest = hashlib.sha256()
    for line in ["nodes", *nodes, "relationships", *rels]:
        digest.update(line.encode())
        digest.update(b"\n")
    return {"sha256": digest.hexdigest(), "nodes": len(nodes), "relationships": len(rels)}
