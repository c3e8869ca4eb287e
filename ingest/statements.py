"""Commitment semantics, written down once: what a passage of a policy says it will do.

Four statements (record.Statement):

- commitment — what the plan will do in its period: tasks, numbered items, table rows, and
  the goals of the plan period (主要目标, 工作目标, 发展目标: 到2025年…);
- safeguard — how it will be carried out (保障措施, 组织保障, 组织实施): also a commitment;
- vision — the framing and the long range (指导思想, 基本原则, 总体要求, 展望2035年, 远景目标);
- background — achievements and the situation (现状, 成效, 形势, 回顾, 十三五 achievements).

A section's title decides for the passages under it (the innermost title that names a
class); where the outline cannot be trusted (a shuffled page), each sentence is read by
its cues. The words are data (data/patterns/structure.yaml `statement_sections`,
`statement_cues`). `commits(statement)` is the one test the extractors ask: only a
commitment or a safeguard commits a province to a topic, a target or a responsibility.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from policykg.ingest.patterns import structure_patterns

COMMITTING = frozenset({"commitment", "safeguard"})


def commits(statement: str) -> bool:
    """A commitment or a safeguard: the document binds itself to it."""
    return statement in COMMITTING


def statement_of(path: list[str]) -> str:
    """The statement of the passages under a section path: the innermost title that names
    a class decides; none: commitment."""
    for title in reversed(path):
        if statement := _title_statement(title):
            return statement
    return "commitment"


@lru_cache(maxsize=4096)  # pure in the title: every passage asks its whole section path
def _title_statement(title: str) -> str | None:
    """The class a section title names, or None."""
    sections = structure_patterns()["statement_sections"]
    for statement, words in sections.items():
        if any(w in title for w in words):
            if statement == "vision" and any(w in title for w in sections["commitment"]):
                return "commitment"  # 总体要求和工作目标, 指导思想和主要目标: the goals are held
            return statement
    return None


def in_report(title: str | None, section: str | None, text: str, statement: str) -> str:
    """The statement of a passage of a report of work done (…情况的报告, 工作总结): what it
    tells is background, unless the passage or its section looks ahead (下一步工作打算)."""
    if statement != "commitment" or not title or not cues("report_title").search(title):
        return statement
    if cues("report_ahead_section").search(section or "") or cues("report_ahead").search(text):
        return statement
    return "background"


@cache
def cues(kind: str) -> re.Pattern[str]:
    """The sentence cues of one kind (background, vision, future, task)."""
    return re.compile("|".join(f"(?:{rx})" for rx in structure_patterns()["statement_cues"][kind]))


def sentence_statement(sentence: str) -> str:
    """What one sentence says, read without its section (a shuffled page's outline lies)."""
    reported = cues("reported_requirement").search(sentence)
    if reported:  # 省政府印发了《…》，要求…: what the reported policy requires
        sentence = sentence[reported.end() :]
    if cues("vision").search(sentence) and not cues("future").search(sentence):
        return "vision"
    if cues("background").search(sentence) and not cues("future").search(sentence):
        return "background"
    return "commitment"
