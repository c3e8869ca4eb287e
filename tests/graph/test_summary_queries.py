"""Named queries that read write-time summaries (graph/summaries.py) give the answer that
collecting the measures and targets themselves gives: after a load, and after documents
are replaced and removed. Both engines."""

from __future__ import annotations

from typing import Any

from policykg.graph.model import record_to_graph
from policykg.graph.queries import enum_values, registry
from policykg.graph.store import GraphStore
from policykg.graph.writer import delete_document, load_reference_data, write_document

from tests.graph.test_summaries import _records, _shortened

# `indicators` as it was before the summaries: every target that tracks an indicator, by
# its province's document (lists in the order of province code, year, unit, name written)
INDICATORS_FROM_TARGETS = """
MATCH (i:Indicator)<-[:TRACKS]-(g:Target)<-[:SETS]-(:Document)<-[:ISSUED]-(p:Province)
WHERE $province IS NULL OR p.name = $province
WITH i, g, p
ORDER BY p.code, g.year, g.unit, g.indicator
WITH i,
     count(DISTINCT g) AS targets,
     collect(DISTINCT p.name) AS provinces,
     collect(DISTINCT g.year) AS years,
     collect(DISTINCT g.unit) AS units,
     collect(DISTINCT g.indicator) AS written_as
RETURN i.key AS indicator, i.name AS name, size(provinces) AS province_count, provinces,
       targets, years, units, written_as
ORDER BY province_count DESC, targets DESC, indicator
"""


def _answers(store: GraphStore, province: str | None) -> tuple[list[Any], list[Any]]:
    query = registry()["indicators"]
    params = query.bind({"province": province}, enum_values)
    summary = store.read(query.cypher, params)
    targets = store.read(INDICATORS_FROM_TARGETS, {"province": province})
    assert summary.columns == targets.columns
    return summary.rows, targets.rows


def _check(store: GraphStore) -> int:
    """Every province's answer and the whole one; returns how many indicators were seen."""
    provinces = [r[0] for r in store.read("MATCH (p:Province) RETURN p.name ORDER BY p.code").rows]
    seen = 0
    for province in [None, *provinces]:
        summary, targets = _answers(store, province)
        assert summary == targets, province
        seen += len(targets)
    return seen


def _load_all(store: GraphStore) -> list:
    """The store with its schema, the reference data and every record written; the records."""
    records = _records()
    store.ensure_schema()
    load_reference_data(store)
    for record in records:
        write_document(store, record_to_graph(record))
    return records


def test_indicators_from_summaries_equal_those_from_the_targets(empty_store: GraphStore) -> None:
    store = empty_store
    records = _load_all(store)
    assert _check(store) > 0
    whole, _ = _answers(store, None)
    assert any(row[2] > 1 or row[4] > 1 for row in whole)  # lists and sums, not single rows
    # a shorter version of a document with targets, and one removed
    with_targets = [r for r in records if r.targets and r.document.province]
    assert write_document(store, record_to_graph(_shortened(with_targets[0]))) == "replaced"
    assert delete_document(store, with_targets[-1].document.id)
    _check(store)
    # everything removed: no indicator is left in either answer
    for record in records:
        delete_document(store, record.document.id)
    assert _answers(store, None) == ([], [])


# `province_profile`'s topics and departments as they were before the summaries: every
# measure and target of the province's documents that addresses a topic or names a
# department, counted per topic and per department and role
PROFILE_FROM_ITEMS = """
MATCH (p:Province {name: $province})
OPTIONAL MATCH (p)-[:ISSUED]->(:Document)-[:CONTAINS|SETS]->(y)-[r:RESPONSIBLE]->(dep:Department)
WITH p, dep,
     count(DISTINCT CASE WHEN r.role = 'lead' THEN y END) AS lead,
     count(DISTINCT CASE WHEN r.role = 'support' THEN y END) AS support,
     count(DISTINCT CASE WHEN r.role = 'responsible' THEN y END) AS responsible
ORDER BY lead DESC, support DESC, responsible DESC, dep.name, dep.id
WITH p, collect(CASE WHEN dep IS NOT NULL THEN {
       name: dep.name, kind: dep.kind, level: dep.level,
       lead: lead, support: support, responsible: responsible} END) AS departments
OPTIONAL MATCH (p)-[:ISSUED]->(:Document)-[:CONTAINS|SETS]->(x)-[:ADDRESSES]->(t:Topic)
WITH departments, t,
     count(DISTINCT CASE WHEN x.statement = 'commitment' THEN x END) AS t_commitments,
     count(DISTINCT CASE WHEN x:Measure AND x.statement <> 'commitment' THEN x END) AS t_other,
     count(DISTINCT CASE WHEN x:Target THEN x END) AS t_targets
ORDER BY t_commitments DESC, t_targets DESC, t_other DESC, t.key
WITH departments, collect(CASE WHEN t IS NOT NULL THEN {
       topic: t.key, name_zh: t.name_zh, commitments: t_commitments, targets: t_targets,
       other_mentions: t_other} END) AS topics
RETURN size(topics) AS topic_count, topics, size(departments) AS department_count, departments
"""


def _check_profiles(store: GraphStore) -> int:
    """Each province's profile topics and departments (whole and capped) against a recount
    from its documents' measures and targets; returns how many topic and department rows
    were seen."""
    query = registry()["province_profile"]
    provinces = [r[0] for r in store.read("MATCH (p:Province) RETURN p.name ORDER BY p.code").rows]
    seen = 0
    for province in provinces:
        counted = store.read(PROFILE_FROM_ITEMS, {"province": province}).rows
        assert len(counted) == 1
        topic_count, topics, department_count, departments = counted[0]
        for cap in (None, 2):
            params = query.bind({"province": province, "max_items": cap}, enum_values)
            answer = store.read(query.cypher, params)
            (row,) = answer.rows
            got = dict(zip(answer.columns, row, strict=True))
            assert got["topic_count"] == topic_count, province
            assert got["topics"] == topics[0:cap], province
            assert got["department_count"] == department_count, province
            assert got["departments"] == departments[0:cap], province
        seen += topic_count + department_count
    return seen


def test_province_profile_from_summaries_equals_a_recount(empty_store: GraphStore) -> None:
    store = empty_store
    records = _load_all(store)
    assert _check_profiles(store) > 0
    # a shorter version of a provincial document, and another one removed
    provincial = [r for r in records if r.measures and r.document.province]
    assert write_document(store, record_to_graph(_shortened(provincial[0]))) == "replaced"
    _check_profiles(store)
    assert delete_document(store, provincial[-1].document.id)
    _check_profiles(store)
    for record in records:
        delete_document(store, record.document.id)
    assert _check_profiles(store) == 0
