"""Golden table: the genre's committees, joint meetings and instructions (issue 10, stop 22).

Every sentence here was written for the test, in the genre of Chinese official documents
(no held-out or seed text): a joint meeting's members and convenor in sentences, a post
staffed by the members' people, a bureau's own units as agents, and the generic local
bodies a notice instructs.
"""

from __future__ import annotations

import pytest
from policykg.ingest.assignments import find_assignments
from policykg.ingest.pipeline import extract_file
from policykg.ingest.record import ExtractionRecord

COMMITTEES = [
    # members composing a joint meeting, 部门和单位 together
    (
        "联席会议由县药监局、县财政局、县教育局等5个部门和单位组成。",
        [("县药监局", "support"), ("县财政局", "support"), ("县教育局", "support")],
    ),
    # the convenor's post filled by a body's head (由A主要负责同志担任召集人); the other
    # members' people as the group's members
    (
        "联席会议由省卫生健康委主要负责同志担任召集人，其他成员单位分管负责同志为联席会议成员。",
        [("省卫生健康委", "lead"), ("其他成员单位", "support")],
    ),
    ("领导小组由市政府分管副市长担任组长。", [("市政府", "lead")]),
    # a member's own body, unnamed (由所在单位提出)
    ("成员因工作变动需要调整的，由所在单位提出，联席会议确定。", [("所在单位", "responsible")]),
    # a standing deputy (常务副主任委员, 常务副组长) is a deputy post
    ("市卫健委副主任某某任常务副组长。", [("市卫健委", "lead")]),
    ("全国案件查办数量明显提升。", []),  # 查办 is a verb, no office (…办)
    # a liaison post staffed by the members' people: no task, no role
    ("工作组设联络员一名，由各成员单位相关科室负责人担任。", []),
    # a bureau's division of work among its own units (由A处负责…；由B科负责…)
    (
        "由法规处负责文件起草；由稽查科负责案件移送。",
        [("法规处", "responsible"), ("稽查科", "responsible")],
    ),
    (
        "由督查室、执法科和法规科负责对落实情况进行检查。",
        [("督查室", "responsible"), ("执法科", "responsible"), ("法规科", "responsible")],
    ),
    ("由其自行处理。", []),
    # a government's committee's office is one body (two chunks after the prefix)
    (
        "市政府药品安全委员会办公室会同市政府药品安全委员会相关成员单位开展评估。",
        [("市政府药品安全委员会办公室", "lead"), ("市政府药品安全委员会相关成员单位", "support")],
    ),  # 由 + a pronoun is no unit
    # officers listed by body, post and name before the post they fill: each officer's body
    (
        "县政府办公室副主任王某某、县卫健局局长李某和县农业农村局局长赵某某担任副组长。",
        [("县政府办公室", "lead"), ("县卫健局", "lead"), ("县农业农村局", "lead")],
    ),
    # a safety committee's short name (…安委会) is one body, its duties stated
    ("区食安委会主要职责是统筹协调全区食品安全工作。", [("区食安委会", "responsible")]),
]

RULES = [
    # a committee's own rules name its office and members by their short names (食安办, 药安委)
    ("药安办协调药安委成员单位组建专项工作组。", [("药安办", "responsible")]),
    ("药安委各成员单位确定1名处室负责人为联络员。", [("药安委各成员单位", "responsible")]),
    # the office's seat, its short name defined between
    (
        "药品安全委员会办公室（以下简称药安办）设在县市场监管局，承担日常工作。",
        [("县市场监管局", "responsible")],
    ),
]

TOWNSHIP = [
    # a township's own units, unprefixed, in a group composed in one sentence; a unit the
    # forms do not know, listed among them, is a body by its suffix
    (
        "镇政府成立由镇长某某为组长，镇武装部部长王某、派出所所长何某为副组长，党政办、卫生院、"
        "乡村振兴服务办、司法所为成员的药品安全工作领导小组。",
        [
            ("镇武装部", "lead"),
            ("派出所", "lead"),
            ("党政办", "support"),
            ("卫生院", "support"),
            ("乡村振兴服务办", "support"),
            ("司法所", "support"),
        ],
    ),
    ("加强卫生院药房建设。", []),  # an object
    # a body described (A作为…机构) takes no task; A作为牵头单位 leads
    ("县药安委作为县政府药品安全工作的议事协调机构，统筹全县工作。", []),
    ("县市场监管局作为牵头单位，负责统筹协调。", [("县市场监管局", "lead")]),
    ("县药安委领导同意后，县药安办组织实施。", [("县药安办", "responsible")]),
]

