"""Golden tables: indicator tables a scrape flattened to one cell a line (ingest/line_cells.py).

Every table here was written for the test, in the form such pages take: each cell of a
主要指标 table on its own line, blank lines between, a 属性 column last; a row whose number
the page lost, a missing base value given as a line of spaces, a header cell broken after its
year ("2027" / "目标"), Traditional script.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from policykg.ingest.normalize import normalize
from policykg.ingest.pipeline import extract_file
from policykg.ingest.read import read_source

PLAN = "某某市“十五五”药品安全规划\n\n专栏1 主要指标\n\n{table}\n\n二、主要任务\n\n（一）加强药品抽检。\n"


def _cells(*rows: list[str]) -> str:
    return "\n\n".join("\n\n".join(row) for row in rows)


HEADER = ["序号", "指标名称", "2022年", "2027年", "指标属性"]

TABLES = [
    # plain: number, name with its unit, base and target year, 属性
    (
        _cells(HEADER, ["1", "疫苗抽检合格率（%）", "98", "99", "约束性"],
               ["2", "药品不良反应县级报告覆盖率（%）", "90", "100", "预期性"]),
        {("疫苗抽检合格率（%）", "99", 2027, "binding"),
         ("药品不良反应县级报告覆盖率（%）", "100", 2027, "expected")},
    ),
    # a row whose number the page lost keeps its cells; a grade as the value
    (
        _cells(HEADER, ["1", "执业药师配备率（%）", "70", "85", "预期性"],
               ["检验机构能力等级", "C", "B", "预期性"],
               ["3", "网上办理事项比例（%）", "60", "95", "预期性"]),
        {("执业药师配备率（%）", "85", 2027, "expected"), ("检验机构能力等级", "B", 2027, "expected"),
         ("网上办理事项比例（%）", "95", 2027, "expected")},
    ),
    # a base value given as a line of spaces; the target year's header broken after the year
    (
        _cells(["序号", "指标名称", "2022年", "2027", "目标", "属性"],
               ["1", "智慧监管平台覆盖率（%）", " ", "100", "预期性"]),
        {("智慧监管平台覆盖率（%）", "100", 2027, "expected")},
    ),
    # Traditional script
    (
        _cells(["序號", "指標名稱", "2022年", "2027年", "指標屬性"],
               ["1", "化妝品抽檢合格率（%）", "95", "97", "預期性"]),
        {("化妆品抽检合格率（%）", "97", 2027, "expected")},
    ),
]  # fmt: skip


@pytest.mark.parametrize(("table", "expected"), TABLES)
def test_a_table_of_one_cell_a_line_gives_its_targets(tmp_path: Path, table, expected):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN.format(table=table), encoding="utf-8")
    found = {(t.indicator, t.value_text, t.year, t.binding) for t in extract_file(path).targets}
    assert found == expected


def test_the_cells_keep_their_place_in_the_source(tmp_path: Path):
    text = PLAN.format(table=_cells(HEADER, ["1", "疫苗抽检合格率（%）", "98", "99", "约束性"]))
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    (target,) = extract_file(path).targets
    normalized = normalize(read_source(path))
    assert normalized.text[target.start : target.end] == "99"
    assert text[target.source_start : target.source_end] == "99"
    assert "\t疫苗抽检合格率（%）\n\t98\n\t99\n\t约束性" in normalized.text


def test_a_numbered_table_without_a_nature_column_is_cut_at_its_numbers(tmp_path: Path):
    table = _cells(
        ["序号", "指标名称", "单位", "2022年", "2027年"],
        ["1", "疫苗抽检合格率", "%", "98", "99"],
        ["2", "执业药师配备率", "%", " ", "90"],  # a base value given as a line of spaces
    )
    path = tmp_path / "plan.txt"
    path.write_text(PLAN.format(table=table), encoding="utf-8")
    found = {(t.indicator, t.value_text, t.year) for t in extract_file(path).targets}
    assert found == {("疫苗抽检合格率", "99", 2027), ("执业药师配备率", "90", 2027)}


@pytest.mark.parametrize(
    "table",
    [
        # a row with more cells than the header: not placed, the lines stay text
        _cells(HEADER, ["1", "疫苗抽检合格率（%）", "96", "98", "99", "约束性"]),
        # neither a 属性 column nor row numbers: rows cannot be cut, nothing is rewritten
        _cells(["指标名称", "单位", "2022年", "2027年"], ["疫苗抽检合格率", "%", "98", "99"]),
    ],
)
def test_a_run_that_is_not_such_a_table_stays_text(tmp_path: Path, table: str):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN.format(table=table), encoding="utf-8")
    assert "\t" not in normalize(read_source(path)).text
    assert not {t.value_text for t in extract_file(path).targets} & {"98", "99"}


def _task_table(*rows: list[str]) -> str:
    head = ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]
    return "某县药品安全专项整治任务分工\n\n" + _cells(head, *rows) + "\n"


def test_a_task_table_of_one_cell_a_line_gives_each_row_its_bodies(tmp_path: Path):
    path = tmp_path / "tasks.txt"
    path.write_text(
        _task_table(
            ["1", "开展零售药店专项检查", "县市场监管局", "县卫健局、县公安局", "2027年6月底前"],
            # a row without its support cell: the deadline stays in its column
            ["2", "建立药品安全信用档案", "县市场监管局", "2027年12月底前"],
            ["3", "加强医疗机构药品使用监管", "县卫健局", "县医保局", "长期坚持"],
        ),
        encoding="utf-8",
    )
    found = [
        (m.text, [(d.mention, d.role) for d in m.departments]) for m in extract_file(path).measures
    ]
    assert found == [
        ("开展零售药店专项检查", [("县市场监管局", "lead"), ("县卫健局", "support"),
                             ("县公安局", "support")]),
        ("建立药品安全信用档案", [("县市场监管局", "lead")]),
        ("加强医疗机构药品使用监管", [("县卫健局", "lead"), ("县医保局", "support")]),
    ]  # fmt: skip


def test_a_task_row_that_cannot_be_placed_ends_the_table(tmp_path: Path):
    path = tmp_path / "tasks.txt"
    # the second row has two cells too few: it and what follows stay text
    path.write_text(
        _task_table(
            ["1", "开展零售药店专项检查", "县市场监管局", "县卫健局", "2027年6月底前"],
            ["2", "建立药品安全信用档案", "县市场监管局"],
        ),
        encoding="utf-8",
    )
    text = normalize(read_source(path)).text
    assert "\t开展零售药店专项检查" in text and "\t建立药品安全信用档案" not in text


def test_a_task_table_with_a_responsible_column_and_its_implementation_time(tmp_path: Path):
    # 序号 / 工作任务 / 责任部门 / 实施时间, one cell a line: each row its task, its bodies
    # (responsible) and its dated deadline as a target ("全年" is no date)
    lines = ["某某县食品安全工作任务分解表", "序号", "工作任务", "责任部门", "实施时间"]
    lines += ["1", "开展校园周边食品专项检查", "县市场监管局", "2027年9月底前"]
    lines += ["2", "加强农村集体聚餐指导", "县卫健局、各乡镇人民政府", "全年"]
    path = tmp_path / "tasks.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    record = extract_file(path)
    found = [(m.text, [(d.mention, d.role) for d in m.departments]) for m in record.measures]
    assert found == [
        ("开展校园周边食品专项检查", [("县市场监管局", "responsible")]),
        ("加强农村集体聚餐指导", [("县卫健局", "responsible"), ("各乡镇人民政府", "responsible")]),
    ]
    assert [(t.indicator, t.value_text, t.year) for t in record.targets] == [
        ("开展校园周边食品专项检查", "2027年9月底前", 2027)
    ]


def test_a_task_table_whose_cells_run_over_several_lines(tmp_path: Path):
    # padded headers (项 目 / 内 容); a row's points and its bodies over several lines; a
    # day's deadline (前) and an activity's window are targets, an event's hour is none
    lines = ["某某市药品安全宣传月活动安排", "序号", "项 目", "内 容", "责任部门", "实施时间"]
    lines += ["1", "印发宣传月活动方案", "明确宣传重点和分工", "市局药品安全监管科", "8月20日前"]
    lines += [
        "2",
        "举办宣传月启动仪式",
        "1、 组织启动仪式",
        "2、 发放宣传资料",
        "市局药品安全监管科、市药品检验所",
        "各县市场监管局",
        "9月1日9时",
    ]
    lines += ["3", "开展药品安全进社区活动", "组织执法人员和志愿者进社区宣传",
              "各县市场监管局", "9月1日~30日"]  # fmt: skip
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    record = extract_file(path)
    found = [(m.title, [d.mention for d in m.departments]) for m in record.measures]
    assert found == [
        ("印发宣传月活动方案", ["市局药品安全监管科"]),
        ("举办宣传月启动仪式", ["市局药品安全监管科", "市药品检验所", "各县市场监管局"]),
        ("开展药品安全进社区活动", ["各县市场监管局"]),
    ]
    assert [(t.indicator, t.value_text, t.comparator) for t in record.targets] == [
        ("印发宣传月活动方案：明确宣传重点和分工", "8月20日前", "<="),
        ("开展药品安全进社区活动：组织执法人员和志愿者进社区宣传", "9月1日~30日", None),
    ]


def test_an_items_own_deadline_line_is_its_deadline_target(tmp_path: Path):
    # the list form of a task table: 责任单位：… and 完成时限：… lines under the item
    path = tmp_path / "plan.txt"
    path.write_text(
        "某某省药品安全工作实施意见\n一、重点任务\n（一）推进智慧监管。建设全省化妆品智慧监管平台。\n"
        "责任单位：省药监局\n完成时限：2031年12月底前\n（二）加强宣传。开展科普宣传。\n"
        "责任单位：省药监局\n完成时限：持续推进\n",
        encoding="utf-8",
    )
    targets = extract_file(path).targets
    assert [(t.value_text, t.year, t.comparator) for t in targets] == [
        ("2031年12月底前", 2031, "<=")
    ]
    assert targets[0].indicator.startswith("推进智慧监管")


def test_an_inspection_plans_table_gives_each_items_window_share_and_count(tmp_path: Path):
    """A yearly inspection plan (检查事项 / 检查时间 / 抽查比例 / 抽查频次 …) one cell a line, its
    empty cells left out: each cell goes to its column by what it holds, and the item's window,
    share and count are its targets; 根据…确定 is none."""
    head = ["序号", "检查事项", "检查时间", "抽查比例", "抽查频次", "是否联合检查", "备注"]
    table = _cells(
        head,
        ["1", "药品零售企业监督检查", "4月-10月", "不低于10%", "至少1次", "否"],
        ["2", "医疗器械使用单位检查", "根据工作需要确定", "至少2次"],
        ["3", "化妆品经营者抽查", "9月-次年2月", "5%", "是"],
    )
    path = tmp_path / "plan.txt"
    path.write_text("某某县市场监督管理局2031年监督检查计划\n\n" + table + "\n", encoding="utf-8")
    got = {
        (t.indicator, t.value_text, t.value, t.comparator, t.unit)
        for t in extract_file(path).targets
    }
    assert got == {
        ("药品零售企业监督检查", "4月-10月", None, None, None),
        ("药品零售企业监督检查", "不低于10%", 10.0, ">=", "%"),
        ("药品零售企业监督检查", "至少1次", 1.0, ">=", "次"),
        ("医疗器械使用单位检查", "至少2次", 2.0, ">=", "次"),
        ("化妆品经营者抽查", "9月-次年2月", None, None, None),
        ("化妆品经营者抽查", "5%", 5.0, None, "%"),
    }


def test_an_inspection_plans_html_table_gives_the_same_targets(tmp_path: Path):
    """The plan's table as the page's own <table>: read by its columns the same way."""
    rows = [
        ["序号", "抽查事项", "检查时间", "抽查比例", "抽查频次", "备注"],
        ["1", "药品零售企业监督检查", "4月-10月", "不低于10%", "至少1次", ""],
        ["2", "化妆品经营者抽查", "根据工作需要确定", "5%", "至少2次", ""],
    ]
    table = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    path = tmp_path / "plan.html"
    path.write_text(
        f"<html><body><h1>某县市场监督管理局2031年双随机抽查计划</h1><table>{table}</table></body></html>",
        encoding="utf-8",
    )
    got = {(t.indicator, t.value_text) for t in extract_file(path).targets}
    assert got == {
        ("药品零售企业监督检查", "4月-10月"),
        ("药品零售企业监督检查", "不低于10%"),
        ("药品零售企业监督检查", "至少1次"),
        ("化妆品经营者抽查", "5%"),
        ("化妆品经营者抽查", "至少2次"),
    }
