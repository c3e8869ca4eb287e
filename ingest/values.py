"""Target values as the genre writes them: '99.5以上', '〔70〕', '1500份/百万人', '不发生',
'B（省）', '六个月内', '不低于40%', '3-5个', and cells holding several values ('95（药）' /
'75（械）').

`parse_value` reads one value text; it never guesses: what is not one number gets
`value=None` and a `kind` saying why ('several' and 'range' are for the caller to warn
about). Units, comparators and word values come from data/patterns/targets.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from policykg.ingest.cn_numerals import cn2an_value
from policykg.ingest.matching import rank_indicators
from policykg.ingest.patterns import targets_patterns

Kind = Literal["number", "range", "grade", "word", "empty", "several", "text"]

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}  # fmt: skip
CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
CN_NUMERAL = "[零〇一二两三四五六七八九十百千万]+"
ARABIC = r"\d+(?:\.\d+)?"
# A range's ends may be written in Chinese numerals (引进一至两个企业, 新建1至两个市场): a range
# states its ends exactly, unlike 一批 or 三个作用, so they are read there too.
RANGE_END = rf"(?:{ARABIC}|[一二两三四五六七八九十]{{1,3}})"
_NOTE = re.compile(r"[（(][^（）()]*[）)]")


def cn_to_number(text: str) -> int | None:
    """六 → 6, 十二 → 12, 两百 → 200, 二〇 → None (a year-like digit string is not a count).

    Read with cn2an (a maintained parser of Chinese numerals); a run of bare digits
    (二〇, 二〇二五) is refused before it gets there.
    """
    if not text or any(c not in CN_DIGITS and c not in CN_UNITS for c in text):
        return None
    if len(text) > 1 and not any(c in CN_UNITS for c in text):
        return None  # two digits in a row (二〇二五): not a count
    try:
        return int(cn2an_value(text, "normal"))
    except (ValueError, KeyError):
        return None


def count_value(text: str) -> float | None:
    """A count as written in a word target: 3, 十二, 两 and a bare unit (百天 → 100; 千 → 1000)
    → its value; None for what cn2an cannot read (never an exception: one odd page must not
    stop a document)."""
    text = text.strip()
    if text.isdigit():
        return float(text)
    if text in ("百", "千", "万"):
        text = "一" + text  # 百日行动, 为期百天: a hundred
    number = cn_to_number(text)
    return None if number is None else float(number)


def cn_percent(text: str) -> float | None:
    """百分之九十八 → 98, 百分之九十九点五 → 99.5 (cn2an)."""
    try:
        value = float(cn2an_value(text.removeprefix("百分之"), "normal"))
    except (ValueError, KeyError):
        return None
    return float(int(value)) if value.is_integer() else value


@cache
def value_patterns() -> dict[str, Any]:
    """Units, comparators and word values of data/patterns/targets.yaml, compiled once."""
    p = targets_patterns()
    scaled = [m + u for m in p["magnitudes"] for u in p["magnitude_units"]]
    units = sorted(set(p["units"]) | set(scaled), key=lambda u: (-len(u), u))
    prefix = sorted(p["comparators"]["prefix"].items(), key=lambda kv: -len(kv[0]))
    suffix = sorted(p["comparators"]["suffix"].items(), key=lambda kv: -len(kv[0]))
    alt = lambda words: "|".join(re.escape(w) for w in words)  # noqa: E731
    return {
        "units": units,
        "unit_re": alt(units),
        "prefix": dict(prefix),
        "prefix_re": alt([w for w, _ in prefix]),
        "suffix": dict(suffix),
        "suffix_re": alt([w for w, _ in suffix]),
        "empty": set(p["empty_cells"]),
        "words": set(p["word_values"]),
        "brackets": [(b[0], b[1]) for b in p["cumulative_brackets"]],
        "time_units": set(p["time_units"]),
        "aliases": dict(p["unit_aliases"]),
        "per_year_re": alt(sorted(p["text"]["per_year"], key=len, reverse=True)),
    }


def canonical_unit(unit: str | None) -> str | None:
    """The unit as the record writes it: 个工作日 → 工作日, 份/百万人口 → 份/百万人."""
    if not unit:
        return None
    return value_patterns()["aliases"].get(unit, unit)


def value_regex() -> str:
    """One value as written: [prefix comparator] number [unit] [suffix comparator]."""
    p = value_patterns()
    return (
        # a yearly rate states its period between the bound and the number (不低于每年2份/千人)
        rf"(?P<prefix>{p['prefix_re']})?\s*(?:{p['per_year_re']})?\s*"
        # a rate per population written before its number (每千人4批次 = 4 批次/千人)
        rf"(?P<per>每(?:千|万|十万|10万|百万)人口?)?\s*"
        rf"(?P<num>{ARABIC}|{CN_NUMERAL})\s*"
        rf"(?P<unit>{p['unit_re']})?\s*(?P<suffix>{p['suffix_re']})?"
    )


@cache
def _value_full() -> re.Pattern[str]:
    return re.compile(rf"^{value_regex()}$")


@cache
def _range_full() -> re.Pattern[str]:
    p = value_patterns()
    return re.compile(
        rf"^(?P<a>{RANGE_END})\s*(?:{p['unit_re']})?\s*[-—–~～至到]\s*(?P<b>{RANGE_END})\s*"
        rf"(?P<unit>{p['unit_re']})?\s*(?P<suffix>{p['suffix_re']})?$"
    )


@dataclass
class ParsedValue:
    value: float | None
    comparator: str | None
    unit: str | None
    cumulative: bool
    kind: Kind
    parts: list[str] = field(default_factory=list)  # kind 'several': each value as written
    note: str | None = None  # an annotation in brackets: （省）, （“十三五”年均数）

    @property
    def ambiguous(self) -> bool:
        return self.kind == "several"


def to_number(num: str) -> float | None:
    if re.fullmatch(ARABIC, num):
        value = float(num)
    else:
        n = cn_to_number(num)
        if n is None:
            return None
        value = float(n)
    return float(int(value)) if value.is_integer() else value


def _comparator(prefix: str | None, suffix: str | None, unit: str | None) -> str | None:
    p = value_patterns()
    if prefix:
        return p["prefix"][prefix] or None  # '' (约): approximate, no bound
    if suffix:
        if suffix == "内" and unit not in p["time_units"]:
            return None  # 省内, 市内: a place, not a limit
        return p["suffix"][suffix] or None
    return None


def parse_value(text: str) -> ParsedValue:
    """'99.5以上' → 99.5 >= ; '〔70〕' → 70 cumulative ; '1500份/百万人' ; '不发生' → null."""
    p = value_patterns()
    raw = text.strip()
    lines = [ln.strip() for ln in raw.split("\n") if ln.strip()]
    notes = [ln for ln in lines if _NOTE.fullmatch(ln)]
    values = [ln for ln in lines if ln not in notes]
    if len(values) > 1:
        return ParsedValue(None, None, None, False, "several", parts=values)
    core = values[0] if values else ""
    notes += _NOTE.findall(core)
    core = _NOTE.sub("", core).strip()
    note = "".join(notes) or None
    cumulative = False
    for a, b in p["brackets"]:
        if core.startswith(a) and core.endswith(b):
            core, cumulative = core[1:-1].strip(), True
    if core in p["empty"]:
        return ParsedValue(None, None, None, cumulative, "empty", note=note)
    if core in p["words"]:
        return ParsedValue(None, None, None, cumulative, "word", note=note)
    if re.fullmatch(r"[A-Ea-e][+＋\-－]?", core):
        return ParsedValue(None, None, None, cumulative, "grade", note=note)
    if m := _range_full().match(core):
        unit = canonical_unit(m.group("unit"))
        return ParsedValue(None, None, unit, cumulative, "range", note=note)
    if (m := _value_full().match(core)) and (number := to_number(m.group("num"))) is not None:
        unit = m.group("unit")
        comparator = _comparator(m.group("prefix"), m.group("suffix"), unit)
        if m.group("per") and unit:
            unit = f"{unit}/{m.group('per')[1:]}"  # 每千人4批次 → 批次/千人
        return ParsedValue(
            number, comparator, canonical_unit(unit), cumulative, "number", note=note
        )
    return ParsedValue(None, None, None, cumulative, "text", note=note)


def indicator_key(name: str) -> tuple[str | None, str | None]:
    """(canonical indicator key or None, warning when several indicators tie)."""
    ranked = rank_indicators(name)
    if not ranked:
        return None, None
    tied = [h.key for h in ranked if h.score == ranked[0].score]
    if len(tied) > 1:
        return None, (
            f"indicator '{name}' matches {', '.join(tied)} equally; indicator_key left empty"
        )
    return ranked[0].key, None
