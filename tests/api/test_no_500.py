"""No input to any endpoint produces a 500: a sweep of odd values over every path and query
parameter the OpenAPI document declares, plus POST /cypher bodies. Errors are JSON with a
message; the graph is unchanged afterwards."""

from __future__ import annotations

import re
from urllib.parse import quote, urlencode

import pytest
from fastapi.testclient import TestClient
from policykg.graph.queries import registry

from tests.api.conftest import counts

ODD = [
    "",
    " ",
    "火星",
    "藥品追溯",
    "😀𠀀\u202e",
    "'; MATCH (n) DETACH DELETE n //",
    '" OR 1=1 --',
    "<script>alert(1)</script>",
    "..%2F..%2Fetc%2Fpasswd",
    "%\\",
    "a\x00b",
    "\x1b[31m",
    "-1",
    "99999999999999999999999",
    "上海市,浙江省,火星",
    "药" * 3000,
]
NAMED_ODD = ["", "火星", "a\x00b", "-1", "99999999999999999999999", "'; MATCH (n) DETACH DELETE n //",
             "药" * 3000]  # fmt: skip
PAGING = ["-1", "0", "10000000000000", "abc", "1.5", ""]

SKIP = {"/", "/assets/{name}", "/export/{format}", "/docs", "/redoc", "/openapi.json"}


def _operations(api: TestClient) -> list[tuple[str, list[dict]]]:
    spec = api.get("/openapi.json").json()
    return [
        (path, op.get("parameters", []))
        for path, ops in spec["paths"].items()
        for method, op in ops.items()
        if method == "get" and path not in SKIP
    ]


def _fill(path: str, params: list[dict], override: dict[str, str]) -> str:
    """A URL for `path` with good defaults, `override` replacing some path or query values."""
    good = {"key": "udi", "name": "上海市", "department_id": "310000:上海市药品监督管理局",
            "document_id": "310000:沪府办发〔2022〕9号", "provinces": "上海市,浙江省", "q": "追溯"}  # fmt: skip
    values = {p["name"]: good.get(p["name"], "udi") for p in params if p.get("required")}
    values.update(override)
    for p in params:
        if p["in"] == "path":
            path = path.replace("{" + p["name"] + "}", quote(values.pop(p["name"]), safe=""))
    query = "&".join(f"{quote(k)}={quote(v, safe='')}" for k, v in values.items())
    return path + ("?" + query if query else "")


def _check(resp, url: str) -> None:
    assert resp.status_code < 500, f"{url} -> {resp.status_code}: {resp.text[:300]}"
    if resp.status_code >= 400:
        body = resp.json()
        assert body.get("message") and body.get("error"), f"{url}: {body}"


def test_sweep_of_odd_inputs(api: TestClient):
    before = counts(api)
    ops = _operations(api)
    assert len(ops) >= 20, [p for p, _ in ops]
    tried = 0
    for path, params in ops:
        for p in params:
            values = PAGING if p["name"] in ("limit", "offset") else ODD
            if path.endswith(".csv"):  # the same handler as the JSON path: a few values suffice
                values = values[:2] + values[-2:]
            for value in values:
                url = _fill(path, params, {p["name"]: value})
                _check(api.get(url), url)
                tried += 1
        # unknown and repeated parameters
        for extra in ("?nope=1", "?limit=1&limit=2", "?format=xml", "?format=csv"):
            url = (
                _fill(path, params, {})
                + ("&" if "?" in _fill(path, params, {}) else "?")
                + extra[1:]
            )
            _check(api.get(url), url)
            tried += 1
    assert tried > 400
    assert counts(api) == before


def test_named_query_parameters_sweep(api: TestClient):
    """Every parameter of every named query, through GET /queries/{name}."""
    before = counts(api)
    for name, query in registry().items():
        example = {k: ",".join(v) if isinstance(v, list) else str(v)
                   for k, v in query.example.items()}  # fmt: skip
        for param in query.params:
            for value in NAMED_ODD:
                url = f"/queries/{name}?" + urlencode({**example, param.name: value})
                _check(api.get(url), url)
    assert counts(api) == before


@pytest.mark.parametrize(
    "url",
    [
        "/provinces/%ZZ",
        "/provinces/%E4%B8",  # truncated UTF-8
        "/topics/%00/provinces",
        "/departments//measures",
        "/departments/%2F%2F/measures",
        "/documents/",
        "/documents/%2F",
        "/queries/..%2Fdocuments",
        "/queries/documents.csv.json",
        "/search?q=%ZZ",
        "/search?q=%F0%9F",
        "/compare?provinces=%E4%B8%8A%E6%B5%B7%2C%2C",
        "/assets/..%2Fapp.py",
        "/assets/%2E%2E",
        "/matrix?all_topics=maybe",
        "/topics/udi/provinces?status=everything",
        "/topics/udi/provinces?include_narrower=2",
    ],
)
def test_malformed_urls(api: TestClient, url: str):
    _check(api.get(url), url)


def test_post_cypher_sweep(api: TestClient):
    before = counts(api)
    for value in ODD:
        for body in ({"query": value}, {"query": "RETURN $p AS p", "params": {"p": value}},
                     {"query": "RETURN 1 AS x", "params": {value or "_": value}}):  # fmt: skip
            resp = api.post("/cypher", json=body)
            _check(resp, f"POST /cypher {body!r:.80}")
    for raw in (b"", b"{", b"null", b"[]", b'{"query": null}', b"\xff\xfe"):
        resp = api.post("/cypher", content=raw, headers={"content-type": "application/json"})
        _check(resp, f"POST /cypher {raw!r}")
    assert counts(api) == before


def test_error_messages_say_what_to_do(api: TestClient):
    cases = {
        "/provinces/火星": r"full name \(上海市\).*code \(310000\)",
        "/topics/nope/provinces": r"GET /topics",
        "/indicators/nope/targets": r"GET /indicators",
        "/search?q=%20": r"give at least one word",
        "/compare?provinces=上海": r"two or more",
        "/targets?province=火星": r"province",
        "/provinces?limit=-1": r"limit",
    }
    for url, pattern in cases.items():
        resp = api.get(url)
        assert 400 <= resp.status_code < 500, url
        assert re.search(pattern, resp.json()["message"]), (url, resp.json())
