"""Golden tables: responsibility statements → (mention, role)."""

from __future__ import annotations

import pytest
from policykg.ingest.pipeline import extract_file
from policykg.ingest.responsibility import find_statements, parse_body

from tests.conftest import seed

BODIES = [
    ("器械注册处会器审中心", [("器械注册处", "lead"), ("器审中心", "support")]),
    ("药品注册处、器械注册处会药审中心、器审中心",
     [("药品注册处", "lead"), ("器械注册处", "lead"), ("药审中心", "support"), ("器审中心", "support")]),
    ("业务监督处会各业务处", [("业务监督处", "lead"), ("各业务处", "support")]),
    ("市药品监管局、市卫生健康委", [("市药品监管局", "responsible"), ("市卫生健康委", "responsible")]),
    ("牵头单位：省市场监管局；配合单位：省公安厅、省农业农村厅",
     [("省市场监管局", "lead"), ("省公安厅", "support"), ("省农业农村厅", "support")]),
    ("市药品监管局牵头，市卫生健康委等配合", [("市药品监管局", "lead"), ("市卫生健康委", "support")]),
    ("自治区卫生健康委员会、自治区药监局等",
     [("自治区卫生健康委员会", "responsible"), ("自治区药监局", "responsible")]),
    # a bare generic body is a generic mention, never dropped (A负责，相关部门配合)
    ("各区政府、有关部门", [("各区政府", "responsible"), ("有关部门", "responsible")]),
    ("各区人民政府负责，相关部门配合", [("各区人民政府", "responsible"), ("相关部门", "support")]),
    # 按职责落实 after a lead shares the work like 按职责分工负责
    ("区市场监管局牵头，相关成员单位按职责落实", [("区市场监管局", "lead"), ("相关成员单位", "responsible")]),
    # a supply-and-marketing cooperative's federation (供销合作社, 供销总社) is a body
    ("县农业农村局牵头，县供销社按职责分工负责", [("县农业农村局", "lead"), ("县供销社", "responsible")]),
    ("省科技厅和省经信厅", [("省科技厅", "responsible"), ("省经信厅", "responsible")]),
    ("省医保局会同省财政厅", [("省医保局", "lead"), ("省财政厅", "support")]),
    # 会 inside a name is not "A会B"
    ("市人力资源社会保障局、临港新片区管委会",
     [("市人力资源社会保障局", "responsible"), ("临港新片区管委会", "responsible")]),
    ("省中医药管理局、省科学技术协会", [("省中医药管理局", "responsible"), ("省科学技术协会", "responsible")]),
    # a support list broken by a comma runs on to its closing 配合
    ("市商务局牵头，市工信局、市农业局，市海关配合",
     [("市商务局", "lead"), ("市工信局", "support"), ("市农业局", "support"), ("市海关", "support")]),
    # labels after a space instead of a semicolon
    ("牵头单位：市商务局 配合单位：市工信局、市农业局",
     [("市商务局", "lead"), ("市工信局", "support"), ("市农业局", "support")]),
    # another field of the statement is no body
    ("责任单位：市商务局，各区人民政府；完成时限：2025年底前",
     [("市商务局", "responsible"), ("各区人民政府", "responsible")]),
    # a body's own role in brackets after it
    ("市商务局（牵头）、市工信局、市农业局",
     [("市商务局", "lead"), ("市工信局", "responsible"), ("市农业局", "responsible")]),
    # …but an unmarked piece before 负责 stays responsible
    ("市商务局牵头，市工信局，市农业局负责",
     [("市商务局", "lead"), ("市工信局", "responsible"), ("市农业局", "responsible")]),
]  # fmt: skip


@pytest.mark.parametrize("body,expected", BODIES, ids=[b for b, _ in BODIES])
def test_parse_body(body, expected):
    mentions = parse_body(body)
    assert [(m.text, m.role) for m in mentions] == expected
    for m in mentions:  # spans point at the mention as written
        assert body[m.start : m.end] == m.text


