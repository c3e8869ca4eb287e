"""Blocks → measures (what the document commits to) with sections, statements and
responsible departments. Task-division table rows are measures too; indicator table
rows go to ingest/targets.py.
"""

from __future__ import annotations

import re
from functools import cache

from policykg.ingest.assignments import (
    ARTICLE,
    apply_first_leads,
    find_assignments,
    narrated_roles,
)
from policykg.ingest.bodies import body_at
from policykg.ingest.cndate import parse_date
from policykg.ingest.draft import DraftMeasure
from policykg.ingest.duties import opens_with_duty
from policykg.ingest.group_posts import fills_posts, roster_mentions
from policykg.ingest.measure_splits import (
    by_assignment,
    by_bracket,
    by_sentence,
    goals_in_framing,
    narrated_sentences,
)
from policykg.ingest.member_lists import member_lists
from policykg.ingest.patterns import structure_patterns
from policykg.ingest.preamble import (
    assigning_sentences,
    instructs_directly,
    narrated,
    passes_on,
    prescribes,
)
from policykg.ingest.responsibility import (
    Mention,
    column_kind,
    find_statements,
    is_field_line,
    parse_body,
)
from policykg.ingest.rosters import merge_rosters
from policykg.ingest.signature import split_issuers
from policykg.ingest.statements import cues, sentence_statement, statement_of
from policykg.ingest.structure import Block, Cell, split_title
from policykg.ingest.webmeta import is_label_line

MIN_MEASURE_CHARS = 12


def _skipped(path: list[str], key: str) -> bool:
    words = structure_patterns()[key]
    return any(w in title for title in path for w in words)


def is_indicator_table(block: Block) -> bool:
    header = "".join(block.header)
    return "指标" in header and not any(w in header for w in ("任务", "措施", "事项"))


def build_measures(blocks: list[Block], first_leads: str | None = None) -> list[DraftMeasure]:
    """The measures of a document's blocks. `first_leads`: the document says that the body
    listed first in a 责任单位 list leads (列第一位者为牵头单位)."""
    blocks = merge_rosters(blocks)
    measures: list[DraftMeasure] = []
    seen_heading = False
    para_counter: dict[str, int] = {}
    skipped = non_measure_blocks(blocks) | _annex_captions(blocks)
    disordered = outline_disordered(blocks)
    members = member_lists(blocks)  # read before the skips: an annex may hold the list
    in_lists = {k for _, lines in members.values() for k in lines}
    for i, block in enumerate(blocks):
        if block.kind == "heading":
            seen_heading = True
        if i in members:
            measures.append(members[i][0])
        if i in in_lists:
            continue
        if _skipped(block.path, "non_measure_sections") or i in skipped:
            continue  # definitions, statistical notes
        if _is_noise(block.text):
            continue
        if block.kind == "paragraph" and measures and _attach_statement(block, measures[-1]):
            continue  # 责任单位：… on a line of its own belongs to the item above it
        if block.kind == "paragraph" and measures and is_field_line(block.text):
            continue  # …and so does its 完成时限：… line
        if not measures and not seen_heading and _statement_only(block):
            continue  # …and opening the text, to an item the excerpt does not hold
        if not seen_heading:  # a preamble, a notice, a news reprint: what assigns or commits
            if _page_headline(block, blocks[i + 1 : i + 3]) or _page_summary(
                block, blocks[i + 1 :]
            ):
                continue
            if block.kind == "paragraph" and (m := _from_preamble(block, para_counter)):
                # (narration taken for its role words: the sentences that carry them)
                measures += narrated_sentences(m) if m.statement == "background" else [m]
            elif block.kind == "paragraph":  # narration around assigning sentences
                measures += _preamble_sentences(block, para_counter)
            elif _task_row(block) and (m := _from_row(block)):
                measures.append(m)  # a task-division table right under the title (分工表)
            continue
        if block.kind == "heading":
            measure = _from_heading(block) or _leaf_item(block, blocks[i + 1 : i + 2])
        elif block.kind == "paragraph":
            measure = _from_paragraph(block, para_counter)
        else:
            measure = None if is_indicator_table(block) else _from_row(block)
        # table rows name their task however briefly (疫苗全链条监管工程), a duty list its
        # duties (负责药品抽检。), and an item its task over its 牵头单位：line; other prose
        # needs substance
        stated = block.kind == "heading" and _statement_only_at(blocks, i + 1)
        if measure and (block.kind == "row" or stated or _substantial(measure.text)):
            measures.append(measure)
    if disordered:  # the outline lies: each sentence says what it is
        measures = [part for m in measures for part in by_sentence(m)]
    measures = [part for m in measures for part in goals_in_framing(m)]
    measures = [part for m in measures for part in by_bracket(m)]
    measures = [part for m in measures for part in by_assignment(m)]
    if first_leads:
        for m in measures:
            m.mentions = apply_first_leads(m.mentions, first_leads)
    return _unique_ordinals(measures)


