"""Write-time summaries: the counts that whole-graph queries read instead of scanning.

A summary is a `(:Summary {key, kind, n, …dimensions})` node, unique by `key`, with no
relationships (graph/export.py leaves them out of the fingerprint and of every export but
the whole-graph neo4j-csv one, so that an imported database answers the queries).
The named queries `health_counts`, `relationship_counts`, `api_provinces`,
`api_topic_matrix`, `topic_matrix`, `topics`, `indicators`, `province_profile` (its
topics and departments), `api_departments` and `coverage` read them: their cost follows
the number of summaries (bounded by provinces × topics × indicators and by the model's
labels and types), not the number of documents, measures and targets.

Kinds and what `n` counts:

| kind | dimensions | n |
|---|---|---|
| `label` | node_label (`label` is the exports' name for a node's own label) | nodes with that label |
| `rel` | type, from_label, to_label | relationships of that type between those labels |
| `province` | province (code), what | documents, measures, commitments, targets of its documents |
| `pt_direct`, `pt_closure` | province (code, '' for a national document), province_name, topic, part `items`; `pt_closure` also `leaf` (a topic without narrower ones: its direct cell is this one, and no `pt_direct` summary is kept for it) | measures and targets addressing the topic (`pt_closure`: the topic or a narrower one), each once: `n` all, `committing`, `mentions` (measures that do not commit), `targets`, and measures per statement (`commitment`, `background`, `vision`, `safeguard`) |
| `pt_direct`, `pt_closure` | province, province_name, topic, part `indicator`, indicator | targets addressing the topic with that indicator (key, else the name as written): a reference count, so that "indicators with a target" is the number of such summaries |
| `indicator` | indicator (key), province (code), province_name, year, unit, written (the indicator's name as the target writes it); a dimension the target lacks is absent | targets of the province's documents that track the indicator with those values (`indicators` reads them) |
| `pdept` | province (code), department (id), role (`''` where none) | measures and targets of its documents that name the department in that role, each once (`province_profile` reads them) |
| `dept` | department (id), what (`measures`, `lead`, `support`, `targets`, or `mention` with mention: the department as a statement writes it) | measures naming the department (any role; `lead`, `support`: in that role), targets naming it, or measures and targets naming it with that wording; each once (`api_departments` reads them) |
| `doc` | document (id), what (`measures`, `targets`) | the document's measures or targets (`coverage` reads them) |
| `meta` | – | `SUMMARY_VERSION`: the summaries were built by this version of the rules |

Relationships are matched untyped with a `type(r)` filter: FalkorDB resolves a typed
pattern's type when it plans the query, so a type first created by the same transaction
(the first document of a store) would match nothing. The shared relationships are
counted from their start nodes (`MATCH (x:…) WITH x MATCH (x)-[r]->…`): in the query
that deleted some of those nodes (the orphan sweep), FalkorDB still finds their
relationships from the other end.

How they stay exact, inside each document's own transaction:
- before the write, the shared nodes it can make or sweep (graph/writer.py:
  orphan_candidates: those its rows name, those the replaced version linked to) and the
  shared relationships out of them are taken off the counts as they exist; after the orphan
  sweep they are put back as they exist then (graph/summary_shared.py
  `shared_delta_statements`: key lookups);
- a stored version's contribution comes off before it is deleted (replacement, removal, a
  superseded id), computed from the graph anchored on the document (`{id: $id}`);
- the new version's goes on after it is written, computed from its rows in Python
  (`added_rows`: the same counts, one `UNWIND … MERGE`), the engine asked only whether the
  shared nodes it links to but does not write exist; in a store without reference data
  (no `meta` summary) from the graph, like a subtraction.
So a document never changes what another contributed. A summary whose count falls to 0 is
deleted, so the summaries after any sequence of writes and removals are those of a fresh
load of the same documents and of a rebuild (tests/graph/test_summaries.py, both engines).
The reference data's counts are taken anew when it loads.

`rebuild_statements` computes every summary from the whole graph with the same sources
(anchored on every document at once): `load_reference_data` runs it when the stored
`meta` version differs (a store written before summaries existed, or by other rules), and
after a load that bypassed the writer (`policykg.graph.summaries.rebuild`).

This module holds what the writer runs for a document (`document_statements`,
`add_statements`), the rebuild and the version; each kind's Cypher source and the clauses
applying it are in graph/summary_sources.py, the counts of shared nodes and relationships in
graph/summary_shared.py.
"""

from __future__ import annotations

from policykg.graph.model import NODE_KEYS, DocumentGraph
from policykg.graph.store import GraphStore, Statement
from policykg.graph.summary_rows import ITEM_COUNTS, added_rows
from policykg.graph.summary_shared import shared_statements
from policykg.graph.summary_sources import EVERY, ONE, anchored_sources, applied

