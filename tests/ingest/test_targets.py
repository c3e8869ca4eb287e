"""Indicator-table targets: value reading, table rows, run-on tables, and the seeds' tables."""

from __future__ import annotations

from functools import cache

import pytest
from policykg.ingest.measures import build_measures
from policykg.ingest.normalize import normalize
from policykg.ingest.read import SourceText, read_source
from policykg.ingest.row_measures import is_indicator_table
from policykg.ingest.runon_table import find_runon_table
from policykg.ingest.structure import parse_blocks
from policykg.ingest.targets import DraftTarget, targets_from_rows
from policykg.ingest.values import parse_value

from tests.conftest import seed

# --- values: golden table ----------------------------------------------------------------

VALUES = [
    # text, value, comparator, unit, cumulative, kind
    ("12家", 12, None, "家", False, "number"),
    ("100%", 100, None, "%", False, "number"),
    ("1500份/百万人", 1500, None, "份/百万人", False, "number"),
    ("1000份/百万人口", 1000, None, "份/百万人", False, "number"),
    ("99.5以上", 99.5, ">=", None, False, "number"),
    ("≥95%", 95, ">=", "%", False, "number"),
    (">99", 99, ">", None, False, "number"),
    ("不低于40%", 40, ">=", "%", False, "number"),
    ("20家以上", 20, ">=", "家", False, "number"),
    ("〔70〕", 70, None, None, True, "number"),
    ("[100]", 100, None, None, True, "number"),
    ("六个月内", 6, "<=", "月", False, "number"),
    ("两周内", 2, "<=", "周", False, "number"),
    ("30个工作日", 30, None, "工作日", False, "number"),
    ("850（省）", 850, None, None, False, "number"),
    ("23\n（“十三五”年均数）", 23, None, None, False, "number"),
    ("不发生", None, None, None, False, "word"),
    ("B（省）", None, None, None, False, "grade"),
    ("C（5个市）", None, None, None, False, "grade"),
    ("3-5个", None, None, "个", False, "range"),
    ("2—3次", None, None, "次", False, "range"),
    ("--", None, None, None, False, "empty"),
    ("95（药）\n75（械）", None, None, None, False, "several"),
    ("省内", None, None, None, False, "text"),
]  # fmt: skip


@pytest.mark.parametrize("text,value,comparator,unit,cumulative,kind", VALUES,
                         ids=[v[0] for v in VALUES])  # fmt: skip
def test_parse_value(text, value, comparator, unit, cumulative, kind):
    parsed = parse_value(text)
    assert (parsed.value, parsed.comparator, parsed.unit, parsed.cumulative, parsed.kind) == (
        value, comparator, unit, cumulative, kind)  # fmt: skip


def test_several_values_keep_each_part():
    assert parse_value("--（药）\n--（械）\n90（化）").parts == ["--（药）", "--（械）", "90（化）"]


# --- table rows ----------------------------------------------------------------------------


def _text(text: str) -> str:
    return normalize(SourceText(path="t.txt", text=text, encoding="utf-8", format="text")).text


def _table_targets(text: str, start_year: int | None = 2021) -> tuple[str, list[DraftTarget]]:
    norm = _text(text)
    rows = [b for b in parse_blocks(norm) if b.kind == "row" and is_indicator_table(b)]
    return norm, targets_from_rows(rows, start_year)


def _cells(*rows: list[str]) -> str:
    return "\n\n".join("\n".join("\t" + c for c in row) for row in rows)


YEAR_TABLE = "主要指标\n" + _cells(
    ["序号", "指标", "单位", "2020年", "2023年", "2025年", "属性"],
    ["1", "药品抽检合格率", "%", "98", "98.5", "99以上", "约束性"],
    ["2", "药品检验检测能力达标", "--", "C（省）", "B（省）", "B（省）", "预期性"],
    ["", "", "", "--", "C（5个市）", "B（1个市）", ""],
    ["3", "药品经营企业信用等级管理覆盖率", "%", "95（药）\n75（械）", "100", "100", "约束性"],
    ["4", "申报创新药", "品规", "23\n（“十三五”年均数）", "〔70〕", "〔100〕", "预期性"],
)


