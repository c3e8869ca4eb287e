"""Per-row list caps over HTTP (`max_items`, graph/queries.py): the endpoints that serve the
capped named queries cut each row's lists to the first K items the whole answer shows, keep
the counts of the whole lists, answer as before without it, and refuse a bad value with a
422 that names it (a named query through /queries/{name}: a 400 naming it, as every
parameter error there). Both engines, on the seeds."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

K = 1
# path, parameters, {capped list: its count} for each endpoint that serves a capped query
ENDPOINTS: list[tuple[str, dict[str, Any], dict[str, str]]] = [
    ("/coverage", {}, {"documents": "document_count"}),
    ("/topics/drug_traceability/timeline", {}, {"documents": "documents_committing"}),
    ("/topics/drug_traceability/provinces", {}, {"documents": "document_count"}),
    (
        "/programs",
        {"province": "上海市"},
        {"documents": "document_count", "topics": "topic_count", "written_as": "written_as_count"},
    ),
]
# the one-object answer of /provinces/{name}: its capped lists and their counts
PROFILE_LISTS = {
    "documents": "document_count",
    "topics": "topic_count",
    "departments": "department_count",
    "programs": "program_count",
    "targets": "target_count",
}


def _get(api: TestClient, path: str, **params: Any) -> dict:
    resp = api.get(path, params=params)
    assert resp.status_code == 200, resp.text
    return resp.json()


@pytest.mark.parametrize(("path", "params", "lists"), ENDPOINTS)
def test_endpoint_caps_lists_and_keeps_counts(
    api: TestClient, path: str, params: dict, lists: dict[str, str]
) -> None:
    whole = _get(api, path, **params)
    assert _get(api, path, **params, max_items=10_000) == whole
    capped = _get(api, path, **params, max_items=K)
    assert len(capped["rows"]) == len(whole["rows"]) > 0
    cut_somewhere = False
    for full, cut in zip(whole["rows"], capped["rows"], strict=True):
        for column, count in lists.items():
            assert full[count] == cut[count] == len(full[column])
            assert cut[column] == full[column][:K]
            cut_somewhere |= len(full[column]) > K
    assert cut_somewhere, f"{path}: nothing longer than {K} on the seeds"


def test_topic_provinces_sentences_and_targets(api: TestClient) -> None:
    path = "/topics/drug_traceability/provinces"
    whole, capped = _get(api, path), _get(api, path, max_items=K)
    for full, cut in zip(whole["rows"], capped["rows"], strict=True):
        assert (cut["commitments"], cut["mentions"]) == (full["commitments"], full["mentions"])
        assert full["commitments"] + full["mentions"] == len(full["evidence"])
        assert cut["target_count"] == full["target_count"] == len(full["targets"])
        assert cut["targets"] == full["targets"][:K]
        committed = full["evidence"][: full["commitments"]]
        other = full["evidence"][full["commitments"] :]
        assert cut["evidence"] == committed[:K] + other[:K]


@pytest.mark.parametrize(
    ("name", "params", "column", "count"),
    [
        ("regional_cooperation", {}, "evidence", "evidence_count"),
        ("lead_departments_by_topic", {"topic": "drug_traceability"}, "evidence", "evidence_count"),
    ],
)
def test_named_query_caps(
    api: TestClient, name: str, params: dict, column: str, count: str
) -> None:
    whole = _get(api, f"/queries/{name}", **params)
    capped = _get(api, f"/queries/{name}", **params, max_items=K)
    assert capped["columns"] == whole["columns"] and len(capped["rows"]) == len(whole["rows"])
    assert capped["params"]["max_items"] == K and whole["params"]["max_items"] is None
    cut_somewhere = False
    for full, cut in zip(whole["rows"], capped["rows"], strict=True):
        assert full[count] == cut[count] == len(full[column])
        assert cut[column] == full[column][:K]
        cut_somewhere |= len(full[column]) > K
    assert cut_somewhere, f"{name}: nothing longer than {K} on the seeds"


def test_province_profile_caps_lists_and_keeps_counts(api: TestClient) -> None:
    path = "/provinces/上海市"
    whole = _get(api, path)
    assert _get(api, path, max_items=10_000) == whole
    capped, bare = _get(api, path, max_items=K), _get(api, path, max_items=0)
    longer = set()
    for column, count in PROFILE_LISTS.items():
        assert whole[count] == capped[count] == bare[count] == len(whole[column]), column
        assert capped[column] == whole[column][:K] and bare[column] == [], column
        if len(whole[column]) > K:
            longer.add(column)
    assert longer == set(PROFILE_LISTS), "every list of 上海市 is longer than K on the seeds"
    rest = set(whole) - set(PROFILE_LISTS)
    assert {c: whole[c] for c in rest} == {c: capped[c] for c in rest}


@pytest.mark.parametrize("path", [e[0] for e in ENDPOINTS] + ["/provinces/上海市"])
@pytest.mark.parametrize("bad", ["-1", "many", "1.5"])
def test_bad_caps_are_422_naming_the_field(api: TestClient, path: str, bad: str) -> None:
    resp = api.get(path, params={"max_items": bad})
    assert resp.status_code == 422, resp.text
    assert "max_items" in resp.text


@pytest.mark.parametrize("bad", ["-1", "many"])
def test_bad_caps_of_a_named_query_are_refused(api: TestClient, bad: str) -> None:
    resp = api.get("/queries/regional_cooperation", params={"max_items": bad})
    assert resp.status_code == 400, resp.text
    assert "max_items" in resp.text
