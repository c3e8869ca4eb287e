"""One program, one name (issue 13.7): golden tables of names and sentences written for the
test (not taken from the seeds or the held-out documents).

Rules (data/patterns/programs.yaml, ingest/program_names.py):
* variants of one base are one program: regulators' names in one form, the issuing
  province's own name or level and a leading verb dropped from the front; in a document a
  name ending exactly one longer name is that program unless the longer adds a level;
* a discipline (…工程等相关专业), something the province connects with (对接…平台, 与…对接)
  and a bare place with a kind word (在江苏试点) are no programs;
* the graph keys Program nodes by the base, so two documents writing two variants of one
  base reach one node.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from policykg.graph.store import GraphStore
from policykg.ingest import vocab
from policykg.ingest.pipeline import extract_file
from policykg.ingest.program_names import canonical, merge_variants, no_program_because

from policykg.ingestion import ingest_paths

# (name as written, province code, base)
CANONICAL = [
    ("国家药监局监管科学研究基地", "320000", "国家药品监管科学研究基地"),
    ("国家药品监督管理局监管科学研究基地", "320000", "国家药品监管科学研究基地"),
    ("国家药品监管科学研究基地", "320000", "国家药品监管科学研究基地"),
    ("“国家药品监管科学研究基地”", None, "国家药品监管科学研究基地"),
    ("江苏省药品监管重点实验室", "320000", "药品监管重点实验室"),  # the province's own
    ("江苏药品监管重点实验室", "320000", "药品监管重点实验室"),
    ("省级药品监管重点实验室", "320000", "药品监管重点实验室"),
    ("本省药品监管重点实验室", "320000", "药品监管重点实验室"),
    ("江苏省药品监管重点实验室", "330000", "江苏省药品监管重点实验室"),  # another province's
    ("国家药品监管重点实验室", "320000", "国家药品监管重点实验室"),  # a level: kept
    ("市级药品审评服务工作站", "310000", "药品审评服务工作站"),  # 市级 of a 直辖市
    ("推动药品“集中带量”配送改革", "320000", "药品集中带量配送改革"),  # a table cell's verb
    ("深化审评服务改革，构建协同机制", "320000", "审评服务改革"),  # the cell runs on
    ("江苏试点", "320000", "江苏试点"),  # never stripped below two characters + kind word
    ("药监云学堂", "320000", "药品监管云学堂"),
]


@pytest.mark.parametrize(("written", "code", "base"), CANONICAL)
def test_the_base_a_name_denotes(written: str, code: str | None, base: str) -> None:
    assert canonical(written, code) == base


MERGES = [
    # bases of one document → what each stands for
    (["稽查能力蓝盾工程", "药品稽查能力蓝盾工程"],
     {"稽查能力蓝盾工程": "药品稽查能力蓝盾工程"}),
    (["体外诊断试剂试点", "医疗机构自行研制体外诊断试剂试点"],
     {"体外诊断试剂试点": "医疗机构自行研制体外诊断试剂试点"}),
    (["药品监管重点实验室", "国家药品监管重点实验室"], {}),  # a level apart: two things
    (["原料药评价中心", "国家级原料药评价中心"], {}),
    (["研发平台", "药物研发平台", "高端研发平台"], {}),  # ends two names: ambiguous
    (["审评工作站", "器械审评工作站"], {}),  # too short to stand for another
    (["注册服务工作站", "医药注册服务工作站", "生物医药注册服务工作站"],
     {"注册服务工作站": "生物医药注册服务工作站", "医药注册服务工作站": "生物医药注册服务工作站"}),
]  # fmt: skip


@pytest.mark.parametrize(("bases", "merged"), MERGES)
def test_a_short_name_stands_for_the_one_longer_name_it_ends(
    bases: list[str], merged: dict[str, str]
) -> None:
    got = merge_variants(bases)
    assert {b: t for b, t in got.items() if b != t} == merged


# (sentence, the name in it, province code) → why it is no program (None: it is one)
NAMINGS = [
    ("加大药学、生物工程等相关专业人才培养力度。", "生物工程", "320000", "a field of study"),
    ("引进软件工程专业毕业生。", "软件工程", "320000", "a field of study"),
    ("积极对接国家药品追溯协同平台和国家药品监管数据中心。", "国家药品监管数据中心", "320000",
     "connected with, not built"),
    ("对接引入国家药监局网络学院等教学资源。", "国家药监局网络学院", "320000",
     "connected with, not built"),
    ("推动省平台与长三角药品安全信息共享平台对接。", "长三角药品安全信息共享平台", "320000",
     "connected with, not built"),
    ("争取更多改革事项在江苏试点。", "江苏试点", "320000", "only a place"),
    ("支持在浙江试点。", "浙江试点", "320000", "only a place"),
    # programs
    ("建设全省药品智慧监管平台，对接企业需求。", "药品智慧监管平台", "320000", None),
    ("组织实施药品稽查能力“蓝盾”工程。", "药品稽查能力“蓝盾”工程", "320000", None),
    ("开展化妆品备案检查试点，形成经验。", "化妆品备案检查试点", "320000", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "name", "code", "reason"), NAMINGS)
def test_namings_that_are_no_program(text: str, name: str, code: str, reason: str | None):
    start = text.index(name)
    assert no_program_because(text, start, start + len(name), name, code) == reason


# ------------------------------------------------------------------ a document and the graph

PLAN = """江苏省药品监督管理局关于推进药品监管能力建设的实施方案

