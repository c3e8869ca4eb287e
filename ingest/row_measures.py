"""Table rows → draft measures: a task-division table's row (序号 | 任务名称 | 责任部门
[| 时间节点]) is a measure, an indicator table's row is not (ingest/targets.py reads it).

Reads a row block's header and cells: the header's column kinds say which cell is the task
and which name the lead, responsible and supporting bodies. Apart from the outline's items
(ingest/item_measures.py) because a row's task and bodies come from its columns, not from
its sentences; `is_indicator_table` is asked by the target finders as well.
"""

from __future__ import annotations

from policykg.ingest.assignments import find_assignments
from policykg.ingest.draft import DraftMeasure
from policykg.ingest.item_measures import mentions_in
from policykg.ingest.responsibility import Mention, column_kind, parse_body
from policykg.ingest.statements import statement_of
from policykg.ingest.structure import Block, Cell, split_title


def is_indicator_table(block: Block) -> bool:
    header = "".join(block.header)
    return "指标" in header and not any(w in header for w in ("任务", "措施", "事项"))


def task_row(block: Block) -> bool:
    """A row of a task-division table: a header naming who does the task."""
    kinds = {column_kind(h) for h in block.header or []}
    return (
        block.kind == "row"
        and not is_indicator_table(block)
        and bool(kinds & {"lead", "responsible", "support"})
    )


def from_row(block: Block) -> DraftMeasure | None:
    """A task-division row: 序号 | 任务名称 | 责任部门 [| 时间节点]."""
    columns = [column_kind(h) for h in block.header] if block.header else []
    tasks = [c for c, k in zip(block.cells, columns, strict=False) if k == "task" and c.text]
    task = tasks[-1] if tasks else max(block.cells, key=lambda c: len(c.text))  # no header
    name = tasks[0].text if len(tasks) > 1 else None  # 名称 | 内容: the name is the title
    mentions: list[Mention] = []
    for cell, kind in zip(block.cells, columns, strict=False):
        if kind in ("lead", "responsible", "support") and cell.text:
            mentions += parse_body(cell.text, cell.start, default_role=kind)
    in_task = mentions_in(task.text, task.start)
    mentions = mentions + in_task if in_task else _joined_in_task(task, mentions)
    number = next((c.text for c in block.cells if c.text.isdigit()), None)
    title = name or split_title(task.text, max_len=30)[0]
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


def _joined_in_task(task: Cell, row: list[Mention]) -> list[Mention]:
    """The row's mentions, where a duty row's task joins other bodies to the row's one body
    (市场监管局 | 负责…，依法会同有关部门开展…): that body leads, the joined ones support."""
    if len(row) != 1 or row[0].role != "responsible":
        return row
    assigned = find_assignments(task.text, task.start)
    joined = [m for m in assigned if m.role == "support"]
    if not joined or any(m.role in ("lead", "responsible") for m in assigned):
        return row
    return [Mention(row[0].text, "lead", row[0].start, row[0].end), *joined]
