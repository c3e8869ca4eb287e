"""Counts of what no single document owns: the shared nodes (departments, programs,
indicators, references), the relationships out of departments, and with the reference data
its provinces, regions and topics and their relationships.

A document's own contribution is counted from its rows or anchored on it
(graph/summaries.py); these are counted anew over the whole label, or by key around a
write's orphan sweep (graph/writer.py: orphan_candidates, surely_linked). Kept apart
because they follow the write's candidate keys, not a document.
"""

from __future__ import annotations

from policykg.graph.model import NODE_KEYS
from policykg.graph.store import Statement
from policykg.graph.summary_rows import REFERENCE_RELS, SHARED_RELS
from policykg.graph.summary_sources import REL_ROWS, SET_COUNT

# Labels no single document owns: counted anew after each write (their relationships:
# graph/summary_rows.py SHARED_RELS).
SHARED_LABELS = ("Department", "Program", "Indicator", "Reference")
REFERENCE_LABELS = ("Province", "Region", "Topic")


def _label_count(label: str) -> str:
    return (
        f"MATCH (x:{label}) WITH count(x) AS n "
        f"WITH 'label|{label}' AS key, 'label' AS kind, {{node_label: '{label}'}} AS dims, n"
    )


def _rel_count(rel: str, a: str, b: str) -> str:
    return (
        f"MATCH (x:{a}) WITH x MATCH (x)-[r]->(:{b}) WHERE type(r) = '{rel}' "
        # counted before the constants join: grouped by them, no relationship left would
        # give no row, and the summary would keep its old count
        f"WITH count(r) AS n WITH '{rel}' AS type, '{a}' AS a, '{b}' AS b, n " + REL_ROWS
    )


def shared_statements(*, reference: bool = False) -> list[Statement]:
    """Count anew the nodes and relationships no single document owns (after the orphan
    sweep); with `reference`, the reference data's too."""
    labels = SHARED_LABELS + (REFERENCE_LABELS if reference else ())
    rels = SHARED_RELS + (REFERENCE_RELS if reference else ())
    return [Statement(_label_count(label) + SET_COUNT) for label in labels] + [
        Statement(_rel_count(*rel) + SET_COUNT) for rel in rels
    ]


def _shared_delta(label: str, sign: str, plus_sure: bool = False) -> str:
    """Count the candidates that exist now (nodes of `label` with these keys) and move the
    summary by that count with `sign`; with `plus_sure`, also add `$sure` (the nodes the
    write surely leaves, counted in Python: graph/writer.py surely_linked)."""
    key_prop = NODE_KEYS[label]
    sure = " + $sure" if plus_sure else ""
    tail = " WITH s WHERE s.n = 0 DELETE s" if sign == "+" else ""
    return (
        f"UNWIND $keys AS k MATCH (x:{label} {{{key_prop}: k}}) WITH count(x) AS c "
        f"MERGE (s:Summary {{key: 'label|{label}'}}) "
        f"ON CREATE SET s.kind = 'label', s.node_label = '{label}', s.n = 0 "
        f"SET s.n = s.n {sign} c{sure}" + tail
    )


def _department_delta(sign: str) -> str:
    """The departments among the candidates and the SHARED_RELS out of them, one lookup
    each, moved with `sign`."""
    where = " OR ".join(f"(type(r) = '{t}' AND o:{b})" for t, _, b in SHARED_RELS)
    counts = ", ".join(
        f"count(CASE WHEN type(r) = '{t}' AND o:{b} THEN 1 END) AS c{i}"
        for i, (t, _, b) in enumerate(SHARED_RELS)
    )
    sums = ", ".join(f"toInteger(sum(c{i})) AS c{i}" for i in range(len(SHARED_RELS)))
    rows = ", ".join(
        ["{key: 'label|Department', kind: 'label', dims: {node_label: 'Department'}, c: nodes}"]
        + [
            f"{{key: 'rel|{t}|{a}|{b}', kind: 'rel', "
            f"dims: {{type: '{t}', from_label: '{a}', to_label: '{b}'}}, c: c{i}}}"
            for i, (t, a, b) in enumerate(SHARED_RELS)
        ]
    )
    tail = " WITH s WHERE s.n = 0 DELETE s" if sign == "+" else ""
    return (
        "UNWIND $keys AS k MATCH (x:Department {id: k}) "
        f"OPTIONAL MATCH (x)-[r]->(o) WHERE {where} "
        f"WITH x, {counts} WITH count(x) AS nodes, {sums} "
        f"UNWIND [{rows}] AS row MERGE (s:Summary {{key: row.key}}) "
        "ON CREATE SET s += row.dims, s.kind = row.kind, s.n = 0 "
        f"SET s.n = s.n {sign} row.c" + tail
    )


def shared_delta_statements(
    candidates: dict[str, set], sign: str, sure: dict[str, set] | None = None
) -> list[Statement]:
    """The write can create shared nodes only among the keys its rows name, and delete them
    (the orphan sweep) only among `candidates` (graph/writer.py: orphan_candidates, which
    holds those keys too); the shared relationships that can change start at those
    departments. So: before the write, take off what of them exists (`sign` "-"); after
    the sweep, put back what exists then ("+"). A key lookup each, never a label scan.

    `sure` (graph/writer.py surely_linked): candidates the write surely leaves in the graph.
    Departments are looked up after the write all the same (their relationships are
    counted there); the other labels' sure nodes are added by number before the write
    ("-"), and only the rest is looked up after it ("+": none in most fresh loads). The
    count cannot reach 0 that way (it holds the sure nodes), so no summary at 0 is left."""
    sure = sure or {}
    out: list[Statement] = []
    for label in SHARED_LABELS:
        if label == "Department":
            continue
        keys = set(candidates.get(label, ()))
        known = keys & sure.get(label, set())
        if sign == "-" and keys:
            cypher = _shared_delta(label, sign, plus_sure=bool(known))
            params: dict = {"keys": sorted(keys)}
            if known:
                params["sure"] = len(known)
            out.append(Statement(cypher, params))
        elif sign == "+" and keys - known:
            out.append(Statement(_shared_delta(label, sign), {"keys": sorted(keys - known)}))
    departments = sorted(candidates.get("Department", ()))
    if departments:
        out.append(Statement(_department_delta(sign), {"keys": departments}))
    return out