@cache
def _modal() -> re.Pattern[str]:
    return re.compile(structure_patterns()["modal"])


@cache
def _commitment_cue() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{rx})" for rx in structure_patterns()["preamble_commitment"]))


def _from_preamble(block: Block, counter: dict[str, int]) -> DraftMeasure | None:
    """A paragraph before the outline is a measure when it assigns work to a body or commits
    to a dated or quantified goal (到2025年…达到95%); the rest (addressees, the notice's
    formula, a news lead) is not."""
    text = block.text
    if is_label_line(text):
        return None  # 责任部门：X in a page's label block names no task
    mentions = _mentions_in(text, block.start)
    assigned = find_assignments(text, block.start)
    if not (mentions or assigned or _commitment_cue().search(text)):
        return None
    if len(text) < MIN_MEASURE_CHARS or _introduces_list(text):
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


_REQUIRES = re.compile(r"要求|提出|明确|部署")
_PAST = re.compile(r"截至|截止|已经|已有|已达|已建成|已完成|已累计|共建成|累计建成")


def _reported_goal(text: str) -> bool:
    """A news item reporting a policy's goal (…提出2027年要建成50家…; …要求到2025年所有…均…):
    a dated or counted commitment, not an achievement (截至…已建成…)."""
    return bool(_commitment_cue().search(text)) and not _PAST.search(text)


def _preamble_sentences(block: Block, counter: dict[str, int]) -> list[DraftMeasure]:
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
                                mentions=_mentions_in(text, start)))  # fmt: skip
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


def non_measure_blocks(blocks: list[Block]) -> set[int]:
    """Blocks of an annex whose caption says it holds no measures (附件3 名词解释).

    An annex heading (附件2) is often followed by its caption as a plain line, so the
    caption is not in the blocks' section path; the annex runs to the next annex.
    """
    words = structure_patterns()["non_measure_sections"]
    out: set[int] = set()
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind == "heading" and b.marker is not None and b.marker.style == "annex":
            j = i + 1
            while j < len(blocks) and not _is_annex(blocks[j]):
                j += 1
            caption = "".join(
                re.sub(r"\s", "", n.text) for n in blocks[i : min(j, i + 3)] if n.kind != "row"
            )
            if any(w in caption for w in words):
                out.update(range(i, j))
            i = j
        else:
            i += 1
    return out


def _annex_captions(blocks: list[Block]) -> set[int]:
    """The title lines right after an annex heading (附件1 / “十四五”时期… / 重大改革…)."""
    out: set[int] = set()
    for i, b in enumerate(blocks):
        if _is_annex(b):
            j = i + 1
            while j < len(blocks) and blocks[j].kind == "paragraph" and len(blocks[j].text) <= 60:
                out.add(j)
                j += 1
    return out


def _attach_statement(block: Block, previous: DraftMeasure) -> bool:
    """A paragraph that is only a responsibility statement: its mentions go to `previous`
    (a sentence that also says something else is a measure of its own)."""
    if previous.ordinal.startswith("t") or not _statement_only(block):
        return False
    previous.mentions += [m for s in find_statements(block.text, block.start) for m in s.mentions]
    return True


def _is_annex(block: Block) -> bool:
    return block.kind == "heading" and block.marker is not None and block.marker.style == "annex"


