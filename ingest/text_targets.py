"""Explicit numeric commitments in running text → targets.

Only commitment (and safeguard) measures are read — a background sentence about the last
plan's achievements is not a target — and the other cells of their table rows (a 重大工程
table's 建设内容 column). Each target's span runs from its indicator as written to its
value; its text is the sentence. Each 。-sentence is split into clauses (，；：); every
value in a clause (number + unit, with comparators: '30个工作日', '六个月内', '不低于40%',
'20家以上', '3-5个') is kept only in one of the genre's commitment shapes:

- change    — 缩短至/压缩至/达到/不低于 … value: the indicator is the phrase before the verb
              ('…审批时限缩短至30个工作日'); '由30个工作日缩减至15个' gives the baseline; with
              分别 the values are paired with the listed subjects ('药品、化妆品…评估分别达到
              96分、95分以上');
- count     — a count verb and the thing counted, either order ('培训20000名专业技术人员',
              '设立…哨点20个、…哨点30个'), items chained by 、 share the verb;
- deadline  — a time span with 内 ('5个工作日内完成技术审评');
- limit     — a phrase and a value with 以上/以下 ('…占审评队伍20%以上'), or a rate name right
              before a percentage ('…年度报告执行率100%');
- object-first — '对15个品种开展上市后安全性评价研究'.

Not targets: dates, year ranges, document numbers, ordinals (第1个), formulas (×100%),
names like '1+3+N', and sentences that describe the past (data/patterns/targets.yaml,
`text.past_markers`). The year comes from 到2025年 / 十四五期末 (the document's period) in
the same sentence; '十四五期间' and 累计 make the value a period total (cumulative).

Here: the step, the sentence loop and each sentence's drafts. The texts read and what frames
a sentence (item heading, a campaign named back to, a goal's nature) are in
ingest/text_target_sources.py; a sentence's year, period total and past report in
ingest/text_target_years.py; a window written alone under its labelling heading in
ingest/headed_windows.py.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from policykg.ingest.clause_targets import clause_targets
from policykg.ingest.headed_windows import headed_windows
from policykg.ingest.indicator_phrases import clean_indicator
from policykg.ingest.patterns import targets_patterns
from policykg.ingest.record import Measure
from policykg.ingest.row_targets import plan_row_targets, row_deadline_targets
from policykg.ingest.statements import commits, statement_of
from policykg.ingest.structure import Block
from policykg.ingest.targets import DraftTarget, unique_id
from policykg.ingest.text_target_rules import SENTENCE, config, deducts
from policykg.ingest.text_target_sources import (
    BACK_REFERENCE,
    DIRECTIVE,
    ITEM_HEADING,
    TargetSource,
    binding_after,
    heading_before,
    named_back,
    target_sources,
)
from policykg.ingest.text_target_years import (
    in_section,
    lead_in_year,
    reports_past,
    section_year,
    sentence_year,
    year_before,
)
from policykg.ingest.values import (
    indicator_key,
)
from policykg.ingest.word_targets import campaign_windows, draft_word_targets

if TYPE_CHECKING:
    from policykg.ingest.context import Context

# (a bracketed aside is part of its clause, commas and all: 餐馆（指面积150平方米以上，或座位80座以上）…)
_CLAUSE = re.compile(r"(?:（[^（）]{0,60}）|[^，,；;：:（])+|（")


def enrich(ctx: Context) -> None:
    """The text_targets step (ingest/pipeline.py STEPS): add the running-text targets."""
    seen = {t.id for t in ctx.record.targets}
    for t in text_targets(
        ctx.record.measures, ctx.blocks, ctx.meta.period, ctx.normalized.text, ctx.meta.title
    ):
        ctx.record.warnings.extend(t.warnings)
        ctx.record.targets.append(t.to_record(unique_id(t.key, seen), t.departments))


def text_targets(
    measures: Iterable[Measure],
    blocks: Iterable[Block],
    period: str | None,
    text: str = "",
    title: str | None = None,
) -> list[DraftTarget]:
    """Targets stated in the text of commitment measures and table rows, in document order
    (`text`: the document's, where an item's heading stands before its paragraph)."""
    measures, blocks = list(measures), list(blocks)
    out: list[DraftTarget] = []
    seen: set[tuple[int, int]] = set()
    stated: set[tuple[str, str, str | None, int | None]] = set()  # a headline's repeated lead
    goals: tuple[str, int] | None = None  # 到2020年，…实现以下目标：— the list's section, year
    for src in sorted(target_sources(measures, blocks), key=lambda s: s.start):
        if src.section and (year := lead_in_year(text, src.start)):
            goals = (src.section, year)
        elif goals and not in_section(src.section, goals[0]):
            goals = None
        # 到2025年，…。…达到70%: a paragraph's year frames its sentences; a paragraph under a
        # dated heading ((一)到2020年，…) or in the list a dated lead-in announces has its year
        frame = section_year(src.section) or (goals[1] if goals else None)
        heading = heading_before(text, src.start)  # the item this paragraph elaborates
        for k, s in enumerate(SENTENCE.finditer(src.text)):
            own, _ = sentence_year(s.group(), None)
            frame = own or frame
            elaborates = heading if DIRECTIVE.match(s.group()) else None
            for t in _sentence_targets(src, s.group(), src.start + s.start(), period, elaborates):
                t.binding = t.binding or binding_after(s.group(), t.end - src.start - s.start())
                if t.year is None and frame is not None:
                    t.year = frame
                elif t.year is None and src.year is not None:
                    t.year = src.year  # the row's deadline: the task's target is due then
                elif t.year is None and period and period[:4] == period[-4:]:
                    t.year = int(period[:4])  # a yearly plan's targets are for its year
                # (本次检查…为期50天 after …开展为期50天的X检查: the campaign named back to)
                again = t.indicator.startswith(BACK_REFERENCE) and any(
                    (v, u) == (t.value_text, t.unit) for _, v, u, _ in stated
                )
                if t.indicator.startswith(BACK_REFERENCE) and not again:
                    t.indicator = named_back(t.indicator, text[: t.start] or src.text)
                same = (t.indicator, t.value_text, t.unit, t.year)
                if (t.start, t.end) not in seen and same not in stated and not again:
                    # (a row cell that is also a measure; the same target said again, as a
                    # news headline repeats its lead: one target)
                    seen.add((t.start, t.end))
                    stated.add(same)
                    t.key = f"X{len(out) + 1}"
                    out.append(t)
            # a paragraph opening with its heading: the next sentence may elaborate it
            heading = m["task"] if k == 0 and (m := ITEM_HEADING.match(s.group())) else None
    for t in row_deadline_targets(measures, blocks, out):
        t.key = f"X{len(out) + 1}"
        out.append(t)
    if planned := plan_row_targets(measures, blocks):  # 检查事项 | 抽查比例 | 抽查频次: the
        # cells read by their columns, in place of what the cells' words gave
        out = [o for o in out if not any(p.start < o.end and o.start < p.end for p in planned)]
        for t in planned:
            t.key = f"X{len(out) + 1}"
            out.append(t)
    for t in headed_windows(blocks, title):  # 一、回收时间 / 2025年9月8日—9月18日
        same = (t.indicator, t.value_text, t.unit, t.year)
        if not any(o.start < t.end and t.start < o.end for o in out) and same not in stated:
            stated.add(same)
            t.key = f"X{len(out) + 1}"
            out.append(t)
    for t in _narrated_campaigns(measures, blocks, period):
        same = (t.indicator, t.value_text, t.unit, t.year)
        if not any(o.start < t.end and t.start < o.end for o in out) and same not in stated:
            stated.add(same)
            t.key = f"X{len(out) + 1}"
            out.append(t)
    return out


def _narrated_campaigns(
    measures: list[Measure], blocks: Iterable[Block], period: str | None
) -> list[DraftTarget]:
    """A campaign's window and length where no measure holds the sentence: a report tells its
    launch (…局开展了为期1个月的X专项行动; 决定从8月至次年1月，在全市开展为期半年的X), and the
    rule book counts an announced length as a target. Only the campaign readers run on these
    sentences, and not on a passage of background or on one that reports the past."""
    held = _covered([(m.start, m.start + len(m.text)) for m in measures])
    starts = [a for a, _ in held]
    out: list[DraftTarget] = []
    for block in blocks:
        if block.kind != "paragraph" or not commits(statement_of(block.path)):
            continue
        for s in SENTENCE.finditer(block.text):
            at = block.start + s.start()
            k = bisect_right(starts, at) - 1
            if k >= 0 and at < held[k][1]:
                continue  # a measure holds it: read with the measures
            # (the campaign readers first: their literal gates reject most sentences at once)
            if not campaign_windows(s.group()) or reports_past(s.group(), period):
                continue
            year, _ = sentence_year(s.group(), None)
            out += draft_word_targets(s.group(), at, year, block.section, [], [],
                                      campaigns_only=True)  # fmt: skip
    return out


def _covered(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans merged where they overlap, in order: the stretches of text measures hold."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _sentence_targets(
    src: TargetSource, sentence: str, offset: int, period: str | None, heading: str | None = None
) -> list[DraftTarget]:
    """The sentence's targets, at `offset` in the text, of the source's section and bodies:
    fresh drafts (callers change them) of the memoized ones."""
    return [
        replace(t, start=t.start + offset, end=t.end + offset, section=src.section,
                departments=list(src.departments), mentions=list(t.mentions),
                warnings=list(t.warnings))
        for t in _sentence_drafts(sentence, period, heading)
    ]  # fmt: skip


# Documents repeat their sentences (a division table restates a plan's tasks), and what a
# sentence states depends only on the sentence, the period and the heading it elaborates: the
# offset moves every draft alike, and the source's section and bodies are copied onto each.
@lru_cache(maxsize=1 << 13)
def _sentence_drafts(
    sentence: str, period: str | None, heading: str | None
) -> tuple[DraftTarget, ...]:
    src, offset = TargetSource("", 0, None, []), 0  # filled in by _sentence_targets
    cfg = config()
    if reports_past(sentence, period):
        return ()

    year, cumulative = sentence_year(sentence, period)
    cumulative = cumulative or any(w in sentence for w in targets_patterns()["cumulative_words"])
    if any(w in sentence for w in cfg["per_year"]):
        cumulative = False
    out: list[DraftTarget] = []
    deduction = deducts(sentence)
    previous, had_targets, listing = "", False, False
    results = [m.span() for m in cfg["sampling_results_re"].finditer(sentence)]
    clauses = list(_CLAUSE.finditer(sentence))
    for k, c in enumerate(clauses):
        clause = c.group()
        following = clauses[k + 1].group() if k + 1 < len(clauses) else ""
        found = clause_targets(clause, previous, had_targets, listing, following)
        had_targets = bool(found)
        # (其中A39批，B5批，C5批: the breakdown goes on over the clauses after 其中)
        opens = clause.lstrip().startswith(tuple(cfg["breakdown_words"]))
        listing = had_targets and (opens or listing)
        for f in found:
            if any(a <= c.start() + f.value.start < b for a, b in results):
                continue  # 合格168批、不合格9批，合格率94.91%: a sampling's results
            ind = clean_indicator(f.phrase)
            if out and ind in targets_patterns()["cumulative_words"]:
                ind = out[-1].indicator  # 新发展龙头企业4家，累计达40家: the same thing's total
            if out and (not ind or out[-1].value_text in ind):
                # 覆盖面年内达50%，到2027年达100%: a later value of the same indicator
                ind = out[-1].indicator
            if not ind:
                continue
            v = f.value.parsed
            if _scoring_rule(v.unit, v.comparator or f.comparator, deduction, cfg["score_unit"]):
                continue
            at_least = any(
                w in clause[: f.value.start] for w in targets_patterns()["count_at_least"]
            )
            for part in _shared_level(ind, len(found)):
                key, tie = indicator_key(part)
                a, b = c.start() + f.value.start, c.start() + f.value.end
                start, end = _span(sentence, cfg["shared_tail_re"].sub("", part), a, b)
                out.append(DraftTarget(
                    key="", indicator=part, indicator_key=key, value_text=f.value.text.strip(),
                    value=v.value, comparator=v.comparator or f.comparator or (">=" if at_least else None),
                    unit=v.unit, year=year_before(sentence, a) or year,
                    baseline=f.baseline, baseline_year=None, binding=None,
                    cumulative=cumulative or v.cumulative, section=src.section,
                    text=sentence.strip(), start=offset + start, end=offset + end,
                    departments=list(src.departments), warnings=[w for w in (tie, f.warning) if w],
                ))  # fmt: skip
        previous = clause
    year, _ = sentence_year(sentence, None)
    words = draft_word_targets(sentence, offset, year, src.section, src.departments, out, heading)
    counted = [w for w in words if w.value_text.endswith("次")]  # 一至二次: not 二次
    out = [t for t in out if not any(w.start <= t.start and t.end <= w.end for w in counted)]
    return (*out, *words)


def _scoring_rule(unit: str | None, comparator: str | None, deducts: bool, score: str) -> bool:
    """A scoring table's weight, deduction or failing condition (targets.yaml `score_unit`)."""
    if unit == score:
        return deducts or comparator is None
    return deducts and comparator in ("<", "<=")


