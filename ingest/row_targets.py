"""Targets of a task table's rows: a row's deadline cell (完成时限, 时间节点, 实施时间) makes the
row's task due then, where the row states no other target; the year of such a cell also dates
the targets of the row's own text (ingest/text_targets.py). An item's own 完成时限：line under
its 责任单位 line (the list form of the same table) is read the same way. An inspection plan's
rows (检查事项 | 检查时间 | 抽查比例 | 抽查频次) give each item's window, share and count.

The rule book (tests/heldout_real/README.md): a dated cell (2025年底前, 2025年6月) is a deadline
target, `comparator` <=, `year` its year; a day of the year the table is for (5月21日前) or an
activity's window (6月11日~19日) too, year null; 持续推进 and an event's hour are none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from policykg.ingest.patterns import responsibility_patterns, targets_patterns
from policykg.ingest.plan_cell_tables import plan_column
from policykg.ingest.record import Measure
from policykg.ingest.responsibility import column_kind
from policykg.ingest.row_measures import is_indicator_table
from policykg.ingest.statements import commits, statement_of
from policykg.ingest.structure import Block
from policykg.ingest.targets import DraftTarget
from policykg.ingest.values import indicator_key, parse_value


def row_deadline_targets(
    measures: list[Measure], blocks: Iterable[Block], found: list[DraftTarget]
) -> list[DraftTarget]:
    """A task table row's deadline cell (完成时限 2025年6月底前): the row's task is due then —
    a deadline target, as 2025年6月底前完成… in running text, where the row stated no other.
    An item's own 完成时限：line (the list form of the same table) is read the same way."""
    out = []
    blocks = list(blocks)
    for row in blocks:
        if row.kind != "row" or is_indicator_table(row) or not commits(statement_of(row.path)):
            continue
        cells = [c for c in row.cells if _dated(c.text)]
        task = next((m for m in measures if row.start <= m.start <= row.end), None)
        if len(cells) != 1 or task is None or any(row.start <= t.start <= row.end for t in found):
            continue
        cell = cells[0]
        # a row that names its task and then says what it holds (项目 | 内容): both
        kinds = [column_kind(h) for h in row.header or []]
        named = [c.text for c, k in zip(row.cells, kinds, strict=False) if k == "task" and c.text]
        indicator = "：".join(named) if len(named) > 1 else task.text
        out.append(_due_target(indicator, cell.text, cell.start, cell.end, row, task))
    for line in blocks:
        if line.kind != "paragraph" or not (m := _field_deadline().match(line.text)):
            continue
        value = m["value"].strip()
        task = next((x for x in reversed(measures) if x.start < line.start), None)
        if task is None or not commits(task.statement) or not _dated(value):
            continue
        if any(task.start <= t.start <= line.end for t in [*found, *out]):
            continue  # the item states a target of its own
        start = line.start + m.start("value")
        out.append(_due_target(task.text, value, start, start + len(value), line, task))
    return out


