"""Departments: vocabulary-driven resolution per province, divisions, running-text subjects."""

from __future__ import annotations

import pytest
from policykg.graph.model import department_id
from policykg.ingest.bodies import find_bodies
from policykg.ingest.canonical_departments import resolve
from policykg.ingest.clause_subjects import subject_mentions
from policykg.ingest.department_registry import register
from policykg.ingest.nlp import parse
from policykg.ingest.pipeline import extract_file
from policykg.ingest.record import Department
from policykg.ingest.responsibility import Mention
from policykg.ingest.vocab import province_by_code

from tests.ingest.seeds import all_records, record

SH, ZJ, CQ, GD, GX = "310000", "330000", "500000", "440000", "450000"
REGULATOR_SH = "上海市药品监督管理局"

# (mention as written, province, canonical name, kind, level, parent)
RESOLVE = [
    ("市药品监管局", SH, REGULATOR_SH, "drug_regulator", "provincial", None),
    # Tianjin's market regulator is a committee; a zone's committee is the zone's
    ("市市场监管委", "120000", "天津市市场监督管理委员会", "market_regulation", "provincial", None),
    ("市市场监管局", "120000", "天津市市场监督管理委员会", "market_regulation", "provincial", None),
    ("天津市市场监督管理委员会", "120000", "天津市市场监督管理委员会", "market_regulation", "provincial", None),
    ("某某经济技术开发区管委会", ZJ, "某某经济技术开发区管理委员会", "development_zone", "district", None),
    # the statutory food-safety committee and its office, by their short forms
    ("省食安委", ZJ, "浙江省食品安全委员会", "safety_committee", "provincial", None),
    ("省食安办", GD, "广东省食品安全委员会办公室", "safety_committee", "provincial", None),
    ("市食药安办", CQ, "重庆市食品药品安全委员会办公室", "safety_committee", "provincial", None),
    ("上海市药品监督管理局", SH, REGULATOR_SH, "drug_regulator", "provincial", None),
    ("市药监局", CQ, "重庆市药品监督管理局", "drug_regulator", "provincial", None),
    ("省药监局", ZJ, "浙江省药品监督管理局", "drug_regulator", "provincial", None),
    ("浙江省药监局", ZJ, "浙江省药品监督管理局", "drug_regulator", "provincial", None),
    ("省市场监管局", GD, "广东省市场监督管理局", "market_regulation", "provincial", None),
    ("自治区药监局", GX, "广西壮族自治区药品监督管理局", "drug_regulator", "provincial", None),
    ("市卫生健康委", SH, "上海市卫生健康委员会", "health", "provincial", None),
    ("市经济信息化委", SH, "上海市经济和信息化委员会", "economy_it", "provincial", None),
    ("市人力资源社会保障局", SH, "上海市人力资源和社会保障局", "human_resources", "provincial", None),
    ("器械注册处", SH, "上海市药品监督管理局医疗器械注册管理处", "drug_regulator", "division",
     REGULATOR_SH),
    ("药审中心", SH, "上海市药品审评核查中心", "drug_regulator", "division", REGULATOR_SH),
    ("食药检院", SH, "上海市食品药品检验研究院", "drug_regulator", "division", REGULATOR_SH),
    ("监测中心", SH, "上海市药品和医疗器械不良反应监测中心", "drug_regulator", "division",
     REGULATOR_SH),
    ("省药品化妆品审评中心", ZJ, "浙江省药品化妆品审评中心", "drug_regulator", "division",
     "浙江省药品监督管理局"),
    ("国家药监局", CQ, "国家药品监督管理局", "drug_regulator", "national", None),
    ("各区政府", SH, "上海市各区人民政府", "district_government", "district", None),
    ("区县药品监管机构", CQ, "重庆市各区县（自治县）市场监督管理局", "market_regulation", "district",
     None),
    ("浦东新区政府", SH, "上海市浦东新区人民政府", "district_government", "district", None),
]  # fmt: skip


@pytest.mark.parametrize(
    "mention,code,name,kind,level,parent", RESOLVE, ids=[r[0] for r in RESOLVE]
)
def test_resolve(mention, code, name, kind, level, parent):
    got = resolve(mention, province_by_code(code))
    assert (got.name, got.kind, got.level, got.parent, got.known) == (
        name, kind, level, parent, True
    )  # fmt: skip


def test_same_words_are_different_bodies_in_different_provinces():
    assert resolve("市药监局", province_by_code(SH)).name == REGULATOR_SH
    assert resolve("市药监局", province_by_code(CQ)).name == "重庆市药品监督管理局"
    # in a province, 市… is a city body: not the provincial regulator
    assert resolve("市药监局", province_by_code(ZJ)).name != "浙江省药品监督管理局"


def test_without_a_province_only_national_bodies_resolve():
    assert resolve("国家药监局", None).level == "national"
    assert resolve("国家药监局药审中心", None).parent == "国家药品监督管理局"
    unknown = resolve("市药监局", None)
    assert (unknown.known, unknown.name, unknown.kind) == (False, "市药监局", None)


