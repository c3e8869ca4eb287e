"""Per-row list caps (graph/queries.py: `max_items`) on the seeds, both engines: each capped
list is the first K items of the whole list, in its order; the count beside it is the whole
list's length; without `max_items` the answer is the one the query gave before (every
column but the counts the same as with an ample cap); a negative cap is refused."""

from __future__ import annotations

from typing import Any

import pytest
from policykg.graph.queries import CAP_PARAM, enum_values, get_query, registry
from policykg.graph.store import GraphStore

from policykg.errors import InputError

# Each capped query: parameters, and its capped lists with the column that counts each.
CASES: dict[str, tuple[dict[str, Any], dict[str, str]]] = {
    "coverage": ({}, {"documents": "document_count"}),
    "topic_timeline": ({"topic": "drug_traceability"}, {"documents": "documents_committing"}),
    "regional_cooperation": ({}, {"evidence": "evidence_count"}),
    "lead_departments_by_topic": ({"topic": "drug_traceability"}, {"evidence": "evidence_count"}),
    "provinces_by_topic": (
        {"topic": "drug_traceability"},
        {
            "documents": "document_count",
            "evidence": "measures",
            "targets": "target_count",
            "background": "background_count",
        },
    ),
    "province_profile": (
        {"province": "上海市"},
        {
            "documents": "document_count",
            "topics": "topic_count",
            "departments": "department_count",
            "programs": "program_count",
            "targets": "target_count",
        },
    ),
    "programs_by_province": (
        {"province": "上海市"},
        {"documents": "document_count", "written_as": "written_as_count", "topics": "topic_count"},
    ),
}
# Capped lists inside the maps of a row's list: query -> (parameters, the list of maps,
# {capped list in each map: its count in the same map}).
NESTED: dict[str, tuple[dict[str, Any], str, dict[str, str]]] = {
    "compare_provinces": (
        {"provinces": ["上海市", "浙江省"]},
        "by_province",
        {"targets": "target_count", "programs": "program_count"},
    ),
}
K = 1


def _rows(store: GraphStore, name: str, **params: Any) -> list[dict[str, Any]]:
    query = get_query(name, store.backend)
    result = store.read(query.cypher, query.bind(params, enum_values))
    return [dict(zip(result.columns, row, strict=True)) for row in result.rows]


def test_every_capped_query_is_tested() -> None:
    assert {name for name, q in registry().items() if q.capped} == set(CASES) | set(NESTED)


@pytest.mark.parametrize("name", sorted(CASES))
def test_capped_lists_are_the_first_items_with_the_whole_count(
    seeded_store: GraphStore, name: str
) -> None:
    params, lists = CASES[name]
    whole = _rows(seeded_store, name, **params)
    ample = _rows(seeded_store, name, **params, max_items=10_000)
    assert whole == ample  # null: the whole lists
    capped = _rows(seeded_store, name, **params, max_items=K)
    counts_only = _rows(seeded_store, name, **params, max_items=0)
    assert len(capped) == len(whole) == len(counts_only) > 0
    cut_somewhere = False
    for full, cut, bare in zip(whole, capped, counts_only, strict=True):
        for column, count in lists.items():
            items = full[column] or []
            assert full[count] == cut[count] == bare[count] == len(items), (name, column)
            assert cut[column] == items[:K], (name, column)
            assert len(cut[column]) == min(K, len(items))
            assert bare[column] == []
            cut_somewhere |= len(items) > K
        rest = set(full) - set(lists)
        assert {c: full[c] for c in rest} == {c: cut[c] for c in rest}
    assert cut_somewhere, f"{name}: no list longer than {K} on the seeds, nothing tested"


@pytest.mark.parametrize("name", sorted(NESTED))
def test_capped_lists_inside_maps_are_the_first_items_with_the_whole_count(
    seeded_store: GraphStore, name: str
) -> None:
    params, outer, lists = NESTED[name]
    whole = _rows(seeded_store, name, **params)
    assert whole == _rows(seeded_store, name, **params, max_items=10_000)
    capped = _rows(seeded_store, name, **params, max_items=K)
    counts_only = _rows(seeded_store, name, **params, max_items=0)
    assert len(capped) == len(whole) == len(counts_only) > 0
    cut_somewhere = set()
    for full, cut, bare in zip(whole, capped, counts_only, strict=True):
        rest = set(full) - {outer}
        assert {c: full[c] for c in rest} == {c: cut[c] for c in rest} == {c: bare[c] for c in rest}
        assert len(full[outer]) == len(cut[outer]) == len(bare[outer])
        for f, c, b in zip(full[outer], cut[outer], bare[outer], strict=True):
            for column, count in lists.items():
                items = f[column] or []
                assert f[count] == c[count] == b[count] == len(items), (name, column)
                assert c[column] == items[:K] and b[column] == [], (name, column)
                if len(items) > K:
                    cut_somewhere.add(column)
            kept = set(f) - set(lists)
            assert {k: f[k] for k in kept} == {k: c[k] for k in kept} == {k: b[k] for k in kept}
    assert cut_somewhere == set(lists), f"{name}: not every list longer than {K} on the seeds"


def test_bad_caps_are_input_errors() -> None:
    cases = {**{n: p for n, (p, _) in CASES.items()}, **{n: p for n, (p, _, _) in NESTED.items()}}
    for name in cases:
        query = get_query(name)
        params = dict(cases[name])
        with pytest.raises(InputError, match=CAP_PARAM):
            query.bind({**params, CAP_PARAM: -1})
        with pytest.raises(InputError, match=CAP_PARAM):
            query.bind({**params, CAP_PARAM: "many"})
        assert query.bind(params)[CAP_PARAM] is None
