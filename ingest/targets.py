"""Indicator tables → targets (one per target-year column), with baselines and roles.

Headers differ between provinces (指标名称 | 指标要求 | 责任部门 | 时间节点, or
指标 | 单位 | 2020年 | 2023年 | 2025年 | 属性); columns are recognised by their
header words. Values keep the text as written; what cannot be read as one number is
null with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.responsibility import Mention, parse_body
from ingest.structure import Block

NUMBER = re.compile(r"(?P<num>\d+(?:\.\d+)?)")
CN_NUMBERS = {
    "一": 1,
    "两": 2,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
EMPTY = {"", "--", "—", "——", "-", "/", "无", "－－"}
COMPARATORS = [
    (re.compile(r"(以上|及以上|不低于|不少于|≥|>=|超过|大于)"), ">="),
    (re.compile(r"(以下|以内|不高于|不超过|≤|<=|少于|低于)"), "<="),
]
UNITS = re.compile(
    r"(份/百万人|个工作日|工作日|百分点|%|家|个|项|份|人|次|件|种|品规|品种|批|亿元|万元|天|月|年|倍|所|支)"
)


@dataclass
class ParsedValue:
    value: float | None
    comparator: str | None
    unit: str | None
    cumulative: bool
    ambiguous: bool = False


def parse_value(text: str) -> ParsedValue:
    """'99.5以上' → 99.5 ≥ ; '〔70〕' → 70 cumulative ; '1500份/百万人' ; '不发生' → null."""
    raw = text.strip()
    cumulative = bool(re.fullmatch(r"[〔\[［【](.+)[〕\]］】]", raw))
    core = raw.strip("〔〕[]［］【】")
    comparator = next((op for rx, op in COMPARATORS if rx.search(core)), None)
    unit_m = UNITS.search(core)
    numbers = NUMBER.findall(re.sub(r"（[^）]*）", "", core))
    if len(numbers) == 1 and not re.search(r"[A-Za-z]", re.sub(r"（[^）]*）", "", core)):
        value: float | None = float(numbers[0])
    else:
        value = None
    ambiguous = len(numbers) > 1 or "\n" in raw
    if value is not None and value.is_integer():
        value = float(int(value))
    return ParsedValue(value, comparator if value is not None else None,
                       unit_m.group(1) if unit_m else None, cumulative, ambiguous)  # fmt: skip


@dataclass
class DraftTarget:
    key: str
    indicator: str
    value_text: str
    parsed: ParsedValue
    unit: str | None
    year: int | None
    baseline: float | None
    baseline_year: int | None
    binding: str | None
    section: str | None
    text: str
    start: int
    end: int
    mentions: list[Mention] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _col(header: str) -> str:
    h = re.sub(r"\s+", "", header)
    if re.fullmatch(r"(?:\d{4})年?(?:目标值?|基数|基期值?)?", h) or re.fullmatch(r"\d{4}年.*", h):
        return "year"
    if any(w in h for w in ("责任", "牵头", "实施主体")):
        return "responsible"
    if any(w in h for w in ("时间节点", "完成时限", "完成时间", "时限")):
        return "deadline"
    if "属性" in h or "性质" in h or h == "类型":
        return "binding"
    if "单位" in h and "责任" not in h:
        return "unit"
    if any(w in h for w in ("指标要求", "目标值", "预期值", "目标", "要求")):
        return "value"
    if "指标" in h or "名称" in h:
        return "name"
    if "序号" in h:
        return "number"
    return "other"


def _binding(text: str) -> str | None:
    if "约束" in text:
        return "binding"
    if "预期" in text:
        return "expected"
    return None


def targets_from_rows(rows: list[Block], doc_start_year: int | None = None) -> list[DraftTarget]:
    """All targets of the indicator-table rows of one document."""
    out: list[DraftTarget] = []
    previous_name: dict[int | None, str] = {}
    for row in rows:
        kinds = [_col(h) for h in row.header]
        cells = {k: [] for k in set(kinds)}
        for cell, kind in zip(row.cells, kinds, strict=False):
            cells[kind].append(cell)
        name_cell = (cells.get("name") or [None])[0]
        name = (
            name_cell.text.replace("\n", "")
            if name_cell and name_cell.text
            else previous_name.get(row.table)
        )
        if not name:
            continue
        previous_name[row.table] = name
        binding = _binding("".join(c.text for c in cells.get("binding", []))) or _binding(
            " ".join(row.path)
        )
        unit = next((c.text for c in cells.get("unit", []) if c.text not in EMPTY), None)
        mentions = [m for c in cells.get("responsible", []) for m in parse_body(c.text, c.start)]
        number = next((c.text for c in cells.get("number", []) if c.text), None)
        common = dict(indicator=name, binding=binding, section=row.section, text=row.text,
                      mentions=mentions)  # fmt: skip
        year_cols = [(int(re.match(r"\d{4}", re.sub(r"\s", "", h)).group()), c)
                     for h, c, k in zip(row.header, row.cells, kinds, strict=False) if k == "year"]  # fmt: skip
        ident = f"T{row.table}.{number or row.start}"
        if year_cols:
            out += _year_targets(ident, year_cols, unit, doc_start_year, common)
        for c in cells.get("value", []):
            deadline = "".join(x.text for x in cells.get("deadline", []))
            year_m = re.search(r"(\d{4})", deadline)
            parsed = parse_value(c.text)
            out.append(DraftTarget(key=ident, value_text=c.text, parsed=parsed, unit=unit or parsed.unit,
                                   year=int(year_m.group(1)) if year_m else None, baseline=None,
                                   baseline_year=None, start=c.start, end=c.end, **common))  # fmt: skip
    for t in out:
        if t.parsed.ambiguous:
            t.warnings.append(
                f"target '{t.indicator}' value '{t.value_text}' is not one number; value left null"
            )
            t.parsed.value = None
    return out


def _year_targets(ident, year_cols, unit, doc_start_year, common) -> list[DraftTarget]:
    """Year columns: the first one at or before the plan's start is the baseline."""
    years = sorted(y for y, _ in year_cols)
    base_year = (
        years[0]
        if len(years) > 1 and (doc_start_year is None or years[0] < doc_start_year)
        else None
    )
    baseline_cell = next((c for y, c in year_cols if y == base_year), None)
    baseline = (
        parse_value(baseline_cell.text).value
        if baseline_cell and baseline_cell.text not in EMPTY
        else None
    )
    out = []
    for year, cell in year_cols:
        if year == base_year or cell.text in EMPTY:
            continue
        parsed = parse_value(cell.text)
        out.append(DraftTarget(key=f"{ident}.{year}", value_text=cell.text, parsed=parsed,
                               unit=unit or parsed.unit, year=year, baseline=baseline,
                               baseline_year=base_year if baseline is not None else None,
                               start=cell.start, end=cell.end, **common))  # fmt: skip
    return out