STATEMENTS = [
    ("加快建设。（责任单位：市药品监管局、市卫生健康委）", ["市药品监管局", "市卫生健康委"]),
    ("修订规章。（责任部门：省司法厅、省医保局）", ["省司法厅", "省医保局"]),
    ("推进试点。（牵头单位：市药监局；配合单位：市商务委）", ["市药监局", "市商务委"]),
    ("（2021—2025年）与（含医疗器械、化妆品）不是责任表述", []),
    # the document's rule for its lists written after the first bracket's bodies (…负责。排在首位的
    # 为牵头单位，其余单位按照职责分工配合落实，下同): the bodies, not the rule's phrase
    (
        "推进网络建设。（国家药监局、国家卫生健康委、财政部负责。排在首位的为牵头单位，"
        "其余单位按照职责分工配合落实，下同）",
        ["国家药监局", "国家卫生健康委", "财政部"],
    ),
    (
        "覆盖全部乡镇。（县卫生健康局、县医保局、县财政局按职责分工负责）",
        ["县卫生健康局", "县医保局", "县财政局"],
    ),
    (
        "建设示范区。（区市场监管局牵头，区商务局、区农业农村局配合）",
        ["区市场监管局", "区商务局", "区农业农村局"],
    ),
    ("开展抽检。（市市场监管局负责）", ["市市场监管局"]),
    ("（各地级以上市人民政府负责）", ["各地级以上市人民政府"]),
    ("建立名录。责任单位：州药监局、州科技局", ["州药监局", "州科技局"]),
    # a generic body in the bracket (有关部门, 有关单位) is kept, and keeps the bracket
    ("开展专项检查。（市药监局牵头，市政府有关部门配合）", ["市药监局", "市政府有关部门"]),
    # a body marked lead in its own bracket inside an unlabelled statement
    ("加强抽检。（市药监局（牵头）、市公安局、市卫健委）", ["市药监局", "市公安局", "市卫健委"]),
    ("（企业负责）与（由企业自行负责）不是部门", []),
    # a bracket of bodies alone closing an item's sentence: the item's responsible bodies
    ("加强疫苗储运监管。（市药监局、市卫生健康委）", ["市药监局", "市卫生健康委"]),
    ("完善追溯体系。（县市场监管局）\n（二）强化抽检", ["县市场监管局"]),
    # …but not a definition or a scope in brackets
    ("加强监管。（以下简称市药监局）", []),
    ("落实责任。（含医疗器械、化妆品）", []),
    # a bracket the excerpt cut inside its role phrase, at the end of the text
    ("加强疫苗储运监管。（市药监局、市卫生健康委按职责分", ["市药监局", "市卫生健康委"]),
    # …or after its lead and a comma: the lead is kept, the cut rest is not read
    ("加强疫苗储运监管。（市药监局牵头，市卫", ["市药监局"]),
]

ROLES = [
    ("（市卫生健康委、市中医药局按职责分工负责）", [("市卫生健康委", "responsible"), ("市中医药局", "responsible")]),
    ("（盟市场监管局牵头，盟公安局、盟农牧局配合）",
     [("盟市场监管局", "lead"), ("盟公安局", "support"), ("盟农牧局", "support")]),
    # 按职责分工负责 after a lead: each listed body is responsible for its part (rule book)
    ("（省医保局牵头，省税务局等按职责分工负责）", [("省医保局", "lead"), ("省税务局", "responsible")]),
    # a short name defined inside the body's name separates nothing
    ("（市商务局负责，各区〔县、市，以下简称区县〕政府配合）",
     [("市商务局", "responsible"), ("各区〔县、市，以下简称区县〕政府", "support")]),
    # labels separated by a comma, not a semicolon
    ("（牵头单位：县市场监管局，责任单位：县公安局、各镇（街道））",
     [("县市场监管局", "lead"), ("县公安局", "responsible"), ("各镇（街道）", "responsible")]),
    ("责任单位：市药监局、高新区管委会", [("市药监局", "responsible"), ("高新区管委会", "responsible")]),
    # the document's rule for its lists inside the bracket is no body (the rule is applied
    # document-wide by ingest/assignments.py)
    ("（责任单位：县农业农村局、县商务局，排名第一位的为牵头单位，下同）",
     [("县农业农村局", "responsible"), ("县商务局", "responsible")]),
    ("（责任单位：州教育局、州民政局；列首位的为牵头单位，其他为配合单位）",
     [("州教育局", "responsible"), ("州民政局", "responsible")]),
    # an unlabelled bracket whose generic body ends in its own bracket, not in a suffix
    ("（县市场监管局、各乡镇（街道）按职责分工负责）",
     [("县市场监管局", "responsible"), ("各乡镇（街道）", "responsible")]),
    # a share of the support (按职责分工配合) is support
    ("（县卫生健康局牵头，县农业农村局、县粮食和储备局按职责分工配合）",
     [("县卫生健康局", "lead"), ("县农业农村局", "support"), ("县粮食和储备局", "support")]),
    ("（县农业农村局牵头，县供销社、县商务局按职责分工负责）",
     [("县农业农村局", "lead"), ("县供销社", "responsible"), ("县商务局", "responsible")]),
    ("（各镇人民政府负责，有关部门配合）", [("各镇人民政府", "responsible"), ("有关部门", "support")]),
    # a list of levels before 两级 is one body, its 、 no separator
    ("（市、县两级食品安全委员会办公室负责）", [("市、县两级食品安全委员会办公室", "responsible")]),
    # bare role words as labels; square brackets; a person's field before the bodies' label
    ("（牵头：市药监局；配合：市公安局、市农业农村局）",
     [("市药监局", "lead"), ("市公安局", "support"), ("市农业农村局", "support")]),
    ("【责任单位：县市场监管局、县公安局】", [("县市场监管局", "responsible"), ("县公安局", "responsible")]),
    ("[牵头单位：区卫健委]", [("区卫健委", "lead")]),
    ("（责任领导：某某某；责任单位：县药监局、县卫健局）",
     [("县药监局", "responsible"), ("县卫健局", "responsible")]),
    # an unlabelled bracket that closes with the task's deadline
    ("（市市场监管局牵头，市公安局、市教育局配合，2025年6月底前完成）",
     [("市市场监管局", "lead"), ("市公安局", "support"), ("市教育局", "support")]),
    ("（县药监局、县卫健局负责，持续推进）", [("县药监局", "responsible"), ("县卫健局", "responsible")]),
    # 按照职责分工负责 as 按职责分工负责; the governments of two levels, each with its bracket or
    # its kinds listed, share one suffix: one generic body
    ("（市药监局、市卫健委按照职责分工负责）", [("市药监局", "responsible"), ("市卫健委", "responsible")]),
    ("（各州（市）、县（市、区）人民政府负责）", [("各州（市）、县（市、区）人民政府", "responsible")]),
    ("（州市、县市区人民政府负责）", [("州市、县市区人民政府", "responsible")]),
    # a level's party committee and its government named together: one generic body
    ("（县卫健局，各乡镇党委、政府负责）", [("县卫健局", "responsible"), ("各乡镇党委、政府", "responsible")]),
    # one member list broken by a comma before its 配合
    ("（县公安局、县教育局，县卫健局配合）",
     [("县公安局", "support"), ("县教育局", "support"), ("县卫健局", "support")]),
    # two generic bodies joined by 及 after 部门: two, not one name (but 有关单位及其人员 stays)
    ("（市商务局牵头，市级各有关部门及各县区政府按职责分工负责）",
     [("市商务局", "lead"), ("市级各有关部门", "responsible"), ("各县区政府", "responsible")]),
]  # fmt: skip


