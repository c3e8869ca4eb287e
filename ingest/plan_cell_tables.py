"""An inspection plan's table (序号 / 检查事项 / 检查时间 / 抽查比例 / 抽查频次 / 是否联合检查 / 备注)
one cell a line: its header, and its rows placed in the header's columns by what each cell holds.

A regulator's yearly inspection plan (监督检查计划, 双随机抽查计划) lists the items it checks, when,
what share of the population and how often; a page that lost the table's tags keeps each cell
on a line of its own, and leaves out the empty ones. So a row's cells cannot be placed by their
count: the number and the item come first, then a window of months goes to the time column, a
share to the ratio column, a count of checks to the frequency column, 是/否 to the yes-or-no
columns, and any other short text to the time column when it is still empty (根据…确定).

Apart from task-division and indicator tables (ingest/task_cell_tables.py,
ingest/indicator_cell_tables.py) because its columns name no body and no year; its cells are
read as targets by ingest/row_targets.py (plan_row_targets).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from policykg.ingest.cell_lines import SENTENCE, Cells, LineLike, as_cell_lines, next_filled
from policykg.ingest.numbered_cell_rows import numbered_rows
from policykg.ingest.patterns import targets_patterns

_HEAD_MAX = 12  # a column header is a few characters
_CELL_MAX = 40  # a longer line is running text, not a cell
_YES_NO = re.compile(r"[是否]")


def plan_column(header: str) -> str | None:
    """What an inspection plan's column holds: item / window / ratio / frequency, or None."""
    words = targets_patterns()["plan_tables"]
    header = re.sub(r"\s+", "", header)
    for kind in ("item", "ratio", "frequency", "window"):
        if any(w in header for w in words[kind]):
            return kind
    return None


def _head_kind(text: str) -> str | None:
    text = re.sub(r"\s+", "", text)
    if not text or len(text) > _HEAD_MAX or SENTENCE.search(text):
        return None
    if text == "序号":
        return "number"
    if kind := plan_column(text):
        return kind
    # (a yes-or-no column, 是否双随机一公开; the remarks, 备注; how or whom it checks)
    if (
        text.startswith("是否")
        or text in ("备注", "说明")
        or re.search(r"方式|对象|主体|依据", text)
    ):
        return "other"
    return None


def plan_table_at[L: LineLike](
    lines: list[L], i: int, make: Callable[[str, list[int], str], L]
) -> tuple[list[L], int] | None:
    """The plan's table from its 序号 line at i: rows that open with their numbers (1, 2, 3 …),
    each placed by its cells' forms; the first row that cannot be placed ends the table."""
    header: Cells = []
    kinds: list[str] = []
    j = i
    while j < len(lines) and (kind := _head_kind(lines[j].text)) is not None:
        header.append((lines[j].text, list(lines[j].offs)))
        kinds.append(kind)
        j = next_filled(lines, j + 1)
    if (
        not kinds
        or kinds[0] != "number"
        or kinds.count("item") != 1
        or not {"ratio", "frequency"} & set(kinds)
    ):
        return None
    rows, j = numbered_rows(lines, j, len(kinds), lambda row: _placed(row, kinds))
    if not rows:
        return None
    return as_cell_lines([header, *rows], make), j


def _placed(row: Cells, kinds: list[str]) -> Cells | None:
    """The row's cells in the header's columns, or None when one has no column to go to."""
    if len(row) < 2 or kinds.index("item") != 1:
        return None
    words = targets_patterns()["plan_tables"]
    out: Cells = [row[0], row[1], *([("", [])] * (len(kinds) - 2))]
    for text, offs in row[2:]:
        if len(text) > _CELL_MAX:
            return None
        if re.match(words["window_cell"], text):
            want = ["window"]
        elif re.match(words["ratio_cell"], text):
            want = ["ratio"]
        elif re.match(words["frequency_cell"], text):
            want = ["frequency"]
        elif _YES_NO.fullmatch(text.strip()):
            want = ["other"]
        else:  # 根据…确定: the time column's words, or a remark
            want = ["window", "other"]
        at = next((k for k, kind in enumerate(kinds) if kind in want and not out[k][0]), None)
        if at is None:
            return None
        out[at] = (text, offs)
    return out
