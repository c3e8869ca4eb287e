"""Indicator tables whose cell separators were lost in a scraped line (any such table: the
columns are found by the words of data/patterns/targets.yaml `runon_table`).

A scraper that drops the <td> boundaries turns a 主要指标表 into one run of text:

    类别序号指标名称单位2020年2025年1基本药物抽检合格率%98>98质量安全2疫苗追溯…
    …6网上办理事项比例%851007检验项目覆盖数项42005000检验能力8省级…

`find_runon_table` finds the header by its column words (data/patterns/targets.yaml,
`runon_table`), then reads the rows back: the row number (序号 runs 1, 2, 3 …), the
indicator name up to its unit, the value run, the 属性 word. What is glued together is
separated with the help of the data:

- a merged 类别 cell ("质量安全") or a repeated header between two rows is skipped: the
  next row starts where the next row number stands alone;
- a row number glued to the end of the previous row's values ("…%851007检验…" = 85, 100, row
  7) is recognised because the text after it is a name followed by values;
- a digit run holding several values ("42005000" = 4200 → 5000) is split every way that
  gives well-formed numbers; readings that break the unit (a rate above 100 %) or the
  indicator's direction (baseline above target for 'higher is better', indicators.yaml)
  are dropped, and among the rest the one whose values are closest in magnitude wins. When
  more than one reading was possible the row carries a warning naming the alternatives.

Pure text in, spans out: offsets are relative to the text given, plus `base`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from policykg.ingest.matching import match_indicator
from policykg.ingest.patterns import targets_patterns
from policykg.ingest.values import parse_value, value_patterns
from policykg.ingest.vocab import indicator_by_key

_NUMBER = re.compile(r"(?:0|[1-9]\d*)(?:\.\d{1,2})?")
MAX_READINGS = 4000  # digit runs are short; this only bounds a pathological line


@dataclass
class Span:
    text: str
    start: int
    end: int


@dataclass
class RunOnRow:
    cells: list[Span]
    warnings: list[str] = field(default_factory=list)


@dataclass
class RunOnTable:
    start: int  # where the header starts
    end: int  # where the last row ends
    header: list[str]  # column names, one per cell of each row
    rows: list[RunOnRow]
    heading: Span | None = None  # a numbered heading glued between caption and header


@cache
def _config() -> dict[str, Any]:
    cfg = targets_patterns()["runon_table"]
    columns = []
    for col in cfg["columns"]:
        rx = col.get("regex") or "|".join(re.escape(w) for w in col["words"])
        columns.append((col["kind"], re.compile(f"(?:{rx})"), col.get("optional", False),
                        col.get("repeat")))  # fmt: skip
    parts = []
    for kind, rx, optional, _repeat in columns:
        if kind == "year":
            parts.append(f"{rx.pattern}*")  # years and/or a value column: checked below
        else:
            parts.append(f"{rx.pattern}?" if optional else rx.pattern)
    return {
        "columns": columns,
        "header": re.compile("".join(parts)),
        "annotation": re.compile(cfg["value_annotation"]),
        "end": re.compile(cfg["table_end"]),
        "glued_heading": re.compile(cfg["glued_heading"]),
        "binding": re.compile("|".join(sorted(targets_patterns()["binding_words"], key=len)[::-1])),
    }


def _header_columns(header: str) -> list[tuple[str, str]] | None:
    """(kind, name as written) of each column of a header string, or None if not a table."""
    out: list[tuple[str, str]] = []
    pos = 0
    for kind, rx, _optional, repeat in _config()["columns"]:
        while True:
            m = rx.match(header, pos)
            if not m or m.end() == pos:
                break
            out.append((kind, m.group()))
            pos = m.end()
            if not repeat:
                break
    kinds = [k for k, _ in out]
    if "name" not in kinds or not {"year", "value"} & set(kinds) or len(out) < 3:
        return None
    return out


def find_runon_table(text: str, base: int = 0) -> RunOnTable | None:
    """The first run-on indicator table in `text` (one normalized line), or None."""
    for m in _config()["header"].finditer(text):
        columns = _header_columns(m.group()) if m.group() else None
        if columns and (table := _read(text, m.start(), m.end(), columns, base)):
            return table
    return None


def _masked(text: str, columns_rx: re.Pattern[str], from_pos: int) -> str:
    """The text with repeated headers blanked out (same length), so rows scan past them."""
    out = list(text)
    for m in columns_rx.finditer(text, from_pos):
        if m.group() and _header_columns(m.group()):
            out[m.start() : m.end()] = "\x00" * (m.end() - m.start())
    return "".join(out)


def _read(text: str, h_start: int, h_end: int, columns, base: int) -> RunOnTable | None:
    kinds = [k for k, _ in columns if k != "category"]
    header = [name for k, name in columns if k != "category"]
    n_values = sum(k in ("year", "value") for k in kinds)
    masked = _masked(text, _config()["header"], h_end)
    reader = _RowReader(text, masked, kinds, n_values, base)
    rows, end = reader.read(h_end)
    if not rows:
        return None
    heading = None
    if g := _config()["glued_heading"].search(text[:h_start]):
        heading = Span(g.group(), base + g.start(), base + g.end())
    return RunOnTable(base + h_start, base + end, header, rows, heading)


class _RowReader:
    def __init__(self, text: str, masked: str, kinds: list[str], n_values: int, base: int):
        self.text, self.masked, self.kinds, self.k, self.base = text, masked, kinds, n_values, base
        self.numbered = "number" in kinds
        p = value_patterns()
        self.units = [u for u in p["units"] if u != "%"]

    def span(self, a: int, b: int) -> Span:
        return Span(self.text[a:b], self.base + a, self.base + b)

    def read(self, pos: int) -> tuple[list[RunOnRow], int]:
        rows: list[RunOnRow] = []
        n, start, end = 1, self._row_start(pos, 1), pos
        while start is not None:
            row, end, nxt = self._row(start, n)
            if row is None:
                break
            rows.append(row)
            n += 1
            if nxt == "end":
                break
            start = nxt if isinstance(nxt, int) else self._row_start(end, n)
        return rows, end

    def _row_start(self, pos: int, n: int) -> int | None:
        """Where row n starts: its number standing alone after a gap (a 类型 label)."""
        gap_end = self._scan_text(pos)
        gap = self.masked[pos:gap_end].replace("\x00", "")
        if _config()["end"].search(gap):
            return None
        if not self.numbered:
            return pos if gap_end > pos else None
        m = re.match(r"\d+", self.text[gap_end:])
        if m and m.group() == str(n):
            return gap_end
        return None

    def _scan_text(self, pos: int) -> int:
        """End of the non-value text from pos: names and labels, brackets skipped whole; a
        word value (不发生) ends a name of at least two characters."""
        t, i = self.masked, pos
        words = value_patterns()["words"]
        while i < len(t):
            c = t[i]
            if i - pos >= 2 and any(t.startswith(w, i) for w in words):
                break
            if c in "（(":
                close = re.match(r"[（(][^（）()]*[）)]", t[i:])
                if close and not re.fullmatch(r"[（(]\d[^（）()]*[）)]", close.group()):
                    i += close.end()
                    continue
            if c.isdigit() or c in "%>≥<≤〔[-—－":
                break
            i += 1
        return i

    def _row(self, start: int, n: int) -> tuple[RunOnRow | None, int, int | str | None]:
        """Row n from `start`: (row, where it ends, where row n+1 starts or "end"/"alone")."""
        cells: list[Span] = []
        pos = start
        if self.numbered:
            num = re.match(r"\d+", self.text[pos:])
            assert num is not None  # a numbered row starts with its number (checked by the caller)
            cells.append(self.span(pos, pos + num.end()))
            pos += num.end()
        name_end = self._scan_text(pos)
        if name_end - pos < 2:
            return None, pos, None
        unit_span = None
        if "unit" in self.kinds:
            if self.text.startswith("%", name_end):
                unit_span = self.span(name_end, name_end + 1)
            else:
                unit = next((u for u in self.units if self.text.endswith(u, pos, name_end)), None)
                if unit and name_end - len(unit) - pos >= 2:
                    unit_span = self.span(name_end - len(unit), name_end)
                elif self.text.startswith(("--", "—", "－"), name_end):
                    dash = re.match(r"[-—－]+", self.text[name_end:])
                    assert dash is not None  # startswith() above
                    unit_span = self.span(name_end, name_end + dash.end())
        name = self.span(pos, unit_span.start - self.base if unit_span else name_end)
        cells.append(name)
        if "unit" in self.kinds:
            at = unit_span.end - self.base if unit_span else name_end
            cells.append(unit_span or self.span(at, at))
        run_start = (unit_span.end - self.base) if unit_span else name_end
        run_end = self._value_run_end(run_start)
        if run_end == run_start:
            return None, pos, None
        after = run_end
        binding = None
        if "binding" in self.kinds and (b := _config()["binding"].match(self.text, after)):
            binding, after = self.span(after, b.end()), b.end()
        how, at = self._next_row(run_start, run_end, after, n + 1)
        values_end = at if how == "glued" else run_end
        row = RunOnRow(cells)
        unit_text = cells[-1].text if "unit" in self.kinds else None
        row.cells += self._split(run_start, values_end, unit_text, name.text, n, row)
        if "binding" in self.kinds:
            row.cells.append(binding or self.span(after, after))
        if how == "glued":
            return row, values_end, at
        if how == "next":
            return row, after, at
        return row, after, how

    def _value_run_end(self, pos: int) -> int:
        p = value_patterns()
        words = sorted([*p["suffix"], *p["words"], *p["empty"]], key=len, reverse=True)
        t, i = self.text, pos
        units = sorted(p["units"], key=len, reverse=True)
        own_units = "unit" not in self.kinds  # no 单位 column: values carry their units
        while i < len(t):
            if t[i].isdigit() or t[i] in ".%>≥<≤〔〕[]-—－~～":
                i += 1
                continue
            if (
                own_units
                and i > pos
                and t[i - 1].isdigit()
                and (u := next((u for u in units if t.startswith(u, i)), None))
            ):
                i += len(u)  # a unit written in the value (85分以上) when there is no 单位 column
                continue
            if (m := _config()["annotation"].match(t, i)) and i > pos:
                i = m.end()  # （省）
                continue
            w = next((w for w in words if w and t.startswith(w, i)), None)
            if w:
                i += len(w)
                continue
            if re.match(r"[A-E](?![A-Za-z])", t[i:]) and (i == pos or not t[i - 1].isalpha()):
                i += 1
                continue
            break
        return i

    def _next_row(self, run_start: int, run_end: int, after: int, nxt: int):
        """How row `nxt` starts: ("glued", at) — its number ends the value run; ("alone",
        None) — its number stands alone after a gap (a 类型 label, a repeated header, the
        属性 word); ("end", None) — the table ends here."""
        gap_end = self._scan_text(after)
        gap = self.masked[after:gap_end].replace("\x00", "")
        if gap_end >= len(self.text) or _config()["end"].search(gap):
            return "end", None
        if not self.numbered:
            return "next", after  # no row numbers: the next name follows at once
        m = re.match(r"\d+", self.text[gap_end:])
        if m and m.group() == str(nxt):
            return "alone", None
        run = self.text[run_start:run_end]
        if after == run_end and run.endswith(str(nxt)) and len(run) > len(str(nxt)):
            return "glued", run_end - len(str(nxt))
        return "end", None

    def _split(self, a: int, b: int, unit: str | None, name: str, n: int, row: RunOnRow):
        run = self.text[a:b]
        readings = _readings(run, self.k)
        if not readings:
            row.warnings.append(
                f"run-on indicator table row {n} ({name}): values '{run}' could not be split "
                f"into {self.k} columns; kept as one cell"
            )
            return [self.span(a, b)] + [self.span(b, b)] * (self.k - 1)
        best, others = _choose(readings, unit, name)
        if others:
            alts = "; ".join(" → ".join(r) for r in others[:3])
            row.warnings.append(
                f"run-on indicator table row {n} ({name}): digits '{run}' read as "
                f"{' → '.join(best)}; other readings: {alts}"
            )
        spans, pos = [], a
        for v in best:
            spans.append(self.span(pos, pos + len(v)))
            pos += len(v)
        return spans


def _token_ok(token: str) -> bool:
    parsed = parse_value(token)
    if parsed.kind in ("empty", "word", "grade"):
        return True
    if parsed.kind != "number":
        return False
    digits = re.search(r"\d+(?:\.\d+)?", token)
    return bool(digits and _NUMBER.fullmatch(digits.group()))


def _readings(run: str, k: int) -> list[list[str]]:
    """Every way to cut `run` into k well-formed values."""
    out: list[list[str]] = []

    def walk(pos: int, acc: list[str]) -> None:
        if len(out) >= MAX_READINGS:
            return
        if len(acc) == k:
            if pos == len(run):
                out.append(list(acc))
            return
        for j in range(pos + 1, len(run) + 1):
            if _token_ok(run[pos:j]):
                walk(j, [*acc, run[pos:j]])

    walk(0, [])
    return out


def _choose(readings: list[list[str]], unit: str | None, name: str):
    """The reading consistent with the unit and direction, closest in magnitude."""
    key = match_indicator(name)
    ind = indicator_by_key(key) if key else None
    direction = ind.direction if ind else None
    rate = unit == "%" or (ind is not None and ind.measure == "rate" and not unit)

    def numbers(r: list[str]) -> list[float | None]:
        return [parse_value(v).value for v in r]

    def ok(r: list[str]) -> bool:
        nums = numbers(r)
        if rate and any(v is not None and v > 100 for v in nums):
            return False
        known = [v for v in nums if v is not None]
        pairs = list(zip(known, known[1:], strict=False))
        if direction == "higher" and any(x > y for x, y in pairs):
            return False
        return not (direction == "lower" and any(x < y for x, y in pairs))

    def spread(r: list[str]) -> tuple[float, int]:
        known = [v for v in numbers(r) if v is not None]
        logs = [math.log10(v + 1) for v in known]
        decimals = sum("." in v for v in r)
        return sum(abs(x - y) for x, y in zip(logs, logs[1:], strict=False)), decimals

    valid = [r for r in readings if ok(r)] or readings
    valid.sort(key=spread)
    return valid[0], valid[1:]