def _shared_level(ind: str, values: int) -> list[str]:
    """One level over a list of rates (A合格率、B合格率保持在99%以上): each rate is a target of
    that level; a list whose items are not all rates (药品、化妆品…抽检合格率) is one indicator."""
    endings = tuple(config()["rate_endings"])
    if values == 1 and (both := config()["both_change_re"].search(ind)):
        # A和B均比上年提高2个百分点: one change of each rate, the change named with each
        parts = [p.strip() for p in re.split(r"、|和|及", ind[: both.start()])]
        tail = both.group("change")
        if len(parts) > 1 and all(len(p) >= 4 and p.endswith(endings) for p in parts):
            return [p + tail for p in parts]
    parts = [p.strip() for p in ind.split("、")]
    if values == 1 and len(parts) > 1 and all(len(p) >= 4 and p.endswith(endings) for p in parts):
        return parts
    return [ind]


def _span(sentence: str, ind: str, a: int, b: int) -> tuple[int, int]:
    """Evidence span in the sentence: the indicator as written through the value (or the
    value through the thing counted after it)."""
    for probe in (ind, ind[2:], ind[-4:]):  # whole, without a leading verb, its head
        if (at := sentence.rfind(probe, 0, a)) >= 0:
            return at, b
        if (at := sentence.find(probe, b)) >= 0:
            return a, at + len(probe)
    return a, b
