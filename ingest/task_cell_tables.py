"""A task-division table (序号 / 工作任务 / 牵头单位 / 配合单位 / 完成时限) one cell a line:
its header, one cell a line or on one line parted by spaces, and its rows placed in the
header's columns (a row one cell short lacks its support cell).

Apart from indicator tables (ingest/indicator_cell_tables.py) because its columns are told by
the responsibility vocabulary (ingest/responsibility.py's column_kind) and its cells by the
bodies and deadlines they hold, not by years and a 属性 column.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from policykg.ingest.bodies import find_bodies
from policykg.ingest.cell_lines import SENTENCE, Cells, LineLike, as_cell_lines, next_filled
from policykg.ingest.numbered_cell_rows import numbered_rows, ragged_row
from policykg.ingest.responsibility import column_kind

# A task table's column headers (序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限).
_TASK_HEAD_MAX = 10
_DEADLINE_CELL = re.compile(
    r"(?:19|20)\d{2}\s*年|\d{1,2}\s*月|年底|年内|全年|长期|持续|常态|每年|每季度|每月"
)


def despaced(text: str) -> str:
    """A header as the table meant it: pages pad two-character headers (项 目, 序 号)."""
    return re.sub(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])", "", text)


def _task_head_kind(text: str) -> str | None:
    text = despaced(text)
    if not text or len(text) > _TASK_HEAD_MAX or SENTENCE.search(text):
        return None
    if text == "序号":
        return "number"
    kind = column_kind(text)
    return kind if kind != "other" else None


def _header_line(line: LineLike) -> tuple[Cells, list[str]] | None:
    """A task table's header kept on one line, its cells parted by spaces (序号 涉及部门
    职责分工): the cells and their kinds, when every part is a column header."""
    parts = [(m.group(), m.start()) for m in re.finditer(r"\S+", line.text)]
    if len(parts) < 3:
        return None
    kinds = [_task_head_kind(text) for text, _ in parts]
    if any(k is None for k in kinds):
        return None
    cells = [(text, list(line.offs[at : at + len(text)])) for text, at in parts]
    return cells, [k for k in kinds if k is not None]


def task_table_at[L: LineLike](
    lines: list[L], i: int, make: Callable[[str, list[int], str], L]
) -> tuple[list[L], int] | None:
    """A task-division table one cell a line: rows open with their number (1, 2, 3 …); a row
    of the header's width is placed as it stands, a row one cell short of it whose last cell
    is a deadline lacks its support cell (配合单位 left empty); any other row ends the table."""
    header: Cells = []
    kinds: list[str] = []
    j = i
    one_line = _header_line(lines[i])
    if one_line:  # 序号 涉及部门 职责分工: the header on one line
        header, kinds, j = *one_line, next_filled(lines, i + 1)
    while not one_line and j < len(lines) and (kind := _task_head_kind(lines[j].text)) is not None:
        header.append((lines[j].text, list(lines[j].offs)))
        kinds.append(kind)
        j = next_filled(lines, j + 1)
    if len(kinds) < 3 or "task" not in kinds or not {"lead", "responsible"} & set(kinds):
        return None
    rows, j = numbered_rows(
        lines, j, len(kinds), lambda row: _task_row(row, kinds), lambda row: ragged_row(row, kinds)
    )
    if not rows:
        return None
    return as_cell_lines([header, *rows], make), j


def _fits(row: Cells, kinds: list[str]) -> bool:
    """Each cell holds what its column does: a deadline cell a time, a body cell a body (a row
    whose cells run over several lines shifts them: a task's second point in the body column)."""
    for (text, _), kind in zip(row, kinds, strict=True):
        if not text.strip():
            continue
        if kind == "deadline" and not _DEADLINE_CELL.search(text):
            return False
        if kind in ("lead", "responsible", "support") and not find_bodies(text):
            return False
    return True


def _task_row(row: Cells, kinds: list[str]):
    if len(row) == len(kinds):
        return row if _fits(row, kinds) else None
    last = row[-1][0]
    if (
        len(row) == len(kinds) - 1
        and kinds[-1] == "deadline"
        and "support" in kinds
        and _DEADLINE_CELL.search(last)
    ):
        at = kinds.index("support")
        return [*row[:at], ("", []), *row[at:]]
    return None
