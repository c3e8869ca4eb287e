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
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol

from policykg.ingest.bodies import find_bodies
from policykg.ingest.patterns import structure_patterns, targets_patterns
from policykg.ingest.responsibility import column_kind


class LineLike(Protocol):
    text: str
    offs: list[int]
    kind: str


Cells = list[tuple[str, list[int]]]  # a row's cells: (text, offsets into the source)


_YEAR_HEAD = re.compile(r"(?:19|20)\d{2}年?(?:目标值?|预期值?|基期值?|现状值?)?")
# a header cell broken after its year ("2025" / "目标")
_YEAR_TAIL = re.compile(r"年?(?:目标值?|预期值?|基期值?|现状值?|（预期）|\(预期\))")
_NAME_HEAD = re.compile(r"指标(?:名称|内容)?|名称")
_NUMBER = re.compile(r"\d{1,3}")
_SENTENCE = re.compile(r"[，。；：！？]")
_MAX_HEAD = 12  # a column header is a few characters
_MAX_CELL = 60  # an indicator cell; a longer line ends the table


def _binding_cell(text: str) -> bool:
    return text in targets_patterns()["binding_words"]


def _head_kind(text: str) -> str | None:
    """What column a short line names, or None when it is no column header."""
    if not text or len(text) > _MAX_HEAD or _SENTENCE.search(text):
        return None
    if _YEAR_HEAD.fullmatch(text):
        return "year"
    if "属性" in text or "性质" in text:
        return "binding"
    if text == "序号":
        return "number"
    if _NAME_HEAD.fullmatch(text):
        return "name"
    if any(w in text for w in structure_patterns()["table_header_words"]):
        return "other"
    return None


def cell_line_tables[L: LineLike](
    lines: list[L], make: Callable[[str, list[int], str], L]
) -> list[L]:
    """`lines` with every one-cell-a-line indicator or task table rewritten as table cells.

    `make(text, offs, kind)` builds a line of the caller's type (ingest/line_contract.py's)."""
    out: list[L] = []
    i = 0
    while i < len(lines):
        table = None
        if _despaced(lines[i].text) == "序号" or lines[i].text.startswith("序号 "):
            table = _task_table_at(lines, i, make)
        if table is None and _head_kind(lines[i].text):
            table = _table_at(lines, i, make)
        if table is None:
            out.append(lines[i])
            i += 1
            continue
        rewritten, i = table
        out += rewritten
    return out


def _filled(lines: Sequence[LineLike], i: int) -> int:
    """The index of the next line with text, from i on (len(lines) when none)."""
    while i < len(lines) and not lines[i].text:
        i += 1
    return i


def _header[L: LineLike](lines: Sequence[L], i: int) -> tuple[Cells, list[str], int]:
    """The header cells from line i, their kinds, and the index after the header."""
    cells: Cells = []
    kinds: list[str] = []
    j = i
    while j < len(lines):
        text = lines[j].text
        if kinds and kinds[-1] == "year" and _YEAR_TAIL.fullmatch(text) and text != cells[-1][0]:
            cells[-1] = (cells[-1][0] + text, cells[-1][1] + lines[j].offs)
        elif (kind := _head_kind(text)) is not None:
            cells.append((text, list(lines[j].offs)))
            kinds.append(kind)
        else:
            break
        j = _filled(lines, j + 1)
    return cells, kinds, j


def _table_at[L: LineLike](lines: list[L], i: int, make: Callable[[str, list[int], str], L]):
    cells, kinds, j = _header(lines, i)
    if len(kinds) < 4 or "name" not in kinds or "year" not in kinds:
        return None
    if "binding" not in kinds and kinds[0] == "number":
        # no 属性 column to end the rows: they open with their numbers, each of the width
        width = len(kinds)
        numbered, j = _numbered_rows(lines, j, width, lambda r: r if len(r) == width else None)
        return (_emit([cells, *numbered], make), j) if numbered else None
    if kinds[-1] != "binding" or kinds.count("binding") != 1:
        return None
    name_at = kinds.index("name")
    if any(k != "number" for k in kinds[:name_at]) or name_at > 1:
        return None
    width = len(kinds)
    middle = width - name_at - 2  # the year and value columns between name and 属性
    rows: list[Cells] = []
    row: Cells = []
    k = j
    while k < len(lines):
        line = lines[k]
        if not line.text:
            if line.kind == "spaced":  # a cell of spaces: an empty cell
                row.append(("", []))
            k += 1
            continue
        if len(line.text) > _MAX_CELL or (_SENTENCE.search(line.text) and not row):
            break
        row.append((line.text, list(line.offs)))
        k += 1
        if _binding_cell(line.text):
            built = _row(row, name_at, middle)
            if built is None:
                break
            rows.append(built)
            row, j = [], k
    if not rows:
        return None
    return _emit([cells, *rows], make), j


