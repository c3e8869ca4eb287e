"""The HTTP API over real HTTP semantics (TestClient) on the seeded store (each backend)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from policykg.api.app import create_app

from tests.conftest import settings_for


@pytest.fixture(scope="module")
def client(seeded_store) -> TestClient:
    settings = settings_for(seeded_store)
    with TestClient(create_app(settings)) as c:
        yield c


def test_health(client: TestClient, backend: str):
    body = client.get("/health").json()
    assert body == {"status": "ok", "backend": backend, "documents": 5}


def test_named_query_answers_from_seeds(client: TestClient):
    resp = client.get("/queries/documents", params={"province": "上海市"})
    assert resp.status_code == 200
    body = resp.json()
    assert body["count"] == 3
    assert {r["province"] for r in body["rows"]} == {"上海市"}


def test_named_query_csv(client: TestClient):
    resp = client.get("/queries/documents.csv")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/csv")
    assert resp.text.splitlines()[0].startswith("id,province,title")
    assert len(resp.text.strip().splitlines()) == 6


def test_bad_parameters_are_400_not_500(client: TestClient):
    assert client.get("/queries/documents", params={"province": "火星"}).status_code == 400
    assert client.get("/queries/documents", params={"nope": "1"}).status_code == 400
    assert client.get("/queries/no_such_query").status_code == 404


def test_unknown_endpoint_is_our_json_error(client: TestClient):
    resp = client.get("/no/such/endpoint")
    assert resp.status_code == 404
    assert resp.json()["error"] == "NotFound" and "/docs" in resp.json()["message"]


def test_docs_work_offline(client: TestClient):
    """/docs loads Swagger UI from the app itself (issue 13.8): no script or style from a CDN."""
    import re

    page = client.get("/docs")
    assert page.status_code == 200
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert assets and all(a.startswith("/docs-assets/") for a in assets), assets
    assert not re.search(r"https?://", page.text)
    for asset in assets:
        served = client.get(asset)
        assert served.status_code == 200 and len(served.content) > 100, asset
    assert "/openapi.json" in page.text