# Bump when a source or a kind changes: stores with another version are rebuilt.
SUMMARY_VERSION = 8
META_KEY = "meta|version"


def document_statements(document_id: str, sign: int) -> list[Statement]:
    """Add (sign 1, after writing it) or subtract (sign -1, before deleting it) what the
    stored document contributes to the summaries."""
    params = {"id": document_id, "sign": sign}
    return [Statement(cypher, params) for cypher in applied(anchored_sources(ONE), add=True)]


# A summary made by this write takes its count at once (ON CREATE), one that exists adds it
# (ON MATCH): the count a MERGE at 0 followed by an addition would leave, in one update.
_APPLY_ROWS = (
    "UNWIND $rows AS r MERGE (s:Summary {key: r[0]}) "
    "ON CREATE SET s += r[2], s.kind = r[1], s.n = r[3] ON MATCH SET s.n = s.n + r[3]"
)


_APPLY_PT = (
    "UNWIND $rows AS r MERGE (s:Summary {key: r[0]}) "
    "ON CREATE SET s.kind = r[1], s.province = r[2], s.province_name = r[3], s.topic = r[4], "
    f"s.part = 'items', s.leaf = r[{5 + len(ITEM_COUNTS)}], "
    + ", ".join(f"s.{c} = r[{5 + i}]" for i, c in enumerate(ITEM_COUNTS))
    + " ON MATCH SET "
    + ", ".join(f"s.{c} = s.{c} + r[{5 + i}]" for i, c in enumerate(ITEM_COUNTS))
)
_APPLY_INDICATORS = (
    "UNWIND $rows AS r MERGE (s:Summary {key: r[0]}) "
    "ON CREATE SET s.kind = r[1], s.province = r[2], s.province_name = r[3], s.topic = r[4], "
    "s.part = 'indicator', s.indicator = r[5], s.leaf = r[7], s.n = r[6] "
    "ON MATCH SET s.n = s.n + r[6]"
)


_UNSURE = (
    "UNWIND $rows AS row MATCH (o:{label} {{{key}: row.to}}) "
    "WITH row.key AS key, row.type AS type, row.a AS a, count(*) AS n "
    "MERGE (s:Summary {{key: key}}) ON CREATE SET s.kind = 'rel', s.type = type, "
    "s.from_label = a, s.to_label = '{label}', s.n = 0 SET s.n = s.n + n"
)


def add_statements(graph: DocumentGraph, *, reference: bool = True) -> list[Statement]:
    """Add a just-written document's contribution (after its rows, same transaction).
    From its rows where the store holds the reference data (`reference`: its summaries'
    META_KEY, written with them); else, as the rows cannot tell which of their links to
    provinces, regions and topics were made, taken from the graph like a subtraction."""
    if not reference:
        return document_statements(graph.document_id, 1)
    rows, cells, indicators, unsure = added_rows(graph)
    out = [Statement(_APPLY_ROWS, {"rows": rows})] if rows else []
    if cells:
        out.append(Statement(_APPLY_PT, {"rows": cells}))
    if indicators:
        out.append(Statement(_APPLY_INDICATORS, {"rows": indicators}))
    for label, found in sorted(unsure.items()):
        cypher = _UNSURE.format(label=label, key=NODE_KEYS[label])
        out.append(Statement(cypher, {"rows": found}))
    return out


def rebuild_statements() -> list[Statement]:
    """Every summary computed from the whole graph (the sources anchored on every
    document at once), replacing whatever summaries the store held."""
    return [
        Statement("MATCH (s:Summary) DELETE s"),
        *(Statement(cypher) for cypher in applied(anchored_sources(EVERY), add=False)),
        *shared_statements(reference=True),
        Statement(
            "MERGE (s:Summary {key: $key}) SET s.kind = 'meta', s.n = $version",
            {"key": META_KEY, "version": SUMMARY_VERSION},
        ),
    ]


def stored_version(store: GraphStore) -> int | None:
    rows = store.read("MATCH (s:Summary {key: $key}) RETURN s.n", {"key": META_KEY}).rows
    return rows[0][0] if rows else None


def rebuild(store: GraphStore) -> None:
    """Recompute every summary from the graph in one transaction (after a load that did
    not go through the writer, e.g. the bulk path or a neo4j-admin import)."""
    store.write(rebuild_statements())


def summary_rows(store: GraphStore) -> list[dict]:
    """Every summary as a dict, sorted by key (what the tests compare)."""
    rows = store.read("MATCH (s:Summary) RETURN properties(s) AS s").rows
    return sorted((dict(r[0]) for r in rows), key=lambda s: s["key"])