def test_unknown_mention_is_kept_as_written_and_warned_about():
    registry: dict[str, Department] = {}
    warnings: list[str] = []
    mentions = [Mention("市星际医药办", "responsible", 10, 16), Mention("市药监局", "lead", 17, 21)]
    out = register(registry, mentions, province_by_code(CQ), warnings)
    assert [(d.name, d.role) for d in out] == [
        ("市星际医药办", "responsible"), ("重庆市药品监督管理局", "lead")
    ]  # fmt: skip
    assert registry["市星际医药办"].kind is None
    assert len(warnings) == 1
    assert "市星际医药办" in warnings[0] and "重庆市" in warnings[0]


def test_a_division_brings_its_parent():
    registry: dict[str, Department] = {}
    register(registry, [Mention("器审中心", "support", 0, 4)], province_by_code(SH), [])
    division = registry["上海市医疗器械化妆品审评核查中心"]
    assert (division.level, division.parent) == ("division", REGULATOR_SH)
    assert registry[REGULATOR_SH].level == "provincial"


# Running text: who is the subject of a clause (sentence, province, [(mention, role)]).
SUBJECTS = [
    ("市药监局每2年组织1次应急演练，区县药品监管机构每年组织1次应急演练。", CQ,
     [("市药监局", "responsible"), ("区县药品监管机构", "responsible")]),
    ("市药品监管局会同市卫生健康委推进药物警戒体系建设。", SH,
     [("市药品监管局", "lead"), ("市卫生健康委", "support")]),
    ("由省药监局牵头，建立药品安全协调机制。", ZJ, [("省药监局", "lead")]),
    ("市药监局承担本规划的组织协调工作，市级有关部门按照职责分工积极配合、密切合作。", CQ,
     [("市药监局", "lead"), ("市级有关部门", "support")]),
    ("各市、县（市、区）政府要将药品安全工作纳入重要议事日程。", ZJ,
     [("各市、县（市、区）政府", "responsible")]),
    # named in passing: an object, an attribute, a possessive — not responsible
    ("加强与市卫生健康委的协作，推进数据共享。", SH, []),
    ("配合国家药监局做好申请加入PIC/S相关工作。", SH, []),
    ("探索建立市药监局直属检查局线索核查结果反馈机制。", CQ, []),
    ("依托省药品化妆品审评中心，建设一批服务站。", ZJ, []),
    ("被国家药监局纳入医疗器械唯一标识系统试点范围。", CQ, []),
    ("市药监局的监管力量进一步加强。", CQ, []),
]  # fmt: skip


@pytest.mark.parametrize("text,code,expected", SUBJECTS, ids=[s[0][:16] for s in SUBJECTS])
def test_subjects_of_running_text(text, code, expected):
    doc = parse(text, code)
    mentions = subject_mentions(doc, list(doc.spans["departments"]))
    assert [(m.text, m.role) for m in mentions] == expected
    for m in mentions:
        assert text[m.start : m.end] == m.text


# --------------------------------------------------------------------------- seeds


def test_one_node_per_department_across_scripts_and_spellings():
    """市药品监管局 (001), 市藥品監管局 (002, Traditional) → one 上海市药品监督管理局."""
    for prefix in ("001", "002"):
        depts = {d.name: d for d in record(prefix).departments}
        assert "市药品监管局" in depts[REGULATOR_SH].mentions
        assert not any("藥" in d.name or "監" in d.name for d in depts.values())
    assert department_id(SH, REGULATOR_SH) != department_id(CQ, "重庆市药品监督管理局")
    chongqing = {d.name for d in record("004").departments}
    assert "重庆市药品监督管理局" in chongqing and REGULATOR_SH not in chongqing


def test_every_referenced_department_and_parent_is_in_the_record():
    for rec in all_records():
        names = {d.name for d in rec.departments}
        used = {dm.name for m in rec.measures for dm in m.departments}
        used |= {dm.name for t in rec.targets for dm in t.departments}
        assert used <= names, rec.document.source
        for d in rec.departments:
            assert d.kind and (d.level or d.kind == "generic"), (rec.document.source, d.name)
            if d.level == "division":
                assert d.parent in names, (rec.document.source, d.name)
        assert not [w for w in rec.warnings if "department vocabulary" in w]


def test_task_table_divisions_of_the_shanghai_regulator():
    rec = record("000")
    depts = {d.name: d for d in rec.departments}
    divisions = [d for d in depts.values() if d.level == "division"]
    assert len(divisions) >= 15
    assert all(d.parent == REGULATOR_SH for d in divisions)
    assert depts[REGULATOR_SH].mentions == []  # there for DIVISION_OF: the table names no role
    row = next(m for m in rec.measures if m.text.startswith("加快国家药监局药品、医疗器械"))
    assert [(d.mention, d.role) for d in row.departments] == [
        ("药品注册处", "lead"), ("器械注册处", "lead"), ("药审中心", "support"),
        ("器审中心", "support"), ("人事处", "support"), ("综合处", "support"),
    ]  # fmt: skip


