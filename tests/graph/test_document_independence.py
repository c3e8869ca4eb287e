"""Rule (issue 13.1, 13.4): no document's ingest or removal changes what another document
contributed. Shared nodes (Department, Program, Indicator, Reference) hold only what their
key determines; the mention as written, its order, the role, a program's wording and
description, a citation's title are on each document's relationships.

Three documents of one province name the same department, program and national document
in different words. They are written and removed in every order; after each step every
stored document's answers are exactly what they are when it is alone in the graph.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from typing import Any

import pytest
from policykg.graph.model import record_to_graph
from policykg.graph.queries import run_named
from policykg.graph.stores.falkordb import FalkorDBStore
from policykg.graph.writer import delete_document, load_reference_data, write_document
from policykg.ingest.record import (
    Department,
    DepartmentMention,
    DocumentInfo,
    ExtractionRecord,
    Measure,
    Program,
    Reference,
    Target,
    TopicMatch,
)

NMPA, HEALTH, MEDICARE = "上海市药品监督管理局", "上海市卫生健康委员会", "上海市医疗保障局"
KINDS = {NMPA: "drug_regulator", HEALTH: "health", MEDICARE: "healthcare_security"}


def _doc(n: int, depts: list[tuple[str, str, str]], program: str, description: str,
         cited_as: str, topic: str) -> ExtractionRecord:  # fmt: skip
    doc_id = f"310000:测试文件{n}"
    mentions = [DepartmentMention(name=name, mention=written, role=role)
                for name, written, role in depts]  # fmt: skip
    text = f"第{n}条 推进测试工作。（责任单位：{'、'.join(w for _, w, _ in depts)}）"
    return ExtractionRecord(
        document=DocumentInfo(
            id=doc_id,
            source=f"t{n}.txt",
            title=f"测试文件{n}",
            province="上海市",
            province_code="310000",
            content_hash=str(n),
            kind="实施意见",
            issued_date=f"202{n}-01-01",
        ),  # fmt: skip
        measures=[
            Measure(
                id=f"{doc_id}:1",
                ordinal="1",
                text=text,
                statement="commitment",
                start=0,
                end=len(text),
                departments=mentions,
                programs=[program],
                topics=[TopicMatch(key=topic, matched=topic)],
            )
        ],  # fmt: skip
        targets=[
            Target(
                id="T1",
                indicator=f"唯一标识实施率{n}",
                indicator_key="udi_implementation_rate",
                value=100,
                value_text="100%",
                unit="%",
                year=2020 + n,
                text="实施率 100%",
                start=0,
                end=4,
                departments=mentions[:1],
                topics=[TopicMatch(key="udi", matched="唯一标识")],
            )
        ],  # fmt: skip
        programs=[Program(name=program, kind="中心", description=description, start=0, end=4)],
        departments=[
            Department(
                name=name,
                kind=KINDS[name],
                level="provincial",
                mentions=[w for x, w, _ in depts if x == name],
            )
            for name in dict.fromkeys(x for x, _, _ in depts)
        ],  # fmt: skip
        references=[Reference(title=cited_as, doc_number="国办发〔2021〕16号")],
    )


RECORDS = [
    _doc(1, [(NMPA, "市药监局", "lead"), (HEALTH, "市卫生健康委", "support")],
         "国家药监局监管科学研究基地", "第一份文件的描述", "国务院办公厅关于全面加强药品监管能力建设的实施意见", "udi"),
    _doc(2, [(HEALTH, "市卫健委", "lead"), (NMPA, "上海市药品监督管理局", "support")],
         "国家药品监管科学研究基地", "第二份文件的描述", "关于全面加强药品监管能力建设的实施意见", "udi"),
    _doc(3, [(MEDICARE, "市医保局", "responsible"), (NMPA, "市药品监管局", "responsible")],
         "“国家药品监管科学研究基地”", "第三份文件的描述", "全面加强药品监管能力建设实施意见", "tcm"),
]  # fmt: skip

# Everything a document contributed: its items with their relationships and the nodes at the
# other end, and its own relationships (CITES, ESTABLISHES …). Test-only Cypher.
_ITEMS = """
MATCH (d:Document {id: $id})-[:CONTAINS|SETS]->(x)-[r]->(n)
RETURN x.id AS item, properties(x) AS item_props, type(r) AS rel, properties(r) AS rel_props,
       labels(n)[0] AS label, properties(n) AS node
