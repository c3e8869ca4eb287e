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