def test_year_columns_give_one_target_each_with_the_baseline():
    norm, targets = _table_targets(YEAR_TABLE)
    got = {t.key: (t.indicator, t.value, t.value_text, t.comparator, t.unit, t.year, t.baseline,
                   t.baseline_year, t.binding, t.cumulative) for t in targets}  # fmt: skip
    assert got["T0.1.2023"] == ("药品抽检合格率", 98.5, "98.5", None, "%", 2023, 98, 2020,
                                "binding", False)  # fmt: skip
    assert got["T0.1.2025"] == ("药品抽检合格率", 99, "99以上", ">=", "%", 2025, 98, 2020,
                                "binding", False)  # fmt: skip
    assert got["T0.4.2025"] == ("申报创新药", 100, "〔100〕", None, "品规", 2025, 23, 2020,
                                "expected", True)  # fmt: skip
    assert got["T0.2.2025"][1:3] == (None, "B（省）")
    for t in targets:  # evidence: the span is the value cell as written
        assert norm[t.start : t.end] == t.value_text
        assert t.value_text in t.text


def test_continuation_row_inherits_the_name_and_warns():
    _, targets = _table_targets(YEAR_TABLE)
    cont = [t for t in targets if t.key.startswith("T0.2c1")]
    assert [(t.indicator, t.value_text, t.year, t.binding) for t in cont] == [
        ("药品检验检测能力达标", "C（5个市）", 2023, "expected"),
        ("药品检验检测能力达标", "B（1个市）", 2025, "expected"),
    ]
    assert any("continuation" in w and "row after row 2" in w for w in cont[0].warnings)


def test_cell_with_several_values_leaves_the_baseline_empty_and_warns():
    _, targets = _table_targets(YEAR_TABLE)
    row3 = [t for t in targets if t.key.startswith("T0.3.")]
    assert [t.baseline for t in row3] == [None, None]
    assert [t.value for t in row3] == [100, 100]
    warning = next(w for t in row3 for w in t.warnings)
    assert "row 3" in warning and "95（药） / 75（械）" in warning


def test_task_table_with_requirement_deadline_and_departments():
    text = "（一）约束性指标\n" + _cells(
        ["序号", "指标名称", "指标要求", "责任部门", "时间节点"],
        ["1", "药品不良反应监测报告数", "1500份/百万人", "药品监管处、监测中心", "2025年"],
    ) + "\n\n（二）预期性指标\n" + _cells(
        ["序号", "指标名称", "指标要求", "责任部门", "时间节点"],
        ["1", "市级药物警戒专职技术人员", "50名", "人事处会监测中心", "2025年"],
    )  # fmt: skip
    _, targets = _table_targets(text)
    assert [(t.key, t.value, t.unit, t.year, t.binding) for t in targets] == [
        ("T0.1", 1500, "份/百万人", 2025, "binding"),
        ("T1.1", 50, "名", 2025, "expected"),
    ]
    assert [(m.text, m.role) for m in targets[1].mentions] == [
        ("人事处", "lead"), ("监测中心", "support")]  # fmt: skip


def test_merged_category_cell_is_aligned_right_and_baseline_column_read():
    text = "主要指标\n" + _cells(
        ["类别", "指标名称", "单位", "基期值", "2025年目标值", "属性"],
        ["安全水平", "药品抽检合格率", "%", "98", "99", "约束性"],
        ["医疗器械抽检合格率", "%", "95", "96", "预期性"],
    )  # fmt: skip
    _, targets = _table_targets(text)
    assert [(t.indicator, t.value, t.baseline, t.year, t.binding) for t in targets] == [
        ("药品抽检合格率", 99, 98, 2025, "binding"),
        ("医疗器械抽检合格率", 96, 95, 2025, "expected"),
    ]


def test_html_table_with_rowspan_category():
    html = (
        "<p>表1 主要指标</p><table><tr><th>类别</th><th>序号</th><th>指标名称</th><th>单位</th>"
        "<th>2020年</th><th>2025年</th><th>属性</th></tr>"
        "<tr><td rowspan='2'>质量安全</td><td>1</td><td>药品抽检合格率</td><td>%</td>"
        "<td>98.9</td><td>≥99</td><td>约束性</td></tr>"
        "<tr><td>2</td><td>医疗器械抽检合格率</td><td>%</td><td>95</td><td>96以上</td>"
        "<td>预期性</td></tr></table>"
    )
    norm = normalize(SourceText(path="t.html", text=html, encoding="utf-8", format="html")).text
    rows = [b for b in parse_blocks(norm) if b.kind == "row" and is_indicator_table(b)]
    targets = targets_from_rows(rows, 2021)
    got = [(t.indicator, t.indicator_key, t.value, t.comparator, t.baseline, t.binding)
           for t in targets]  # fmt: skip
    assert got == [
        ("药品抽检合格率", "drug_sampling_pass_rate", 99, ">=", 98.9, "binding"),
        ("医疗器械抽检合格率", "device_sampling_pass_rate", 96, ">=", 95, "expected"),
    ]