def plan_row_targets(measures: list[Measure], blocks: Iterable[Block]) -> list[DraftTarget]:
    """An inspection plan's row (检查事项 | 检查时间 | 抽查比例 | 抽查频次): the item's window of
    months, the share checked and the count of checks, each a target of the item as its cell
    writes it (不低于5%, 至少2次, 3月-6月); year null, as the row attaches none (the plan's year
    is its title's, ingest/text_targets.py dates a yearly plan's targets)."""
    words = targets_patterns()["plan_tables"]
    at_least = targets_patterns()["count_at_least"]
    out = []
    for row in blocks:
        kinds = [plan_column(h) for h in row.header or []] if row.kind == "row" else []
        if kinds.count("item") != 1 or not {"ratio", "frequency"} & set(kinds):
            continue
        cells = list(zip(row.cells, kinds, strict=False))
        item = next((c.text.strip() for c, k in cells if k == "item"), "")
        task = next((m for m in measures if row.start <= m.start <= row.end), None)
        if not item:
            continue
        key, tie = indicator_key(item)
        for cell, kind in cells:
            if kind not in ("window", "ratio", "frequency"):
                continue
            m = re.match(words[f"{kind}_cell"], cell.text)
            if m is None:
                continue
            at = (
                m.start("when")
                if kind == "window"
                else m.start("cmp")
                if m["cmp"]
                else m.start("value")
            )
            written = cell.text[at : m.end("when")] if kind == "window" else cell.text[at:].strip()
            # (the value read as any value is, values.parse_value; 至少N次 is a least count, as
            # in running text: count_at_least)
            least = next((w for w in at_least if written.startswith(w)), "")
            v = parse_value(written[len(least) :]) if kind != "window" else None
            out.append(DraftTarget(
                key="", indicator=item, indicator_key=key, value_text=written,
                value=v.value if v else None,
                comparator=(v.comparator or (">=" if least else None)) if v else None,
                unit=v.unit if v else None, year=None,
                baseline=None, baseline_year=None, binding=None, cumulative=False,
                section=row.section, text=row.text, start=cell.start + at,
                end=cell.start + at + len(written),
                departments=list(task.departments) if task else [], warnings=[tie] if tie else [],
            ))  # fmt: skip
    return out


def _dated(text: str) -> bool:
    return bool(_DEADLINE_CELL.match(text) or _DUE_CELL.match(text))


def _due_target(
    indicator: str, when: str, start: int, end: int, where: Block, task: Measure
) -> DraftTarget:
    key, tie = indicator_key(indicator)
    dated = _DEADLINE_CELL.match(when)
    return DraftTarget(
        key="", indicator=indicator, indicator_key=key, value_text=when.strip(),
        value=None, comparator=None if _WINDOW.search(when) else "<=", unit=None,
        year=int(dated["year"]) if dated else None,
        baseline=None, baseline_year=None, binding=None, cumulative=False,
        section=where.section, text=where.text, start=start, end=end,
        departments=list(task.departments), warnings=[tie] if tie else [],
    )  # fmt: skip


@cache
def _field_deadline() -> re.Pattern[str]:
    """An item's own deadline line (完成时限：2028年12月底前), its label one of the deadline
    columns of data/patterns/responsibility.yaml."""
    labels = "|".join(map(re.escape, responsibility_patterns()["deadline_columns"]))
    return re.compile(rf"^\s*(?:{labels})\s*[:：]\s*(?P<value>.+?)\s*$")


# A task table's deadline cell (完成时限): a year and an end, nothing else (2025年底前, 2026年6月).
_DEADLINE_CELL = re.compile(
    r"^\s*(?:于|在)?(?P<year>20\d{2})\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?(?:底|末|年底)?"
    r"(?:前|以前|之前)?(?:完成)?\s*$"
)


# …or a day of the year the table is for: a deadline (5月21日前) or the activity's window
# (6月11日~19日); a bare day and hour is an event's time (6月19日(上午), 6月11日10时), no target.
_DUE_CELL = re.compile(
    r"^\s*(?:于|在)?\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:底|末|中旬|下旬)?(?:前|以前|之前)\s*$"
    r"|^\s*\d{1,2}\s*月\s*\d{1,2}\s*日?\s*[-—–~～至到]\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日\s*$"
)
_WINDOW = re.compile(r"\d\s*日?\s*[-—–~～至到]\s*\d")


def row_deadlines(blocks: list[Block]) -> list[tuple[int, int, int]]:
    """(start, end, year) of the task table rows whose deadline cell names a year."""
    out = []
    for row in blocks:
        if row.kind != "row":
            continue
        years = [int(m["year"]) for c in row.cells if (m := _DEADLINE_CELL.match(c.text))]
        if len(years) == 1:
            out.append((row.start, row.end, years[0]))
    return out


def due_year(rows: list[tuple[int, int, int]], at: int) -> int | None:
    return next((y for a, b, y in rows if a <= at <= b), None)
