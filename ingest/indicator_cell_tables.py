"""An indicator table (主要指标) one cell a line, found by its header (序号, a name column,
year or value columns, a 属性/性质 column last) and cut into rows where the 属性 cell is.

Apart from task-division tables (ingest/task_cell_tables.py) because the two are told by
different headers and cut by different rules; a header without a 属性 column hands its rows to
ingest/numbered_cell_rows.py, as a task table does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from policykg.ingest.cell_lines import SENTENCE, Cells, LineLike, as_cell_lines, next_filled
from policykg.ingest.numbered_cell_rows import numbered_rows
from policykg.ingest.patterns import structure_patterns, targets_patterns

_YEAR_HEAD = re.compile(r"(?:19|20)\d{2}年?(?:目标值?|预期值?|基期值?|现状值?)?")
# a header cell broken after its year ("2025" / "目标")
_YEAR_TAIL = re.compile(r"年?(?:目标值?|预期值?|基期值?|现状值?|（预期）|\(预期\))")
_NAME_HEAD = re.compile(r"指标(?:名称|内容)?|名称")
_NUMBER = re.compile(r"\d{1,3}")
_MAX_HEAD = 12  # a column header is a few characters
_MAX_CELL = 60  # an indicator cell; a longer line ends the table


def _binding_cell(text: str) -> bool:
    return text in targets_patterns()["binding_words"]


def indicator_head_kind(text: str) -> str | None:
    """What column a short line names, or None when it is no column header."""
    if not text or len(text) > _MAX_HEAD or SENTENCE.search(text):
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


def _header[L: LineLike](lines: Sequence[L], i: int) -> tuple[Cells, list[str], int]:
    """The header cells from line i, their kinds, and the index after the header."""
    cells: Cells = []
    kinds: list[str] = []
    j = i
    while j < len(lines):
        text = lines[j].text
        if kinds and kinds[-1] == "year" and _YEAR_TAIL.fullmatch(text) and text != cells[-1][0]:
            cells[-1] = (cells[-1][0] + text, cells[-1][1] + lines[j].offs)
        elif (kind := indicator_head_kind(text)) is not None:
            cells.append((text, list(lines[j].offs)))
            kinds.append(kind)
        else:
            break
        j = next_filled(lines, j + 1)
    return cells, kinds, j


def indicator_table_at[L: LineLike](
    lines: list[L], i: int, make: Callable[[str, list[int], str], L]
):
    cells, kinds, j = _header(lines, i)
    if len(kinds) < 4 or "name" not in kinds or "year" not in kinds:
        return None
    if "binding" not in kinds and kinds[0] == "number":
        # no 属性 column to end the rows: they open with their numbers, each of the width
        width = len(kinds)
        numbered, j = numbered_rows(lines, j, width, lambda r: r if len(r) == width else None)
        return (as_cell_lines([cells, *numbered], make), j) if numbered else None
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
        if len(line.text) > _MAX_CELL or (SENTENCE.search(line.text) and not row):
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
    return as_cell_lines([cells, *rows], make), j


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
