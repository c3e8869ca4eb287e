"""Values that qualify something else rather than commit to a goal: a threshold of what a
later count counts (年销售额达100亿元的企业5个), the bound of a class a rule treats
(就餐人数在100人以下的聚餐), a count naming what a later rate covers (纳入追溯的30个品种的追溯
覆盖率100%) and a criterion for a status (得分85分以上的评为示范单位).

Apart from the clause scan (ingest/clause_targets.py) because each is a test of a value and
its neighbours alone, which the scan asks before it looks for a shape: a value one of them
claims is no target of its own. (SHARE_SCOPE, the area before a share, serves both: a share
of 全市 is no class bound, and the scan reads it as a share.)
"""

from __future__ import annotations

import re

from policykg.ingest.clause_values import ClauseValue
from policykg.ingest.text_target_rules import config

_COUNTED = ("家", "个", "所", "户", "座", "项", "条")


def threshold(clause: str, values: list, i: int) -> bool:
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
SHARE_SCOPE = re.compile(r"\s*(?:全[国省市县区州盟旗乡镇]|各地|全部)?(?:共|有)?\s*")
# (or another condition joined by 或者 before the 的: 对日死亡30头以上或者死亡率超过…的，由…)
# (the verbs that count units: a count after them is the units' number)
_COUNT_VERBS = ("实现", "改造", "建设", "建成", "配置", "配备")
_CLASS_BOUND = re.compile(
    r"\s*(?:[（(]含[^（）()]{1,12}[）)])?\s*(?:(?:或者|或)[^，,。；;\d]{1,16}?)?的(?!目标|水平|要求|标准)"
)


def class_bound(clause: str, values: list, i: int) -> bool:
    v = values[i]
    if not v.text.endswith(("以上", "以下", "以内")):
        return False
    before = clause[values[i - 1].end if i else 0 : v.start].rstrip()
    # (the object of 对 opens the class: 开展对年出栏生猪50头以上的养殖场的检查)
    attribute = re.split(r"[、，,：:；;和及与或]|对", before)[-1]
    if attribute.strip() in config()["object_first_words"] or attribute.endswith(_COUNT_VERBS):
        return False  # 为800家以上门诊配置…, 实现800家以上门诊…: how many units, not a class
    if v.parsed.unit == "%" and SHARE_SCOPE.fullmatch(attribute):
        return False  # (全市)50%以上的养殖场实施…: a share of the things to reach, no class
    stem = _REACHES.sub("", attribute)
    if stem != attribute and _bare_attribute(stem) and _CONDITION.match(clause, v.end):
        return True  # 聚餐人数达到50人以上的，举办者需…: the condition of a rule, no goal
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
        and class_bound(clause, values, i + 1)
    )


# a noun straight after a bound (…以上水源地, …以下企业), not a joiner, 的 or a verb of the goal
_NOUN_AFTER = re.compile(r"(?![的和及与或等并且为是])[\u4e00-\u9fff]")


# A bound reached as the condition a rule opens with (聚餐人数达到50人以上的，…需提前报备; 就餐人数
# 达1000人以上者，…): the attribute with its verb of reaching, the bound, then 的 (者) and a comma
_REACHES = re.compile(r"(?:达到|超过|达|满)$")
_CONDITION = re.compile(r"\s*(?:的|者)\s*(?:[，,]|$)")


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


def scope(clause: str, values: list[ClauseValue], i: int) -> bool:
    """A count after 的 that names what a later rate of the clause covers (…管理的30个品种的
    追溯覆盖率100%): part of the indicator, not a target of its own."""
    v = values[i]
    if not clause[: v.start].rstrip().endswith("的") or i + 1 >= len(values):
        return False
    nxt = values[i + 1]
    return nxt.parsed.unit == "%" and "的" in clause[v.end : nxt.start]


# A value that qualifies for a status (…得分85分以上的评为示范单位, …的予以表彰).
CRITERION = re.compile(r"的(?:评为|认定为?|确定为|命名为?|列为|授予|给予|予以|可评为|方可)")