def _emit[L: LineLike](groups: list[Cells], make: Callable[[str, list[int], str], L]) -> list[L]:
    """Header and rows as cell lines, a blank line after each row."""
    out: list[L] = []
    anchor = groups[0][0][1][0]
    for group in groups:
        for text, offs in group:
            anchor = offs[0] if offs else anchor  # an empty cell sits where the last one was
            out.append(make("\t" + text, [anchor, *offs], "cell"))
        out.append(make("", [], "blank"))
    return out


def _row(row: Cells, name_at: int, middle: int):
    """One row in the header's width, or None when its cells cannot be placed."""
    first = row[0]
    number = first if _NUMBER.fullmatch(first[0]) else None
    rest = row[1:] if number else row
    if not rest or not rest[0][0] or _binding_cell(rest[0][0]) or _NUMBER.fullmatch(rest[0][0]):
        return None  # no name
    name, values, binding = rest[0], rest[1:-1], rest[-1]
    if len(values) > middle:
        return None
    values = [("", [])] * (middle - len(values)) + values
    lead = [number or ("", [])] if name_at else []
    return [*lead, name, *values, binding]


# A task table's column headers (序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限).
_TASK_HEAD_MAX = 10
_DEADLINE_CELL = re.compile(
    r"(?:19|20)\d{2}\s*年|\d{1,2}\s*月|年底|年内|全年|长期|持续|常态|每年|每季度|每月"
)


def _despaced(text: str) -> str:
    """A header as the table meant it: pages pad two-character headers (项 目, 序 号)."""
    return re.sub(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])", "", text)


def _task_head_kind(text: str) -> str | None:
    text = _despaced(text)
    if not text or len(text) > _TASK_HEAD_MAX or _SENTENCE.search(text):
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


