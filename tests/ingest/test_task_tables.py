"""Task-division tables (任务分工表) as the genre writes them, written for the test: a table
broken by sub-heading rows, a row broken inside a cell, and targets that take the year of
their row's deadline column (完成时限), and a row's dated deadline as its task's deadline."""

from __future__ import annotations

from policykg.ingest.pipeline import extract_file

TABLE = (
    "某某省药品安全重点任务分工方案\n"
    "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
    "（一）完善制度\n"
    "1\t修订药品安全地方标准，发布中药材地方标准15个以上。\t省药监局\t省中医药局\t2026年底前\n"
    "（二）提升能力\n"
    "2\t建设专业化检查员队伍，省级检查员达到200名以上。\t省药监局\t省财政厅\t2027年底前\n"
    "3\t深化区域药品监管协作，建立联防联控机制；\n"
    "共建检验检测资源共享平台。\t省药监局\t省公安厅\t持续推进\n"
    "4\t加强药品网络销售监管。\t省市场监管局\t省通信管理局\t持续推进\n"
)


def _record(tmp_path):
    path = tmp_path / "table.txt"
    path.write_text(TABLE, encoding="utf-8")
    return extract_file(path)


def test_a_numbered_row_after_a_sub_heading_is_a_task_not_a_header(tmp_path):
    tasks = {m.text[:7]: [(d.mention, d.role) for d in m.departments]
             for m in _record(tmp_path).measures}  # fmt: skip
    assert tasks["建设专业化检查"] == [("省药监局", "lead"), ("省财政厅", "support")]


def test_a_row_broken_inside_a_cell_keeps_its_columns(tmp_path):
    tasks = {m.text[:7]: [(d.mention, d.role) for d in m.departments]
             for m in _record(tmp_path).measures}  # fmt: skip
    assert tasks["深化区域药品监"] == [("省药监局", "lead"), ("省公安厅", "support")]
    # the rows after it keep their columns too
    assert tasks["加强药品网络销"] == [("省市场监管局", "lead"), ("省通信管理局", "support")]


def test_a_rows_target_takes_the_year_of_its_deadline_column(tmp_path):
    found = {(t.indicator, t.value_text, t.year, tuple(d.mention for d in t.departments))
             for t in _record(tmp_path).targets}  # fmt: skip
    assert ("发布中药材地方标准", "15个以上", 2026, ("省药监局", "省中医药局")) in found
    assert ("省级检查员", "200名以上", 2027, ("省药监局", "省财政厅")) in found


def test_a_rows_dated_deadline_is_its_tasks_deadline_where_it_states_no_other(tmp_path):
    text = TABLE + "5\t建立药品安全信用档案。\t省药监局\t省发展改革委\t2026年6月底前\n"
    path = tmp_path / "table.txt"
    path.write_text(text, encoding="utf-8")
    found = {(t.indicator, t.value_text, t.year, t.comparator) for t in extract_file(path).targets}
    assert ("建立药品安全信用档案。", "2026年6月底前", 2026, "<=") in found
    # a row with a quantity keeps that target only; 持续推进 is no deadline
    assert not any(t[1] == "2026年底前" for t in found)
    assert not any(t[1] == "持续推进" for t in found)


def test_a_pipe_table_whose_rows_break_over_lines_is_read_as_a_table(tmp_path):
    # a scrape flattened the table with pipes, no rule line, each row over several lines
    path = tmp_path / "pipes.txt"
    path.write_text(
        "某县2021年药品安全重点工作任务分解表\n"
        "一、重点任务 | ||\n"
        "序号 | 工作任务 | 责任部门 | 完成情况 | ||\n"
        "1 |\n"
        "开展药品零售企业专项检查。 | 县市场监管局、县卫生健康局 |\n"
        "已完成 | ||\n"
        "2 |\n"
        "加强疫苗储存运输管理。 | 县卫生健康局 |\n"
        "二、工作要求\n"
        "各单位要按时报送进展。\n",
        encoding="utf-8",
    )
    rows = [m for m in extract_file(path).measures if m.text.startswith(("开展", "加强"))]
    assert [(m.text, [(d.mention, d.role) for d in m.departments]) for m in rows] == [
        ("开展药品零售企业专项检查。", [("县市场监管局", "responsible"), ("县卫生健康局", "responsible")]),
        ("加强疫苗储存运输管理。", [("县卫生健康局", "responsible")]),
    ]  # fmt: skip


def test_a_task_table_right_under_its_title_is_read(tmp_path):
    # a 分工表 published on its own: no heading before the table; a body's own role in
    # brackets inside the responsible column
    path = tmp_path / "fengong.md"
    path.write_text(
        "某某县疫苗安全重点任务分工表\n"
        "| 序号 | 重点任务 | 责任单位 | 完成时限 |\n| --- | --- | --- | --- |\n"
        "| 1 | 开展疫苗储存运输专项检查 | 县卫健局（牵头）、县市场监管局 | 2025年6月底前 |\n"
        "| 2 | 完善预防接种异常反应补偿机制 | 县医保局 | 2025年12月底前 |\n",
        encoding="utf-8",
    )
    record = extract_file(path)
    assert record.document.title == "某某县疫苗安全重点任务分工表"
    tasks = {m.text: [(d.mention, d.role) for d in m.departments] for m in record.measures}
    assert tasks == {
        "开展疫苗储存运输专项检查": [("县卫健局", "lead"), ("县市场监管局", "responsible")],
        "完善预防接种异常反应补偿机制": [("县医保局", "responsible")],
    }
