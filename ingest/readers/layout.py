"""Positioned text lines of a paginated document (PDF, OFD) → the line contract of normalize.

A page description format places glyphs, not paragraphs: a paragraph of an official
document (GB/T 9704-2012: body text justified between the margins, first line indented
two characters, page numbers "— 1 —" at the foot of each page) arrives as one line per
printed line, with running headers, footers and page numbers mixed in. This module
turns the lines of all pages into text a plain-text file of the same document would hold:

* page numbers ("— 3 —", "-3-", "第3页", "第3页 共9页", "3/9") in the top or bottom band of a
  page, and lines repeated in that band on most pages (running headers and footers), are
  dropped;
* a line that reaches the right margin continues on the next line unless that line is
  indented (a new paragraph) — across page breaks too — and the two are joined (no space
  between hanzi; one space between Latin words);
* tables become cell lines ("\\t" + cell text), a blank line after each row, the form
  ingest/normalize.py and ingest/structure.py read for every table; a cell the table's
  merging covers (None) is left out, as HTML leaves out cells under a rowspan.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from statistics import median

_PAGE_NUMBER = re.compile(
    r"^[\s\-—－–~]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?"
    r"[\s\-—－–~]*$|^(?:page\s*)?\d{1,4}\s*(?:of\s*\d{1,4})?$",
    re.IGNORECASE,
)
BAND = 0.1  # share of the page height at the top and at the bottom that headers live in
RIGHT_SLACK = 2.5  # a line ending this many characters short of the margin still runs on
INDENT = 0.6  # a line starting this many characters in from the margin opens a paragraph


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    size: float  # character size (font size) of the line


@dataclass
class Table:
    rows: list[list[str | None]]
    top: float


@dataclass
class Page:
    width: float
    height: float
    items: list[Line | Table] = field(default_factory=list)


CELL_GAP = 2.5  # a gap this many characters wide between glyphs separates table cells


def line_text(glyphs: list[tuple[float, float, str]], size: float) -> str:
    """A printed line from its glyph runs (x0, x1, text) in reading order. A wide gap is a
    column gap of a table without rules and becomes a tab: normalize turns a line of three
    or more tab-separated cells into a table row."""
    text = ""
    for k, (x0, _, piece) in enumerate(glyphs):
        gap = x0 - glyphs[k - 1][1] if k else 0.0
        if gap > CELL_GAP * size:
            text = text.rstrip(" ") + "\t"
        elif gap > 0.8 * size and not text.endswith((" ", "\t")):
            text += " "
        text += piece
    return text.strip(" \u3000\t")


def join_wrapped(a: str, b: str) -> str:
    """Two pieces of one wrapped line or cell: one space between Latin words, else none
    (hanzi, and numbers a line break cut: "20" + "21年")."""
    if a[-1:].isascii() and a[-1:].isalpha() and b[:1].isascii() and b[:1].isalpha():
        return a + " " + b
    return a + b


def cell_text(cell: str) -> str:
    """A table cell's text with its wrapped lines joined and tabs made spaces."""
    out = ""
    for piece in cell.replace("\t", " ").splitlines():
        out = join_wrapped(out, piece.strip())
    return out


def table_lines(rows: list[list[str | None]], *, wrapped: bool = True) -> list[str]:
    """Cell lines of a table. wrapped: a line break inside a cell is a wrap (PDF, OFD) and
    is joined; else it is the writer's (a DOCX cell's paragraphs) and starts a continuation
    line of the cell, as in a text file."""
    out: list[str] = [""]
    for row in rows:
        cells = [cell_text(c) if wrapped else "\n".join(_lines(c)) for c in row if c is not None]
        if any(cells):
            out += ["\t" + c for c in cells] + [""]
    return out


def _lines(cell: str) -> list[str]:
    return [s for s in (p.replace("\t", " ").strip() for p in cell.splitlines()) if s]


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _furniture(pages: list[Page]) -> set[int]:
    """ids of page numbers and running headers/footers (top or bottom band of a page)."""
    banded: list[tuple[Line, str]] = []
    for page in pages:
        lines = [i for i in page.items if isinstance(i, Line)]
        for line in lines[:2] + lines[-2:]:
            if line.top < page.height * BAND or line.top > page.height * (1 - BAND):
                banded.append((line, _key(line.text)))
    counts = Counter(k for _, k in {(id(line), k) for line, k in banded})
    repeated = {k for k, n in counts.items() if n >= max(2, len(pages) // 2) and len(pages) > 1}
    return {
        id(line) for line, k in banded if _PAGE_NUMBER.match(line.text.strip()) or k in repeated
    }


def pages_to_text(pages: list[Page]) -> str:
    """The document's text in the line contract of ingest/normalize.py."""
    drop = _furniture(pages)
    lines = [i for p in pages for i in p.items if isinstance(i, Line) and id(i) not in drop]
    if not lines:
        tables = [i for p in pages for i in p.items if isinstance(i, Table)]
        return "\n".join(line for t in tables for line in table_lines(t.rows)).strip("\n")
    size = median(line.size for line in lines) or 1.0
    left = min(round(line.x0) for line in lines)
    rights = sorted(line.x1 for line in lines if "\t" not in line.text) or [0.0]
    right = rights[int(len(rights) * 0.9)]
    out: list[str] = []
    open_line: Line | None = None  # the last text line, if the next may continue it
    for page in pages:
        for item in page.items:
            if isinstance(item, Table):
                out += table_lines(item.rows)
                open_line = None
                continue
            if id(item) in drop:
                continue
            runs_on = (
                open_line is not None
                and "\t" not in open_line.text + item.text
                and open_line.x1 >= right - RIGHT_SLACK * size
                and item.x0 <= left + INDENT * size
            )
            if runs_on:
                out[-1] = join_wrapped(out[-1], item.text)
            else:
                out.append(item.text)
            open_line = item
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n")
