"""Programs named by the document's structure: 专栏 box titles (a run-on title cut after its
kind word), rows of an appendix table of major programs (the name cell, its content cell as
description), and the rows of such a table a scraped page flattened into running text.

Apart from the running-text finder (ingest/programs_in_text.py) because these read blocks,
cells and the plain text, not the Doc's tokens; the enricher (ingest/programs.py) asks them
and lets a box title or table row win over the words inside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from policykg.ingest.program_kinds import (
    QUOTE_CLOSE,
    QUOTE_OPEN,
    FoundProgram,
    kind_of,
    kind_words,
    program_rules,
)

if TYPE_CHECKING:
    from policykg.ingest.structure import Block


def box_titles(blocks: list[Block]) -> Iterator[FoundProgram]:
    """专栏 titles that name a program; a run-on title is cut after its kind word."""
    for i, b in enumerate(blocks):
        if b.kind != "heading" or b.marker is None or b.marker.style != "box":
            continue
        rest = b.text[len(b.marker.text) :].lstrip()
        offset = b.start + len(b.text) - len(rest)
        cut = _first_kind_end(rest)
        if cut is None:
            continue
        name = rest[:cut].rstrip("。 ")
        body = next((n.text for n in blocks[i + 1 : i + 3] if n.kind != "row"), None)
        description = rest[cut:].strip("。 ") or body
        yield FoundProgram(name, kind_of(name), offset, offset + len(name), description)


def _first_kind_end(text: str) -> int | None:
    """Where the program name of a box title ends: all of it when it ends with a kind word,
    else (a scraped page ran the title into the text) after the first kind word that is
    not followed by more of the name (监管体系建设工程|完善监管工作运行机制)."""
    title = text.rstrip("。 ")
    if kind_of(title):
        return len(title) if len(title) <= program_rules()["max_chars"] else None
    ends = sorted(
        m.end() + (1 if text[m.end() : m.end() + 1] == QUOTE_CLOSE else 0)
        for word in kind_words()
        for m in re.finditer(re.escape(word), text)
    )
    for end in ends:
        if text[:end].count(QUOTE_OPEN) != text[:end].count(QUOTE_CLOSE):
            continue
        rest = text[end:]
        if not rest.startswith(tuple(program_rules()["followers"])) and not kind_of(
            text[end : end + 3]
        ):
            return end if end <= program_rules()["max_chars"] else None
    return None


def table_rows(blocks: list[Block]) -> Iterator[FoundProgram]:
    """Rows of an appendix table of major programs (name cell; content as description)."""
    rules = program_rules()
    category = ""
    for b in blocks:
        if b.kind != "row":
            continue
        where = " ".join([*b.path, b.caption or ""])
        if not any(w in where for w in rules["program_tables"]):
            continue
        cells = dict(zip(b.header, b.cells, strict=False))
        name_cell = next((c for h, c in cells.items() if "名称" in h.replace(" ", "")), None)
        cat_cell = next((c for h, c in cells.items() if "类别" in h), None)
        if cat_cell and cat_cell.text.strip():
            category = re.sub(r"\s", "", cat_cell.text)
        if name_cell is None or not name_cell.text.strip():
            continue
        if any(w in category for w in rules["non_program_categories"]):
            continue
        content = next((c.text for h, c in cells.items() if "内容" in h), None) or b.text
        name = name_cell.text.strip()
        yield FoundProgram(name, kind_of(name), name_cell.start, name_cell.end, content)


def run_on_rows(text: str) -> Iterator[FoundProgram]:
    """A flattened appendix table: "1国家食品药品检测基地项目续建依托…"."""
    if not any(w in text for w in program_rules()["program_tables"]):
        return
    for m in re.finditer(program_rules()["run_on_row"], text):
        tail = text[m.end() :]
        description = re.split(r"[。\n]", tail, maxsplit=1)[0] or None
        yield FoundProgram(
            m["name"], kind_of(m["name"]), m.start("name"), m.end("name"), description
        )
