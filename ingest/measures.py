"""Blocks → measures (what the document commits to) with sections, statements and
responsible departments. Task-division table rows are measures too; indicator table
rows go to ingest/targets.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.patterns import responsibility_patterns, structure_patterns
from ingest.responsibility import Mention, find_statements, parse_body
from ingest.structure import Block, split_title

MIN_MEASURE_CHARS = 12


@dataclass
class DraftMeasure:
    """A measure before department resolution (mentions are still surface forms)."""

    ordinal: str
    section: str | None
    title: str | None
    text: str
    statement: str
    start: int
    end: int
    mentions: list[Mention] = field(default_factory=list)


def statement_of(path: list[str]) -> str:
    """Classify by the innermost section title that says something."""
    rules = structure_patterns()["statement_sections"]
    for title in reversed(path):
        for statement, words in rules.items():
            if any(w in title for w in words):
                return statement
    return "commitment"


def _skipped(path: list[str], key: str) -> bool:
    words = structure_patterns()[key]
    return any(w in title for title in path for w in words)


def is_indicator_table(block: Block) -> bool:
    header = "".join(block.header)
    return "指标" in header and not any(w in header for w in ("任务", "措施", "事项"))


def build_measures(blocks: list[Block]) -> list[DraftMeasure]:
    measures: list[DraftMeasure] = []
    seen_heading = False
    para_counter: dict[str, int] = {}
    for block in blocks:
        if block.kind == "heading":
            seen_heading = True
        if not seen_heading or _skipped(block.path, "non_measure_sections"):
            continue  # the preamble and notice text, definitions, statistical notes
        if block.kind == "heading":
            measure = _from_heading(block)
        elif block.kind == "paragraph":
            measure = _from_paragraph(block, para_counter)
        else:
            measure = None if is_indicator_table(block) else _from_row(block)
        # table rows name their task however briefly (疫苗全链条监管工程); prose needs substance
        if measure and (block.kind == "row" or len(measure.text) >= MIN_MEASURE_CHARS):
            measures.append(measure)
    return _unique_ordinals(measures)


def _from_heading(block: Block) -> DraftMeasure | None:
    assert block.marker is not None
    rest = block.text[len(block.marker.text) :].lstrip()
    title, body = split_title(rest)
    if not body:
        return None  # a heading that only names a section
    offset = block.start + (len(block.text) - len(rest))
    return DraftMeasure(
        ordinal=block.ordinal,
        section=" / ".join(block.path[:-1]) or None,
        title=title or None,
        text=rest,
        statement=statement_of(block.path),
        start=offset,
        end=offset + len(rest),
        mentions=_mentions_in(rest, offset),
    )


def _from_paragraph(block: Block, counter: dict[str, int]) -> DraftMeasure | None:
    if (
        _skipped(block.path[-1:], "framing_sections")
        or block.text.startswith("注")
        or block.text.endswith(("：", ":"))  # introduces a list or table
    ):
        return None
    key = "/".join(block.path)
    counter[key] = counter.get(key, 0) + 1
    title, _ = split_title(block.text, max_len=20)
    return DraftMeasure(
        ordinal=f"{_ordinal_of(block)}p{counter[key]}",
        section=block.section,
        title=title or None,
        text=block.text,
        statement=statement_of(block.path),
        start=block.start,
        end=block.end,
        mentions=_mentions_in(block.text, block.start),
    )


def _ordinal_of(block: Block) -> str:
    return f"{block.ordinal}." if block.ordinal else ""


def _from_row(block: Block) -> DraftMeasure | None:
    """A task-division row: 序号 | 任务名称 | 责任部门 [| 时间节点]."""
    columns = [_column_kind(h) for h in block.header] if block.header else []
    task = next((c for c, k in zip(block.cells, columns, strict=False) if k == "task"), None)
    if task is None:  # no header: the longest cell is the task
        task = max(block.cells, key=lambda c: len(c.text))
    mentions: list[Mention] = []
    for cell, kind in zip(block.cells, columns, strict=False):
        if kind in ("responsible", "support") and cell.text:
            role = "support" if kind == "support" else "responsible"
            mentions += parse_body(cell.text, cell.start, default_role=role)
    mentions += _mentions_in(task.text, task.start)
    number = next((c.text for c in block.cells if c.text.isdigit()), None)
    title, _ = split_title(task.text, max_len=30)
    return DraftMeasure(
        ordinal=f"t{block.table}.r{number or block.start}",
        section=block.section,
        title=title or None,
        text=task.text,
        statement=statement_of(block.path),
        start=task.start,
        end=task.end,
        mentions=mentions,
    )


def _column_kind(header: str) -> str:
    patterns = responsibility_patterns()
    if any(w in header for w in patterns["support_columns"]):
        return "support"
    if any(w in header for w in patterns["table_columns"]):
        return "responsible"
    if any(w in header for w in ("任务", "措施", "事项", "名称", "内容")):
        return "task"
    return "other"


def _mentions_in(text: str, offset: int) -> list[Mention]:
    return [m for s in find_statements(text, offset) for m in s.mentions]


def _unique_ordinals(measures: list[DraftMeasure]) -> list[DraftMeasure]:
    seen: dict[str, int] = {}
    for m in measures:
        base = re.sub(r"\s+", "", m.ordinal)
        seen[base] = seen.get(base, 0) + 1
        m.ordinal = base if seen[base] == 1 else f"{base}~{seen[base]}"
    return measures
