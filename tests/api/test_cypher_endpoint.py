"""POST /cypher: refused before execution, read-only in the engine, timeout and row cap;
a refused query is a 400/403 with the reason, and the graph is unchanged."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from policykg.api.app import create_app
from policykg.api.routers import cypher as cypher_route

from tests.api.conftest import counts
from tests.api.test_cypher_guard import BAD_TEXT, REFUSED
from tests.conftest import settings_for


def post(client: TestClient, query: str, params: dict | None = None):
    return client.post("/cypher", json={"query": query, "params": params or {}})


def test_read_query_with_parameters(api: TestClient):
    resp = post(api, "MATCH (p:Province)-[:ISSUED]->(d:Document) WHERE p.name = $name "
                     "RETURN p.name AS province, count(d) AS n", {"name": "上海市"})  # fmt: skip
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["columns"] == ["province", "n"] and body["rows"] == [["上海市", 3]]
    assert body["truncated"] is False and body["max_rows"] == 5000


def test_keywords_in_strings_and_comments_run(api: TestClient):
    resp = post(api, "/* CREATE */ RETURN 'CREATE (n) DETACH DELETE n' AS s // MERGE")
    assert resp.status_code == 200 and resp.json()["rows"] == [["CREATE (n) DETACH DELETE n"]]


@pytest.mark.parametrize(("query", "word"), REFUSED)
def test_refused_before_execution_and_graph_unchanged(api: TestClient, query: str, word: str):
    before = counts(api)
    resp = post(api, query)
    assert resp.status_code == 403, resp.text
    body = resp.json()
    assert body["error"] == "QueryRefused" and word in body["message"]
    assert counts(api) == before


@pytest.mark.parametrize(("query", "reason"), [b for b in BAD_TEXT if b[0].strip()])
def test_bad_text_is_400(api: TestClient, query: str, reason: str):
    # JSON can carry a lone surrogate (\ud800) that UTF-8 cannot: send the bytes as written
    raw = json.dumps({"query": query}).encode("ascii")
    resp = api.post("/cypher", content=raw, headers={"content-type": "application/json"})
    if "\ud800" in query:  # the request model refuses it before the guard sees it
        assert resp.status_code == 422 and "unicode" in resp.json()["message"], resp.text
    else:
        assert resp.status_code == 400 and reason in resp.json()["message"], resp.text


def test_lone_surrogate_in_a_parameter_is_400(api: TestClient):
    raw = b'{"query": "RETURN $v AS v", "params": {"v": "\\ud800"}}'  # JSON escape
    resp = api.post("/cypher", content=raw, headers={"content-type": "application/json"})
    assert resp.status_code == 400 and "Unicode" in resp.json()["message"], resp.text


def test_syntax_and_runtime_errors_are_400_with_the_engine_message(api: TestClient):
    resp = post(api, "MATCH (n RETURN n")  # the guard sees the open bracket first
    assert resp.status_code == 400 and "never closed" in resp.json()["message"], resp.text
    resp = post(api, "MATCH (n) RETURN n n")
    assert resp.status_code == 400 and "Invalid input" in resp.json()["message"], resp.text
    resp = post(api, "RETURN $missing + 1 AS x")
    assert resp.status_code == 400, resp.text


@pytest.mark.parametrize(
    "body",
    [{}, {"query": ""}, {"query": 5}, {"query": "RETURN 1", "params": []},
     {"params": {"a": 1}}],
)  # fmt: skip
def test_malformed_bodies_are_422(api: TestClient, body: dict):
    resp = api.post("/cypher", json=body)
    assert resp.status_code == 422 and resp.json()["message"], resp.text


@pytest.mark.parametrize("name", ["a b", "x=1 CREATE (n) //", "1x", "", "a\n"])
def test_bad_parameter_names_are_400(api: TestClient, name: str):
    resp = post(api, "RETURN 1 AS x", {name: 1})
    assert resp.status_code == 400 and "parameter names" in resp.json()["message"], resp.text


def test_odd_parameter_values(api: TestClient):
    for value in ["'; MATCH (n) DETACH DELETE n //", '"})-[:X]->() CREATE ()', "😀", "\\"]:
        resp = post(api, "RETURN $v AS v", {"v": value})
        assert resp.status_code == 200 and resp.json()["rows"] == [[value]], resp.text
    assert post(api, "RETURN $v AS v", {"v": "a\x00b"}).status_code == 400
    assert post(api, "RETURN $v AS v", {"v": {"k": [1, None, "x"]}}).status_code == 200
    for bad in ({"": 1}, {"a`b": 1}, {"k": [{"": 2}]}):  # a map key Cypher cannot write
        resp = post(api, "RETURN $v AS v", {"v": bad})
        assert resp.status_code == 400 and "map key" in resp.json()["message"], resp.text


def test_engine_read_only_mode_is_the_second_layer(api: TestClient, monkeypatch):
    """With the first layer switched off, the engine itself refuses the write (403)."""
    monkeypatch.setattr(cypher_route, "check", lambda query, limits=None: None)
    before = counts(api)
    for query in ["CREATE (n:Intruder {x: 1}) RETURN n", "MATCH (t:Topic) SET t.hacked = 1",
                  "MATCH (t:Topic {key: 'udi'}) DETACH DELETE t"]:  # fmt: skip
        resp = post(api, query)
        assert resp.status_code == 403, resp.text
        assert "only read queries" in resp.json()["message"]
    assert counts(api) == before


def test_timeout_and_row_cap(seeded_store):
    settings = settings_for(seeded_store, POLICYKG_QUERY_TIMEOUT_MS=50, POLICYKG_MAX_ROWS=10)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        # Every row is evaluated: Neo4j answers a bare count(*) of a cartesian product
        # from its count store at once, so the filter is what makes the query slow.
        slow = post(client, "MATCH (a), (b), (c) WHERE (id(a) * id(b) + id(c)) % 1000003 = 7 "
                            "RETURN count(*) AS n")  # fmt: skip
        assert slow.status_code == 504, slow.text
        assert "50 ms" in slow.json()["message"]
        many = post(client, "UNWIND range(1, 100) AS x RETURN x")
        assert many.status_code == 200, many.text
        body = many.json()
        assert body["count"] == 10 and body["truncated"] is True and len(body["rows"]) == 10
        assert body["rows"][0] == [1]
