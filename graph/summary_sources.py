"""The Cypher sources of the write-time summaries (graph/summaries.py), and the clauses that
apply what they count to the Summary nodes.

A source counts one summary kind's share from the graph, anchored on one document (`ONE`:
the contribution a stored version adds or takes off) or on every document at once (`EVERY`:
the rebuild), and ends in rows `key, kind, dims, n` (a province × topic cell: its
ITEM_COUNTS in `counts`). `applied` appends the MERGE that adds those rows to the counts or
sets them. Kept apart from graph/summaries.py, which says when each runs, so that every
kind's definition reads in one place; graph/summary_rows.py counts the same from a
document's rows in Python, and the two must agree.
"""

from __future__ import annotations

from policykg.graph.summary_rows import ITEM_COUNTS, STATEMENTS

ONE = "MATCH (d:Document {id: $id})"
EVERY = "MATCH (d:Document)"

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
REL_ROWS = (
    "WITH 'rel|' + type + '|' + a + '|' + b AS key, 'rel' AS kind, "
    "{type: type, from_label: a, to_label: b} AS dims, n"
)
# the document's own relationships: to and from it, and from its measures and targets
_RELS = (
    "{anchor} MATCH (d)-[r]->(o) "
    "WITH type(r) AS type, 'Document' AS a, labels(o)[0] AS b, count(r) AS n " + REL_ROWS,
    "{anchor} MATCH (d)<-[r]-(o) "
    "WITH type(r) AS type, labels(o)[0] AS a, 'Document' AS b, count(r) AS n " + REL_ROWS,
    "{anchor} MATCH (d)-[h]->(x)-[r]->(o) WHERE type(h) IN ['CONTAINS', 'SETS'] "
    "WITH type(r) AS type, labels(x)[0] AS a, labels(o)[0] AS b, count(r) AS n " + REL_ROWS,
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


def anchored_sources(anchor: str) -> list[str]:
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


# add (`_ADD`): the summary's count moves by $sign × n; set (`SET_COUNT`): it becomes n.
# Either way a summary at 0 goes, as a fresh load would not have made it.
# (dimensions are set once, when the summary is made: a key determines them)
_ADD = (
    " MERGE (s:Summary {key: key}) ON CREATE SET s += dims, s.kind = kind, s.n = 0 "
    "SET s.n = s.n + $sign * n WITH s WHERE s.n = 0 DELETE s"
)
SET_COUNT = (
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


def applied(sources: list[str], add: bool) -> list[str]:
    """Each source with its apply: a cell's counters (`_TOPIC_ITEMS`) or one count."""
    out = []
    for source in sources:
        if "AS counts" in source:
            out.append(source + (_ITEMS_ADD if add else _ITEMS_SET))
        else:
            out.append(source + (_ADD if add else SET_COUNT))
    return out
