"""Programs: named things only, with kind and description, one node per name."""

from __future__ import annotations

import re

import pytest
from policykg.ingest.nlp import parse
from policykg.ingest.program_kinds import PROGRAMS_KEY, key_of, kind_of

from tests.ingest.seeds import all_records, record

# (sentence, province, [(name, kind)]) — running text read by ingest/programs_in_text.py
RUNNING = [
    ("执行国家标准，建设药品（疫苗）追溯平台，开展中药饮片全流程追溯试点。", "310000",
     [("药品（疫苗）追溯平台", "平台"), ("中药饮片全流程追溯试点", "项目")]),
    ("实施药品监管科学行动计划，对标国际先进。", "330000", [("药品监管科学行动计划", "计划")]),
    ("建成省市县一体的“数字药监”综合集成平台，打造精密智控体系。", "330000",
     [("“数字药监”综合集成平台", "平台")]),
    ("组织实施药品稽查执法“雄鹰”工程，加强药品稽查队伍建设。", "330000",
     [("药品稽查执法“雄鹰”工程", "工程")]),
    ("建设“浙药链”，督促企业落实药品编码管理。", "330000", [("浙药链", None)]),
    ("鼓励医疗机构、研发单位和药品企业共同打造中药创新与产业转化平台。", "310000",
     [("中药创新与产业转化平台", "平台")]),
    ("建设具备疫苗研制等技术能力的P3实验室；建设疫苗批签发实验室。", "330000",
     [("P3实验室", "中心"), ("疫苗批签发实验室", "中心")]),
    ("推进重庆医疗器械质量检验中心建设，建成区域性检验检测机构。", "500000",
     [("重庆医疗器械质量检验中心", "中心")]),  # a body, named as what is built
    # not named things: generic kinds, clauses, bodies, unquoted generic reforms
    ("推进信息系统建设，升级完善应用系统功能。", "500000", []),
    ("加强药品批发、零售连锁总部及网络交易第三方平台监管。", "500000", []),
    ("深化审评审批制度改革，推动药品领域改革。", "310000", []),
    ("依托省药品化妆品审评中心，建设一批服务站。", "330000", []),
    ("分级分类推进“减材料”“减时限”，进一步优化审评审批流程。", "310000", []),
    ("鼓励医药流通企业构建供应链数智化协同平台。", "310000", []),
    ("建设“重要窗口”的标志性成果。", "330000", []),
    ("提升万州、涪陵、永川、黔江4个食品药品检验所检验检测能力，巩固“一院四所一中心”。", "500000", []),
]  # fmt: skip


@pytest.mark.parametrize("text,code,expected", RUNNING, ids=[r[0][:14] for r in RUNNING])
def test_running_text(text, code, expected):
    found = parse(text, code).user_data[PROGRAMS_KEY]  # what the pipeline's ruler found
    assert [(p.name, p.kind) for p in found] == expected
    for p in found:
        assert text[p.start : p.end].strip("“”") == p.name.strip("“”")
        assert p.description and p.name.strip("“”") in p.description


def test_kind_and_key():
    assert kind_of("数字稽查“蓝鹰计划”") == "计划"
    assert kind_of("浙药数据库") == "系统"
    assert key_of("药品(疫苗)追溯平台") == key_of("“药品（疫苗）追溯平台”")


def test_major_projects_table_and_boxes():
    """000's 重大工程 table; 003's 附件1 (not its 重大政策 rows); 003's 专栏 titles."""
    works = {p.name: p for p in record("000").programs}
    for name in ("促进研发创新及成果转化工程", "疫苗全链条监管工程", "药品数字监管工程",
                 "监管队伍“双提升”工程", "监管科学研究基地建设工程"):  # fmt: skip
        assert works[name].kind == "工程"
    zj = {p.name: p for p in record("003").programs}
    assert zj["原料药安全与创新协同平台"].description.startswith("以省食品药品检验研究院为主体")
    assert zj["浙江省药品应急演练卓越中心建设工程"].kind == "工程"  # 专栏8
    assert zj["“数字药监”综合集成平台建设工程"].kind == "工程"  # 专栏9
    assert zj["浙苗链"].kind == "系统"  # from the glossary: …追溯监管系统的简称
    assert not any("暂定名" in name for name in zj)  # 重大政策 rows are policies
    assert "生物医学工程" not in zj  # a discipline in the statistical notes, not a program


def test_chongqing_run_on_project_table_and_box():
    cq = {p.name: p for p in record("004").programs}
    assert cq["监管体系建设工程"].kind == "工程"  # 专栏2, title run into its text
    for name in (
        "国家食品药品检测基地项目",
        "重庆医疗器械质量检验中心建设项目",
        "药品智慧监管平台项目",
    ):
        assert cq[name].kind == "项目", name


def test_programs_are_named_things_linked_to_their_measures():
    for rec in all_records():
        names = [p.name for p in rec.programs]
        assert len({key_of(n) for n in names}) == len(names), rec.document.source  # one node
        for p in rec.programs:
            assert 2 <= len(p.name) <= 40 and "\n" not in p.name, p.name
            assert not re.search(r"[。；]", p.name), p.name
            assert p.description, p.name
        linked = {n for m in rec.measures for n in m.programs}
        assert linked <= set(names)
    shanghai = record("001")
    traced = next(m for m in shanghai.measures if "建设药品（疫苗）追溯平台" in m.text)
    assert "药品（疫苗）追溯平台" in traced.programs
    assert "医疗器械技术审评检查长三角分中心" in {p.name for p in shanghai.programs}


def test_no_program_from_responsibility_cells_or_web_chrome():
    names = {p.name for rec in all_records() for p in rec.programs}
    assert not [n for n in names if "处会" in n or "新浪" in n]
