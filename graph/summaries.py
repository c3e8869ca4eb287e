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
  sweep they are put back as they exist then (`shared_delta_statements`: key lookups);
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
"""

from __future__ import annotations

from policykg.graph.model import NODE_KEYS, DocumentGraph
from policykg.graph.store import GraphStore, Statement
from policykg.graph.summary_rows import (
    ITEM_COUNTS,
    REFERENCE_RELS,
    SHARED_RELS,
    STATEMENTS,
    added_rows,
)

# Bump when a source or a kind changes: stores with another version are rebuilt.
SUMMARY_VERSION = 8
META_KEY = "meta|version"

ONE = "MATCH (d:Document {id: $id})"
EVERY = "MATCH (d:Document)"

# Labels no single document owns: counted anew after each write (their relationships:
# graph/summary_rows.py SHARED_RELS).
SHARED_LABELS = ("Department", "Program", "Indicator", "Reference")
REFERENCE_LABELS = ("Province", "Region", "Topic")

# Each source ends in rows `key, kind, dims, n`.
_PROVINCE = (
    "{anchor} MATCH (p:Province)-[i]->(d) WHERE type(i) = 'ISSUED' "
    "OPTIONAL MATCH (d)-[c]->(m:Measure) WHERE type(c) = 'CONTAINS' "
    "WITH p, d, count(m) AS measures, "
    "count(CASE WHEN m.statement = 'commitment' THEN 1 END) AS commitments "
    "OPTIONAL MATCH (d)-[s]->(g:Target) WHERE type(s) = 'SETS' "
    "WITH p, d, measures, commitments, count(g) AS targets "
    "WITH p, count(d) AS documents, toInteger(sum(measures)) AS measures, "
    "toInteger(sum(commitments)) AS commitments, toInteger(sum(targets)) AS targets "
    "UNWIND [{what: 'documents', n: documents}, {what: 'measures', n: measures}, "
    "{what: 'commitments', n: commitments}, {what: 'targets', n: targets}] AS c "
    "WITH 'province|' + p.code + '|' + c.what AS key, 'province' AS kind, "
    "{province: p.code, what: c.what} AS dims, c.n AS n"
)
_LABELS = (
    "{anchor} OPTIONAL MATCH (d)-[c]->(m:Measure) WHERE type(c) = 'CONTAINS' "
    "WITH d, count(m) AS measures "
    "OPTIONAL MATCH (d)-[s]->(g:Target) WHERE type(s) = 'SETS' "
    "WITH d, measures, count(g) AS targets "
    "WITH count(d) AS documents, toInteger(sum(measures)) AS measures, "
    "toInteger(sum(targets)) AS targets "
    "UNWIND [{label: 'Document', n: documents}, {label: 'Measure', n: measures}, "
    "{label: 'Target', n: targets}] AS c "
    "WITH 'label|' + c.label AS key, 'label' AS kind, {node_label: c.label} AS dims, c.n AS n"
)
# per document its measures and targets (`coverage` reads them for the documents it lists)
_DOCUMENT = (
    "{anchor} OPTIONAL MATCH (d)-[c]->(m:Measure) WHERE type(c) = 'CONTAINS' "
    "WITH d, count(m) AS measures "
    "OPTIONAL MATCH (d)-[s]->(g:Target) WHERE type(s) = 'SETS' "
    "WITH d, measures, count(g) AS targets "
    "UNWIND [{what: 'measures', n: measures}, {what: 'targets', n: targets}] AS c "
    "WITH 'doc|' + d.id + '|' + c.what AS key, 'doc' AS kind, "
    "{document: d.id, what: c.what} AS dims, c.n AS n"
)
_REL_ROWS = (
    "WITH 'rel|' + type + '|' + a + '|' + b AS key, 'rel' AS kind, "
    "{type: type, from_label: a, to_label: b} AS dims, n"
)
# the document's own relationships: to and from it, and from its measures and targets
_RELS = (
    "{anchor} MATCH (d)-[r]->(o) "
    "WITH type(r) AS type, 'Document' AS a, labels(o)[0] AS b, count(r) AS n " + _REL_ROWS,
    "{anchor} MATCH (d)<-[r]-(o) "
    "WITH type(r) AS type, labels(o)[0] AS a, 'Document' AS b, count(r) AS n " + _REL_ROWS,
    "{anchor} MATCH (d)-[h]->(x)-[r]->(o) WHERE type(h) IN ['CONTAINS', 'SETS'] "
    "WITH type(r) AS type, labels(x)[0] AS a, labels(o)[0] AS b, count(r) AS n " + _REL_ROWS,
)
_TOPIC_PATH = {
    "direct": "-[a]->(t:Topic)",
    "closure": "-[a]->(:Topic)-[:BROADER*0..6]->(t:Topic)",
}
_PLACE = (
    "{anchor} OPTIONAL MATCH (p:Province)-[i]->(d) WHERE type(i) = 'ISSUED' "
    "WITH d, coalesce(p.code, '') AS code, coalesce(p.name, '') AS pname "
)
# A leaf topic (no narrower one) has the same `pt_direct` and `pt_closure` cells: only the
# closure summary is kept, marked `leaf: true` (closure summaries carry `leaf`), and readers
# of the direct cells take `kind = 'pt_direct' OR (kind = 'pt_closure' AND leaf)`.
_LEAF = "size([(b:Topic)-[:BROADER]->(t) | b]) = 0"
_LEAF_PARTS = {
    "direct": {"keep": "WHERE NOT leaf ", "leaf": ""},
    "closure": {"keep": "", "leaf": ", leaf: leaf"},
}
# counters of a province × topic cell (ITEM_COUNTS, graph/summary_rows.py)
_TOPIC_ITEMS = (
    _PLACE + "MATCH (d)-[h]->(x){path} "
    "WHERE type(h) IN ['CONTAINS', 'SETS'] AND type(a) = 'ADDRESSES' "
    "WITH code, pname, t, count(DISTINCT x) AS n, "
    "count(DISTINCT CASE WHEN x.commits = true THEN x END) AS committing, "
    "count(DISTINCT CASE WHEN x:Measure AND NOT coalesce(x.commits, false) THEN x END) AS mentions, "
    "count(DISTINCT CASE WHEN x:Target THEN x END) AS targets, "
    + "".join(
        f"count(DISTINCT CASE WHEN x:Measure AND x.statement = '{st}' THEN x END) AS {st}, "
        for st in STATEMENTS
    )
    + "'pt_{scope}' AS kind, "
    + _LEAF
    + " AS leaf {keep}"
    "WITH 'pt_{scope}|' + code + '|' + t.key + '|items' AS key, kind, "
    "{{province: code, province_name: pname, topic: t.key, part: 'items'{leaf}}} AS dims, "
    "{{" + ", ".join(f"{c}: {c}" for c in ITEM_COUNTS) + "}} AS counts"
)
_TOPIC_INDICATORS = (
    _PLACE + "MATCH (d)-[h]->(x:Target){path} WHERE type(h) = 'SETS' AND type(a) = 'ADDRESSES' "
    "WITH code, pname, t, coalesce(x.indicator_key, x.indicator) AS indicator, "
    "count(DISTINCT x) AS n WHERE indicator IS NOT NULL "
    "WITH code, pname, t, indicator, n, " + _LEAF + " AS leaf {keep}"
    "WITH 'pt_{scope}|' + code + '|' + t.key + '|indicator|' + indicator AS key, "
    "'pt_{scope}' AS kind, {{province: code, province_name: pname, topic: t.key, "
    "part: 'indicator', indicator: indicator{leaf}}} AS dims, n"
)

# measures and targets per province, department and role (`province_profile` reads them)
_DEPARTMENTS = (
    "{anchor} MATCH (p:Province)-[i]->(d) WHERE type(i) = 'ISSUED' "
    "MATCH (d)-[h]->(y)-[r]->(dep:Department) "
    "WHERE type(h) IN ['CONTAINS', 'SETS'] AND type(r) = 'RESPONSIBLE' "
    "WITH p.code AS code, dep.id AS dep, coalesce(r.role, '') AS role, count(DISTINCT y) AS n "
    "WITH 'pdept|' + code + '|' + dep + '|' + role AS key, 'pdept' AS kind, "
    "{province: code, department: dep, role: role} AS dims, n"
)

# per department (of any document, with a province or national): the measures and targets
# naming it, and its wordings (`api_departments` reads them)
_DEPT_ITEMS = (
    "{anchor} MATCH (d)-[h]->(y)-[r]->(dep:Department) "
    "WHERE type(h) IN ['CONTAINS', 'SETS'] AND type(r) = 'RESPONSIBLE' "
    "WITH dep.id AS dep, count(DISTINCT CASE WHEN y:Measure THEN y END) AS measures, "
    "count(DISTINCT CASE WHEN y:Measure AND r.role = 'lead' THEN y END) AS lead, "
    "count(DISTINCT CASE WHEN y:Measure AND r.role = 'support' THEN y END) AS support, "
    "count(DISTINCT CASE WHEN y:Target THEN y END) AS targets "
    "UNWIND [{what: 'measures', n: measures}, {what: 'lead', n: lead}, "
    "{what: 'support', n: support}, {what: 'targets', n: targets}] AS c "
    "WITH 'dept|' + dep + '|' + c.what AS key, 'dept' AS kind, "
    "{department: dep, what: c.what} AS dims, c.n AS n"
)
_DEPT_MENTIONS = (
    "{anchor} MATCH (d)-[h]->(y)-[r]->(dep:Department) "
    "WHERE type(h) IN ['CONTAINS', 'SETS'] AND type(r) = 'RESPONSIBLE' "
    "AND r.mention IS NOT NULL "
    "WITH dep.id AS dep, r.mention AS mention, count(DISTINCT y) AS n "
    "WITH 'dept|' + dep + '|mention|' + mention AS key, 'dept' AS kind, "
    "{department: dep, what: 'mention', mention: mention} AS dims, n"
)

# targets per indicator, province, year, unit and name as written (`indicators` reads them);
# the key as graph/summary_rows.py indicator_key makes it
_INDICATORS = (
    "{anchor} MATCH (p:Province)-[i]->(d) WHERE type(i) = 'ISSUED' "
    "MATCH (d)-[s]->(g:Target)-[k]->(x:Indicator) WHERE type(s) = 'SETS' AND type(k) = 'TRACKS' "
    "WITH x.key AS indicator, p.code AS code, p.name AS pname, g.year AS year, g.unit AS unit, "
    "g.indicator AS written, count(DISTINCT g) AS n "
    "WITH 'indicator|' + indicator + '|' + code + '|' + coalesce('=' + toString(year), '') + '|' "
    "+ coalesce('=' + unit, '') + '|' + coalesce('=' + written, '') AS key, "
    "'indicator' AS kind, {indicator: indicator, province: code, province_name: pname, "
    "year: year, unit: unit, written: written} AS dims, n"
)


def _sources(anchor: str) -> list[str]:
    out = [
        _PROVINCE,
        _LABELS,
        _DOCUMENT,
        *_RELS,
        _INDICATORS,
        _DEPARTMENTS,
        _DEPT_ITEMS,
        _DEPT_MENTIONS,
    ]
    for scope, path in _TOPIC_PATH.items():
        parts = _LEAF_PARTS[scope]
        out += [
            _TOPIC_ITEMS.format(anchor="{anchor}", path=path, scope=scope, **parts),
            _TOPIC_INDICATORS.format(anchor="{anchor}", path=path, scope=scope, **parts),
        ]
    return [s.replace("{anchor}", anchor) for s in out]


# add: the summary's count moves by $sign × n; set: it becomes n. Either way a summary at
# 0 goes, as a fresh load would not have made it.
# (dimensions are set once, when the summary is made: a key determines them)
_ADD = (
    " MERGE (s:Summary {key: key}) ON CREATE SET s += dims, s.kind = kind, s.n = 0 "
    "SET s.n = s.n + $sign * n WITH s WHERE s.n = 0 DELETE s"
)
_SET = (
    " MERGE (s:Summary {key: key}) ON CREATE SET s += dims, s.kind = kind "
    "SET s.n = n WITH s WHERE s.n = 0 DELETE s"
)


_ITEMS_ADD = (
    " MERGE (s:Summary {key: key}) ON CREATE SET s += dims, s.kind = kind, "
    + ", ".join(f"s.{c} = 0" for c in ITEM_COUNTS)
    + " SET "
    + ", ".join(f"s.{c} = s.{c} + $sign * counts.{c}" for c in ITEM_COUNTS)
    + " WITH s WHERE s.n = 0 DELETE s"
)
_ITEMS_SET = (
    " MERGE (s:Summary {key: key}) ON CREATE SET s += dims, s.kind = kind SET "
    + ", ".join(f"s.{c} = counts.{c}" for c in ITEM_COUNTS)
    + " WITH s WHERE s.n = 0 DELETE s"
)


def _applied(sources: list[str], add: bool) -> list[str]:
    """Each source with its apply: a cell's counters (`_TOPIC_ITEMS`) or one count."""
    out = []
    for source in sources:
        if "AS counts" in source:
            out.append(source + (_ITEMS_ADD if add else _ITEMS_SET))
        else:
            out.append(source + (_ADD if add else _SET))
    return out