"""
_OWN = """
MATCH (d:Document {id: $id})-[r]->(n)
WHERE NOT n:Measure AND NOT n:Target
RETURN type(r) AS rel, properties(r) AS rel_props, labels(n)[0] AS label, properties(n) AS node
"""


def _answers(store: FalkorDBStore, record: ExtractionRecord) -> dict[str, Any]:
    doc_id = record.document.id

    def canon(rows: list[dict[str, Any]]) -> list[str]:
        return sorted(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in rows)

    found_by_mention = {}
    for m in record.measures:
        for d in m.departments:  # the department as this document writes it
            rows = run_named(store, "department_measures", province="上海市", department=d.mention)
            # `total` counts the whole answer (every document's rows): not this document's
            found_by_mention[d.mention] = canon(
                [
                    {k: v for k, v in r.items() if k != "total"}
                    for r in rows
                    if r["document"] == record.document.title
                ]
            )
    return {
        "items": canon(store.read(_ITEMS, {"id": doc_id}).records()),
        "own": canon(store.read(_OWN, {"id": doc_id}).records()),
        "department_measures": found_by_mention,
        "document_measures": canon(run_named(store, "document_measures", document_id=doc_id)),
        "document": canon(run_named(store, "api_document", document_id=doc_id)),
    }  # fmt: skip


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FalkorDBStore]:
    s = FalkorDBStore(tmp_path_factory.mktemp("independence"), graph="policykg")
    s.open()
    load_reference_data(s)
    yield s
    s.close()


@pytest.fixture(scope="module")
def alone(store: FalkorDBStore) -> dict[str, dict[str, Any]]:
    """Each document's answers when it is the only document in the graph."""
    out = {}
    for record in RECORDS:
        assert write_document(store, record_to_graph(record)) == "added"
        out[record.document.id] = _answers(store, record)
        assert delete_document(store, record.document.id)
    return out


def test_shared_nodes_are_one_node_for_the_variants(store: FalkorDBStore, alone) -> None:
    for record in RECORDS:
        write_document(store, record_to_graph(record))
    try:
        counts = {label: store.read(f"MATCH (n:{label}) RETURN count(n)").rows[0][0]
                  for label in ("Department", "Program", "Reference", "Indicator")}  # fmt: skip
        # one department per canonical name, one program for the variants of one base,
        # one national document however its title is written, one indicator
        assert counts == {"Department": 3, "Program": 1, "Reference": 1, "Indicator": 1}
    finally:
        for record in RECORDS:
            delete_document(store, record.document.id)


@pytest.mark.parametrize("order", list(itertools.permutations(range(len(RECORDS)))))
def test_ingest_and_removal_in_any_order_change_no_other_document(
    store: FalkorDBStore, alone: dict[str, dict[str, Any]], order: tuple[int, ...]
) -> None:
    stored: list[ExtractionRecord] = []
    for i in order:
        assert write_document(store, record_to_graph(RECORDS[i])) == "added"
        stored.append(RECORDS[i])
        for record in stored:
            assert _answers(store, record) == alone[record.document.id], (
                f"after adding {RECORDS[i].document.id}, {record.document.id} answers differently"
            )
    for i in order:  # remove in the same order (the reversed order is another permutation)
        assert delete_document(store, RECORDS[i].document.id)
        stored.remove(RECORDS[i])
        for record in stored:
            assert _answers(store, record) == alone[record.document.id], (
                f"after removing {RECORDS[i].document.id}, {record.document.id} answers differently"
            )
    assert store.read("MATCH (n) WHERE n:Department OR n:Program OR n:Reference OR n:Indicator "
                      "RETURN count(n)").rows[0][0] == 0  # fmt: skip


def test_departments_keep_the_order_and_roles_written(store: FalkorDBStore, alone) -> None:
    """Rule 13.4: a statement's departments in the order written (the lead first where the
    document puts it first), each with its role and wording; another document's list for
    the same departments in another order changes nothing."""
    for record in RECORDS:
        write_document(store, record_to_graph(record))
    try:
        for record in RECORDS:
            [row] = run_named(store, "document_measures", document_id=record.document.id)
            written = [(d.name, d.mention, d.role) for d in record.measures[0].departments]
            got = sorted(row["departments"], key=lambda d: d["order"])
            assert [(d["name"], d["mention"], d["role"]) for d in got] == written
            assert [d["order"] for d in got] == list(range(len(written)))
    finally:
        for record in RECORDS:
            delete_document(store, record.document.id)
