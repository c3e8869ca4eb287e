"""Paged named queries (graph/queries.py: `limit`, `offset`, `total`) on the seeds, both
engines: every page is the matching slice of the whole answer, pages differ, `total` is the
whole answer's length, and the whole answer (limit null) is what the query answered before
it took a page (same rows; the examples' rows checked by tests/graph/test_queries.py)."""

from __future__ import annotations

from typing import Any

import pytest
from policykg.graph.queries import enum_values, get_query, page_of, registry
from policykg.graph.store import GraphStore

from policykg.errors import InputError

# Each paged query with parameters whose answer on the seeds is long enough for pages.
CASES: dict[str, dict[str, Any]] = {
    "topic_network": {"topic": "drug_traceability"},
    "search": {"q": "监管"},
    "department_measures": {"province": "上海市", "department": "市药品监管局"},
    "api_department_measures": {"department_id": "310000:上海市药品监督管理局"},
    "targets_by_indicator": {"indicator": "standards_developed"},
    "api_targets": {"province": "上海市"},
}
PAGE = 2


def _read(store: GraphStore, name: str, **params: Any) -> tuple[list[str], list[list], int]:
    query = get_query(name, store.backend)
    result = store.read(query.cypher, query.bind(params, enum_values))
    return page_of(result.columns, result.rows)


def test_every_paged_query_is_tested() -> None:
    assert {name for name, q in registry().items() if q.paged} == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_pages_are_slices_of_the_whole_answer(seeded_store: GraphStore, name: str) -> None:
    params = CASES[name]
    columns, whole, total = _read(seeded_store, name, **params)
    assert "total" not in columns
    assert total == len(whole) > 2 * PAGE, f"{name}: {total} rows, too few to page"
    first = _read(seeded_store, name, **params, limit=PAGE, offset=0)
    second = _read(seeded_store, name, **params, limit=PAGE, offset=PAGE)
    assert first == (columns, whole[:PAGE], total)
    assert second == (columns, whole[PAGE : 2 * PAGE], total)
    assert first[1] != second[1]
    pages: list[list] = []
    for offset in range(0, total, PAGE):
        _, rows, counted = _read(seeded_store, name, **params, limit=PAGE, offset=offset)
        assert counted == total and 0 < len(rows) <= PAGE
        pages += rows
    assert pages == whole  # every row once, in the answer's order
    past = _read(seeded_store, name, **params, limit=PAGE, offset=total)
    assert past[1] == []


@pytest.mark.parametrize("name", sorted(CASES))
def test_an_empty_answer_has_total_zero(seeded_store: GraphStore, name: str) -> None:
    params = dict(CASES[name])
    for key in ("q", "department", "department_id"):
        if key in params:
            params[key] = "火星殖民"
    if name in ("targets_by_indicator", "api_targets"):
        params["province"] = "西藏自治区"  # no document of it among the seeds
    if name == "topic_network":
        params["provinces"] = ["西藏自治区"]
    assert _read(seeded_store, name, **params, limit=PAGE)[1:] == ([], 0)


def test_bad_pages_are_input_errors() -> None:
    query = get_query("search")
    with pytest.raises(InputError, match="limit"):
        query.bind({"q": "x", "limit": 0})
    with pytest.raises(InputError, match="offset"):
        query.bind({"q": "x", "offset": -1})


def test_api_targets_filters_are_those_of_its_whole_answer(seeded_store: GraphStore) -> None:
    """The topic and unmatched filters (which /targets applied in Python to the whole answer
    before they moved into the query) keep the same rows, in the same order, with their
    count as `total`."""
    columns, whole, _ = _read(seeded_store, "api_targets")
    rows = [dict(zip(columns, row, strict=True)) for row in whole]
    topics = ["drug_traceability", "udi"]
    on_topic = [r for r in rows if set(topics) & set(r["topics"] or [])]
    unmatched = [r for r in rows if not r["indicator_key"]]
    assert 0 < len(on_topic) < len(rows) and 0 < len(unmatched) < len(rows)
    for params, expected in (({"topics": topics}, on_topic), ({"unmatched": True}, unmatched)):
        got, found, total = _read(seeded_store, "api_targets", **params)
        assert [dict(zip(got, row, strict=True)) for row in found] == expected
        assert total == len(expected)
        _, page, counted = _read(seeded_store, "api_targets", **params, limit=PAGE, offset=PAGE)
        assert page == found[PAGE : 2 * PAGE] and counted == total