@pytest.mark.parametrize("text,expected", ROLES, ids=[t for t, _ in ROLES])
def test_statement_roles(text, expected):
    assert [(m.text, m.role) for s in find_statements(text) for m in s.mentions] == expected


@pytest.mark.parametrize("text,expected", STATEMENTS, ids=[t for t, _ in STATEMENTS])
def test_find_statements(text, expected):
    found = [m.text for s in find_statements(text, 100) for m in s.mentions]
    assert found == expected
    for s in find_statements(text, 100):
        for m in s.mentions:
            assert text[m.start - 100 : m.end - 100] == m.text


def _measure(record, fragment):
    return next(m for m in record.measures if fragment in m.text)


def test_seed_001_responsibility():
    record = extract_file(seed("001"))
    with_depts = [m for m in record.measures if m.departments]
    assert len(with_depts) == 27  # every 责任部门 statement of the opinion
    m = _measure(record, "加快法规制度建设")
    assert [(d.mention, d.role) for d in m.departments] == [
        ("市药品监管局", "responsible"),
        ("市司法局", "responsible"),
    ]
    assert m.section and "加强法规标准能力建设" in m.section
    text = extract_file(seed("001")).model_dump()
    assert text["document"]["province"] == "上海市"


def test_seed_002_traditional_responsibility():
    record = extract_file(seed("002"))
    m = _measure(record, "打造协同创新生态")
    assert [d.mention for d in m.departments] == [
        "市药品监管局",
        "市卫生健康委",
        "市科委",
        "市经济信息化委",
        "市医保局",
    ]
    assert all(d.role == "responsible" for d in m.departments)
    assert sum(1 for m in record.measures if m.departments) >= 20


def test_seed_000_task_division_roles():
    record = extract_file(seed("000"))
    m = _measure(record, "医疗器械审评审批提质增效扩能工程")
    assert [(d.mention, d.role) for d in m.departments] == [
        ("器械注册处", "lead"),
        ("器审中心", "support"),
    ]
    m = _measure(record, "加强应急队伍及专家库建设")
    assert [d.mention for d in m.departments] == ["业务监督处", "综合处", "人事处"]
    rows = [m for m in record.measures if m.departments]
    assert len(rows) == len(record.measures) == 57  # 43 task, 4 safeguard and 10 major-project rows


