"""What the one-cell-a-line table readers share (ingest/line_cells.py): the line they read,
a row's cells, and a table written back in the cell contract of ingest/normalize.py.

Apart from the readers because all of them build on it: both kinds of table
(ingest/indicator_cell_tables.py, ingest/task_cell_tables.py) and the numbered rows they cut
(ingest/numbered_cell_rows.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol


class LineLike(Protocol):
    text: str
    offs: list[int]
    kind: str


Cells = list[tuple[str, list[int]]]  # a row's cells: (text, offsets into the source)


# a sentence's punctuation: a header or a cell holds none
SENTENCE = re.compile(r"[，。；：！？]")


def next_filled(lines: Sequence[LineLike], i: int) -> int:
    """The index of the next line with text, from i on (len(lines) when none)."""
    while i < len(lines) and not lines[i].text:
        i += 1
    return i


def as_cell_lines[L: LineLike](
    groups: list[Cells], make: Callable[[str, list[int], str], L]
) -> list[L]:
    """Header and rows as cell lines, a blank line after each row."""
    out: list[L] = []
    anchor = groups[0][0][1][0]
    for group in groups:
        for text, offs in group:
            anchor = offs[0] if offs else anchor  # an empty cell sits where the last one was
            out.append(make("\t" + text, [anchor, *offs], "cell"))
        out.append(make("", [], "blank"))
    return out
