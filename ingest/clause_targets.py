"""The values of one clause of running text and the phrase naming each one's indicator.

ingest/text_targets.py splits a commitment's sentences into clauses and asks `clause_targets`
which values are targets in one of the genre's shapes (change, count, deadline, limit,
object-first, share; see that module's docstring); the value readers, the indicator's clean-up
and the configuration both modules share (`config`) live here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, Any

from policykg.ingest.memo import memoized_list
from policykg.ingest.patterns import document_patterns, targets_patterns
from policykg.ingest.values import (
    ARABIC,
    ParsedValue,
    cn_percent,
    parse_value,
    value_patterns,
    value_regex,
)

if TYPE_CHECKING:
    pass

_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]*")
# (a bracketed aside is part of its clause, commas and all: 餐馆（指面积150平方米以上，或座位80座以上）…)
_CLAUSE = re.compile(r"(?:（[^（）]{0,60}）|[^，,；;：:（])+|（")

_BRACKETS = re.compile(r"（[^（）]*）|\([^()]*\)|《[^《》]*》|“[^“”]*”")


@cache
def config() -> dict[str, Any]:
    t = targets_patterns()["text"]
    longest = lambda words: sorted(words, key=len, reverse=True)  # noqa: E731
    units = value_patterns()["unit_re"]
    verb_cmp = {"decrease": "<=", "increase": ">=", "keep": None}
    change = {w: verb_cmp[group] for group, words in t["change_verbs"].items() for w in words}
    return {
        **t,
        "change": dict(sorted(change.items(), key=lambda kv: -len(kv[0]))),
        "count": longest(t["count_verbs"]),
        "leading": longest(t["leading_words"]),
        "trailing": longest(t["trailing_words"]),
        "value": re.compile(rf"(?<![\dA-Za-z.．/])(?:{value_regex()})"),
        "range": re.compile(
            rf"(?<![\dA-Za-z.．/])(?P<a>{ARABIC})\s*(?:{units})?\s*[-—–~～至到]\s*"
            rf"(?P<b>{ARABIC})\s*(?P<unit>{units})"
        ),
        "not_values": [re.compile(p) for p in t["not_values"]],
        "year_re": re.compile(t["year"]),
        "period_end_re": re.compile(t["period_end"]),
        # 争取到“十三五”末…: the period's end ahead (no 已 told of it), not its past
        "period_ahead_re": re.compile(
            r"(?:到|力争|争取)\s*(?:" + t["period_end"] + r")(?![^，。；]{0,30}已)"
        ),
        "period_whole_re": re.compile(t["period_whole"]),
        "qualifier": re.compile(rf"^(?:{'|'.join(t['qualifier_words'])})[^，的]{{0,12}}的"),
        "definition_re": re.compile(t["definition"]),
        "baseline_re": re.compile(f"(?:{'|'.join(t['baseline_words'])})"),
        "by": longest(t["by_verbs"]),
        "past_year_re": re.compile(t["past_year"]),
        "window_end_re": re.compile(t["window_end"]),
        "past_forms_re": re.compile("|".join(f"(?:{p})" for p in t["past_forms"])),
        "period_baseline_re": re.compile(t["period_baseline"]),
        # (a verb, then its object of two letters or more)
        "task_after_re": re.compile(
            rf"^\s*(?:{'|'.join(t['task_after_verbs'])})[\u4e00-\u9fff“”《》]{{2,}}"
        ),
        "covers_re": re.compile(t["covers"]),
        # 均/都 before the change the rates share; each rate's span is its own words
        "both_change_re": re.compile(rf"(?:均|都|分别)(?P<change>{t['change_over_last_year']})$"),
        "shared_tail_re": re.compile(rf"{t['change_over_last_year']}$"),
        "past_unless_re": re.compile(t["past_unless"]),
        "periods": document_patterns()["periods"],
        "cn_percent": re.compile(targets_patterns()["cn_percent"]),
    }


@dataclass
class _Value:
    start: int  # offsets in the clause
    end: int
    text: str
    parsed: ParsedValue


@dataclass
class _Found:
    phrase: str
    value: _Value
    shape: str
    baseline: float | None = None
    comparator: str | None = None
    warning: str | None = None


# Bodies or places counted after a list of them (A、B等13个成员单位组成, 等17个部门相关负责人): a
# list closed by its count, no target
_BODIES_COUNTED = re.compile(
    r"(?:有关|相关|成员|事业|直属|下属)?(?:部门|单位|成员|处室|科室|地区|省份|城市|市|县|区|乡镇|街道)"
)


# Counted subjects that all do what the clause commits to (19家批发市场全部建立…, 各3所医院均达到…)
_ALL_DO = re.compile(r"(?:全部|均|都|一律)(?:要|将|应)?(?:建立|建成|实现|完成|达到|配备|设立|通过)")


# A bound written after a bracket that includes the value (90分（含90分）以上, 5天（含）以内).
_INCLUSIVE = re.compile(r"\s*[（(]\s*含[^（）()]{0,10}[）)]\s*(?P<cmp>以上|以下|以内)")


@memoized_list()  # pure in the clause: 26,100 calls, 8,000 clauses (fingerprint corpus)
def _values(clause: str) -> list[_Value]:
    """Candidate values of a clause, minus dates, numbers, names and bracketed asides."""
    cfg = config()
    blocked = [(x.start(), x.end()) for rx in cfg["not_values"] for x in rx.finditer(clause)]
    blocked += [(x.start(), x.end()) for x in _BRACKETS.finditer(clause)]
    found: list[_Value] = []
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
                found.append(_Value(a, b, x.group(), parsed))
    for x in cfg["cn_percent"].finditer(clause):  # 百分之九十八以上
        a, b = x.start(), x.end()
        number = cn_percent(x["cn"])
        if number is None or any(v.start < b and a < v.end for v in found):
            continue
        suffix = x["suffix"]
        comparator = value_patterns()["suffix"].get(suffix) if suffix else None
        parsed = ParsedValue(number, comparator, "%", False, "number")
        found.append(_Value(a, b, x.group(), parsed))
    return sorted(found, key=lambda v: v.start)


def _plausible(x: re.Match[str], parsed: ParsedValue, before: str) -> bool:
    cfg = config()
    if parsed.kind == "range":
        return True
    if parsed.kind != "number" or not x.group("unit"):
        return False  # a bare number says nothing a reader could check
    raw_unit = x.group("unit")
    if not re.match(r"\d", x.group("num")) and raw_unit not in cfg["cn_numeral_units"]:
        return False  # 一批, 三个作用: Chinese numerals count only time spans here
    if raw_unit in value_patterns()["time_units"] and parsed.comparator is None:
        # a bare duration ("利用3年时间") is a value only after a change verb or as a baseline
        return any(before.endswith(w) for w in cfg["change"]) or bool(
            re.search(f"{cfg['baseline_re'].pattern}[^，]{{0,12}}$", before)
        )
    return True


def _verb_at_end(text: str, verbs: Iterable[str]) -> str | None:
    return next((w for w in verbs if text.endswith(w)), None)


_COUNTED = ("家", "个", "所", "户", "座", "项", "条")


def _threshold(clause: str, values: list, i: int) -> bool:
    """A value that qualifies what a later count counts (年销售额达100亿元的企业5个)."""
    v = values[i]
    return (
        clause.startswith("的", v.end)
        and i + 1 < len(values)
        and (values[i + 1].parsed.unit or "") in _COUNTED
        and "，" not in clause[v.end : values[i + 1].start]
    )


# A bound that defines a class of things (…在100人以下（含100人）的活动, 500人以上的聚餐由…,
# 对日供水1000吨以上、服务人口1万人以上的水厂…): the value with its own comparator, then 的 and
# the thing it bounds — or 、 and another such bound; written after a bare attribute (no verb
# of change or count before it), never before 目标/水平 (…达到90%以上的目标 is a goal).
# Nothing, or only the area, before a share (全省80%以上的县…): the share is the goal's value.
_SHARE_SCOPE = re.compile(r"\s*(?:全[国省市县区州盟旗乡镇]|各地|全部)?(?:共|有)?\s*")
_CLASS_BOUND = re.compile(r"\s*(?:[（(]含[^（）()]{1,12}[）)])?\s*的(?!目标|水平|要求|标准)")


def _class_bound(clause: str, values: list, i: int) -> bool:
    v = values[i]
    if not v.text.endswith(("以上", "以下", "以内")):
        return False
    before = clause[values[i - 1].end if i else 0 : v.start].rstrip()
    # (the object of 对 opens the class: 开展对年出栏生猪50头以上的养殖场的检查)
    attribute = re.split(r"[、，,：:；;和及与或]|对", before)[-1]
    if v.parsed.unit == "%" and _SHARE_SCOPE.fullmatch(attribute):
        return False  # (全市)50%以上的养殖场实施…: a share of the things to reach, no class
    if not (before.endswith(("在", "，", ",", "：", ":")) or _bare_attribute(attribute)):
        return False
    if _CLASS_BOUND.match(clause, v.end):
        return True
    if _bare_attribute(attribute) and _NOUN_AFTER.match(clause, v.end):
        return True  # 日供水1000吨以上水源地: the bound stands before the noun it qualifies
    nxt = clause[v.end : values[i + 1].start] if i + 1 < len(values) else ""
    return (
        nxt[:1] in ("、", "和", "及", "与", "或")
        and _bare_attribute(nxt[1:])
        and _class_bound(clause, values, i + 1)
    )


# a noun straight after a bound (…以上水源地, …以下企业), not a joiner, 的 or a verb of the goal
_NOUN_AFTER = re.compile(r"(?![的和及与或等并且为是])[\u4e00-\u9fff]")


def _bare_attribute(text: str) -> bool:
    """A short noun phrase naming what a bound measures (日供水, 服务人口): no 的, no verb."""
    cfg = config()
    return (
        0 < len(text) <= 12
        and "的" not in text
        and not text.endswith("有")  # 其中有3个以上…行业: a count of what there is, a goal
        and not any(w in text for w in cfg["change"])
        and not any(w in text for w in cfg["count"])
    )


def clause_targets(
    clause: str, previous: str, previous_had: bool, listing: bool = False
) -> list[_Found]:
    """The commitment values of one clause, each with the phrase that names its indicator
    (`listing`: the clause goes on a breakdown opened by 其中 in a clause before)."""
    cfg = config()
    time_units = value_patterns()["time_units"]
    values = _qualified_counts(clause, _values(clause))
    breakdown = previous_had and (
        listing or clause.lstrip().startswith(tuple(cfg["breakdown_words"]))
    )
    if shares := _shares_of_classes(clause, values):
        return shares
    out: list[_Found] = []
    item_start, shape, verb, pending = 0, None, "", None
    for i, v in enumerate(values):
        if _threshold(clause, values, i):
            continue  # 产值超过50亿元的企业3家: the 50亿元 is part of what is counted
        if _CRITERION.match(clause, v.end):
            continue  # 得分达到85分以上的评为示范单位: a criterion to qualify, not a goal
        if _scope(clause, values, i):
            continue  # 纳入追溯的30个品种的追溯覆盖率100%: the count says what the rate covers
        if _class_bound(clause, values, i):
            continue  # 就餐人数在100人以下的聚餐…: the bound of a class the rule treats, no goal
        if (
            i
            and _threshold(clause, values, i - 1)
            and not clause[values[i - 1].end : v.start].rstrip().endswith("、")
        ):  # …的企业5个: the count of them (not a count opening the list's next item, 、10个…)
            out.append(_Found(clause[item_start : v.start], v, "count_after"))
            shape, pending, item_start = "count_after", None, v.end
            continue
        prev_end = values[i - 1].end if i else 0
        seg = clause[prev_end : v.start]
        bare = seg.strip(" 、")
        unit = v.parsed.unit
        counted = unit not in time_units and unit != "%"
        chained = i > 0 and seg.strip() in ("", "、", "和", "及")
        marker = cfg["baseline_re"].search(seg)
        nxt = clause[v.end : values[i + 1].start].strip() if i + 1 < len(values) else ""
        if marker and _verb_at_end(nxt, cfg["change"]):
            pending = (v.parsed.value, prev_end + marker.start())  # 由30个工作日 缩减至…
            continue
        change, qualifier = _change_verb(bare)
        by = None if change else _verb_at_end(bare, cfg["by"])
        # (确定至少1家…: the least word between the count verb and the count)
        count = _count_verb(re.sub(r"(?:至少|不少于)$", "", bare)) if counted else None
        if count in _QUOTA_VERBS and _QUOTA_EACH.search(bare[: len(bare) - len(count)]):
            continue  # 每个乡镇设置1个监管所, 每村配备1名协管员: an establishment or staffing quota
        if (
            count in _QUOTA_VERBS
            and v.parsed.unit in ("名", "人")
            and re.match(
                r"[^，。；]{1,12}?(?:员|人员)(?:[，。；]|$)", _object_after(clause, values, i)
            )
        ):
            continue  # 学校食堂确定1名食品安全协管员: the staff each unit names, a quota too
        own_cmp = not re.match(r"[\d一二两三四五六七八九十]", v.text)
        found = None
        if change or (own_cmp and not count):
            end = pending[1] if pending else v.start - len(change or "") - qualifier
            phrase = clause[item_start:end]
            phrase = phrase if clean_indicator(phrase) else previous
            if _PERIOD_ONLY.match(clean_indicator(phrase) or "") and clean_indicator(
                after := _object_after(clause, values, i)
            ):
                phrase += after  # 每月不少于4次巡查: what is done that often, after the count
            found = _Found(phrase, v, "change", pending[0] if pending else None,
                           cfg["change"].get(change) if change else None)  # fmt: skip
        elif by:  # 审批时限压缩50%: the verb names the indicator
            found = _Found(clause[item_start : v.start], v, "change_by")
        elif chained and shape in ("change", "change_by"):
            # (分别增长34.6%、40%: each value of the list, the same verb)
            found = _Found(out[-1].phrase, v, shape, comparator=out[-1].comparator)
        elif shape == "count_before" and counted and (chained or seg.rstrip().endswith("、")):
            found = _Found(verb + _object_after(clause, values, i), v, "count_before")
        elif count:
            verb, thing = count, _object_after(clause, values, i)
            # 每年组织培训2000人次: nothing counted after the value, the phrase is before it
            phrase = count + thing if clean_indicator(thing) else clause[item_start : v.start]
            found = _Found(phrase, v, "count_before")
        elif (
            counted
            and (not bare or (shape == "subject" and seg.rstrip().endswith("、")))
            and (all_do := _ALL_DO.search(clause, v.end))
        ):  # 19家大型批发市场全部建立…; 20家A、350家B全部建立…: the counted subjects commit
            stop = values[i + 1].start if i + 1 < len(values) else len(clause)
            found = _Found(clause[v.end : min(all_do.start(), stop)].rstrip("、，, "), v, "subject")
        elif (
            counted
            and bare.endswith("等")
            and (verb_first := next((w for w in _count_verbs() if bare.startswith(w)), None))
            and clean_indicator(thing := _object_after(clause, values, i))
            and not _BODIES_COUNTED.match(thing)
        ):
            # 建成当归等11个示范基地: the examples between the count verb and 等 name some of
            # the things counted (《甲》等4项标准力争…: no count verb, the subject of what follows)
            verb = verb_first
            found = _Found(thing, v, "count_before")
        elif counted and (w := _last_verb(clause, item_start, v.start)):
            verb = w
            found = _Found(clause[clause.rfind(w, item_start, v.start) : v.start], v, "count_after")
        elif counted and (shape == "count_after" and seg.lstrip().startswith("、") or breakdown):
            found = _Found(seg, v, "count_after")
        elif unit in time_units and v.parsed.comparator:
            # 收到举报后应在24小时内赶赴现场: what is done in the time is the verb phrase after
            # the limit when one follows; else the phrase before (检验报告应在10个工作日内出具)
            phrase, after = clause[item_start : v.start], clause[v.end :]
            if not clean_indicator(phrase) or (
                i + 1 == len(values) and cfg["task_after_re"].match(after)
            ):
                phrase = after
            found = _Found(phrase, v, "deadline")
        elif (
            unit == "%"
            and (
                cfg["covers_re"].search(bare)
                or shape == "covers"
                and re.search(r"(?:和|及|、)$", seg.rstrip())
            )
            and (thing := _covered(clause, values, i))
        ):  # 覆盖100%A和85%以上B: each share names what it covers after it
            found = _Found(thing, v, "covers")
        elif (
            unit == "%"
            and v.parsed.comparator
            and _SHARE_SCOPE.fullmatch(bare)
            and clause.startswith("的", v.end)
            and clean_indicator(clause[v.end + 1 :])
        ):
            # (全市)50%以上的养殖场实施…: the share of the things that reach what follows
            found = _Found((bare + _object_after(clause, values, i)).removeprefix("的"), v, "share")
        elif (
            v.parsed.comparator
            or (unit == "%" and bare.endswith(tuple(cfg["rate_endings"])))
            or (counted and unit and bare.endswith(tuple(cfg["amount_endings"])))
        ):
            found = _Found(clause[item_start : v.start], v, "limit")
        elif counted and bare in cfg["object_first_words"]:
            found = _Found(clause[v.end :], v, "object_first")
        elif unit == "%" and clean_indicator(clause[v.end :]) and clean_indicator(bare):
            # 省级审批事项100%“全程网办”: the share of the subject that meets the goal after it
            found = _Found(bare + _object_after(clause, values, i), v, "share")
        elif (
            unit in _COUNTS
            and i == 0
            and previous_had
            and 2 <= len(bare) <= 16
            and "的" not in bare
        ):
            # (培育…企业1家，超100亿元企业3—5家，…: a count list going on over commas, each
            # clause the thing counted and its count)
            found = _Found(bare, v, "count_before")
        if found is None:
            continue
        shape, pending, item_start = found.shape, None, v.end
        out.append(found)
    return _distribute(out)


def _scope(clause: str, values: list[_Value], i: int) -> bool:
    """A count after 的 that names what a later rate of the clause covers (…管理的30个品种的
    追溯覆盖率100%): part of the indicator, not a target of its own."""
    v = values[i]
    if not clause[: v.start].rstrip().endswith("的") or i + 1 >= len(values):
        return False
    nxt = values[i + 1]
    return nxt.parsed.unit == "%" and "的" in clause[v.end : nxt.start]


def _covered(clause: str, values: list[_Value], i: int) -> str:
    """What a share after 覆盖 counts: the words after it up to 和/及/、 before the next share."""
    stop = values[i + 1].start if i + 1 < len(values) else len(clause)
    words = clause[values[i].end : stop].strip(" 。；;，,")
    return re.sub(r"^的|(?:和|及|以及|、)$", "", words).strip()


# Each unit's establishment or staffing (每个乡镇设置1个…所; 每村配备1名协管员): a quota of the
# structure, as 设主任1名 is (the rule book: no target).
# (a minimum set for each is a goal: 每个县至少设立2个快检室)
_QUOTA_EACH = re.compile(
    r"每(?:个|一个|一)?(?:(?!至少|不少于)[\u4e00-\u9fff（）()]){1,10}(?:都|均)?$"
)
_QUOTA_VERBS = ("设置", "设立", "配备", "配置", "确定", "选聘", "聘请", "设")


# A value that qualifies for a status (…得分85分以上的评为示范单位, …的予以表彰).
_CRITERION = re.compile(r"的(?:评为|认定为?|确定为|命名为?|列为|授予|给予|予以|可评为|方可)")
# A batch before the count (建成首批50家, 认定第二批20个): the verb stands before it.
_BATCH = re.compile(r"(?:首批|一批|第[一二三四五六七八九十\d]+批)$")
# A whole division that is to have N of a kind (到2027年全省有800家零售药店达标).
_DIVISION_HAS = re.compile(r"(?:全省|全市|全县|全区|全州|全盟|全国)(?:要|将|力争)?有$")


@cache
def _count_verbs() -> tuple[str, ...]:
    return tuple(sorted(config()["count"], key=len, reverse=True))


def _count_verb(bare: str) -> str | None:
    """The count verb ending the words before a count (创建300家, 建成首批50家, 全省有800家)."""
    bare = _BATCH.sub("", bare)
    if verb := _verb_at_end(bare, config()["count"]):
        return verb
    return "有" if _DIVISION_HAS.search(bare) else None


def _change_verb(bare: str) -> tuple[str | None, int]:
    """The change verb ending `bare`, also before a qualifier of the value (压缩至法定时限的
    50%): (verb, length of the qualifier)."""
    verbs = config()["change"]
    if verb := _verb_at_end(bare, verbs):
        return verb, 0
    if bare.endswith("的"):
        for k in range(2, min(len(bare), 10)):  # the shortest qualifier after a verb
            if "、" not in bare[-k:] and (verb := _verb_at_end(bare[:-k], verbs)):
                return verb, k
    return None, 0


# A growing verb as a modifier of a noun (种植面积, 种植基地, 推广应用): no count verb there.
_GROWN_NOUN = re.compile(
    r"(?:种植|栽种|栽培|推广)(?:面积|基地|规模|结构|技术|模式|应用|大户|户|业|区)"
)


def _last_verb(clause: str, a: int, b: int) -> str | None:
    hits = [(clause.rfind(w, a, b), w) for w in config()["count"]]
    hits = [(pos, w) for pos, w in hits if pos >= 0 and not _GROWN_NOUN.match(clause, pos)]
    return max(hits, key=lambda h: (h[0] + len(h[1]), len(h[1])))[1] if hits else None


# A sum that names a class of what is counted (营业收入超100亿元企业3家, 10亿元级企业5个, 5亿元医药
# 大品种20个): the count is the value, the sum part of the indicator
_MONEY = ("亿元", "万元", "元")
_COUNTED_AFTER = re.compile(
    r"^(?:级|以上|及以上)?[^\W\d的]{1,10}$"
)  # (…亿元的企业5个: read as before)


_PERIOD_ONLY = re.compile(r"^(?:每|至少每)(?:年|季度|季|月|半年|周|天|日)$")
_COUNTS = ("家", "个", "户", "件", "项", "名", "种", "所", "座", "批", "批次")


def _qualified_counts(clause: str, values: list[_Value]) -> list[_Value]:
    return [
        v
        for i, v in enumerate(values)
        if not (
            v.parsed.unit in _MONEY
            and i + 1 < len(values)
            and values[i + 1].parsed.unit in _COUNTS
            and _COUNTED_AFTER.match(clause[v.end : values[i + 1].start])
        )
    ]


# Shares of classes listed before what they do (全市90%的农贸市场、70%的超市和50%的小餐饮店实现
# 明厨亮灶): each class with the predicate is an indicator, its share the value
_SHARE_CLASS = re.compile(r"^(?:以上)?的(?P<cls>[^，,。；;%％\d]{2,30}?)\s*(?:、|和|及|以及)\s*$")
_SHARE_LAST = re.compile(
    r"^(?:以上)?的(?P<cls>[^，,。；;%％\d]{2,24}?)(?P<pred>(?:要|将|均|都)?(?:实现|参加|参与|达到|建立|建成|开展"
    r"|纳入|完成|落实|使用|配备|通过|接入|应用|推行|具备|取得|投保)[^，,。；;]{0,20})"
)


def _shares_of_classes(clause: str, values: list[_Value]) -> list[_Found]:
    pct = [v for v in values if v.parsed.unit == "%"]
    if len(pct) < 2 or len(pct) != len(values):
        return []
    classes = []
    for k in range(len(pct) - 1):
        m = _SHARE_CLASS.match(clause[pct[k].end : pct[k + 1].start])
        if not m:
            return []
        classes.append(m["cls"])
    last = _SHARE_LAST.match(clause[pct[-1].end :])
    if not last:
        return []
    predicate = last["pred"]
    classes.append(last["cls"])
    return [_Found(cls + predicate, v, "share") for cls, v in zip(classes, pct, strict=True)]


def _object_after(clause: str, values: list[_Value], i: int) -> str:
    """The thing counted after a value: up to the 、 before the next value, or clause end. A
    value that qualifies the thing (培育3家以上年销售额超10亿元的企业) is part of it."""
    v = values[i]
    stop = len(clause)
    j = i + 1
    while (
        j < len(values)
        and clause.startswith("的", values[j].end)
        and ("，" not in clause[v.end : values[j].start])
    ):
        j += 1
    if j < len(values):
        nxt = values[j].start
        cut = clause.rfind("、", v.end, nxt)
        stop = cut if cut >= 0 else nxt
    return clause[v.end : stop]


def _distribute(items: list[_Found]) -> list[_Found]:
    """'药品、化妆品…评估分别达到96分、95分以上': pair each value with its own subject."""
    out, i = [], 0
    while i < len(items):
        j = i
        while j + 1 < len(items) and items[j + 1].phrase == items[i].phrase:
            j += 1
        group = items[i : j + 1]
        if len(group) > 1 and group[0].shape == "change":
            subjects = _split_subjects(group[0].phrase, len(group))
            if subjects:
                for f, subject in zip(group, subjects, strict=True):
                    f.phrase = subject
            else:
                note = (f"values {', '.join(f.value.text for f in group)} share the indicator "
                        f"'{clean_indicator(group[0].phrase)}'; not paired with separate subjects")  # fmt: skip
                for f in group:
                    f.warning = note
        out += group
        i = j + 1
    return out


def _split_subjects(phrase: str, k: int) -> list[str] | None:
    products = sorted(config()["product_words"], key=len, reverse=True)
    parts = (clean_indicator(phrase) or "").split("、")
    if len(parts) != k:
        return None
    head_of = next((p for p in products if parts[-1].startswith(p)), None)
    if not head_of or not all(p in products for p in parts[:-1]):
        return None
    head = parts[-1][len(head_of) :]
    return [p + head for p in parts[:-1]] + [parts[-1]]


def _last_item(phrase: str) -> str:
    """The last item of a list too long to be one indicator (A检出率、B残留及C超标率 → C超标率;
    …、D等禁用药物的监测合格率 → D等禁用药物的监测合格率): after the last 、 or 及 outside brackets."""
    depth, cut = 0, -1
    for i, ch in enumerate(phrase):
        if ch in "（(“《":
            depth += 1
        elif ch in "）)”》":
            depth = max(0, depth - 1)
        elif ch in "、及" and depth == 0:
            cut = i
    return phrase[cut + 1 :] if cut >= 0 else phrase


_YEAR_LEAD = re.compile(
    r"^(?:力争|争取)?(?:到|至)?\s*(?:(?:19|20)\d{2}\s*年(?:底|末)?"
    r"|[“\"]?十[一二三四五六七八九]五[”\"]?\s*(?:期末|末|时期末))[，,]?\s*"
)  # (到“十四五”末，…: the period's end is the target's year too)


_DEFINITION_ASIDE = re.compile(r"（\s*(?:指|即)[^（）]*）")
_GOAL_LEAD = re.compile(r"^[^，,；;]{0,16}?目标(?:为|是)")
GOAL_YEAR = re.compile(r"目标(?:是|为)?\s*[，,：:]?\s*(20\d{2})\s*年\s*[，,]")


def clean_indicator(phrase: str) -> str | None:
    """The indicator as written, without leading verbs, qualifiers and trailing particles."""
    cfg = config()
    phrase = _DEFINITION_ASIDE.sub("", phrase)  # 餐馆（指…以上）…实施率: the class's definition
    phrase = _GOAL_LEAD.sub("", phrase)  # 设定2020年的预期目标为研制新药…: what follows 为
    p = _YEAR_LEAD.sub(
        "", phrase.strip(" 、，,：:；;。—-－")
    )  # 到2025年，…: the year is the target's
    changed = True
    while changed and p:
        changed = False
        if not p.startswith(tuple(cfg["keep_words"])):
            for w in cfg["leading"]:
                if p.startswith(w):
                    p, changed = p[len(w) :].lstrip(" 、"), True
                    break
        if q := cfg["qualifier"].match(p):
            p, changed = p[q.end() :], True
        if y := _YEAR_LEAD.match(p):  # 要求到2027年…: the year after a leading word
            p, changed = p[y.end() :], True
        for w in cfg["trailing"]:
            if p.endswith(w) and len(p) > len(w) + 1:
                p, changed = p[: -len(w)].rstrip(" 、"), True
                break
    p = p.strip(" 、")
    if len(p) > cfg["max_indicator_chars"]:
        p = _last_item(p)  # a long list of things measured alike: its last, the head, stands
    if p.count("“") != p.count("”"):
        p = p.strip("“”")
    if not cfg["min_indicator_chars"] <= len(p) <= cfg["max_indicator_chars"]:
        return None
    if not re.search(r"[\u4e00-\u9fff]", p):
        return None
    return p
