"""Targets of running text that carry no number: bottom lines and deadlines.

- qualitative — 不发生区域性、系统性药品安全事件: `value` null, `value_text` the commitment
  word as written (不发生), the indicator what must not happen;
- deadline — 2025年底前全面建成追溯平台 / 自2026年11月1日起施行: `value` null, `value_text`
  the date as written, `year` its year, the indicator the task.

Patterns: data/patterns/targets.yaml (`qualitative`, `deadlines`, `deadline_verbs`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from policykg.ingest.patterns import targets_patterns
from policykg.ingest.record import DepartmentMention
from policykg.ingest.targets import DraftTarget
from policykg.ingest.values import indicator_key


@dataclass(frozen=True)
class WordTarget:
    indicator: str
    value_text: str
    year: int | None
    comparator: str | None
    start: int  # offsets in the sentence: the evidence runs from the value to the indicator
    end: int


@cache
def _rx(name: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(x) for x in targets_patterns()[name])


def word_targets(sentence: str) -> list[WordTarget]:
    """The qualitative and deadline targets of one sentence, in order."""
    out: list[WordTarget] = []
    for rx in _rx("qualitative"):
        for m in rx.finditer(sentence):
            out.append(WordTarget(m["ind"].strip(), m["word"], None, None, m.start(), m.end()))
    verbs = tuple(targets_patterns()["deadline_verbs"])
    for rx in _rx("deadlines"):
        for m in rx.finditer(sentence):
            task = m["task"].strip()
            if task.startswith(("的", "之")) or not any(v in task[:12] for v in verbs):
                continue  # 2025年底前的数据: a date, not a deadline
            when = m["when"].strip()
            if len(task) < 4:  # 制定…办法，2017年底前完成 / 本办法自…起施行: the task is before
                before = re.split(r"[，,；;：:]", sentence[: m.start()].rstrip(" ，,"))[-1]
                task = before.strip() + task
            comparator = None if when.startswith("自") else "<="  # 自…起: from then on
            out.append(WordTarget(task, when, int(m["year"]), comparator, m.start(), m.end()))
    return sorted(out, key=lambda t: t.start)


def draft_word_targets(
    sentence: str,
    offset: int,
    year: int | None,
    section: str | None,
    departments: list[DepartmentMention],
    numeric: list[DraftTarget],
) -> list[DraftTarget]:
    """The sentence's word targets as drafts (`year`: the sentence's own, for a bottom line
    without one), where no numeric target of the sentence already covers them."""
    out = []
    for w in word_targets(sentence):
        a, b = offset + w.start, offset + w.end
        if any(t.start < b and a < t.end for t in numeric):
            continue
        key, tie = indicator_key(w.indicator)
        out.append(DraftTarget(
            key="", indicator=w.indicator, indicator_key=key, value_text=w.value_text, value=None,
            comparator=w.comparator, unit=None, year=w.year or year, baseline=None,
            baseline_year=None, binding=None, cumulative=False, section=section,
            text=sentence.strip(), start=a, end=b, departments=list(departments),
            warnings=[tie] if tie else [],
        ))  # fmt: skip
    return out