def _task_table_at[L: LineLike](
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
        header, kinds, j = *one_line, _filled(lines, i + 1)
    while not one_line and j < len(lines) and (kind := _task_head_kind(lines[j].text)) is not None:
        header.append((lines[j].text, list(lines[j].offs)))
        kinds.append(kind)
        j = _filled(lines, j + 1)
    if len(kinds) < 3 or "task" not in kinds or not {"lead", "responsible"} & set(kinds):
        return None
    rows, j = _numbered_rows(
        lines, j, len(kinds), lambda row: _task_row(row, kinds), lambda row: _ragged(row, kinds)
    )
    if not rows:
        return None
    return _emit([header, *rows], make), j


def _numbered_rows(
    lines: Sequence[LineLike],
    j: int,
    width: int,
    place: Callable[[Cells], Cells | None],
    ragged: Callable[[Cells], Cells | None] | None = None,
) -> tuple[list[Cells], int]:
    """Rows that open with their numbers (1, 2, 3 …), each up to `width` cells (a line of
    spaces an empty cell), placed by `place`; a row `place` refuses is read up to the next
    number by `ragged`, when given; the first row neither places ends the table.
    Returns the rows and the index after the last one."""
    rows: list[Cells] = []
    k = j
    while k < len(lines) and lines[k].text == str(len(rows) + 1):
        start = k
        row: Cells = [(lines[k].text, list(lines[k].offs))]
        k += 1
        while k < len(lines) and len(row) < width and lines[k].text != str(len(rows) + 2):
            line = lines[k]
            if line.text or line.kind == "spaced":
                row.append((line.text, list(line.offs)))
            k += 1
        placed = place(row)
        nxt = _filled(lines, k)
        following = lines[nxt].text if nxt < len(lines) else None
        if ragged is not None and (placed is None or following != str(len(rows) + 2)):
            # refused, or lines left before the next number: the cells run over several lines
            long_row, after = _up_to_next(lines, start, str(len(rows) + 2))
            closed = after < len(lines) and lines[after].text == str(len(rows) + 2)
            read = ragged(long_row) if closed or placed is None else None
            told = any(_body_line(c[0]) or _DATE_LINE.match(c[0]) for c in long_row[1:])
            if read is not None and (closed or told):
                placed, k = read, after
        if placed is None:
            break
        rows.append(placed)
        k = j = _filled(lines, k)
    return rows, j


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


_RAGGED_MAX = 12  # lines of one ragged row
_RAGGED_LINE = 60  # a longer line is running text, not a cell


def _up_to_next(lines: Sequence[LineLike], k: int, number: str) -> tuple[Cells, int]:
    """The row opening at line k read up to the line `number` (the next row), a blank-line
    run, a long line of running text or _RAGGED_MAX lines; and the index after it."""
    row: Cells = [(lines[k].text, list(lines[k].offs))]
    k += 1
    while k < len(lines) and len(row) <= _RAGGED_MAX and lines[k].text != number:
        text = lines[k].text
        if len(text) > _RAGGED_LINE or not text and (k + 1 >= len(lines) or not lines[k + 1].text):
            break
        if text:
            row.append((text, list(lines[k].offs)))
        k += 1
    return row, k


# A cell line that dates the row's work: 5月21日前, 2026年6月底, 6月11日~19日, 6月19日(上午)
_DATE_LINE = re.compile(
    r"^(?:(?:19|20)\d{2}\s*年)?\s*\d{1,2}\s*月[^，。；：]{0,14}$|^(?:19|20)\d{2}\s*年[^，。；：]{0,10}$"
    r"|^(?:年底前?|年内|全年|长期坚持|持续推进|常态化推进)$"
)


def _body_line(text: str) -> bool:
    """A line that only names bodies (省局某某处、某某市局; 西宁市、各州食药监管局): no sentence
    and no list number before it, and it ends with a body (a list's shared suffix)."""
    text = text.rstrip()
    if _SENTENCE.search(text) or re.match(r"\s*\d+\s*[、.．]", text):
        return False
    bodies = find_bodies(text)
    covered = sum(b.end - b.start for b in bodies)
    return bool(bodies) and bodies[-1].end == len(text) and covered >= 0.4 * len(text)


def _ragged(row: Cells, kinds: list[str]) -> Cells | None:
    """A row whose cells run over several lines, read line by line: lines of bodies make
    the body cell, the first date line the deadline cell, the other lines the task cells (the
    first task column takes the first line, the last takes the rest)."""
    if row[0][0] != row[0][0].strip() or len(row) < 3:
        return None
    bodies = [c for c in row[1:] if _body_line(c[0])]
    dates = [c for c in row[1:] if _DATE_LINE.match(c[0]) and c not in bodies]
    words = [c for c in row[1:] if c not in bodies and c not in dates[:1]]
    body_kinds = [k for k in kinds if k in ("lead", "responsible")]
    task_at = [i for i, k in enumerate(kinds) if k == "task"]
    if not words or len(body_kinds) != 1 or "support" in kinds:
        return None
    cells: list[tuple[str, list[int]]] = [("", [])] * len(kinds)
    cells[0] = row[0]
    if bodies:
        cells[kinds.index(body_kinds[0])] = _joined(bodies, "、")
    if dates and "deadline" in kinds:
        cells[kinds.index("deadline")] = dates[0]
    if len(task_at) == 1:
        cells[task_at[0]] = _joined(words, "")
    else:
        cells[task_at[0]], cells[task_at[-1]] = words[0], _joined(words[1:], "")
    return cells


def _joined(cells: Cells, separator: str) -> tuple[str, list[int]]:
    """Cells of several lines as one: a separator sits at the last character before it."""
    text, offs = "", list[int]()
    for cell_text, cell_offs in cells:
        if text and separator:
            text += separator
            offs += [offs[-1] if offs else 0] * len(separator)
        text += cell_text
        offs += cell_offs
    return text, offs


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