OVERALL = [
    # a government bearing overall responsibility, wherever it stands in the sentence
    ("确保政府对药品安全工作负总责。", [("政府", "responsible")]),
    ("健全药品安全地方政府负总责、监管部门各负其责的工作格局。", [("地方政府", "responsible")]),
    ("落实“地方政府负总责”的要求。", []),  # a quoted principle
    ("贯彻国务院关于地方政府对药品安全负总责的要求。", []),  # a cited principle
]

INSTITUTES = [
    # an institute with its other plates between subject and duties (加挂…牌子)
    (
        "市药品检验所，加挂市化妆品检验中心牌子，主要职责任务是承担全市药品检验工作。",
        [("市药品检验所", "responsible")],
    ),
    ("市药品检验所，主要职责是承担全市药品检验工作。", [("市药品检验所", "responsible")]),
]

INSTRUCTED = [
    # an event or a plan that requires (会议要求A…, 检查要求A…)
    ("会议要求各县区市场监管局加强春节期间监管。", [("各县区市场监管局", "responsible")]),
    ("检查要求各辖区药品监管部门采取拉网式排查。", [("各辖区药品监管部门", "responsible")]),
    # the generic local divisions and bureaus a notice addresses (请各市…, 要求各乡镇…)
    ("请各县在春节前完成自查工作。", [("各县", "responsible")]),
    ("请各市局按照本通知组织实施。", [("各市局", "responsible")]),
    ("要求各乡镇成立药品安全工作站。", [("各乡镇", "responsible")]),
    # a government's departments and agencies taken together
    (
        "要求各县区人民政府、市政府各委办局、各直属机构抓好落实。",
        [
            ("各县区人民政府", "responsible"),
            ("市政府各委办局", "responsible"),
            ("各直属机构", "responsible"),
        ],
    ),
    # sectors named bare before their shared 部门 (the 2006–2013 plans' usual form)
    (
        "各级民族宗教、体育、安监等部门依法履行职责。",
        [("民族宗教", "responsible"), ("体育", "responsible"), ("安监", "responsible")],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), COMMITTEES + RULES + TOWNSHIP + OVERALL + INSTITUTES + INSTRUCTED
)
def test_committee_and_instruction_sentences(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.role) for m in find_assignments(text)] == expected


def test_a_reported_committee_keeps_its_office_seat(tmp_path) -> None:
    # a report of a committee just set up: its roster sentence and its office's seat, each a
    # measure with its roles, though only the roster sentence has 由
    record = _extract(
        tmp_path,
        "某某县成立药品安全委员会\n近日，某某县人民政府办公室发文成立县药品安全委员会。"
        "委员会主任由县政府副县长担任，成员由县委宣传部、县公安局等15个部门和单位组成。"
        "县药安委会办公室设在县市场监管局。县药安委会主要职责是统筹协调全县药品安全工作。\n",
    )
    measures = record.measures
    roles = {(d.mention, d.role) for m in measures for d in m.departments}
    assert {("县政府", "lead"), ("县委宣传部", "support"), ("县公安局", "support"),
            ("县市场监管局", "responsible"), ("县药安委会", "responsible")} <= roles  # fmt: skip
    # a reported set-up: the structure exists, its roster and duties are background
    assert {m.statement for m in measures if m.departments} == {"background"}


def test_a_reported_policys_requirements_name_the_instructed_bodies(tmp_path) -> None:
    # a headline reporting the plan is not its title; the report's 《Y》，要求A、B… instructs
    # A and B, a bare year after them opening what they are to do
    record = _extract(
        tmp_path,
        "云南省政府出台2026年度药品安全专项整治实施方案\n"
        "近日，云南省人民政府办公厅下发《云南省2026年度药品安全专项整治实施方案》，要求各州市"
        "人民政府、省政府各委办厅局2026年以农村为重点区域，加大药品安全监管力度。\n",
    )
    assert record.document.title == "云南省2026年度药品安全专项整治实施方案"
    roles = {(d.mention, d.role) for m in record.measures for d in m.departments}
    assert roles == {("各州市人民政府", "responsible"), ("省政府各委办厅局", "responsible")}