def _is_noise(text: str) -> bool:
    """Web-page chrome, or a glossary entry that defines a term rather than sets a task."""
    rules = structure_patterns()
    if any(w in text for w in rules["boilerplate"]):
        return True
    if any(re.search(rx, text) for rx in rules["boilerplate_regex"]):
        return True
    if text.startswith(tuple(rules["non_measure_sections"])):
        return True  # 附件：1. … (the list of annexes)
    if re.match(rules["caption_line"], text):
        return True
    body = re.sub(r"^\S{1,4}[．.、]\s*", "", text)  # a numbered entry: 3．“一院四所一中心”：…
    return re.match(rules["definition_entry"], body) is not None


def outline_disordered(blocks: list[Block]) -> bool:
    """A scraped page whose paragraphs were shuffled: a heading number repeats in the body."""
    seen: set[str] = set()
    for b in blocks:
        if _is_annex(b):
            break  # annexes number their items afresh
        if b.kind == "heading" and "box" not in b.ordinal:
            if b.ordinal in seen:
                return True
            seen.add(b.ordinal)
    return False


def _from_heading(block: Block) -> DraftMeasure | None:
    assert block.marker is not None
    rest = block.text[len(block.marker.text) :].lstrip()
    title, body = split_title(rest)
    if not body and len(rest) >= MIN_MEASURE_CHARS and _duty_intro(rest):
        return _heading_measure(block, rest, None)  # （二）A应当…，并按以下规定报告：
    if not body:
        return None  # a heading that only names a section
    return _heading_measure(block, rest, title or None)


def _heading_measure(block: Block, rest: str, title: str | None) -> DraftMeasure:
    """A numbered line's measure: its text after the marker, under its enclosing headings."""
    assert block.marker is not None
    offset = block.start + block.text.index(rest, len(block.marker.text))
    return DraftMeasure(
        ordinal=block.ordinal,
        section=" / ".join(block.path[:-1]) or None,
        title=title,
        text=rest,
        statement=statement_of(block.path),
        start=offset,
        end=offset + len(rest),
        mentions=_mentions_in(rest, offset),
    )


def _leaf_item(block: Block, following: list[Block]) -> DraftMeasure | None:
    """A numbered line that is one whole sentence and heads nothing (the next block is a
    sibling or a higher heading, or none): an item of a short notice (一、请各市局于…前报送…。),
    not the name of a section (a section's name has no full stop or holds what follows)."""
    assert block.marker is not None
    rest = block.text[len(block.marker.text) :].strip()
    if not re.search(r"[。；;]$", rest):
        return None
    if following and _statement_only(following[0]):
        return _heading_measure(block, rest, None)  # its 牵头单位：/责任单位：line follows
    if not _substantial(rest):
        return None
    nxt = following[0] if following else None
    closes = nxt is not None and nxt.kind == "paragraph" and _signature_line(nxt.text)
    if (
        nxt is not None
        and not closes
        and not (nxt.kind == "heading" and len(nxt.path) <= len(block.path))
    ):
        return None
    return _heading_measure(block, rest, None)


def _substantial(text: str) -> bool:
    """Enough for a measure: a sentence of substance, or a duty however short (1.负责药品抽检。),
    also with its body before it (卫生部门负责…, where a page's excerpt ends after the role
    word: the duty is stated, its object lost)."""
    if len(text) >= MIN_MEASURE_CHARS or opens_with_duty(text):
        return True
    body = body_at(text, 0)
    return body is not None and opens_with_duty(text[body.end :])


def _signature_line(text: str) -> bool:
    """The notice's signature after its last item (国家药监局综合司 / 2021年3月5日): the item
    heads nothing."""
    return bool(split_issuers(text.strip()) or parse_date(text.strip()))


def _statement_only_at(blocks: list[Block], i: int) -> bool:
    return i < len(blocks) and _statement_only(blocks[i])


def _statement_only(block: Block) -> bool:
    """A paragraph that is only a responsibility statement (牵头单位：A / 参加单位：B、C)."""
    if block.kind != "paragraph":
        return False
    statements = find_statements(block.text, block.start)
    covered = sum(s.end - s.start for s in statements)
    return bool(statements) and covered >= len(block.text.rstrip("。；; "))


def _introduces_list(text: str) -> bool:
    """A line ending in a colon introduces a list or a table (主要任务如下：) and is no
    measure — unless it gives work itself: a duty its list spells out (_duty_intro), or
    sentences assigning work before its closing 主要措施： (由A承办，B协办。…主要措施：)."""
    if not text.endswith(("：", ":")) or _duty_intro(text):
        return False
    return not ("。" in text and find_assignments(text))


