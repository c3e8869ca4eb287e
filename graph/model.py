"""ExtractionRecord → node and relationship rows with stable keys (DESIGN.md graph model).

Pure: no database. The writer turns these rows into `UNWIND $rows … MERGE` statements.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from policykg.ingest.record import DepartmentMention, ExtractionRecord, Target, TopicMatch

# label → key property
NODE_KEYS: dict[str, str] = {
    "Province": "code",
    "Region": "key",
    "Document": "id",
    "Measure": "id",
    "Department": "id",
    "Target": "id",
    "Indicator": "key",
    "Program": "id",
    "Topic": "key",
    "Reference": "id",
}

# Nodes that belong to one document and go when it is replaced.
OWNED_LABELS = ("Measure", "Target")
# Shared nodes that are deleted once nothing points at them any more.
SHARED_LABELS = ("Department", "Program", "Indicator", "Reference")


@dataclass
class NodeRows:
    label: str
    rows: list[dict[str, Any]]  # {"key": …, "props": {…}}

    @property
    def key(self) -> str:
        return NODE_KEYS[self.label]


@dataclass
class RelRows:
    type: str
    source: str  # label
    target: str  # label
    rows: list[dict[str, Any]]  # {"from": key, "to": key, "props": {…}}
    # relationship properties that distinguish parallel relationships (MERGE on them)
    identity: tuple[str, ...] = ()


@dataclass
class DocumentGraph:
    document_id: str
    content_hash: str
    extractor_version: str = ""
    source: str = ""
    province_code: str | None = None
    nodes: list[NodeRows] = field(default_factory=list)
    rels: list[RelRows] = field(default_factory=list)


def normalize_name(name: str) -> str:
    """Key form of a name: no spaces, no quotes or book-title marks."""
    return re.sub(r"[\s“”\"'《》「」『』]", "", name)


def department_id(province_code: str | None, name: str) -> str:
    return f"{province_code or 'national'}:{normalize_name(name)}"


def program_id(province_code: str | None, name: str) -> str:
    return f"{province_code or 'unknown'}:{normalize_name(name)}"


def reference_id(title: str | None, doc_number: str | None) -> str:
    return normalize_name(doc_number) if doc_number else normalize_name(title or "")


def _clean(props: dict[str, Any]) -> dict[str, Any]:
    """Drop nulls: neither engine stores a null property."""
    return {k: v for k, v in props.items() if v is not None and v != []}


def _indicator_props(target: Target) -> dict[str, Any]:
    """The canonical indicator (name from the vocabulary, not one province's wording)."""
    from policykg.ingest.vocab import indicator_by_key

    known = indicator_by_key(target.indicator_key or "")
    if known is None:
        return {"name": target.indicator}
    return _clean({"name": known.name, "name_en": known.name_en, "unit": known.unit})


def _responsible_rows(
    source: str, departments: list[DepartmentMention], dept_key: Callable[[str], str]
) -> list[dict[str, Any]]:
    """RESPONSIBLE rows of a measure or a target, with role and the mention as written."""
    return [
        {"from": source, "to": dept_key(d.name), "props": {"role": d.role, "mention": d.mention}}
        for d in departments
    ]


def _topic_rows(source: str, topics: list[TopicMatch]) -> list[dict[str, Any]]:
    return [{"from": source, "to": t.key, "props": {"matched": t.matched}} for t in topics]


def record_to_graph(record: ExtractionRecord) -> DocumentGraph:
    doc = record.document
    code = doc.province_code
    graph = DocumentGraph(doc.id, doc.content_hash, doc.extractor_version, doc.source, code)
    doc_props = doc.model_dump(exclude={"id"})
    graph.nodes.append(NodeRows("Document", [{"key": doc.id, "props": _clean(doc_props)}]))
    if code:
        graph.rels.append(
            RelRows("ISSUED", "Province", "Document", [{"from": code, "to": doc.id, "props": {}}])
        )

    departments = {d.name: d for d in record.departments}
    dept_rows, belongs, divisions = [], [], []
    for d in record.departments:
        did = department_id(code if d.level != "national" else None, d.name)
        props = _clean({"name": d.name, "kind": d.kind, "level": d.level,
                        "province_code": code if d.level != "national" else None,
                        "mentions": sorted(set(d.mentions))})  # fmt: skip
        dept_rows.append({"key": did, "props": props})
        if code and d.level != "national":
            belongs.append({"from": did, "to": code, "props": {}})
        if d.parent and d.parent in departments:
            parent = departments[d.parent]
            pid = department_id(code if parent.level != "national" else None, parent.name)
            divisions.append({"from": did, "to": pid, "props": {}})

    def dept_key(name: str) -> str:
        d = departments.get(name)
        national = d is not None and d.level == "national"
        return department_id(None if national else code, name)

    measure_rows, contains, responsible, addresses, mentions, cooperates = [], [], [], [], [], []
    for m in record.measures:
        mid = f"{doc.id}:{m.ordinal}"
        props = _clean(
            m.model_dump(
                include={"ordinal", "section", "title", "text", "statement", "start", "end"}
            )
        )
        props["document_id"] = doc.id
        measure_rows.append({"key": mid, "props": props})
        contains.append({"from": doc.id, "to": mid, "props": {}})
        responsible += _responsible_rows(mid, m.departments, dept_key)
        addresses += _topic_rows(mid, m.topics)
        for p in m.programs:
            mentions.append({"from": mid, "to": program_id(code, p), "props": {}})
        for r in m.regions:
            cooperates.append({"from": mid, "to": r, "props": {}})

    program_rows = [
        {"key": program_id(code, p.name),
         "props": _clean({"name": p.name, "kind": p.kind, "description": p.description, "province_code": code})}
        for p in record.programs
    ]  # fmt: skip
    establishes = [{"from": doc.id, "to": r["key"], "props": {}} for r in program_rows]

    target_rows, sets, tracks, t_resp, t_addr, indicator_rows = [], [], [], [], [], {}
    for t in record.targets:
        tid = f"{doc.id}:{t.id}"
        props = _clean(t.model_dump(exclude={"id", "departments", "topics"}))
        props["document_id"] = doc.id
        target_rows.append({"key": tid, "props": props})
        sets.append({"from": doc.id, "to": tid, "props": {}})
        if t.indicator_key:
            indicator_rows.setdefault(
                t.indicator_key, {"key": t.indicator_key, "props": _indicator_props(t)}
            )
            tracks.append({"from": tid, "to": t.indicator_key, "props": {}})
        t_resp += _responsible_rows(tid, t.departments, dept_key)
        t_addr += _topic_rows(tid, t.topics)

    ref_rows, cites = [], []
    for r in record.references:
        rid = reference_id(r.title, r.doc_number)
        if rid:
            ref_rows.append(
                {"key": rid, "props": _clean({"title": r.title, "doc_number": r.doc_number})}
            )
            cites.append({"from": doc.id, "to": rid, "props": {}})

    graph.nodes += [
        NodeRows("Department", dept_rows),
        NodeRows("Measure", measure_rows),
        NodeRows("Program", program_rows),
        NodeRows("Indicator", list(indicator_rows.values())),
        NodeRows("Target", target_rows),
        NodeRows("Reference", ref_rows),
    ]
    graph.rels += [
        RelRows("BELONGS_TO", "Department", "Province", belongs),
        RelRows("DIVISION_OF", "Department", "Department", divisions),
        RelRows("CONTAINS", "Document", "Measure", contains),
        RelRows("RESPONSIBLE", "Measure", "Department", responsible, identity=("role",)),
        RelRows("ADDRESSES", "Measure", "Topic", addresses),
        RelRows("MENTIONS", "Measure", "Program", mentions),
        RelRows("ESTABLISHES", "Document", "Program", establishes),
        RelRows("COOPERATES_IN", "Measure", "Region", cooperates),
        RelRows("SETS", "Document", "Target", sets),
        RelRows("TRACKS", "Target", "Indicator", tracks),
        RelRows("RESPONSIBLE", "Target", "Department", t_resp, identity=("role",)),
        RelRows("ADDRESSES", "Target", "Topic", t_addr),
        RelRows("CITES", "Document", "Reference", cites),
    ]
    return graph
