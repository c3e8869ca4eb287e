"""Indicator and task tables a scrape flattened to one cell a line, without tabs.

A page that lost its table tags but kept their line breaks shows a 主要指标 table as a run of
short lines, often with blank lines between them:

    序号 / 指标名称 / 2020年 / 2025年 / 指标属性
    1 / 某某抽检合格率（%） / 98 / 99 / 预期性
    2 / …

(one line each). Read as text, every cell is a paragraph of its own and no row holds an
indicator and its value together. This step finds such a table by its header (a run of short
lines, each a column header: 序号, a name column, year or value columns, and a 属性/性质
column last) and rewrites its lines in the cell contract of ingest/normalize.py ("\\t" + text,
a blank line after each row), so the table rules read it like any other table.

Rows are cut where the 属性 column is: a row ends with its 预期性/约束性 cell. That keeps a
row whose number the page lost, or whose number was moved to the next row, in one piece.
Within a row the number (when it is one), the name and the 属性 cell take their columns; the
cells between are the year and value columns. A line of spaces is an empty cell (a missing
base value); when a row still has fewer middle cells than the header, the missing ones are the
leftmost (base years come before target years). A row with more cells than the header, or a
run that does not end with a 属性 cell, is not rewritten: its lines stay text.

Without a 属性 column (序号 / 指标名称 / 单位 / 2020年 / 2025年), and in a task-division table
(序号 / 工作任务 / 牵头单位 / 配合单位 / 完成时限), rows are cut at their numbers instead (1, 2,
3 … each alone on its line), each of the header's width; a task row one cell short whose last
cell is a deadline lacks its support cell. A row whose cells run over several lines (an
activity's two numbered points, two lines of bodies) is read up to the next row's number, each
line by its form: a line of bodies is the body cell, a date the deadline cell, the rest the task
cells in order (ragged rows). The first row that cannot be placed ends the table.

The step is read in parts: the line it reads and the cells it writes back
(ingest/cell_lines.py), indicator tables by their header and 属性 cells
(ingest/indicator_cell_tables.py), task-division tables (ingest/task_cell_tables.py), an
inspection plan's table placed by its cells' forms (ingest/plan_cell_tables.py), and rows
cut at their numbers, ragged rows among them (ingest/numbered_cell_rows.py).
"""

from __future__ import annotations

from collections.abc import Callable

from policykg.ingest.cell_lines import LineLike
from policykg.ingest.indicator_cell_tables import indicator_head_kind, indicator_table_at
from policykg.ingest.plan_cell_tables import plan_table_at
from policykg.ingest.task_cell_tables import despaced, task_table_at


def cell_line_tables[L: LineLike](
    lines: list[L], make: Callable[[str, list[int], str], L]
) -> list[L]:
    """`lines` with every one-cell-a-line indicator or task table rewritten as table cells.

    `make(text, offs, kind)` builds a line of the caller's type (ingest/line_contract.py's)."""
    out: list[L] = []
    i = 0
    while i < len(lines):
        table = None
        if despaced(lines[i].text) == "序号" or lines[i].text.startswith("序号 "):
            table = task_table_at(lines, i, make) or plan_table_at(lines, i, make)
        if table is None and indicator_head_kind(lines[i].text):
            table = indicator_table_at(lines, i, make)
        if table is None:
            out.append(lines[i])
            i += 1
            continue
        rewritten, i = table
        out += rewritten
    return out
