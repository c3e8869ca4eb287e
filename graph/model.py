"""ExtractionRecord → node and relationship rows with stable keys (DESIGN.md graph model).

Pure: no database. The writer turns these rows into `UNWIND $rows … MERGE` statements.

Rules of the model:

* A shared node (Department, Program, Indicator, Reference) is written by every document
  that names it, so its properties are a function of its key and the vocabularies only
  (canonical name, kind, level …). What one document says about it — the wording as
  written, the order of a list, the role, a description — is a property of that
  document's relationship to it. So no document's ingest or removal changes what another
  document contributed (`shared_props_conflicts` checks a batch of graphs for it).
* A province *commits* to a topic through a commitment measure or a target: the rule is
  `commits()` here, stored as the `commits` property of every Measure and Target; the
  named queries test `x.commits = true` and never restate it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from policykg.ingest.record import DepartmentMention, ExtractionRecord, Measure, Target, TopicMatch

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
    # write-time counts the whole-graph queries read (graph/summaries.py); no relationships,
    # left out of every export
    "Summary": "key",
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


def commits(item: Measure | Target) -> bool:
    """The one definition of a commitment: a target, or a measure stated as a commitment
    (not background on the last plan, not vision, not a safeguard clause)."""
    return isinstance(item, Target) or item.statement == "commitment"


# Issuers whose documents are national: the State Council and its General Office, the
# Party Central Committee, and the ministries' and administrations' 国… prefixes
# (国发, 国办发, 国药监, 国卫, 国市监, 国医保 …), per GB/T 9704 文号 = 机关代字〔年份〕序号.
_NATIONAL_NUMBER = re.compile(r"^(国|中发|中办发|厅字|中共中央)")
_NATIONAL_TITLE = re.compile(r"^(中华人民共和国|国务院|国家|中共中央|全国)")


@cache
def law_titles() -> frozenset[str]:
    """Titles of the national laws and administrative regulations (data/reference/laws.yaml)."""
    from policykg.ingest.vocab import laws

    return frozenset(normalize_name(law.title) for law in laws())


def reference_scope(title: str | None, doc_number: str | None) -> str | None:
    """national when the number or title says a central body issued it; else None (unknown).

    National laws and administrative regulations (data/reference/laws.yaml) count as
    national whatever their title says."""
    if doc_number and _NATIONAL_NUMBER.match(normalize_name(doc_number)):
        return "national"
    name = normalize_name(title or "")
    if name and (_NATIONAL_TITLE.match(name) or name in law_titles()):
        return "national"
    return None


def normalize_name(name: str) -> str:
    """Key form of a name: no spaces, no quotes or book-title marks."""
    return re.sub(r"[\s“”\"'《》「」『』]", "", name)


def department_id(province_code: str | None, name: str) -> str:
    return f"{province_code or 'national'}:{normalize_name(name)}"


def program_name(name: str, province_code: str | None = None) -> str:
    """Canonical name of a program (ingest/program_names.py, rules in
    data/patterns/programs.yaml): regulators' names in one form, the province's own name
    or level in front dropped, so that every document of a province that writes a variant
    of one base (国家药监局监管科学研究基地 / 国家药品监管科学研究基地) reaches one node."""
    from policykg.ingest.program_names import canonical

    return canonical(name, province_code)


def program_id(province_code: str | None, name: str) -> str:
    return f"{province_code or 'unknown'}:{program_name(name, province_code)}"


def reference_id(title: str | None, doc_number: str | None) -> str:
    return normalize_name(doc_number) if doc_number else normalize_name(title or "")


def _clean(props: dict[str, Any]) -> dict[str, Any]:
    """Drop nulls: neither engine stores a null property."""
    return {k: v for k, v in props.items() if v is not None and v != []}


def _indicator_props(key: str) -> dict[str, Any]:
    """The canonical indicator from the vocabulary (never one province's wording, which
    is the Target's `indicator`): name, unit, what it measures and which way is better."""
    from policykg.ingest.vocab import indicator_by_key

    known = indicator_by_key(key)
    if known is None:
        return {"name": key}
    return _clean({"name": known.name, "name_en": known.name_en, "unit": known.unit,
                   "measure": known.measure, "direction": known.direction,
                   "definition": known.definition, "scope": known.scope,
                   "topics": list(known.topics)})  # fmt: skip


def _responsible_rows(
    source: str, departments: list[DepartmentMention], dept_key: Callable[[str], str]
) -> list[dict[str, Any]]:
    """RESPONSIBLE rows of a measure or a target: the role, the mention as written and its
    place in the list as written (`order`, 0 first: Chinese task lists put the lead first)."""
    return [
        {"from": source, "to": dept_key(d.name),
         "props": {"role": d.role, "mention": d.mention, "order": i}}
        for i, d in enumerate(departments)
    ]  # fmt: skip


def _topic_rows(source: str, topics: list[TopicMatch]) -> list[dict[str, Any]]:
    return [{"from": source, "to": t.key, "props": {"matched": t.matched}} for t in topics]


def record_to_graph(record: ExtractionRecord, original: str | None = None) -> DocumentGraph:
    """Rows of one document. `original` is the file's text as read (before
    normalization), which the source offsets of the record point into."""
    doc = record.document
    code = doc.province_code
    graph = DocumentGraph(doc.id, doc.content_hash, doc.extractor_version, doc.source, code)
    doc_props = doc.model_dump(exclude={"id"})
    if original is not None:
        doc_props["source_text"] = original  # the file as read: GET /source shows spans in it
    graph.nodes.append(NodeRows("Document", [{"key": doc.id, "props": _clean(doc_props)}]))
    if code:
        graph.rels.append(
            RelRows("ISSUED", "Province", "Document", [{"from": code, "to": doc.id, "props": {}}])
        )

    departments = {d.name: d for d in record.departments}
    dept_rows, belongs, divisions = [], [], []
    for d in record.departments:
        did = department_id(code if d.level != "national" else None, d.name)
        # the wording (d.mentions) is the document's: it goes on RESPONSIBLE.mention
        props = _clean({"name": d.name, "kind": d.kind, "level": d.level,
                        "province_code": code if d.level != "national" else None})  # fmt: skip
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
                include={"ordinal", "section", "title", "text", "statement", "start", "end",
                         "source_start", "source_end"}
            )
        )  # fmt: skip
        props["document_id"] = doc.id
        props["commits"] = commits(m)
        measure_rows.append({"key": mid, "props": props})
        contains.append({"from": doc.id, "to": mid, "props": {}})
        responsible += _responsible_rows(mid, m.departments, dept_key)
        addresses += _topic_rows(mid, m.topics)
        for p in m.programs:
            mentions.append({"from": mid, "to": program_id(code, p), "props": {"written": p}})
        for r in m.regions:
            cooperates.append({"from": mid, "to": r, "props": {}})

    # a Program node holds what its key determines; the document's wording and description
    # of it are on its ESTABLISHES relationship
    program_rows: dict[str, dict[str, Any]] = {}
    establishes: list[dict[str, Any]] = []
    for prog in record.programs:
        pid = program_id(code, prog.name)
        program_rows.setdefault(pid, {"key": pid, "props": _clean(
            {"name": program_name(prog.name, code), "kind": prog.kind, "province_code": code})})  # fmt: skip
        establishes.append({"from": doc.id, "to": pid, "props": _clean(
            {"written": prog.name, "description": prog.description, "start": prog.start,
             "end": prog.end, "source_start": prog.source_start, "source_end": prog.source_end})})  # fmt: skip

    target_rows, sets, tracks, t_resp, t_addr = [], [], [], [], []
    indicator_rows: dict[str, dict[str, Any]] = {}
    for t in record.targets:
        tid = f"{doc.id}:{t.id}"
        props = _clean(t.model_dump(exclude={"id", "departments", "topics"}))
        props["document_id"] = doc.id
        props["commits"] = commits(t)
        target_rows.append({"key": tid, "props": props})
        sets.append({"from": doc.id, "to": tid, "props": {}})
        if t.indicator_key:
            indicator_rows.setdefault(
                t.indicator_key,
                {"key": t.indicator_key, "props": _indicator_props(t.indicator_key)},
            )
            tracks.append({"from": tid, "to": t.indicator_key, "props": {}})
        t_resp += _responsible_rows(tid, t.departments, dept_key)
        t_addr += _topic_rows(tid, t.topics)

    ref_rows, cites, cited = [], [], set()
    for ref in record.references:
        rid = reference_id(ref.title, ref.doc_number)
        if rid and rid not in cited:  # the first citation of a document is its wording
            cited.add(rid)
            # keyed by its number, a reference's title is as each document writes it (CITES)
            title = None if ref.doc_number else ref.title
            scope = reference_scope(ref.title, ref.doc_number)
            law = normalize_name(ref.title or "") in law_titles()
            ref_rows.append({"key": rid, "props": _clean(
                {"title": title, "doc_number": ref.doc_number, "scope": scope, "law": law})})  # fmt: skip
            cites.append({"from": doc.id, "to": rid, "props": _clean({"title": ref.title})})

    graph.nodes += [
        NodeRows("Department", dept_rows),
        NodeRows("Measure", measure_rows),
        NodeRows("Program", list(program_rows.values())),
        NodeRows("Indicator", list(indicator_rows.values())),
        NodeRows("Target", target_rows),
        NodeRows("Reference", ref_rows),
    ]
    graph.rels += [
        RelRows("BELONGS_TO", "Department", "Province", belongs),
        RelRows("DIVISION_OF", "Department", "Department", divisions),
        RelRows("CONTAINS", "Document", "Measure", contains),
        RelRows("RESPONSIBLE", "Measure", "Department", responsible, identity=("order",)),
        RelRows("ADDRESSES", "Measure", "Topic", addresses),
        RelRows("MENTIONS", "Measure", "Program", mentions),
        RelRows("ESTABLISHES", "Document", "Program", establishes),
        RelRows("COOPERATES_IN", "Measure", "Region", cooperates),
        RelRows("SETS", "Document", "Target", sets),
        RelRows("TRACKS", "Target", "Indicator", tracks),
        RelRows("RESPONSIBLE", "Target", "Department", t_resp, identity=("order",)),
        RelRows("ADDRESSES", "Target", "Topic", t_addr),
        RelRows("CITES", "Document", "Reference", cites),
    ]
    return graph
