"""Pages over HTTP where the query cuts the page (graph/queries.py: paged queries): each page
is the slice of the whole answer, `count` is the whole answer's length on every page (past
the end too), and the CSV has no `total` column. Both engines, on the seeds."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

NAMED = [
    ("search", {"q": "监管"}),
    ("topic_network", {"topic": "drug_traceability"}),
    ("department_measures", {"province": "上海市", "department": "市药品监管局"}),
]


def _get(api: TestClient, path: str, **params: Any) -> dict:
    resp = api.get(path, params=params)
    assert resp.status_code == 200, resp.text
    return resp.json()


@pytest.mark.parametrize(("name", "params"), NAMED)
def test_named_query_pages(api: TestClient, name: str, params: dict) -> None:
    whole = _get(api, f"/queries/{name}", **params, limit=1000)
    assert "total" not in whole["columns"] and "limit" not in whole["params"]
    count = whole["count"]
    assert count == len(whole["rows"]) > 4
    first = _get(api, f"/queries/{name}", **params, limit=2)
    second = _get(api, f"/queries/{name}", **params, limit=2, offset=2)
    assert first["rows"] == whole["rows"][:2] and second["rows"] == whole["rows"][2:4]
    assert first["rows"] != second["rows"]
    assert first["count"] == second["count"] == count
    past = _get(api, f"/queries/{name}", **params, limit=2, offset=count + 5)
    assert past["rows"] == [] and past["count"] == count
    csv = api.get(f"/queries/{name}.csv", params={**params, "limit": 2, "offset": 2})
    header, *lines = csv.text.strip().splitlines()
    assert header.split(",") == whole["columns"] and len(lines) >= 2


def test_department_measures_pages(api: TestClient) -> None:
    path = f"/departments/{quote('310000:上海市药品监督管理局', safe='')}/measures"
    whole = _get(api, path, limit=1000)
    count = whole["count"]
    assert count == len(whole["rows"]) > 4
    first, second = _get(api, path, limit=2), _get(api, path, limit=2, offset=2)
    assert first["rows"] == whole["rows"][:2] and second["rows"] == whole["rows"][2:4]
    assert first["rows"] != second["rows"] and first["count"] == second["count"] == count
    past = _get(api, path, limit=2, offset=count)
    assert past["rows"] == [] and past["count"] == count
