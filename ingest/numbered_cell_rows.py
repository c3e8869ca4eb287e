"""Rows of a one-cell-a-line table cut at their numbers (1, 2, 3 … each alone on its line),
and a row whose cells run over several lines (ragged) read line by line up to the next number:
a line of bodies the body cell, a date the deadline cell, the rest the task cells.

Apart from the two table kinds (ingest/indicator_cell_tables.py, ingest/task_cell_tables.py)
because both cut their rows here when no 属性 column ends them, and reading a ragged row is a
line-by-line judgement of its own (what a line of bodies or a date line looks like).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from policykg.ingest.bodies import find_bodies
from policykg.ingest.cell_lines import SENTENCE, Cells, LineLike, next_filled


def numbered_rows(
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
        nxt = next_filled(lines, k)
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
        k = j = next_filled(lines, k)
    return rows, j


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
    if SENTENCE.search(text) or re.match(r"\s*\d+\s*[、.．]", text):
        return False
    bodies = find_bodies(text)
    covered = sum(b.end - b.start for b in bodies)
    return bool(bodies) and bodies[-1].end == len(text) and covered >= 0.4 * len(text)


def ragged_row(row: Cells, kinds: list[str]) -> Cells | None:
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