_DUTY_INTRO = re.compile(r"(?:应当|必须|须|要)[^：:。]*(?:以下|如下)[^：:。]{0,12}[：:]$")


def _duty_intro(text: str) -> bool:
    """A line giving a body a duty that the list below spells out (第二十条 A应当对…调查、核实，
    并按照以下规定报告：): a statement of its own, not a bare introduction."""
    return bool(_DUTY_INTRO.search(text)) and bool(find_assignments(text))


def _from_paragraph(block: Block, counter: dict[str, int]) -> DraftMeasure | None:
    if block.text.startswith("注") or (_introduces_list(block.text)):
        return None
    if _headline_like(block.text):
        return None  # a page's list of other stories (…医院首次参编…著作): no task
    key = "/".join(block.path)
    counter[key] = counter.get(key, 0) + 1
    title = block.title or split_title(block.text, max_len=20)[0]
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


_SENTENCE_MARKS = re.compile(r"[，,。；;：:！!？?、]")


def _page_headline(block: Block, after: list[Block]) -> bool:
    """A short line without a sentence mark whose byline follows (来源：…): the page's own
    headline, which reports what was done."""
    text = block.text.strip()
    byline = structure_patterns()["page_byline"]
    return (
        len(text) <= 60
        and not _SENTENCE_MARKS.search(text)
        and any(re.match(byline, b.text) for b in after)
    )


# A news page's summary label (核心提示：, 内容提要：, 导读：) before its report's first sentence
_SUMMARY_LABEL = re.compile(r"^\s*(?:核心提示|内容提要|内容摘要|提要|导读|摘要)\s*[:：]\s*")


def _page_summary(block: Block, later: list[Block]) -> bool:
    """A summary line that a later paragraph repeats (核心提示：X下发通知，… then 本报讯 X下发
    通知，…): the page's chrome; the report's own sentence is the measure."""
    label = _SUMMARY_LABEL.match(block.text)
    if label is None:
        return False
    head = re.sub(r"\s", "", block.text[label.end() :])[:16]
    return len(head) >= 8 and any(head in re.sub(r"\s", "", b.text) for b in later)


def _headline_like(text: str) -> bool:
    """A short line without a single punctuation mark that neither prescribes nor assigns:
    the headline of another story that a news page lists after the article."""
    text = text.strip()
    return len(text) <= 45 and not _SENTENCE_MARKS.search(text) and not prescribes(text)


def _ordinal_of(block: Block) -> str:
    return f"{block.ordinal}." if block.ordinal else ""


def _task_row(block: Block) -> bool:
    """A row of a task-division table: a header naming who does the task."""
    kinds = {column_kind(h) for h in block.header or []}
    return (
        block.kind == "row"
        and not is_indicator_table(block)
        and bool(kinds & {"lead", "responsible", "support"})
    )


def _from_row(block: Block) -> DraftMeasure | None:
    """A task-division row: 序号 | 任务名称 | 责任部门 [| 时间节点]."""
    columns = [column_kind(h) for h in block.header] if block.header else []
    tasks = [c for c, k in zip(block.cells, columns, strict=False) if k == "task" and c.text]
    task = tasks[-1] if tasks else max(block.cells, key=lambda c: len(c.text))  # no header
    name = tasks[0].text if len(tasks) > 1 else None  # 名称 | 内容: the name is the title
    mentions: list[Mention] = []
    for cell, kind in zip(block.cells, columns, strict=False):
        if kind in ("lead", "responsible", "support") and cell.text:
            mentions += parse_body(cell.text, cell.start, default_role=kind)
    in_task = _mentions_in(task.text, task.start)
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


def _mentions_in(text: str, offset: int) -> list[Mention]:
    stated = [m for s in find_statements(text, offset) for m in s.mentions]
    return stated or roster_mentions(text, offset)


def _unique_ordinals(measures: list[DraftMeasure]) -> list[DraftMeasure]:
    seen: dict[str, int] = {}
    for m in measures:
        base = re.sub(r"\s+", "", m.ordinal)
        seen[base] = seen.get(base, 0) + 1
        m.ordinal = base if seen[base] == 1 else f"{base}~{seen[base]}"
    return measures