为提升药品监管能力，制定本方案。

一、重点任务
（一）建设监管科学载体。支持省内高校创建国家药监局监管科学研究基地，推动国家药品监管科学研究基地与医药产业协同发展。建设江苏省药品监管重点实验室，争创国家药品监管重点实验室。
（二）加强稽查队伍建设。组织实施药品稽查能力“蓝盾”工程，每年评估稽查能力“蓝盾”工程成效。加大药学、生物工程等相关专业人才引进力度。
（三）推进监管信息化。积极对接国家药品追溯协同平台和国家药品监管数据中心，建设全省药品智慧监管平台。推动全省药品智慧监管平台与长三角药品安全信息共享平台对接。争取更多改革事项在江苏试点。
"""

NOTICE = """江苏省药品监督管理局关于加强监管科学研究的实施意见

为加强监管科学研究，提出如下意见。

一、重点工作
（一）建设研究基地。支持高校建设国家药品监督管理局监管科学研究基地，每年报送研究进展。
（二）建设重点实验室。推进药品监管重点实验室建设，完善运行管理制度。
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_document_names_each_program_once(tmp_path: Path) -> None:
    record = extract_file(_write(tmp_path, "plan.txt", PLAN), vocab.province_by_code("320000"))
    names = [p.name for p in record.programs]
    bases = [canonical(n, "320000") for n in names]
    assert len(bases) == len(set(bases)), names
    assert "国家药品监管科学研究基地" in bases  # written two ways, one program
    assert {"药品监管重点实验室", "国家药品监管重点实验室"} <= set(bases)  # two levels, two
    assert "药品稽查能力“蓝盾”工程" in names and "稽查能力“蓝盾”工程" not in names
    assert "药品智慧监管平台" in bases
    for not_one in ("生物工程", "国家药品追溯协同平台", "国家药品监管数据中心",
                    "长三角药品安全信息共享平台", "江苏试点"):  # fmt: skip
        assert not_one not in names, names
    # a measure naming the short form is linked to the program it stands for
    [task] = [m for m in record.measures if "每年评估" in m.text]
    assert task.programs == ["药品稽查能力“蓝盾”工程"]


def test_two_documents_writing_two_variants_reach_one_program_node(
    empty_store: GraphStore, tmp_path: Path
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    _write(folder, "plan.txt", PLAN)
    _write(folder, "notice.txt", NOTICE)
    summary = ingest_paths(empty_store, [folder])
    assert not summary.failed, summary.failed
    rows = empty_store.read(
        "MATCH (p:Program) WHERE p.name CONTAINS '监管科学研究基地' "
        "OPTIONAL MATCH (d:Document)-[:ESTABLISHES]->(p) "
        "RETURN p.name AS name, count(DISTINCT d) AS documents"
    ).records()
    assert rows == [{"name": "国家药品监管科学研究基地", "documents": 2}], rows
    labs = empty_store.read(
        "MATCH (p:Program) WHERE p.name ENDS WITH '药品监管重点实验室' RETURN p.name AS name "
        "ORDER BY name"
    ).records()
    assert [r["name"] for r in labs] == ["国家药品监管重点实验室", "药品监管重点实验室"], labs