# --- run-on tables (separators lost in a scraped line) -------------------------------------

RUN_ON = [
    # a line as scraped → (number, name, unit, values…) per row
    (
        "表1主要指标类型序号指标名称单位2020年2025年（预测）1药品生产领域抽检合格率%99>99药品安全水平"
        "2医疗器械抽检合格率%95>953认证认可能力参数项961715000检验检测能力4国家级重点实验室个36"
        "（一）完善体系。",
        [["1", "药品生产领域抽检合格率", "%", "99", ">99"], ["2", "医疗器械抽检合格率", "%", "95", ">95"],
         ["3", "认证认可能力参数", "项", "9617", "15000"], ["4", "国家级重点实验室", "个", "3", "6"]],
    ),
    (  # with a 属性 column: the attribute word separates the rows
        "序号指标单位2020年2025年属性1药品抽检合格率%98.5≥99约束性2执业药师配备率%8090预期性此后正文。",
        [["1", "药品抽检合格率", "%", "98.5", "≥99", "约束性"], ["2", "执业药师配备率", "%", "80", "90", "预期性"]],
    ),
    (  # no 单位 column: values carry their units; a word value ends the name
        "序号指标名称目标值属性1药品抽检合格率≥99%约束性2公众满意度85分以上预期性3重大药品安全事件不发生约束性（二）下文",
        [["1", "药品抽检合格率", "≥99%", "约束性"], ["2", "公众满意度", "85分以上", "预期性"],
         ["3", "重大药品安全事件", "不发生", "约束性"]],
    ),
    (  # no 序号 column
        "主要指标表指标名称单位2020年2025年药品抽检合格率%9899医疗器械抽检合格率%9596。下文",
        [["药品抽检合格率", "%", "98", "99"], ["医疗器械抽检合格率", "%", "95", "96"]],
    ),
]  # fmt: skip


@pytest.mark.parametrize("line,rows", RUN_ON,
                         ids=["chongqing-like", "with-attribute", "units-in-values", "unnumbered"])  # fmt: skip
def test_runon_table_rows(line, rows):
    table = find_runon_table(line, base=100)
    assert table is not None
    assert [[c.text for c in r.cells] for r in table.rows] == rows
    for r in table.rows:
        for c in r.cells:
            assert line[c.start - 100 : c.end - 100] == c.text


def test_runon_ambiguous_digits_choose_by_direction_and_warn():
    table = find_runon_table("序号指标名称单位2020年2025年1专（兼）职检查员资质数量人446750")
    row = table.rows[0]
    assert [c.text for c in row.cells[-2:]] == ["446", "750"]
    assert "446 → 750" in row.warnings[0] and "44 → 6750" in row.warnings[0]


def test_runon_percent_never_above_hundred():
    table = find_runon_table("序号指标名称单位2020年2025年1专业人员比例%46802培训比例%100100")
    assert [c.text for c in table.rows[0].cells[-2:]] == ["46", "80"]
    assert not table.rows[0].warnings


def test_ordinary_text_is_not_a_table():
    assert find_runon_table("制定药品安全治理水平评价指标体系，2025年前完成评价办法。") is None


# --- the seeds' indicator tables -----------------------------------------------------------


@cache
def _seed_targets(prefix: str) -> tuple[str, list[DraftTarget]]:
    norm = normalize(read_source(seed(prefix))).text
    rows = [b for b in parse_blocks(norm) if b.kind == "row" and is_indicator_table(b)]
    return norm, targets_from_rows(rows, 2021)


