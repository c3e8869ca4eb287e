"""Writer: rows → `UNWIND $rows … MERGE` statements, one transaction per document.

A document whose content hash is unchanged is a no-op; a changed one is replaced
whole (its measures and targets deleted, then everything written again, in the same
transaction); shared nodes nothing points at any more are removed. That clean-up looks up
only the shared nodes this document's rows name and those the replaced version linked to
(read before the write): a key lookup each, never a scan of a label, so its cost follows
the document, not the size of the graph, and it cannot delete a node the write did not
concern (tests/graph/test_writer.py, a stray unlinked node stays).

Identity rule: a stored document is replaced only by the same source file (its text
changed, or the extractor that read it) or by the same text. A *different* file with a
*different* text that claims the same identity is an `IdentityConflict`: nothing is
written, and the message names both files — one file never silently takes the place
of another (a file that cites a document number must not replace that document).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Literal

from policykg.graph.model import NODE_KEYS, OWNED_LABELS, DocumentGraph, NodeRows, RelRows
from policykg.graph.reference import reference_graph
from policykg.graph.store import GraphStore, Statement
from policykg.graph.summaries import (
    META_KEY,
    SUMMARY_VERSION,
    add_statements,
    document_statements,
    rebuild_statements,
    stored_version,
)
from policykg.graph.summary_shared import shared_delta_statements, shared_statements

from policykg.errors import IdentityConflict

log = logging.getLogger(__name__)

BATCH_SIZE = 500
Outcome = Literal["added", "replaced", "unchanged"]


def _batches(rows: list[dict], size: int = BATCH_SIZE) -> Iterator[list[dict]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


# A batch's rows travel as lists, not maps (`[key, props]`, `[from, to, props]`), and a key
# prefix every row of the batch shares (a document's own nodes and relationships repeat its
# id in every key) travels once, as `$p`/`$q`: the same MERGEs on the same keys, with a third
# less parameter text for the client to write and the engine to read.
MIN_PREFIX = 8


def _shared_prefix(keys: list) -> str:
    """The longest prefix of all the keys (strings, at least two), if MIN_PREFIX long."""
    if len(keys) < 2:
        return ""
    try:
        first, last = min(keys), max(keys)  # the prefix of these two is everyone's
    except TypeError:  # keys of mixed types
        return ""
    if type(first) is not str or type(last) is not str:
        return ""
    n = 0
    for a, b in zip(first, last, strict=False):
        if a != b:
            break
        n += 1
    return first[:n] if n >= MIN_PREFIX else ""


def _keyed(value: str, prefix: str, param: str) -> str:
    return f"${param} + {value}" if prefix else value


def node_statements(nodes: NodeRows) -> list[Statement]:
    out = []
    for batch in _batches(nodes.rows):
        prefix = _shared_prefix([row["key"] for row in batch])
        cut = len(prefix)
        key = _keyed("row[0]", prefix, "p")
        cypher = (
            f"UNWIND $rows AS row MERGE (n:{nodes.label} {{{nodes.key}: {key}}}) SET n += row[1]"
        )
        if cut:
            rows = [[row["key"][cut:], row["props"]] for row in batch]
        else:  # keys kept whole, whatever their type
            rows = [[row["key"], row["props"]] for row in batch]
        params: dict = {"rows": rows}
        if prefix:
            params["p"] = prefix
        out.append(Statement(cypher, params))
    return out


def rel_statements(rels: RelRows) -> list[Statement]:
    identity = ", ".join(f"{p}: row[2].{p}" for p in rels.identity)
    rel = f"[r:{rels.type} {{{identity}}}]" if identity else f"[r:{rels.type}]"
    out = []
    for batch in _batches(rels.rows):
        source = _shared_prefix([row["from"] for row in batch])
        target = _shared_prefix([row["to"] for row in batch])
        a, b = len(source), len(target)
        # a batch whose relationships carry no property (CONTAINS, SETS, BELONGS_TO …) sends
        # none, and sets none: `SET r += {}` changes nothing
        bare = not rels.identity and not any(row["props"] for row in batch)
        cypher = (
            f"UNWIND $rows AS row "
            f"MATCH (a:{rels.source} {{{NODE_KEYS[rels.source]}: {_keyed('row[0]', source, 'p')}}}) "
            f"MATCH (b:{rels.target} {{{NODE_KEYS[rels.target]}: {_keyed('row[1]', target, 'q')}}}) "
            f"MERGE (a)-{rel}->(b)" + ("" if bare else " SET r += row[2]")
        )
        ends = [
            [row["from"][a:] if a else row["from"], row["to"][b:] if b else row["to"]]
            for row in batch
        ]
        rows = ends if bare else [e + [row["props"]] for e, row in zip(ends, batch, strict=True)]
        params: dict = {"rows": rows}
        if source:
            params["p"] = source
        if target:
            params["q"] = target
        out.append(Statement(cypher, params))
    return out


def delete_document_statements(document_id: str) -> list[Statement]:
    params = {"id": document_id}
    out = [
        Statement(f"MATCH (n:{label} {{document_id: $id}}) DETACH DELETE n", params)
        for label in OWNED_LABELS
    ]
    out.append(Statement("MATCH (d:Document {id: $id})-[r]-() DELETE r", params))
    return out


# When a shared node is an orphan: nothing of any document's content links to it any more.
ORPHAN_WHEN = {
    "Department": "NOT (n)<-[:RESPONSIBLE]-() AND NOT (n)<-[:DIVISION_OF]-()",
    "Program": "NOT (n)<-[:MENTIONS]-() AND NOT (n)<-[:ESTABLISHES]-()",
    "Indicator": "NOT (n)<-[:TRACKS]-()",
    "Reference": "NOT (n)<-[:CITES]-()",
}
# A division deleted as an orphan may leave its parent department one (处 → 局 → 厅): the
# department check runs once per level, so a chain goes in the same transaction.
DIVISION_DEPTH = 3

# Shared nodes a stored document links to (through its measures and targets, or itself),
# and the departments above them: the only nodes its removal can leave orphaned.
_LINKED_SHARED = (
    "MATCH (d:Document) WHERE d.id IN $ids "
    "MATCH (d)-[:CONTAINS|SETS]->()-[:RESPONSIBLE|MENTIONS|TRACKS]->(s) "
    "RETURN DISTINCT labels(s)[0] AS label, coalesce(s.id, s.key) AS key "
    "UNION MATCH (d:Document) WHERE d.id IN $ids MATCH (d)-[:ESTABLISHES|CITES]->(s) "
    "RETURN DISTINCT labels(s)[0] AS label, coalesce(s.id, s.key) AS key "
    "UNION MATCH (d:Document) WHERE d.id IN $ids "
    "MATCH (d)-[:CONTAINS|SETS]->()-[:RESPONSIBLE]->(:Department)"
    f"-[:DIVISION_OF*1..{DIVISION_DEPTH}]->(s:Department) "
    "RETURN DISTINCT labels(s)[0] AS label, s.id AS key"
)


def orphan_statements(candidates: dict[str, set]) -> list[Statement]:
    """Delete those of the candidate shared nodes that are orphans: a key lookup each,
    never a scan of a label, so the cost follows the document, not the graph."""
    out: list[Statement] = []
    for label, when in ORPHAN_WHEN.items():
        keys = sorted(candidates.get(label, ()))
        cypher = (
            f"UNWIND $rows AS k MATCH (n:{label} {{{NODE_KEYS[label]}: k}}) "
            f"WHERE {when} DETACH DELETE n"
        )
        passes = DIVISION_DEPTH if label == "Department" else 1
        for _ in range(passes):
            out += [Statement(cypher, {"rows": batch}) for batch in _batches(keys)]
    return out


def orphan_candidates(
    store: GraphStore, graph: DocumentGraph | None, replaced: list[str]
) -> dict[str, set]:
    """The shared nodes a write can leave orphaned: those this document's rows name (a
    department it lists but no measure of it names goes at once, as it would have had it
    been loaded alone) and those the replaced documents linked to."""
    out: dict[str, set] = {label: set() for label in ORPHAN_WHEN}
    if graph is not None:
        for nodes in graph.nodes:
            if nodes.label in out:
                out[nodes.label].update(row["key"] for row in nodes.rows)
    if replaced:
        for label, key in store.read(_LINKED_SHARED, {"ids": replaced}).rows:
            if label in out:
                out[label].add(key)
    return out


# What links a shared node to a document's content (the ORPHAN_WHEN relationships).
_LINKS = ("RESPONSIBLE", "DIVISION_OF", "MENTIONS", "ESTABLISHES", "TRACKS", "CITES")


def surely_linked(graph: DocumentGraph | None) -> dict[str, set]:
    """The shared nodes of the document's rows that its own rows link to from a node it
    writes (its measures, targets, itself; a department above one of those by DIVISION_OF):
    after the write they exist and are no orphans, whatever the graph held, so neither
    the orphan sweep nor the summaries' count after it has to look them up. In a fresh
    load that is nearly every candidate (the rest: a department a roster lists but no
    statement names, and the nodes a replaced version linked to)."""
    out: dict[str, set] = {label: set() for label in ORPHAN_WHEN}
    if graph is None:
        return out
    own: dict[str, set] = {}
    for nodes in graph.nodes:
        own.setdefault(nodes.label, set()).update(row["key"] for row in nodes.rows)
    divisions: list[tuple[str, str]] = []
    for rels in graph.rels:
        if rels.type not in _LINKS or rels.target not in out:
            continue
        if rels.type == "DIVISION_OF":
            divisions += [(row["from"], row["to"]) for row in rels.rows]
            continue
        sources, targets = own.get(rels.source, set()), own.get(rels.target, set())
        out[rels.target].update(
            row["to"] for row in rels.rows if row["from"] in sources and row["to"] in targets
        )
    departments, grew = out["Department"], True
    while grew:  # a department above a linked one is linked (处 → 局 → 厅)
        above = {b for a, b in divisions if a in departments and b in own.get("Department", ())}
        grew = not above <= departments
        departments |= above
    return out


def graph_statements(graph: DocumentGraph) -> list[Statement]:
    out: list[Statement] = []
    for nodes in graph.nodes:
        out += node_statements(nodes)
    for rels in graph.rels:
        out += rel_statements(rels)
    return out


def stored_hash(store: GraphStore, document_id: str) -> str | None:
    result = store.read("MATCH (d:Document {id: $id}) RETURN d.content_hash", {"id": document_id})
    return result.rows[0][0] if result.rows else None


def _stored_versions(
    store: GraphStore, graph: DocumentGraph
) -> tuple[tuple[str, str] | None, list[str], bool]:
    """(content hash, extractor version) stored under this id, other ids the same file was
    stored under (its metadata read differently by an older extractor), and whether the
    store's summaries were built with its reference data (graph/summaries.py: META_KEY).

    Raises IdentityConflict when the id is held by another file with another text."""
    # one round trip: the stored version and the other ids of this file (province_code is
    # indexed; a national document, without one, has no other id, as `= null` is never true)
    found = store.read(
        "OPTIONAL MATCH (s:Summary {key: $meta}) WITH s IS NOT NULL AS summarised "
        "OPTIONAL MATCH (d:Document {id: $id}) WITH summarised, d "
        "OPTIONAL MATCH (o:Document {province_code: $code}) WHERE o.source = $source AND o.id <> $id "
        "RETURN d IS NOT NULL, d.content_hash, d.extractor_version, d.source, collect(o.id), "
        "summarised",
        {
            "source": graph.source,
            "id": graph.document_id,
            "code": graph.province_code,
            "meta": META_KEY,
        },  # fmt: skip
    ).rows[0]
    stored, content_hash, version, source, older, summarised = found
    if stored:
        _check_same_document(graph, content_hash, source)
        return (content_hash, version or ""), sorted(older), bool(summarised)
    return None, sorted(older), bool(summarised)


def _check_same_document(graph: DocumentGraph, stored_hash: str, stored_source: str) -> None:
    if not stored_source or not graph.source:
        return  # a record without a source (hand-built) cannot be told apart
    if stored_source == graph.source or stored_hash == graph.content_hash:
        return
    raise IdentityConflict(
        f"{graph.source}: its identity {graph.document_id!r} is already held by {stored_source}, "
        "a different file with a different text; nothing was replaced. If this file is a new "
        f"version of {stored_source}, give it the same file name (or remove the old one); if "
        "it is another document, check its 发文字号 and title — a number it only cites in "
        "its text does not make it that document."
    )


def stored_documents(store: GraphStore) -> frozenset[tuple[str, str, str]]:
    """(id, content hash, extractor version) of every stored document: what a parallel
    ingest's workers need to skip extracting a document that is stored unchanged (the
    writer still asks `is_unchanged` before it calls one so)."""
    rows = store.read(
        "MATCH (d:Document) RETURN d.id, d.content_hash, d.extractor_version", {}
    ).rows
    return frozenset((i, h, v or "") for i, h, v in rows)


def is_unchanged(store: GraphStore, graph: DocumentGraph) -> bool:
    """Stored under this id with the same text hash and extractor, and nowhere else."""
    stored, superseded, _ = _stored_versions(store, graph)
    return stored == (graph.content_hash, graph.extractor_version) and not superseded


def write_document(store: GraphStore, graph: DocumentGraph) -> Outcome:
    """Write one document's graph in one transaction; replace it whole if it changed
    (its text, or the extractor that read it)."""
    stored, superseded, summarised = _stored_versions(store, graph)
    if stored == (graph.content_hash, graph.extractor_version) and not superseded:
        return "unchanged"
    replaced = [*superseded, graph.document_id] if stored is not None else superseded
    candidates = orphan_candidates(store, graph, replaced)
    sure = surely_linked(graph)
    unsure = {label: keys - sure[label] for label, keys in candidates.items()}
    # summaries (graph/summaries.py): the stored versions' contributions come off before
    # they are deleted, the new one's goes on after it is written, and the shared nodes
    # it can make or sweep are counted before and after, all in this transaction
    statements: list[Statement] = shared_delta_statements(candidates, "-", sure)
    for old_id in superseded:
        statements += document_statements(old_id, -1) + _remove_document_statements(old_id)
    if stored is not None:
        statements += document_statements(graph.document_id, -1)
        statements += delete_document_statements(graph.document_id)
    statements += graph_statements(graph)
    statements += add_statements(graph, reference=summarised)
    statements += orphan_statements(unsure)
    statements += shared_delta_statements(candidates, "+", sure)
    store.write(statements)
    log.info("wrote %s (%d statements)", graph.document_id, len(statements))
    return "added" if stored is None and not superseded else "replaced"


def load_reference_data(store: GraphStore) -> None:
    """Provinces, regions and the topic taxonomy: MERGEd, so loading twice changes nothing.
    Summaries made by other rules, or by none (a store written before they existed), are
    rebuilt from the graph in the same transaction."""
    store.write(graph_statements(reference_graph()))
    # a transaction of its own: FalkorDB's plan would not see relationship types that the
    # statements above create in the same query (graph/summaries.py)
    if stored_version(store) != SUMMARY_VERSION:
        store.write(rebuild_statements())
    else:
        store.write(shared_statements(reference=True))


def _remove_document_statements(document_id: str) -> list[Statement]:
    return [
        *delete_document_statements(document_id),
        Statement("MATCH (d:Document {id: $id}) DETACH DELETE d", {"id": document_id}),
    ]


def delete_document(store: GraphStore, document_id: str) -> bool:
    if stored_hash(store, document_id) is None:
        return False
    candidates = orphan_candidates(store, None, [document_id])
    store.write(
        shared_delta_statements(candidates, "-")
        + document_statements(document_id, -1)
        + _remove_document_statements(document_id)
        + orphan_statements(candidates)
        + shared_delta_statements(candidates, "+")
    )
    return True
