"""A window written alone under the heading that labels it: a notice's 一、回收时间 over the line
2025年9月8日—9月18日, 报名时间 over 3月1日至3月15日, or the label on the window's line
(时间：9月5日至9月9日). The genre sets out a campaign's or an
activity's schedule so (公告 and 通告 list 时间, 地点, 方式 as headed items); the heading names what
the window is for, the paragraph only the dates. The running-text readers see the paragraph
alone (no measure holds a bare date line), so this reads the pair; ingest/text_targets.py adds
what it finds beside the other targets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from policykg.ingest.patterns import targets_patterns
from policykg.ingest.statements import commits, statement_of
from policykg.ingest.structure import Block
from policykg.ingest.targets import DraftTarget
from policykg.ingest.values import indicator_key


@cache
def _rules() -> tuple[
    re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str], re.Pattern[str]
]:
    """The heading's label, the lone window, a label and its window on one line, the labels
    that name no activity, and the title's activity (data/patterns/targets.yaml `headed_windows`)."""
    rules = targets_patterns()["headed_windows"]
    return (re.compile(rules["label"]), re.compile(rules["window"]), re.compile(rules["labelled"]),
            frozenset(rules["activity_labels"]), re.compile(rules["title_activity"]))  # fmt: skip


def headed_windows(blocks: Iterable[Block], title: str | None = None) -> list[DraftTarget]:
    """The windows written alone under a heading that labels them (or after their label on
    their line), each with the label as its indicator (a label that says only 时间: the
    activity the title names) and the dates as written (value null, as for the other windows)."""
    label_rx, window_rx, labelled_rx, generic, activity_rx = _rules()
    named = activity_rx.match(title or "")
    out = []
    for block in blocks:
        if block.kind != "paragraph":
            continue
        if (lead := labelled_rx.match(block.text)) and (
            window := window_rx.fullmatch(block.text, lead.end())
        ):
            label = lead["label"]
        elif block.path and (window := window_rx.fullmatch(block.text)):
            if not (heading := label_rx.fullmatch(block.path[-1].strip())):
                continue
            label = heading["label"]
        else:
            continue
        if not commits(statement_of(block.path)):
            continue
        if label in generic:
            if not named:
                continue  # 时间 of what: the title does not say
            label = named["activity"]
        key, tie = indicator_key(label)
        year = window["year"]
        out.append(DraftTarget(
            key="", indicator=label, indicator_key=key, value_text=window["when"],
            value=None, comparator=None, unit=None, year=int(year) if year else None,
            baseline=None, baseline_year=None, binding=None, cumulative=False,
            section=block.section, text=block.text.strip(), start=block.start + window.start("when"),
            end=block.start + window.end("when"), warnings=[tie] if tie else [],
        ))  # fmt: skip
    return out
