"""Derived views: exact structure on the hand-made graph, agreement with Cypher on the seeds."""

from __future__ import annotations

import math
from itertools import combinations

import networkx as nx
import pytest
from policykg.graph.export import to_networkx
from policykg.graph.views import (
    department_network,
    province_similarity,
    province_topic_graph,
    topic_cooccurrence,
)

from tests.graph.crafted import SH_HEALTH, SH_NMPA, ZJ_NMPA, ZJ_SAMR, load_crafted

SH, ZJ = "Province:310000", "Province:330000"


@pytest.fixture(scope="module")
def g(dataset_store) -> nx.MultiDiGraph:
    for store in dataset_store("crafted", load_crafted):
        return to_networkx(store)


def test_province_topic_commitments_exclude_background(g):
    b = province_topic_graph(g)
    weights = {
        (u, v) if u.startswith("Province") else (v, u): w for u, v, w in b.edges(data="weight")
    }
    assert weights == {
        (SH, "Topic:udi"): 2,  # measures 1 and 3
        (SH, "Topic:pharmacovigilance"): 1,
        (SH, "Topic:vaccine_oversight"): 1,  # through the target
        (ZJ, "Topic:udi"): 1,
        (ZJ, "Topic:tcm"): 1,
        (ZJ, "Topic:pharmacovigilance"): 1,  # through the target
    }  # Shanghai's tcm measure is background: no commitment
    assert nx.is_bipartite(b)
    assert {n for n, d in b.nodes(data=True) if d["bipartite"] == 0} == {SH, ZJ}


@pytest.mark.parametrize(
    ("metric", "weight"),
    [("jaccard", 2 / 4), ("shared", 2.0), ("cosine", 3 / math.sqrt(6 * 3))],
)
def test_province_similarity(g, metric, weight):
    sim = province_similarity(g, metric)
    assert set(sim) == {SH, ZJ} and sim.number_of_edges() == 1
    edge = sim.edges[SH, ZJ]
    assert edge["weight"] == pytest.approx(weight)
    assert edge["shared"] == ["pharmacovigilance", "udi"]
    assert sim.nodes[SH]["name"] == "上海市"


def test_province_similarity_rejects_unknown_metric(g):
    with pytest.raises(ValueError, match="jaccard"):
        province_similarity(g, "euclid")  # type: ignore[arg-type]


def test_department_network(g):
    net = department_network(g)
    sh_nmpa, sh_health = f"Department:310000:{SH_NMPA}", f"Department:310000:{SH_HEALTH}"
    zj_nmpa, zj_samr = f"Department:330000:{ZJ_NMPA}", f"Department:330000:{ZJ_SAMR}"
    assert {frozenset(e): w for *e, w in net.edges(data="weight")} == {
        frozenset((sh_nmpa, sh_health)): 2,
        frozenset((zj_nmpa, zj_samr)): 1,
    }  # provinces never share a department
    assert net.nodes[sh_nmpa] == {
        "name": SH_NMPA, "kind": "drug_regulator", "level": "provincial",
        "province": "上海市", "measures": 3,
    }  # fmt: skip
    assert net.nodes[zj_samr]["province"] == "浙江省"
    with_targets = department_network(g, include_targets=True)
    assert with_targets.nodes[sh_nmpa]["measures"] == 4
    assert with_targets.number_of_edges() == 2


def test_topic_cooccurrence(g):
    co = topic_cooccurrence(g)
    assert {frozenset(e): w for *e, w in co.edges(data="weight")} == {
        frozenset(("Topic:udi", "Topic:pharmacovigilance")): 1,
        frozenset(("Topic:udi", "Topic:tcm")): 1,
    }
    assert dict(co.nodes(data="measures")) == {
        "Topic:udi": 3,
        "Topic:pharmacovigilance": 1,
        "Topic:tcm": 1,
    }
    assert co.nodes["Topic:udi"]["name_en"].startswith("Unique device identification")
    every = topic_cooccurrence(g, statements=None)
    assert every.nodes["Topic:tcm"]["measures"] == 2  # the background measure counts too


# --------------------------------------------------------------------------- seeds vs Cypher


@pytest.fixture(scope="module")
def seeds(seeded_store) -> nx.MultiDiGraph:
    return to_networkx(seeded_store)


def test_seed_commitments_agree_with_cypher(seeded_store, seeds):
    rows = seeded_store.read(
        "MATCH (p:Province)-[:ISSUED]->(:Document)-[:CONTAINS]->(m:Measure)-[:ADDRESSES]->(t:Topic) "
        "WHERE m.statement = 'commitment' RETURN p.code AS code, t.key AS topic, count(DISTINCT m) AS n "
        "UNION ALL "
        "MATCH (p:Province)-[:ISSUED]->(:Document)-[:SETS]->(x:Target)-[:ADDRESSES]->(t:Topic) "
        "RETURN p.code AS code, t.key AS topic, count(DISTINCT x) AS n"
    ).rows
    expected: dict[tuple[str, str], int] = {}
    for code, key, n in rows:
        pair = (f"Province:{code}", f"Topic:{key}")
        expected[pair] = expected.get(pair, 0) + n
    assert expected  # the seeds commit to topics (udi, drug_traceability, …)
    b = province_topic_graph(seeds)
    got = {(u, v) if u.startswith("Province") else (v, u): w for u, v, w in b.edges(data="weight")}
    assert got == expected


def test_seed_department_network_agrees_with_cypher(seeded_store, seeds):
    rows = seeded_store.read(
        "MATCH (m:Measure)-[:RESPONSIBLE]->(d:Department) RETURN m.id, collect(DISTINCT d.id)"
    ).rows
    expected: dict[frozenset, int] = {}
    for _, depts in rows:
        for a, b in combinations(sorted(depts), 2):
            key = frozenset((f"Department:{a}", f"Department:{b}"))
            expected[key] = expected.get(key, 0) + 1
    net = department_network(seeds)
    assert {frozenset(e): w for *e, w in net.edges(data="weight")} == expected
    assert net.number_of_edges() > 0  # the seeds name several departments per measure
    for _, data in net.nodes(data=True):
        assert data["province"] in ("上海市", "浙江省", "重庆市", None)