def test_each_task_of_an_item_keeps_its_own_bracket(tmp_path) -> None:
    # a 工作安排 item closing each task with its own （…负责）: one measure per task
    record = _extract(
        tmp_path,
        "某某县2026年药品安全重点工作安排\n一、年度重点任务\n"
        "1.实施药品质量提升行动。完善药品追溯管理制度，加强追溯平台建设。（县市场监管局负责）"
        "规范医疗机构药品采购和使用，开展合理用药培训。（县卫生健康委负责）"
        "加强中药材种植基地建设。（县农业农村局、县林业局按职责分工负责）\n"
        "2.加强宣传。各乡镇要广泛开展宣传。\n",
    )
    tasks = [(m.text[:8], [(d.mention, d.role) for d in m.departments])
             for m in record.measures if m.departments]  # fmt: skip
    assert tasks[:3] == [
        ("实施药品质量提升", [("县市场监管局", "responsible")]),
        ("规范医疗机构药品", [("县卫生健康委", "responsible")]),
        ("加强中药材种植基", [("县农业农村局", "responsible"), ("县林业局", "responsible")]),
    ]


def test_fu_zong_ze_in_a_review_gives_its_role(tmp_path) -> None:
    # a plan's review of the last period: 负总责 is a role word in narration (background)
    record = _extract(
        tmp_path,
        "某某省“十五五”药品安全规划\n一、现状与形势\n“十四五”期间，全省理顺了药品监管体制，"
        "地方政府对辖区药品安全负总责的责任得到落实。\n二、主要任务\n（一）加强监管。各市要加强监管。\n",
    )
    found = {(d.mention, d.role, m.statement) for m in record.measures
             for d in m.departments}  # fmt: skip
    assert ("地方政府", "responsible", "background") in found


def test_a_reported_plans_arrangement_gives_its_tasks(tmp_path) -> None:
    # 根据安排，… : the sentences of the paragraph are the plan's tasks, modal word or not
    record = _extract(
        tmp_path,
        "某某市开展药店专项检查\n根据安排，检查分为两个阶段：第一阶段为自查阶段（4月）。"
        "各县区市场监管部门对辖区内零售药店开展监督检查。第二阶段为总结阶段（5月）。\n",
    )
    roles = {(d.mention, d.role) for m in record.measures for d in m.departments}
    assert roles == {("各县区市场监管部门", "responsible")}


def _extract(tmp_path, text: str) -> ExtractionRecord:
    """The record of `text` extracted as a document would be."""
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return extract_file(path)


def test_a_member_list_after_a_posts_colon_is_no_subject_even_when_cut(tmp_path) -> None:
    # the excerpt ends inside the list: the list is still the members', not a task's subject
    path = tmp_path / "rules.txt"
    path.write_text(
        "某市食品药品安全委员会工作规则\n"
        "第三条 市食药安委主任由市长担任，副主任由分管副市长担任，市食药安委委员由市政府秘书长"
        "和以下部门的负责同志担任：市委宣传部、市公安局、市卫生健康委、市教育局、市文\n",
        encoding="utf-8",
    )
    (measure,) = extract_file(path).measures
    assert {(d.mention, d.role) for d in measure.departments} == {
        ("市委宣传部", "support"), ("市公安局", "support"), ("市卫生健康委", "support"),
        ("市教育局", "support"),
    }  # fmt: skip


def test_an_item_titled_by_its_body_gives_the_body_its_duties(tmp_path) -> None:
    # written for this test: a division of work whose items are titled by the body's name,
    # its duties after the full stop (（一）县卫健局。做好…); a generic body the same
    record = _extract(
        tmp_path,
        "某县校园食品安全工作方案\n一、职责分工\n（一）县教育局。负责督促学校落实校长负责制。\n"
        "（二）县卫健局。做好学生食源性疾病监测工作。\n（三）各乡镇人民政府。落实属地管理责任。\n"
        "二、工作背景\n（一）县卫健局。近年来学校食堂条件逐步改善。\n",
    )
    roles = [(d.mention, d.role) for m in record.measures for d in m.departments]
    assert roles == [("县教育局", "responsible"), ("县卫健局", "responsible"),
                     ("各乡镇人民政府", "responsible")]  # fmt: skip