def test_same_department_is_one_node_across_scripts():
    """市药品监管局 (001) and 市藥品監管局 (002) resolve to the same canonical name."""
    a = {d.name for d in extract_file(seed("001")).departments}
    b = {d.name for d in extract_file(seed("002")).departments}
    regulator = {n for n in a if "药品监" in n and n.startswith("上海市")}
    assert regulator and regulator <= b


def test_a_label_line_with_a_bodys_own_role_in_brackets(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(
        "某某市药品安全工作方案\n一、重点任务\n1.加强药品抽检。责任单位：市市场监管局（牵头）、市公安局、市卫健委\n",
        encoding="utf-8",
    )
    found = [(d.mention, d.role) for m in extract_file(path).measures for d in m.departments]
    assert found == [
        ("市市场监管局", "lead"),
        ("市公安局", "responsible"),
        ("市卫健委", "responsible"),
    ]


def test_a_label_line_naming_governments_of_two_levels_by_one_suffix(tmp_path):
    # 各市、县（市、区）政府: the two levels share 政府 (one generic mention); the short bracket
    # inside the name does not end the label line
    path = tmp_path / "opinions.txt"
    path.write_text(
        "某某省人民政府关于加强药品安全工作的意见\n"
        "（三）健全应急体系。完善药品安全事件应急预案，定期开展演练。\n"
        "责任单位：各市、县（市、区）政府，省药监局、省卫生健康委。\n",
        encoding="utf-8",
    )
    found = [d.mention for m in extract_file(path).measures for d in m.departments]
    assert found == ["各市、县（市、区）政府", "省药监局", "省卫生健康委"]


def test_a_bracket_naming_governments_of_two_levels_in_any_bracket_style(tmp_path):
    # 各市、县〔区〕人民政府 inside an item's closing bracket: one generic mention; the task
    # after the bracket opens at its own first word
    path = tmp_path / "plan.txt"
    path.write_text(
        "某某省人民政府办公厅关于印发药品安全重点工作安排的通知\n"
        "一、落实监管责任\n"
        "（一）完善县级监管机构(省药监局,各市、县〔区〕人民政府按职责分工负责)。"
        "健全不良反应监测网络(省药监局负责)。\n",
        encoding="utf-8",
    )
    measures = extract_file(path).measures
    assert [[d.mention for d in m.departments] for m in measures] == [
        ["省药监局", "各市、县〔区〕人民政府"],
        ["省药监局"],
    ]
    assert measures[1].text.startswith("健全")


def test_a_label_line_opening_an_excerpt_names_bodies_for_no_item(tmp_path):
    # a page that begins with the 责任单位 line of an item before it: no measure to carry it
    path = tmp_path / "page.txt"
    path.write_text(
        "责任单位：省农业农村厅、省商务厅。\n"
        "（九）加强宣传教育。开展药品安全宣传周活动。\n"
        "责任单位：省药监局、省教育厅。\n",
        encoding="utf-8",
    )
    found = [(m.text[:8], d.mention) for m in extract_file(path).measures for d in m.departments]
    assert found == [("加强宣传教育。开", "省药监局"), ("加强宣传教育。开", "省教育厅")]


def test_names_written_without_the_lists_level_prefix_resolve_at_that_level(tmp_path):
    # 省农业厅、商务厅、卫生厅: the bodies after the first share its 省; old names (卫生厅,
    # 工商局) resolve to their own canonical names, linked to their successors
    path = tmp_path / "opinions.txt"
    path.write_text(
        "河南省人民政府关于加强食品安全工作的意见\n"
        "（五）健全检验检测体系。整合检验检测资源。\n"
        "责任单位：省农业厅、商务厅、卫生厅、工商局。\n",
        encoding="utf-8",
    )
    found = [(d.mention, d.name) for m in extract_file(path).measures for d in m.departments]
    assert found == [
        ("省农业厅", "河南省农业厅"),
        ("商务厅", "河南省商务厅"),
        ("卫生厅", "河南省卫生厅"),
        ("工商局", "河南省工商行政管理局"),
    ]


def test_a_bodys_institutions_as_subject_give_the_body_no_task(tmp_path):
    # 县级政府机构改革工作要…: the reform is the subject (read by the parse too)
    path = tmp_path / "report.txt"
    path.write_text(
        "某某省部署机构改革\n文件要求，市级政府机构改革工作要在2027年9月底前基本完成，"
        "县级政府机构改革工作要在2027年年内结束。\n",
        encoding="utf-8",
    )
    assert [d.mention for m in extract_file(path).measures for d in m.departments] == []