def document_statements(document_id: str, sign: int) -> list[Statement]:
    """Add (sign 1, after writing it) or subtract (sign -1, before deleting it) what the
    stored document contributes to the summaries."""
    params = {"id": document_id, "sign": sign}
    return [Statement(cypher, params) for cypher in _applied(_sources(ONE), add=True)]


_APPLY_ROWS = (
    "UNWIND $rows AS row MERGE (s:Summary {key: row.key}) "
    "ON CREATE SET s += row.dims, s.kind = row.kind, s.n = 0 SET s.n = s.n + row.n"
)


_APPLY_PT = (
    "UNWIND $rows AS r MERGE (s:Summary {key: r[0]}) "
    "ON CREATE SET s.kind = r[1], s.province = r[2], s.province_name = r[3], s.topic = r[4], "
    f"s.part = 'items', s.leaf = r[{5 + len(ITEM_COUNTS)}], "
    + ", ".join(f"s.{c} = 0" for c in ITEM_COUNTS)
    + " SET "
    + ", ".join(f"s.{c} = s.{c} + r[{5 + i}]" for i, c in enumerate(ITEM_COUNTS))
)
_APPLY_INDICATORS = (
    "UNWIND $rows AS r MERGE (s:Summary {key: r[0]}) "
    "ON CREATE SET s.kind = r[1], s.province = r[2], s.province_name = r[3], s.topic = r[4], "
    "s.part = 'indicator', s.indicator = r[5], s.leaf = r[7], s.n = 0 SET s.n = s.n + r[6]"
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
        f"WITH count(r) AS n WITH '{rel}' AS type, '{a}' AS a, '{b}' AS b, n " + _REL_ROWS
    )


def shared_statements(*, reference: bool = False) -> list[Statement]:
    """Count anew the nodes and relationships no single document owns (after the orphan
    sweep); with `reference`, the reference data's too."""
    labels = SHARED_LABELS + (REFERENCE_LABELS if reference else ())
    rels = SHARED_RELS + (REFERENCE_RELS if reference else ())
    return [Statement(_label_count(label) + _SET) for label in labels] + [
        Statement(_rel_count(*rel) + _SET) for rel in rels
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


def rebuild_statements() -> list[Statement]:
    """Every summary computed from the whole graph (the sources anchored on every
    document at once), replacing whatever summaries the store held."""
    return [
        Statement("MATCH (s:Summary) DELETE s"),
        *(Statement(cypher) for cypher in _applied(_sources(EVERY), add=False)),
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
