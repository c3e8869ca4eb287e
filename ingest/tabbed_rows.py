"""Task tables a scrape flattened with tabs or pipes, read back to rows: pipe-separated rows
under a task table's header become tab-separated, a tab-separated row broken inside a cell is
rejoined, and each tab-separated row becomes the cell-per-line form of the line contract.
Read by normalize.py on the raw lines, before any character is folded; separate because it
is about table shape, not characters (one-cell-a-line tables are ingest/line_cells.py's).
"""

from __future__ import annotations

import re
from collections import Counter

from policykg.ingest.line_contract import Line, joined
from policykg.ingest.responsibility import column_kind

# A table a scrape flattened with pipes and no rule line ("序号 | 工作任务 | 责任部门 |", then
# "1 |" / "task | bodies |" / "progress | ||"): its header names a column of a task table.
_PIPE = re.compile(r"[|｜]")
_PIPE_WITH_SPACES = re.compile(r"[ \u3000]*(?P<pipe>[|｜])[ \u3000]*")
_PIPE_ROW_START = re.compile(r"\s*\d{1,3}\s*[|｜]")
_OUTLINE_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章节条])")


def pipe_rows(lines: list[Line]) -> list[Line]:
    """Pipe-separated rows under a task table's header, each row's broken lines joined (a
    row opens with its number), become tab-separated rows: the table the tab rules read."""
    out: list[Line] = []
    row: Line | None = None  # the row being read, its lines joined as written
    in_table = False
    for line in lines:
        if row is None and not in_table and not _PIPE.search(line.text):
            out.append(line)  # most lines of most documents: no table, no pipe
            continue
        cells = [c.strip() for c in re.split(r"[|｜]", line.text)]
        header = len([c for c in cells if c]) >= 3 and any(
            column_kind(c) in ("lead", "responsible", "support") for c in cells
        )
        ends = header or _PIPE_ROW_START.match(line.text) or _OUTLINE_HEADING.match(line.text)
        if row is not None and (ends or not line.text.strip()):
            out.append(_tabbed(row))
            row = None
        if header:
            in_table = True
            out.append(_tabbed(line))
        elif in_table and _PIPE_ROW_START.match(line.text):
            row = line
        elif row is not None:
            row = joined(row, line)  # the row goes on (a cell broken over lines)
        else:
            in_table = in_table and not _OUTLINE_HEADING.match(line.text)
            out.append(line)
    if row is not None:
        out.append(_tabbed(row))
    return out


def _tabbed(line: Line) -> Line:
    """`line` with each pipe a tab, the spaces around pipes and empty closing cells dropped."""
    text: list[str] = []
    offs: list[int] = []
    pos = 0
    for m in _PIPE_WITH_SPACES.finditer(line.text):
        text += line.text[pos : m.start()]
        offs += line.offs[pos : m.start()]
        text.append("\t")
        offs.append(line.offs[m.start("pipe")])
        pos = m.end()
    text += line.text[pos:]
    offs += line.offs[pos:]
    while text and text[-1] == "\t":
        text.pop(), offs.pop()
    return Line("".join(text), offs, line.kind)


def rejoin_broken_rows(lines: list[Line]) -> list[Line]:
    """A tab-separated row broken inside a cell ("10\t建立…机制；" / "共建…\t省药监局\t…"):
    the two lines are one row when their tabs add up to the table's (the commonest count of
    its rows), the first opening with the row's number. Else the second line would be a row
    of its own, one cell short, and every column after it would shift."""
    counts = Counter(n for x in lines if (n := x.text.count("\t")) >= 2)
    if not counts:
        return lines
    width = counts.most_common(1)[0][0]
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        tabs = line.text.count("\t")
        if (
            prev is not None
            and 0 < (before := prev.text.count("\t")) < width
            and before + tabs == width
            and re.match(r"\s*\d{1,3}\t", prev.text)
            and not re.match(r"\s*\d{1,3}\t", line.text)
        ):
            out[-1] = joined(prev, line)
        else:
            out.append(line)
    return out


def tsv_rows_to_cells(lines: list[Line]) -> list[Line]:
    """A row of tab-separated cells on one line ("1\t任务\t省药监局\t省司法厅") becomes
    the cell-per-line form, one "\t" line a cell and a blank line after the row, so
    both ways of flattening a table reach the structure stage alike."""
    out: list[Line] = []
    for line in lines:
        inner = line.text[1:] if line.text.startswith("\t") else line.text
        if inner.count("\t") < 2 or not inner.strip():
            out.append(line)
            continue
        head = len(line.text) - len(inner)
        pos = head
        for cell in inner.split("\t"):
            end = pos + len(cell)
            marker = line.offs[pos - 1] if pos > 0 else (line.offs[pos] if cell else line.offs[0])
            out.append(Line("\t" + cell, [marker, *line.offs[pos:end]]))
            pos = end + 1
        out.append(Line("", []))
    return out
