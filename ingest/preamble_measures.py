"""A paragraph before the outline (a notice's or a news reprint's text, a preamble) →
draft measures: taken whole where it assigns work or commits to a dated or counted goal,
else its assigning sentences one by one; a page's headline and summary line are skipped.

Reads the paragraph's text with the news, report and requirement cues (structure.yaml
`statement_cues`, `preamble_commitment`) and what ingest/preamble.py finds in its sentences.
Apart from the outline's items (ingest/item_measures.py) because before the first heading
no section title gives the statement: the paragraph's own cues decide whether it commits,
tells background or is no measure.
"""

from __future__ import annotations

import re
from functools import cache

from policykg.ingest.assignment_patterns import ARTICLE
from policykg.ingest.assignments import find_assignments
from policykg.ingest.draft import DraftMeasure
from policykg.ingest.group_posts import fills_posts
from policykg.ingest.item_measures import (
    MIN_MEASURE_CHARS,
    SENTENCE_MARKS,
    introduces_list,
    mentions_in,
)
from policykg.ingest.patterns import structure_patterns
from policykg.ingest.preamble import (
    assigning_sentences,
    instructs_directly,
    narrated,
    passes_on,
    prescribes,
)
from policykg.ingest.responsibility import find_statements
from policykg.ingest.role_cues import narrated_roles
from policykg.ingest.statements import cues, sentence_statement
from policykg.ingest.structure import Block
from policykg.ingest.webmeta import is_label_line


@cache
def _modal() -> re.Pattern[str]:
    return re.compile(structure_patterns()["modal"])


@cache
def _commitment_cue() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{rx})" for rx in structure_patterns()["preamble_commitment"]))


def from_preamble(block: Block, counter: dict[str, int]) -> DraftMeasure | None:
    """A paragraph before the outline is a measure when it assigns work to a body or commits
    to a dated or quantified goal (到2025年…达到95%); the rest (addressees, the notice's
    formula, a news lead) is not."""
    text = block.text
    if is_label_line(text):
        return None  # 责任部门：X in a page's label block names no task
    if len(text) < MIN_MEASURE_CHARS or introduces_list(text):
        return None  # (tested before the readers below: no measure whatever they find)
    mentions = mentions_in(text, block.start)
    assigned = find_assignments(text, block.start)
    if not (mentions or assigned or _commitment_cue().search(text)):
        return None
    statement = sentence_statement(text)
    at = [m.start - block.start for m in assigned]
    instructed = _reported_instruction(text, at)
    if statement != "commitment" and _reported_goal(text) and _REQUIRES.search(text):
        statement = "commitment"  # A要求/提出…到2027年…达到…: a goal set, as reported
    elif statement != "commitment" and instructed:
        statement = (
            "commitment"  # 签订了…责任书。责任书内，对各村明确了…责任: duties set, as reported
        )
    if statement != "commitment":
        # a news lead's review of achievements, an outlook: a measure only where a role word
        # gives a body its role in the narration (小组成员涉及A、B…; A会同B开展了…)
        if not _narrated_only(text, bool(assigned)):
            return None
    elif (
        cues("news").search(text)
        and not assigned_by_statement(text)
        and not _reported_goal(text)  # a report of a policy's dated or counted goal
        and not instructed
    ):
        # a reprint's narration of an event (who met or toured) is no task; its role words
        # still give roles, as background (新成立的领导小组，成员涉及A、B…)
        if not _narrated_only(text, bool(assigned)):
            return None
        statement = "background"
    # (a rule's article, 第四条 …, is normative without a modal word)
    posted = assigned and fills_posts(text)  # 办公室设在A: a structure that assigns
    if not (
        statement != "commitment"  # its role words were checked above
        or mentions
        or posted
        or prescribes(text)
        or instructed
        or instructs_directly(text, at)
        or ARTICLE.match(text)
        or _commitment_cue().search(text)
    ):
        related = any(m.role in ("lead", "support") for m in assigned)
        if not (related and _narrated_only(text, True)):
            return None  # A继续开展…，A积极协调…: narration; its sentences are read one by one
        statement = "background"  # …；C联合D开展了…；…: one body led, others supported
    counter["preamble"] = counter.get("preamble", 0) + 1
    return DraftMeasure(
        ordinal=f"0p{counter['preamble']}",
        section=None,
        title=None,
        text=text,
        statement=statement,
        start=block.start,
        end=block.end,
        mentions=mentions,
    )


