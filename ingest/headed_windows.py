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

from policykg.ingest.statements import commits, statement_of
from policykg.ingest.structure import Block
from policykg.ingest.targets import DraftTarget
from policykg.ingest.values import indicator_key

# The heading's label: what is scheduled and the word that makes it a time (回收时间, 报名日期,
# 整治期限); a period's phases (第一阶段) are read by the `periods` patterns instead
_LABEL = re.compile(r"(?P<label>[\u4e00-\u9fff]{2,12}?(?:时间|日期|期限|时段))")
# The paragraph: one window of days or of months and nothing else (自2025年9月8日起至9月18日止;
# 2025年4月至2026年3月)
_WINDOW = re.compile(
    r"\s*(?:自|从)?\s*(?P<when>(?:(?P<year>20\d{2})\s*年\s*)?\d{1,2}\s*月\s*"
    r"(?:\d{1,2}\s*日\s*(?:起)?\s*(?:至|到|—|-|－|～|~)\s*(?:20\d{2}\s*年\s*)?(?:\d{1,2}\s*月\s*)?"
    r"\d{1,2}\s*日|(?:起)?\s*(?:至|到|—|-|－|～|~)\s*(?:20\d{2}\s*年\s*)?\d{1,2}\s*月(?:底|末)?))"
    r"\s*(?:止)?\s*[。；;]?\s*"
)


def headed_windows(blocks: Iterable[Block]) -> list[DraftTarget]:
    """The windows written alone under a heading that labels them, each with the label as its
    indicator and the dates as written (value null, as for the other windows)."""
    out = []
    for block in blocks:
        if block.kind != "paragraph" or not block.path:
            continue
        if not (window := _WINDOW.fullmatch(block.text)):
            continue
        if not (label := _LABEL.fullmatch(block.path[-1].strip())):
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
