"""Indicator tables → targets (one per target-year column), with baselines and roles.

Headers differ between provinces (指标名称 | 指标要求 | 责任部门 | 时间节点, or
指标 | 单位 | 2020年 | 2023年 | 2025年 | 属性); columns are recognised by their header
words. A year column at or before the plan's start is the baseline of the later ones.
约束性/预期性 comes from the 属性 column, else from the table's sub-heading.

Values keep the text as written (ingest/values.py reads them). Nothing is guessed
silently: a cell holding several values (95（药） / 75（械）), a range, or a row without
a name (read as the continuation of the row above) gives the best reading and a warning
that names the row. Rows split out of a scraped line (ingest/runon_table.py) bring their
own warnings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policykg.ingest.patterns import targets_patterns
from policykg.ingest.record import DepartmentMention, Target
from policykg.ingest.responsibility import Mention, column_kind, parse_body
from policykg.ingest.structure import Block, Cell
from policykg.ingest.values import ParsedValue, canonical_unit, indicator_key, parse_value


@dataclass
class DraftTarget:
    """A target before department resolution (mentions are still surface forms)."""

    key: str
    indicator: str
    value_text: str
    value: float | None
    comparator: str | None
    unit: str | None
    year: int | None
    baseline: float | None
    baseline_year: int | None
    binding: str | None
    cumulative: bool
    section: str | None
    text: str
    start: int
    end: int
    indicator_key: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    departments: list[DepartmentMention] = field(default_factory=list)  # resolved (text targets)
    warnings: list[str] = field(default_factory=list)

    def to_record(self, ident: str, departments: list[DepartmentMention]) -> Target:
        return Target(id=ident, indicator=self.indicator, indicator_key=self.indicator_key,
                      value=self.value, value_text=self.value_text, comparator=self.comparator,
                      unit=self.unit, year=self.year, baseline=self.baseline,
                      baseline_year=self.baseline_year, binding=self.binding,
                      cumulative=self.cumulative, section=self.section, text=self.text,
                      start=self.start, end=self.end, departments=departments)  # fmt: skip


def unique_id(key: str, seen: set[str]) -> str:
    """Target ids are graph keys ("<doc id>:<target id>"): unique within the document."""
    ident, n = key, 1
    while ident in seen:
        n += 1
        ident = f"{key}~{n}"
    seen.add(ident)
    return ident


def _col(header: str) -> str:
    h = re.sub(r"\s+", "", header)
    if re.fullmatch(r"(?:\d{4})年?(?:目标值?|基数|基期值?)?", h) or re.fullmatch(r"\d{4}年.*", h):
        return "year"
    if any(w in h for w in ("责任", "牵头", "实施主体")):
        return "responsible"
    if column_kind(h) == "deadline":  # 时间节点, 完成时限 … (data/patterns/responsibility.yaml)
        return "deadline"
    if "属性" in h or "性质" in h or h == "类型":
        return "binding"
    if any(w in h for w in ("基期", "基数", "现状", "基准值", "基础值")):
        return "baseline"
    if "单位" in h and "责任" not in h:
        return "unit"
    if any(w in h for w in ("指标要求", "目标值", "预期值", "目标", "要求")):
        return "value"
    if "指标" in h or "名称" in h:
        return "name"
    if "序号" in h:
        return "number"
    return "other"


def binding_of(text: str, strict: bool = False) -> str | None:
    """约束性 → binding, 预期性 → expected (words in data/patterns/targets.yaml); `strict`
    accepts only the full words (约束性), for text that is not a 属性 cell or a heading."""
    words = targets_patterns()["binding_words"]
    for word in sorted(words, key=len, reverse=True):
        if word in text and (not strict or word.endswith("性")):
            return words[word]
    return None


@dataclass
class _Row:
    """What a continuation row inherits from the row above it."""

    ident: str
    label: str
    name: str
    binding: str | None
    unit: str | None
    mentions: list[Mention]
    continuations: int = 0
    continuation: bool = False  # this row has no name of its own


def targets_from_rows(rows: list[Block], doc_start_year: int | None = None) -> list[DraftTarget]:
    """All targets of the indicator-table rows of one document."""
    out: list[DraftTarget] = []
    previous: dict[int | None, _Row] = {}
    counter: dict[int | None, int] = {}
    for row in rows:
        header = row.header
        if 0 < len(row.cells) < len(header):
            # a merged 类别 cell (rowspan) is missing from the rows it spans: align right
            header = header[len(header) - len(row.cells) :]
        kinds = [_col(h) for h in header]
        cells: dict[str, list[Cell]] = {}
        for cell, kind in zip(row.cells, kinds, strict=False):
            cells.setdefault(kind, []).append(cell)
        counter[row.table] = counter.get(row.table, 0) + 1
        info = _row_info(row, cells, previous.get(row.table), counter[row.table])
        if info is None:
            continue
        warnings = list(row.warnings)
        if info.continuation:
            warnings.append(
                f"indicator table {info.label} ({info.name}) has no indicator name; read as a "
                f"continuation of the row above: {' | '.join(c.text for c in row.cells if c.text)}"
            )
        if not info.continuation:
            previous[row.table] = info
        key, tie = indicator_key(info.name)
        if tie:
            warnings.append(tie)
        common = dict(indicator=info.name, indicator_key=key, binding=info.binding,
                      section=row.section, text=row.text, mentions=info.mentions)  # fmt: skip
        year_cols = [(int(re.sub(r"\s", "", h)[:4]), c)
                     for h, c, k in zip(header, row.cells, kinds, strict=False) if k == "year"]  # fmt: skip
        # a 基期值 column (its year, if its header names one) for the year and value columns
        baseline = _baseline(cells.get("baseline", []), info, warnings)
        base_m = next((re.search(r"(?:19|20)\d{2}", h) for h, k in zip(header, kinds, strict=False)
                       if k == "baseline"), None)  # fmt: skip
        base_year = int(base_m.group()) if base_m and baseline is not None else None
        drafts: list[DraftTarget] = []
        if year_cols:
            drafts += _year_targets(info, year_cols, doc_start_year, common, (baseline, base_year))
        deadline = "".join(x.text for x in cells.get("deadline", []))
        for h, c, k in zip(header, row.cells, kinds, strict=False):
            if k != "value" or _empty(c.text):
                continue
            # the year: the 时间节点 column, else the column's header (目标值（2025年）)
            year_m = re.search(r"(?:19|20)\d{2}", deadline) or re.search(r"(?:19|20)\d{2}", h)
            drafts.append(_draft(info.ident, c, parse_value(c.text), info,
                                 year=int(year_m.group()) if year_m else None, baseline=baseline,
                                 baseline_year=base_year, common=common))  # fmt: skip
        if drafts:
            drafts[0].warnings = warnings + drafts[0].warnings
        out += drafts
    return out


def _row_info(row: Block, cells: dict[str, list[Cell]], above: _Row | None, index: int):
    name = "".join(c.text.replace("\n", "") for c in cells.get("name", []))
    number = next((c.text for c in cells.get("number", []) if c.text.strip()), None)
    own_binding = binding_of("".join(c.text for c in cells.get("binding", [])))
    own_unit = next((c.text for c in cells.get("unit", []) if not _empty(c.text)), None)
    mentions = [m for c in cells.get("responsible", []) for m in parse_body(c.text, c.start)]
    if not name:
        if above is None:
            return None
        above.continuations += 1
        return _Row(ident=f"{above.ident}c{above.continuations}",
                    label=f"row after {above.label}", name=above.name,
                    binding=own_binding or above.binding, unit=canonical_unit(own_unit) or above.unit,
                    mentions=mentions or above.mentions, continuation=True)  # fmt: skip
    # 属性 column, else a marker in the row (药品抽检合格率（约束性）), else the sub-heading
    binding = (own_binding or binding_of(row.text, strict=True) or binding_of(" ".join(row.path))
               or binding_of(row.caption or ""))  # fmt: skip
    ident = f"T{row.table}.{number.strip() if number else f'r{index}'}"
    label = f"row {number.strip()}" if number else f"row {index}"
    return _Row(ident, label, name, binding, canonical_unit(own_unit), mentions)


def _baseline(cells: list[Cell], info: _Row, warnings: list[str]) -> float | None:
    """The value of a 基期值 column (a year column before the plan is read elsewhere)."""
    cell = next((c for c in cells if not _empty(c.text)), None)
    if cell is None:
        return None
    parsed = parse_value(cell.text)
    if parsed.kind == "several":
        warnings.append(
            f"indicator table {info.label} ({info.name}): the baseline cell holds several "
            f"values ({' / '.join(parsed.parts)}); baseline left empty"
        )
    return parsed.value


def _empty(text: str) -> bool:
    return parse_value(text).kind == "empty"


def _year_targets(info: _Row, year_cols, doc_start_year, common, column_baseline):
    """Year columns: the first one before the plan's start is the baseline (else a 基期值
    column's value)."""
    years = sorted(y for y, _ in year_cols)
    base_year = (
        years[0]
        if len(years) > 1 and (doc_start_year is None or years[0] < doc_start_year)
        else None
    )
    baseline, notes = None, []
    if base_year is None:
        baseline, base_year = column_baseline
    base_cell = next((c for y, c in year_cols if y == base_year), None)
    if base_cell is not None and not _empty(base_cell.text):
        parsed = parse_value(base_cell.text)
        baseline = parsed.value
        if parsed.kind == "several":
            notes.append(
                f"indicator table {info.label} ({info.name}): the {base_year} cell holds several "
                f"values ({' / '.join(parsed.parts)}); baseline left empty"
            )
    out = []
    for year, cell in year_cols:
        if year == base_year or _empty(cell.text):
            continue
        parsed = parse_value(cell.text)
        out.append(_draft(f"{info.ident}.{year}", cell, parsed, info, year=year, baseline=baseline,
                          baseline_year=base_year if baseline is not None else None,
                          common=common))  # fmt: skip
    if out:
        out[0].warnings = notes + out[0].warnings
    return out


def _draft(ident: str, cell: Cell, parsed: ParsedValue, info: _Row, **kw) -> DraftTarget:
    common = kw.pop("common")
    warnings = []
    if parsed.kind == "several":
        warnings.append(
            f"indicator table {info.label} ({info.name}): value cell holds several values "
            f"({' / '.join(parsed.parts)}); value left empty"
        )
    elif parsed.kind == "range":
        warnings.append(
            f"indicator table {info.label} ({info.name}): value '{cell.text}' is a range; "
            "value left empty"
        )
    elif parsed.kind == "text" and re.search(r"\d", cell.text):
        warnings.append(
            f"indicator table {info.label} ({info.name}): value '{cell.text}' is not one "
            "number; value left empty"
        )
    return DraftTarget(key=ident, value_text=cell.text, value=parsed.value,
                       comparator=parsed.comparator, unit=info.unit or parsed.unit,
                       cumulative=parsed.cumulative, start=cell.start, end=cell.end,
                       warnings=warnings, **kw, **common)  # fmt: skip
