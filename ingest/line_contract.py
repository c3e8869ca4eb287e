"""The line every step of ingest/normalize.py passes along: its text, the source offset of
each of its characters, and its kind in the line contract (text, table cell, a cell's
continuation, blank). Read by the normalization modules (tabbed_rows, dropped_text,
run_on_lines) and by normalize.py itself; kept apart so they share one line type and one
way of splitting, classifying and joining lines without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from policykg.ingest.markup import Mapped


@dataclass
class Line:
    text: str
    offs: list[int]
    kind: str = "text"  # text | cell | cont | blank | spaced (a line of spaces only)


def split_lines(buf: Mapped) -> list[Line]:
    lines, start = [], 0
    for part in buf.text.split("\n"):  # (split in C: a loop over every character was slow)
        end = start + len(part)
        lines.append(Line(part, buf.offs[start:end]))
        start = end + 1
    return lines


def classify(lines: list[Line]) -> list[Line]:
    """Assign line kinds and collapse blank runs (blank lines separate table rows)."""
    out: list[Line] = []
    for line in lines:
        if line.text.startswith("\t"):
            line.kind = "cell"
        elif not line.text:
            line.kind = "blank"
            if not out or out[-1].kind == "blank":
                continue
        else:
            line.kind = "cont" if out and out[-1].kind in ("cell", "cont") else "text"
        out.append(line)
    while out and out[-1].kind == "blank":
        out.pop()
    return out


def joined(line: Line, nxt: Line) -> Line:
    return Line(line.text + nxt.text, line.offs + nxt.offs, line.kind)


def join_lines(lines: list[Line]) -> tuple[str, list[int]]:
    """Join lines; a newline maps to the end of the preceding text in the source."""
    offs: list[int] = []
    cursor = 0
    for n, line in enumerate(lines):
        if n:
            nxt = line.offs[0] if line.offs else cursor
            offs.append(min(cursor, nxt))
        offs += line.offs
        if line.offs:
            cursor = line.offs[-1] + 1
    return "\n".join(line.text for line in lines), offs
