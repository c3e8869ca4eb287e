"""A draft measure cut where what it says changes: where its sentences change statement
(background → commitment), where a framing section states the period's goals, and where
running text gives work to different bodies sentence by sentence. Used by
ingest/measures.py after the blocks have become draft measures.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from policykg.ingest.assignments import find_assignments
from policykg.ingest.draft import DraftMeasure
from policykg.ingest.group_posts import roster_post
from policykg.ingest.item_measures import assigns_back
from policykg.ingest.preamble import SENTENCE
from policykg.ingest.responsibility import find_statements
from policykg.ingest.role_cues import narrated_roles
from policykg.ingest.statements import cues, sentence_statement


def by_sentence(m: DraftMeasure) -> list[DraftMeasure]:
    """Split a measure where its sentences change statement (background / commitment …)."""
    if m.ordinal.startswith("t"):
        return [m]  # a table row is one task
    runs: list[tuple[str, int, int]] = []  # (statement, start, end) offsets into m.text
    for sm in re.finditer(r"[^。！？!?]+[。！？!?]*", m.text):
        kind = sentence_statement(sm.group())
        plain = kind == "commitment" and not cues("future").search(sm.group())
        if plain and runs and not cues("task").search(sm.group().lstrip()):
            kind = runs[-1][0]  # a sentence without cues goes on with the one before it
        if runs and runs[-1][0] == kind:
            runs[-1] = (kind, runs[-1][1], sm.end())
        else:
            runs.append((kind, sm.start(), sm.end()))
    if len(runs) <= 1:
        return [replace(m, statement=runs[0][0] if runs else m.statement)]
    return _split_runs(m, runs)


def narrated_sentences(m: DraftMeasure) -> list[DraftMeasure]:
    """A narrated paragraph taken for its role words (…A会同B提出了…; 成员涉及A、B): the
    sentences that carry them, one measure each (the genre's statement unit is the
    sentence); the narration around them gives no one a role."""
    sentences = list(SENTENCE.finditer(m.text))
    if len(sentences) < 2:
        return [m]
    keep = [
        (sm.start(), sm.end())
        for sm in sentences
        if narrated_roles(sm.group()) and find_assignments(sm.group())
    ]
    if not keep:
        return [m]
    return [_piece(m, n, "s", a, b, m.statement) for n, (a, b) in enumerate(keep, start=1)]


def by_bracket(m: DraftMeasure) -> list[DraftMeasure]:
    """An item that closes each of its tasks with a bracket of its own (加强A。（甲负责）推进B。
    （乙负责）): one measure per task, each with its bracket's bodies; the text after the last
    bracket (a task whose bracket the page cut) goes on as a piece of its own."""
    if m.ordinal.startswith("t"):
        return [m]
    found = find_statements(m.text)
    cuts = [0]
    for st in found:
        between = m.text[cuts[-1] : st.start]
        if st.start > cuts[-1] and _HANZI.search(between) and len(_HANZI.findall(between)) >= 4:
            cuts.append(st.end)
        elif len(cuts) > 1:
            cuts[-1] = st.end  # (甲负责)(乙配合): brackets side by side close one task
    if len(cuts) < 3:
        return [m]
    if len(_HANZI.findall(m.text[cuts[-1] :])) >= 4:
        cuts.append(len(m.text))
    else:
        cuts[-1] = len(m.text)
    pieces = enumerate(itertools.pairwise(cuts), start=1)
    # a task opens after the punctuation that closes the bracket before it (…负责）。推进B)
    return [_piece(m, n, "b", a + _lead_punct(m.text[a:b]), b, m.statement) for n, (a, b) in pieces]


def _lead_punct(text: str) -> int:
    return len(text) - len(text.lstrip("。；;，,、 \u3000\n"))


_HANZI = re.compile(r"[\u4e00-\u9fff]")


def by_assignment(m: DraftMeasure) -> list[DraftMeasure]:
    """Running text that gives work to different bodies sentence by sentence (a notice's
    paragraph: 县政府负总责。…委员会主任由…担任。办公室设在A。) holds one assignment per
    sentence: each assigning sentence opens a measure of its own; the sentences between
    go with the assignment before them. Items with a statement form ((责任单位：…)) and
    table rows stay whole: the statement speaks for the item, and so does a roster's post."""
    if m.ordinal.startswith("t") or find_statements(m.text) or roster_post(m.text):
        return [m]
    sentences = list(re.finditer(r"[^。！？!?]+[。！？!?]*", m.text))
    worded = [s for s in sentences if _HANZI.search(s.group())]  # (not a page's trailing " |")
    if worded and assigns_back(worded[-1].group().strip()):
        return [m]  # …。此项工作由A负责，B协办。: the closing line assigns the whole item
    opens = [s.start() for s in sentences if find_assignments(s.group())]
    if len(opens) < 2:
        return [m]
    cuts = [0, *[a for a in opens if a > 0], len(m.text)]
    pieces = enumerate(itertools.pairwise(cuts), start=1)
    return [_piece(m, n, "a", a, b, m.statement) for n, (a, b) in pieces]


# A level or a state reached: a goal sentence going on (控制在…以内, 达100%, 实现全覆盖)
_GOAL_GOES_ON = re.compile(r"\d|全覆盖|达到|控制在|实现|建成|形成")


def goals_in_framing(m: DraftMeasure) -> list[DraftMeasure]:
    """A framing section (总体要求) may state the plan period's goals (到2025年…达到100%):
    those sentences are commitments (ingest/statements.py); the rest stays vision."""
    if m.statement != "vision" or m.ordinal.startswith("t"):
        return [m]
    kinds: list[tuple[str, int, int]] = []
    for s in re.finditer(r"[^。！？!?]+[。！？!?]*", m.text):
        said = s.group()
        ahead = cues("future").search(said) and not cues("vision").search(said)
        # (到2025年，初步形成…。全市…控制在1%以内，…达100%。: the goals go on in the next
        # sentence of the paragraph, under the same year)
        goes_on = (
            bool(kinds)
            and kinds[-1][0] == "commitment"
            and _GOAL_GOES_ON.search(said) is not None
            and cues("vision").search(said) is None  # (到2035年…: the long range)
        )
        kinds.append(("commitment" if ahead or goes_on else "vision", s.start(), s.end()))
    if all(k == "vision" for k, _, _ in kinds):
        return [m]
    return _split_runs(m, kinds)


def _split_runs(m: DraftMeasure, kinds: list[tuple[str, int, int]]) -> list[DraftMeasure]:
    """`m` cut where the statement of its sentences changes ((statement, start, end) each)."""
    runs: list[tuple[str, int, int]] = []
    for kind, a, b in kinds:
        if runs and runs[-1][0] == kind:
            runs[-1] = (kind, runs[-1][1], b)
        else:
            runs.append((kind, a, b))
    return [_piece(m, n, "s", a, b, kind) for n, (kind, a, b) in enumerate(runs, start=1)]


def _piece(m: DraftMeasure, n: int, mark: str, a: int, b: int, statement: str) -> DraftMeasure:
    """The n-th piece of `m` (text offsets a..b): the first keeps m's ordinal and title, the
    others are numbered after it (3.2a2 by assignment, 3.2s2 by statement)."""
    start, end = m.start + a, m.start + b
    return replace(
        m,
        ordinal=m.ordinal if n == 1 else f"{m.ordinal}{mark}{n}",
        title=m.title if n == 1 else None,
        text=m.text[a:b],
        statement=statement,
        start=start,
        end=end,
        mentions=[x for x in m.mentions if start <= x.start < end],
    )
