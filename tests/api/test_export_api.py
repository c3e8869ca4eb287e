"""GET /export/{format} over real HTTP semantics (TestClient) on the seeded embedded store."""

from __future__ import annotations

import io
import json
import zipfile

import networkx as nx
import pytest
from fastapi.testclient import TestClient
from policykg.api.app import create_app

from policykg.ingestion import graph_stats
from tests.conftest import settings_for


@pytest.fixture(scope="module")
def client(seeded_store) -> TestClient:
    settings = settings_for(seeded_store)
    with TestClient(create_app(settings)) as c:
        yield c


@pytest.mark.parametrize(
    ("fmt", "media", "filename"),
    [
        ("graphml", "application/graphml+xml", "policykg.graphml"),
        ("gexf", "application/gexf+xml", "policykg.gexf"),
        ("json", "application/json", "policykg.json"),
    ],
)
def test_export_formats_read_back_with_the_store_counts(
    client, seeded_store, tmp_path, fmt, media, filename
):
    stats = graph_stats(seeded_store)
    resp = client.get(f"/export/{fmt}")
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith(media)
    assert f'filename="{filename}"' in resp.headers["content-disposition"]
    path = tmp_path / filename
    path.write_bytes(resp.content)
    if fmt == "graphml":
        g = nx.read_graphml(path)
    elif fmt == "gexf":
        g = nx.read_gexf(path)
    else:
        g = nx.node_link_graph(json.loads(resp.content), edges="links")
    assert g.number_of_nodes() == sum(stats["nodes"].values())
    assert g.number_of_edges() == sum(stats["relationships"].values())


def test_export_neo4j_csv_is_a_zip(client, seeded_store):
    resp = client.get("/export/neo4j-csv")
    assert resp.status_code == 200 and resp.headers["content-type"] == "application/zip"
    assert 'filename="policykg-neo4j.zip"' in resp.headers["content-disposition"]
    with zipfile.ZipFile(io.BytesIO(resp.content)) as zf:
        names = zf.namelist()
        provinces = zf.read("nodes_Province.csv").decode("utf-8").splitlines()
    assert "import.sh" in names and "README.md" in names
    assert provinces[0].startswith("code:ID(Province)")
    assert len(provinces) - 1 == graph_stats(seeded_store)["nodes"]["Province"]


def test_export_filters(client):
    resp = client.get("/export/json", params=[("province", "上海市"), ("province", "重庆市")])
    assert resp.status_code == 200
    g = nx.node_link_graph(resp.json(), edges="links")
    docs = [d for _, d in g.nodes(data=True) if d["label"] == "Document"]
    assert sorted(d["province"] for d in docs) == ["上海市", "上海市", "上海市", "重庆市"]


def test_export_bad_input_is_a_json_error_not_500(client):
    resp = client.get("/export/xml")
    assert resp.status_code == 404
    assert "graphml, gexf, json, neo4j-csv" in resp.json()["message"]
    resp = client.get("/export/graphml", params={"province": "火星"})
    assert resp.status_code == 400 and "火星" in resp.json()["message"]
    resp = client.get("/export/gexf", params={"topic": "nope"})
    assert resp.status_code == 400 and "nope" in resp.json()["message"]
