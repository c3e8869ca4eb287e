"""The candidate values of one clause (number + unit, with its comparator: 30个工作日, 不低于40%,
3-5个, 百分之九十八以上), minus dates, document numbers, names and bracketed asides, and a
bare number no reader could check.

Apart from the clause scan (ingest/clause_targets.py) because reading what a value is — its
span, its parsed number, unit and bound — is a question of the value alone; which shape of
commitment a value stands in is the scan's. A sum that only names a class of what a later
count counts (营业收入超100亿元企业3家) is dropped here too, before the scan sees it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from policykg.ingest.memo import memoized_list
from policykg.ingest.text_target_rules import config
from policykg.ingest.values import ParsedValue, cn_percent, parse_value, value_patterns

_BRACKETS = re.compile(r"（[^（）]*）|\([^()]*\)|《[^《》]*》|“[^“”]*”")


@dataclass
class ClauseValue:
    start: int  # offsets in the clause
    end: int
    text: str
    parsed: ParsedValue


# A bound written after a bracket that includes the value (90分（含90分）以上, 5天（含）以内).
_INCLUSIVE = re.compile(r"\s*[（(]\s*含[^（）()]{0,10}[）)]\s*(?P<cmp>以上|以下|以内)")


@memoized_list()  # pure in the clause: 26,100 calls, 8,000 clauses (fingerprint corpus)
def candidate_values(clause: str) -> list[ClauseValue]:
    """Candidate values of a clause, minus dates, numbers, names and bracketed asides."""
    cfg = config()
    blocked = [(x.start(), x.end()) for rx in cfg["not_values"] for x in rx.finditer(clause)]
    blocked += [(x.start(), x.end()) for x in _BRACKETS.finditer(clause)]
    found: list[ClauseValue] = []
    for rx in (cfg["range"], cfg["value"]):
        for x in rx.finditer(clause):
            a, b = x.start(), x.end()
            if a == b or any(s < b and a < e for s, e in blocked):
                continue
            if any(v.start < b and a < v.end for v in found):
                continue
            parsed = parse_value(x.group())
            if parsed.comparator is None and (inc := _INCLUSIVE.match(clause, b)):
                # 90分（含90分）以上: the bound after the bracket
                parsed = replace(parsed, comparator=value_patterns()["suffix"].get(inc["cmp"]))
            if _plausible(x, parsed, clause[:a]):
                found.append(ClauseValue(a, b, x.group(), parsed))
    for x in cfg["cn_percent"].finditer(clause):  # 百分之九十八以上
        a, b = x.start(), x.end()
        number = cn_percent(x["cn"])
        if number is None or any(v.start < b and a < v.end for v in found):
            continue
        suffix = x["suffix"]
        comparator = value_patterns()["suffix"].get(suffix) if suffix else None
        parsed = ParsedValue(number, comparator, "%", False, "number")
        found.append(ClauseValue(a, b, x.group(), parsed))
    return sorted(found, key=lambda v: v.start)


_RATE_HELD = re.compile(r"率(?:要|应|须)?(?:控制在|降至|降到|保持在)$")


def _plausible(x: re.Match[str], parsed: ParsedValue, before: str) -> bool:
    cfg = config()
    if parsed.kind == "range":
        # (ends in Chinese numerals count things or spans: 一至两个企业, 三至五年; not 一至二级)
        return (
            bool(re.match(r"\d", x.group("a")))
            and bool(re.match(r"\d", x.group("b")))
            or (x.group("unit") in (*COUNTS, *cfg["cn_numeral_units"]))
        )
    if parsed.kind == "number" and not x.group("unit") and parsed.comparator:
        # (a rate held under a bound written as a bare number: 亿元GDP事故死亡率控制在0.05以内)
        return _RATE_HELD.search(before) is not None
    if parsed.kind != "number" or not x.group("unit"):
        return False  # a bare number says nothing a reader could check
    raw_unit = x.group("unit")
    if not re.match(r"\d", x.group("num")) and raw_unit not in cfg["cn_numeral_units"]:
        return False  # 一批, 三个作用: Chinese numerals count only time spans here
    if raw_unit in value_patterns()["time_units"] and parsed.comparator is None:
        # a bare duration ("利用3年时间") is a value only after a change verb, as the size of a
        # cut (再注册时限缩减50个工作日) or as a baseline
        return any(before.endswith(w) for w in (*cfg["change"], *cfg["by"])) or bool(
            re.search(f"{cfg['baseline_re'].pattern}[^，]{{0,12}}$", before)
        )
    return True


# A sum that names a class of what is counted (营业收入超100亿元企业3家, 10亿元级企业5个, 5亿元医药
# 大品种20个): the count is the value, the sum part of the indicator
_MONEY = ("亿元", "万元", "元")
_COUNTED_AFTER = re.compile(
    r"^(?:级|以上|及以上)?[^\W\d的]{1,10}$"
)  # (…亿元的企业5个: read as before)


COUNTS = ("家", "个", "户", "件", "项", "名", "种", "所", "座", "批", "批次")


def qualified_counts(clause: str, values: list[ClauseValue]) -> list[ClauseValue]:
    return [
        v
        for i, v in enumerate(values)
        if not (
            v.parsed.unit in _MONEY
            and i + 1 < len(values)
            and values[i + 1].parsed.unit in COUNTS
            and _COUNTED_AFTER.match(clause[v.end : values[i + 1].start])
        )
    ]