def test_seed_000_fifteen_indicator_rows():
    _, targets = _seed_targets("000")
    assert len(targets) == 15
    assert sum(t.binding == "binding" for t in targets) == 1
    assert all(t.value is not None and t.year in (2022, 2025) and t.mentions for t in targets)
    adr = next(t for t in targets if t.indicator == "药品不良反应监测报告数")
    assert (adr.value, adr.unit, adr.indicator_key) == (
        1500,
        "份/百万人",
        "adr_reports_per_million",
    )


def test_seed_003_nineteen_rows_by_two_target_years():
    _, targets = _seed_targets("003")
    names = {t.indicator for t in targets}
    assert len(names) == 19 and len(targets) == 40  # 19 rows × 2023/2025 + the continuation row
    assert {t.year for t in targets} == {2023, 2025}
    assert sum(t.cumulative for t in targets) == 8
    adr = [t for t in targets if t.indicator == "药品不良反应报告数"]
    assert [t.indicator_key for t in adr] == ["adr_reports_per_million"] * 2  # same as 上海's
    cma = next(t for t in targets if t.key == "T0.5.2025")
    assert (cma.value, cma.baseline, cma.baseline_year, cma.value_text) == (
        1000,
        761,
        2020,
        "1000（省）",
    )
    warned = " ".join(w for t in targets for w in t.warnings)
    assert "row 8" in warned and "row 9" in warned and "row after row 4" in warned


# 004's 主要指标表 as read in the raw file (data/corpus/004_…, the line "专栏1重庆市药品安全及高质量
# 发展“十四五”规划主要指标表…"): 序号, 指标名称, 单位, 2020年, 2025年（预测）.
SEED_004_ROWS = [
    ("1", "药品生产领域抽检合格率", "%", 99, ">99"),
    ("2", "药品流通领域抽检合格率", "%", 98, ">98"),
    ("3", "医疗器械抽检合格率", "%", 95, ">95"),
    ("4", "地产药品日常监督检查覆盖率", "%", 100, "100"),
    ("5", "地产医疗器械日常监督检查覆盖率", "%", 100, "100"),
    ("6", "化妆品生产企业监督检查覆盖率", "%", 100, "100"),
    ("7", "“两品一械”审评、审批按时办结率", "%", 100, "100"),
    ("8", "智慧监管系统监管事项覆盖率", "%", 90, "100"),
    ("9", "认证认可能力参数", "项", 9617, "15000"),
    ("10", "国家级重点实验室（药品化妆品）", "个", 3, "6"),
    ("11", "国家级重点实验室（医疗器械）", "个", 0, "2"),
    ("12", "专（兼）职检查员资质数量", "人", 446, "750"),
    ("13", "“两品一械”专业人员比例", "%", 46, "80"),
    ("14", "监督执法人员每年参加培训比例", "%", 100, "100"),
    ("15", "药品安全公众政务信息公开率", "%", 100, "100"),
]


def test_seed_004_runon_indicator_table():
    norm, targets = _seed_targets("004")
    got = [(t.key.split(".")[1], t.indicator, t.unit, t.baseline, t.value_text) for t in targets]
    assert got == list(SEED_004_ROWS)
    assert all(t.year == 2025 and t.baseline_year == 2020 for t in targets)
    assert all(norm[t.start : t.end] == t.value_text for t in targets)
    assert next(t for t in targets if t.key == "T0.1.2025").comparator == ">"
    warned = {t.indicator: t.warnings for t in targets if t.warnings}
    assert set(warned) == {"认证认可能力参数", "专（兼）职检查员资质数量"}
    assert "9617 → 15000" in warned["认证认可能力参数"][0]


def test_seed_004_glued_line_gives_box_table_then_chapter_heading():
    norm = normalize(read_source(seed("004"))).text
    blocks = parse_blocks(norm)
    i = next(k for k, b in enumerate(blocks) if b.kind == "row")
    assert blocks[i - 1].kind == "heading" and blocks[i - 1].text.endswith("主要指标表")
    after = blocks[i + 15 : i + 17]
    assert [(b.kind, b.title) for b in after] == [("heading", "主要任务"),
                                                 ("heading", "完善药品安全治理体系")]  # fmt: skip
    # the table text is no measure; the items after it are commitments of 主要任务
    measures = build_measures(blocks)
    assert not any("认证认可能力参数" in m.text for m in measures)
    first = next(m for m in measures if m.text.startswith("完善药品安全治理体系"))
    assert first.statement == "commitment"