def _narrated_only(text: str, assigned: bool) -> bool:
    """Narration whose role words give bodies roles (小组成员涉及A、B…; A会同B开展了…) and none
    of whose sentences assigns a task (a paragraph with tasks among its sentences is read one
    by one, ingest/preamble.py)."""
    return assigned and narrated_roles(text) and not assigning_sentences(text, 0)


# (部署 told as done, 部署开展了…行动, reports a launch, not a goal set)
_REQUIRES = re.compile(r"要求|提出|明确|部署(?![^，,。；;]{0,6}了)")
_PAST = re.compile(r"截至|截止|已经|已有|已达|已建成|已完成|已累计|共建成|累计建成")


def _reported_goal(text: str) -> bool:
    """A news item reporting a policy's goal (…提出2027年要建成50家…; …要求到2025年所有…均…):
    a dated or counted commitment, not an achievement (截至…已建成…)."""
    return bool(_commitment_cue().search(text)) and not _PAST.search(text)


def preamble_sentences(block: Block, counter: dict[str, int]) -> list[DraftMeasure]:
    """The assigning sentences of a paragraph not taken whole (ingest/preamble.py)."""
    out = []
    set_up = cues("set_up_report").search(block.text) is not None
    for start, end, _ in assigning_sentences(block.text, block.start):
        counter["preamble"] = counter.get("preamble", 0) + 1
        text = block.text[start - block.start : end - block.start]
        # a reported set-up's roster and duties are background: the structure exists; so is
        # past narration whose role words give bodies roles (A会同B开展了…)
        # (an instruction reported, 会议强调，A要…, is the instruction's: it commits)
        told = (set_up and not _modal().search(text)) or (narrated(text) and not passes_on(text))
        statement = "background" if told else "commitment"
        out.append(DraftMeasure(ordinal=f"0p{counter['preamble']}", section=None, title=None,
                                text=text, statement=statement, start=start, end=end,
                                mentions=mentions_in(text, start)))  # fmt: skip
    return out


def _reported_instruction(text: str, assigned_at: list[int]) -> bool:
    """A news lead reporting a policy that instructs bodies (X下发通知，要求各地、各部门…): the
    requirement is the policy's, its bodies named after the issuing are given the task."""
    told = cues("reported_requirement").search(text)
    return told is not None and any(at >= told.end() for at in assigned_at)


def assigned_by_statement(text: str) -> bool:
    """The passage gives work in a statement form (（责任单位：…）, A牵头、B配合), which a
    news narration may quote; then it stays a measure."""
    return bool(find_statements(text))


def page_headline(block: Block, after: list[Block]) -> bool:
    """A short line without a sentence mark whose byline follows (来源：…): the page's own
    headline, which reports what was done."""
    text = block.text.strip()
    byline = structure_patterns()["page_byline"]
    return (
        len(text) <= 60
        and not SENTENCE_MARKS.search(text)
        and any(re.match(byline, b.text) for b in after)
    )


# A news page's summary label (核心提示：, 内容提要：, 导读：) before its report's first sentence
_SUMMARY_LABEL = re.compile(r"^\s*(?:核心提示|内容提要|内容摘要|提要|导读|摘要)\s*[:：]\s*")


def page_summary(block: Block, later: list[Block]) -> bool:
    """A summary line that a later paragraph repeats (核心提示：X下发通知，… then 本报讯 X下发
    通知，…): the page's chrome; the report's own sentence is the measure."""
    label = _SUMMARY_LABEL.match(block.text)
    if label is None:
        return False
    head = re.sub(r"\s", "", block.text[label.end() :])[:16]
    return len(head) >= 8 and any(head in re.sub(r"\s", "", b.text) for b in later)
