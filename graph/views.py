"""Derived networkx views of the exported graph, the ones researchers otherwise rebuild by hand.

Each function takes the MultiDiGraph of `graph.export.to_networkx` (whole or sliced)
and returns a new undirected graph:

- `province_topic_graph`: the bipartite Province–Topic graph of commitments;
- `province_similarity`: its projection onto provinces, weighted by Jaccard, cosine or
  shared-topic count;
- `department_network`: departments linked when responsible for the same measure;
- `topic_cooccurrence`: topics linked when the same measure addresses both.

A province commits to a topic only through a `commitment` measure or a target
(DESIGN.md): background, vision and safeguard sentences do not count.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import combinations
from typing import Literal

import networkx as nx
from networkx.algorithms import bipartite

Metric = Literal["jaccard", "cosine", "shared"]


def _label(g: nx.MultiDiGraph, n: str) -> str:
    return g.nodes[n].get("label", "")


def _targets(g: nx.MultiDiGraph, n: str, rtype: str, label: str | None = None) -> list[str]:
    return [
        v for _, v, t in g.out_edges(n, data="type")
        if t == rtype and (label is None or _label(g, v) == label)
    ]  # fmt: skip


def _sources(g: nx.MultiDiGraph, n: str, rtype: str) -> list[str]:
    return [u for u, _, t in g.in_edges(n, data="type") if t == rtype]


def _committing_parts(g: nx.MultiDiGraph) -> Iterable[tuple[str, str]]:
    """(province node, measure-or-target node) for every commitment measure and target."""
    for p in (n for n in g if _label(g, n) == "Province"):
        for doc in _targets(g, p, "ISSUED"):
            for m in _targets(g, doc, "CONTAINS"):
                if g.nodes[m].get("statement", "commitment") == "commitment":
                    yield p, m
            for t in _targets(g, doc, "SETS"):
                yield p, t


def province_topic_graph(g: nx.MultiDiGraph) -> nx.Graph:
    """Bipartite graph: provinces (bipartite=0) – topics (bipartite=1); edge `weight` =
    number of commitment measures and targets of the province addressing the topic."""
    counts: Counter[tuple[str, str]] = Counter()
    for p, part in _committing_parts(g):
        for topic in set(_targets(g, part, "ADDRESSES")):
            counts[(p, topic)] += 1
    out = nx.Graph()
    for (p, topic), n in counts.items():
        pd, td = g.nodes[p], g.nodes[topic]
        out.add_node(p, bipartite=0, label="Province", name=pd.get("name"), code=pd.get("code"))
        out.add_node(topic, bipartite=1, label="Topic", key=td.get("key"),
                     name_zh=td.get("name_zh"), name_en=td.get("name_en"))  # fmt: skip
        out.add_edge(p, topic, weight=n)
    return out


def province_similarity(g: nx.MultiDiGraph, metric: Metric = "jaccard") -> nx.Graph:
    """Provinces linked when they commit to a common topic.

    `weight`: Jaccard of their topic sets, cosine of their commitment-count vectors, or
    the number of shared topics (`bipartite.weighted_projected_graph`); `shared`: the
    shared topic keys. Every committing province is a node, even one with no partner.
    """
    if metric not in ("jaccard", "cosine", "shared"):
        raise ValueError(f"metric must be jaccard, cosine or shared, not {metric!r}")
    b = province_topic_graph(g)
    provinces = [n for n, d in b.nodes(data=True) if d["bipartite"] == 0]
    # (networkx refuses to project a graph without topics: an empty store has no pairs)
    proj = bipartite.weighted_projected_graph(b, provinces) if b else nx.Graph()
    out = nx.Graph()
    out.add_nodes_from((p, {k: v for k, v in b.nodes[p].items() if k != "bipartite"}) for p in provinces)  # fmt: skip
    for u, v, data in proj.edges(data=True):
        tu, tv = set(b[u]), set(b[v])
        shared = sorted(b.nodes[t]["key"] for t in tu & tv)
        if metric == "shared":
            weight = float(data["weight"])
        elif metric == "jaccard":
            weight = len(tu & tv) / len(tu | tv)
        else:
            dot = sum(b[u][t]["weight"] * b[v][t]["weight"] for t in tu & tv)
            norm = math.sqrt(sum(b[u][t]["weight"] ** 2 for t in tu)) * math.sqrt(
                sum(b[v][t]["weight"] ** 2 for t in tv)
            )
            weight = dot / norm
        out.add_edge(u, v, weight=weight, shared=shared, metric=metric)
    return out


def department_network(g: nx.MultiDiGraph, *, include_targets: bool = False) -> nx.Graph:
    """Departments linked when responsible (any role) for the same measure (and target,
    if asked); `weight` = number of shared measures. Nodes carry name, kind, level,
    province (name, or None for national bodies) and `measures` (how many they hold)."""
    parts = [n for n in g if _label(g, n) == "Measure" or (include_targets and _label(g, n) == "Target")]  # fmt: skip
    out = nx.Graph()
    load: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for part in parts:
        depts = sorted(set(_targets(g, part, "RESPONSIBLE", "Department")))
        load.update(depts)
        pairs.update(combinations(depts, 2))
    for d, n in load.items():
        data = g.nodes[d]
        province = [g.nodes[p].get("name") for p in _targets(g, d, "BELONGS_TO", "Province")]
        out.add_node(d, name=data.get("name"), kind=data.get("kind"), level=data.get("level"),
                     province=province[0] if province else None, measures=n)  # fmt: skip
    for (a, b), n in pairs.items():
        out.add_edge(a, b, weight=n)
    return out


def topic_cooccurrence(
    g: nx.MultiDiGraph, *, statements: Iterable[str] | None = ("commitment",)
) -> nx.Graph:
    """Topics linked when one measure addresses both; `weight` = number of such measures.
    `statements` limits the measures counted (None: every measure). Nodes carry
    name_zh, name_en and `measures` (how many counted measures address the topic)."""
    wanted = set(statements) if statements is not None else None
    load: Counter[str] = Counter()
    pairs: defaultdict[tuple[str, str], int] = defaultdict(int)
    for m in (n for n in g if _label(g, n) == "Measure"):
        if wanted is not None and g.nodes[m].get("statement") not in wanted:
            continue
        topics = sorted(set(_targets(g, m, "ADDRESSES", "Topic")))
        load.update(topics)
        for pair in combinations(topics, 2):
            pairs[pair] += 1
    out = nx.Graph()
    for t, n in load.items():
        data = g.nodes[t]
        out.add_node(t, key=data.get("key"), name_zh=data.get("name_zh"),
                     name_en=data.get("name_en"), measures=n)  # fmt: skip
    for (a, b), n in pairs.items():
        out.add_edge(a, b, weight=n)
    return out
