"""The texts read for running-text targets, and what frames a sentence in them.

ingest/text_targets.py reads each commitment measure and each task-table row cell that holds a
number (`TargetSource`, `target_sources`); a sentence there may elaborate the item heading
just before its paragraph (`heading_before`, `ITEM_HEADING`, `DIRECTIVE`), name back to a
campaign said before (`BACK_REFERENCE`, `named_back`) or mark its goal's nature after the
value (`binding_after`). Kept apart from the sentence loop: these readers look around a
sentence — its source, the heading and the text before it — never at its values.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from policykg.ingest.record import DepartmentMention, Measure
from policykg.ingest.row_measures import is_indicator_table
from policykg.ingest.row_targets import due_year, row_deadlines
from policykg.ingest.statements import commits, statement_of
from policykg.ingest.structure import Block
from policykg.ingest.targets import binding_of
from policykg.ingest.text_target_rules import config


@dataclass
class TargetSource:
    text: str
    start: int
    section: str | None
    departments: list[DepartmentMention]
    year: int | None = None  # a task table row's deadline column (完成时限: 2025年底前)


# An indicator that names back to what was said (本次检查, 此次行动): the same campaign.
BACK_REFERENCE = ("本次", "此次", "这次", "该次")


def named_back(indicator: str, before: str) -> str:
    """此次专项行动 (…为期两个月) after the same sentence named the campaign (…排查整治专项行动
    启动，): the campaign's name, the last one before it; the indicator as written when none is
    (a sentence before may name another work: 制定了…检查工作方案。此次检查…)."""
    rest = indicator[2:]
    if not 2 <= len(rest) <= 6:
        return indicator
    sentence = re.split(r"[。！？!?\n]", before)[-1]
    rx = rf"(?:^|[，,；;、“”\s的])([^，,。；;、“”\s的]{{2,30}}?{re.escape(rest)})"
    names = [
        m.group(1)
        for m in re.finditer(rx, sentence)
        if m.group(1) != rest and not any(r in m.group(1) for r in BACK_REFERENCE)
    ]
    if names:
        return names[-1]
    # (or a sentence before launched it by name: …开展整治“某某”市场乱象百日行动，…。此次行动
    # 从…开始，为期约100天 — the last campaign launched before, its quotes kept)
    launched = re.findall(
        rf"(?:开展|启动|部署|组织)(?:了)?(?:为期[^，,。的]{{1,6}}的)?([^，,。；;、\s的]{{2,30}}?{re.escape(rest)})(?=[，,。；;、]|$)",
        before[-600:],
    )
    return launched[-1] if launched else indicator


# A goal's nature written after its value (…达到98%以上（约束性）), as a plan's 主要目标 marks
# its indicators in running text.
_NATURE = re.compile(r"\s*[（(](?P<nature>[^（）()]{2,6})[）)]")


def binding_after(sentence: str, end: int) -> str | None:
    m = _NATURE.match(sentence, max(0, end))
    return binding_of(m["nature"].strip(), strict=True) if m else None


# An item whose heading is its own sentence (二是集中开展业务培训。), and a sentence without a
# subject that elaborates it (要求…, 各单位要…): the heading names the item's task.
ITEM_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])\s*"
    r"(?:结合实际[，,]\s*)?(?P<task>[^。，,；;：:]{4,30})。$"
)
_LAST_SENTENCE = re.compile(r"([^。\n]+。)\s*$")


def heading_before(text: str, at: int) -> str | None:
    """The item heading that ends right before `at` (二是开展自查。), if any."""
    m = _LAST_SENTENCE.search(text[max(0, at - 40) : at])
    return h["task"] if m and (h := ITEM_HEADING.match(m.group(1))) else None


DIRECTIVE = re.compile(r"^\s*(?:要求|请|各[^，,。]{1,12}?(?:要|应|须))")


def target_sources(measures: list[Measure], blocks: Iterable[Block]) -> list[TargetSource]:
    cfg = config()
    blocks = list(blocks)
    due = row_deadlines(blocks)
    out = [
        TargetSource(
            m.text, m.start, m.section or m.title, list(m.departments), due_year(due, m.start)
        )
        for m in measures
        if commits(m.statement) and not cfg["definition_re"].match(m.text)
    ]
    for row in blocks:
        if row.kind != "row" or is_indicator_table(row):
            continue
        if not commits(statement_of(row.path)):
            continue
        owner = next((m for m in measures if row.start <= m.start <= row.end), None)
        for cell in row.cells:
            if owner and owner.start <= cell.start < owner.end or not re.search(r"\d", cell.text):
                continue
            departments = list(owner.departments) if owner else []
            out.append(TargetSource(cell.text, cell.start, row.section, departments))
    return out
