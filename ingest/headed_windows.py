"""A window written alone under the heading that labels it: a notice's 一、回收时间 over the line
2025年9月8日—9月18日, 报名时间 over 3月1日至3月15日. The genre sets out a campaign's or an
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
def _rules() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The heading's label and the lone window (data/patterns/targets.yaml `headed_windows`)."""
    rules = targets_patterns()["headed_windows"]
    return re.compile(rules["label"]), re.compile(rules["window"])


def headed_windows(blocks: Iterable[Block]) -> list[DraftTarget]:
    """The windows written alone under a heading that labels them, each with the label as its
    indicator and the dates as written (value null, as for the other windows)."""
    label_rx, window_rx = _rules()
    out = []
    for block in blocks:
        if block.kind != "paragraph" or not block.path:
            continue
        if not (window := window_rx.fullmatch(block.text)):
            continue
        if not (label := label_rx.fullmatch(block.path[-1].strip())):
            continue
        if not commits(statement_of(block.path)):
            continue
        key, tie = indicator_key(label["label"])
        year = window["year"]
        out.append(DraftTarget(
            key="", indicator=label["label"], indicator_key=key, value_text=window["when"],
            value=None, comparator=None, unit=None, year=int(year) if year else None,
            baseline=None, baseline_year=None, binding=None, cumulative=False,
            section=block.section, text=block.text.strip(), start=block.start + window.start("when"),
            end=block.start + window.end("when"), warnings=[tie] if tie else [],
        ))  # fmt: skip
    return out
