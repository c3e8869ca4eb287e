"""Queries rewritten for query growth (issue 14, branch `qgrowth`) answer exactly as their
earlier forms: the same rows, order and values, on both engines, on a graph of several
provinces with several documents each (20 generated documents, bench/corpus.py) and with
every parameter set below. The earlier forms are kept as they were at 9ddb707 in
tests/graph/before_qgrowth/ (read by this test only).

- compare_provinces: the programs of each (topic, province) gathered by a subquery per row
  (no list as a grouping key, no quadratic `reduce`), one row per measure or target.
- provinces_by_topic: the measures and targets found from the topic's index entries, not
  from every province's items; the provinces without any from a second branch.

Branch `qgrowth2` (earlier forms as they were at 21c1176 in tests/graph/before_qgrowth2/):
- api_departments: a department's measures, lead, support, targets and wordings read from
  its write-time `dept` summaries (graph/summaries.py), not counted from every statement
  naming it.
- coverage: each listed document's measures and targets read from its write-time `doc`
  summaries, not counted from its measures and targets.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from policykg.graph.queries import enum_values, get_query, parse_query_file
from policykg.graph.store import GraphStore

from bench.corpus import generate
from policykg.ingestion import ingest_paths

BEFORE = Path(__file__).parent / "before_qgrowth"
BEFORE2 = Path(__file__).parent / "before_qgrowth2"
CHANGED = ("compare_provinces", "provinces_by_topic")
CHANGED2 = ("api_departments", "coverage")


@pytest.fixture(scope="module")
def several(dataset_store, tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    corpus = tmp_path_factory.mktemp("generated")
    generate(20, corpus)

    def load(store: GraphStore) -> None:
        summary = ingest_paths(store, [corpus])
        assert not summary.failed, summary.failed

    yield from dataset_store("generated20", load)


def _answer(store: GraphStore, cypher: str, name: str, params: dict[str, Any]) -> list[list]:
    query = get_query(name, store.backend)
    result = store.read(cypher, query.bind(params, enum_values))
    return [result.columns, *result.rows]


def _both(store: GraphStore, name: str, params: dict[str, Any]) -> tuple[list, list]:
    folder = BEFORE2 if name in CHANGED2 else BEFORE
    before = parse_query_file(folder / f"{name}.cypher").cypher
    now = get_query(name, store.backend).cypher
    return _answer(store, before, name, params), _answer(store, now, name, params)


def _provinces(store: GraphStore) -> list[str]:
    rows = store.read(
        "MATCH (p:Province)-[:ISSUED]->(:Document) RETURN p.name AS name, count(*) AS n "
        "ORDER BY n DESC, name"
    ).rows
    return [name for name, _ in rows]


def test_the_graph_has_several_provinces_with_several_documents(several: GraphStore) -> None:
    rows = several.read(
        "MATCH (p:Province)-[:ISSUED]->(d:Document) WITH p, count(d) AS n WHERE n > 1 "
        "RETURN count(p)"
    ).rows
    assert rows[0][0] >= 3


def test_compare_provinces_answers_as_before(several: GraphStore) -> None:
    provinces = _provinces(several)
    cases = [
        {"provinces": provinces[:2]},
        {"provinces": provinces[:3], "max_items": 1},
        {"provinces": provinces[1:5], "max_items": 0},
        {"provinces": [provinces[0]]},
        {"provinces": [provinces[-1], provinces[0], "西藏自治区"]},
        {"provinces": ["上海市", "浙江省"]},
    ]
    programs = 0
    for params in cases:
        before, now = _both(several, "compare_provinces", params)
        assert len(before) > 1, params
        assert now == before, params
        at = before[0].index("by_province")
        programs = max([programs] + [e["program_count"] for row in before[1:] for e in row[at]])
    assert programs > 1  # lists of several programs, in their order, were compared


def test_provinces_by_topic_answers_as_before(several: GraphStore) -> None:
    broader = {
        key
        for (key,) in several.read(
            "MATCH (:Topic)-[:BROADER]->(t:Topic) RETURN DISTINCT t.key AS key"
        ).rows
    }
    assert broader
    committed = 0
    for topic in enum_values("topics"):
        for params in ({"topic": topic}, {"topic": topic, "max_items": 1}):
            if topic in broader:
                params = {**params, "include_narrower": False}
                before, now = _both(several, "provinces_by_topic", {"topic": topic})
                assert now == before, topic
            before, now = _both(several, "provinces_by_topic", params)
            assert len(before) == 35, params  # the header and 34 provinces
            assert now == before, params
            committed += any(row[2] == "commits" for row in before[1:])
    assert committed > 10  # not answers without evidence only


def test_api_departments_answers_as_before(several: GraphStore) -> None:
    provinces = _provinces(several)
    cases: list[dict[str, Any]] = [{}, {"province": "西藏自治区"}]
    cases += [{"province": p} for p in provinces]
    cases += [{"province": provinces[0], "kind": "drug_regulator"}, {"kind": "drug_regulator"}]
    before, _ = _both(several, "api_departments", {})
    assert len(before) > 20
    at = {c: i for i, c in enumerate(before[0])}
    ids = [row[at["id"]] for row in before[1:]]
    cases += [{"department_id": ids[0]}, {"department_id": ids[-1]}, {"department_id": "none"}]
    for params in cases:
        before, now = _both(several, "api_departments", params)
        assert now == before, params
    # counts of several kinds and several wordings were compared
    before, _ = _both(several, "api_departments", {})
    rows = before[1:]
    assert any(r[at["lead"]] and r[at["support"]] and r[at["targets"]] for r in rows)
    assert any(len(r[at["mentions"]]) > 1 for r in rows)


def test_coverage_answers_as_before(several: GraphStore) -> None:
    provinces = _provinces(several)
    cases: list[dict[str, Any]] = [{}, {"max_items": 0}, {"max_items": 1}, {"max_items": 3}]
    cases += [{"province": p} for p in provinces] + [{"province": "西藏自治区"}]
    cases += [{"province": provinces[0], "max_items": 1}]
    for params in cases:
        before, now = _both(several, "coverage", params)
        assert len(before) > 1, params
        assert now == before, params
    before, _ = _both(several, "coverage", {})
    at = before[0].index("documents")
    listed = [d for row in before[1:] for d in row[at]]
    assert any(d["measures"] for d in listed) and any(d["targets"] for d in listed)
