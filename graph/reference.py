"""Reference data as graph rows: the 34 provinces, cooperation regions, the topic taxonomy."""

from __future__ import annotations

from policykg.graph.model import DocumentGraph, NodeRows, RelRows
from policykg.ingest import vocab


def reference_graph() -> DocumentGraph:
    provinces = [
        {"key": p.code, "props": {"name": p.name, "short": p.short, "kind": p.kind}}
        for p in vocab.provinces()
    ]
    regions, members = [], []
    for r in vocab.regions():
        regions.append({"key": r.key, "props": {"name": r.name, "name_en": r.name_en}})
        members += [{"from": code, "to": r.key, "props": {}} for code in r.members]
    topics, broader = [], []
    for t in vocab.topics():
        topics.append({"key": t.key, "props": {"name_zh": t.name_zh, "name_en": t.name_en}})
        broader += [{"from": t.key, "to": b, "props": {}} for b in t.broader]
    return DocumentGraph(
        document_id="reference",
        content_hash="",
        nodes=[
            NodeRows("Province", provinces),
            NodeRows("Region", regions),
            NodeRows("Topic", topics),
        ],
        rels=[
            RelRows("MEMBER_OF", "Province", "Region", members),
            RelRows("BROADER", "Topic", "Topic", broader),
        ],
    )