def test_running_text_subjects_in_chongqing():
    rec = record("004")
    drill = next(m for m in rec.measures if "市药监局每2年组织1次应急演练" in m.text)
    assert [(d.name, d.role) for d in drill.departments] == [
        ("重庆市药品监督管理局", "responsible"),
        ("重庆市各区县（自治县）市场监督管理局", "responsible"),
    ]
    closing = next(m for m in rec.measures if m.text.startswith("市药监局承担本规划"))
    assert [(d.mention, d.role) for d in closing.departments] == [
        ("市药监局", "lead"), ("市级有关部门", "support")
    ]  # fmt: skip


def test_no_responsibility_for_a_department_named_in_passing():
    rec = record(
        "002"
    )  # “配合国家药监局做好申请加入PIC/S相关工作” under （责任单位：市药品监管局…）
    pics = next(m for m in rec.measures if "PIC/S" in m.text)
    assert "国家药品监督管理局" not in {d.name for d in pics.departments}
    assert "国家药品监督管理局" not in {d.name for d in rec.departments}  # no role, no node


def test_a_local_documents_own_bodies_named_by_their_level_are_the_places(tmp_path):
    # a city's notice names its bureaus by the level alone (市卫生健康委): they are that
    # city's (the gold README: 县卫生局 in 湘阴县 → 湘阴县卫生局), not one node shared by every
    # city of the province, named in full where the short form abbreviates the kind's full name
    # (市场监管局 → 市场监督管理局); 市场 opens no level, 市县两级 names several levels
    path = tmp_path / "notice.txt"
    path.write_text(
        "营口市人民政府办公室关于印发营口市疫苗管理工作方案的通知\n各县（市）区人民政府：\n"
        "现将方案印发给你们。\n营口市人民政府办公室\n2031年3月1日\n营口市疫苗管理工作方案\n"
        "一、重点任务\n（一）加强疫苗接种单位检查。（市市场监管局牵头，市卫生健康委配合）\n"
        "（二）市县两级政府要加大投入。\n",
        encoding="utf-8",
    )
    found = [(d.mention, d.name) for m in extract_file(path).measures for d in m.departments]
    assert found[:2] == [
        ("市市场监管局", "营口市市场监督管理局"),
        ("市卫生健康委", "营口市卫生健康委员会"),
    ]
    assert found[2][0] == "市县两级政府" and not found[2][1].startswith("营口市")


def test_a_local_task_table_without_an_issuer_takes_its_place_from_the_title(tmp_path):
    path = tmp_path / "tasks.txt"
    path.write_text(
        "营口市2031年药品安全重点工作任务分工\n序号\t工作任务\t牵头单位\t配合单位\t完成时限\n"
        "1\t开展药品零售企业专项检查\t市市场监管局\t市公安局\t2031年6月底前\n",
        encoding="utf-8",
    )
    found = [d.name for m in extract_file(path).measures for d in m.departments]
    assert found == ["营口市市场监督管理局", "营口市公安局"]


# A city's or county's body written after its province (news style): the mention starts at
# the place, whose body it is; a province's own body and a municipality's district keep theirs.
BELOW_PROVINCE = [
    ("日前，山东省济南市市场监管局会同市公安局开展联合检查。", ["济南市市场监管局", "市公安局"]),
    ("云南大理市卫生健康局负责组织实施。", ["大理市卫生健康局"]),
    ("甘肃省市场监管局、省卫生健康委负责。", ["甘肃省市场监管局", "省卫生健康委"]),
    ("天津市西青区市场监管局要加强巡查。", ["天津市西青区市场监管局"]),
    ("宁夏回族自治区药品监督管理局牵头。", ["宁夏回族自治区药品监督管理局"]),
]  # fmt: skip


@pytest.mark.parametrize("text,expected", BELOW_PROVINCE, ids=[s[0][:12] for s in BELOW_PROVINCE])
def test_a_place_below_its_province_names_the_body(text, expected):
    bodies = find_bodies(text)
    assert [b.text for b in bodies] == expected
    for b in bodies:
        assert text[b.start : b.end] == b.text


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        # a city's body written short, after its place
        ("邯郸市市场监管局", "邯郸市市场监督管理局"),
        ("大理市食药局", "大理市食品药品监督管理局"),
        ("有关部门", "有关部门"),  # generic: as written
    ],
)
def test_a_citys_body_written_short_is_named_in_full(mention: str, name: str) -> None:
    from policykg.ingest.canonical_departments import resolve
    from policykg.ingest.vocab import provinces

    province = next(p for p in provinces() if p.code == "130000")
    assert resolve(mention, province).name == name
