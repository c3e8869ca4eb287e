"""The values of one clause of running text that are targets, and the phrase naming each
one's indicator.

ingest/text_targets.py splits a commitment's sentences into clauses and asks `clause_targets`
which values are targets in one of the genre's shapes (change, count, deadline, limit,
object-first, share; see that module's docstring). The scan over the clause's values lives
here; what it reads them with lives apart: the rules (ingest/text_target_rules.py), the values
(ingest/clause_values.py), the verbs before them (ingest/clause_verbs.py), the values that
only qualify others (ingest/qualifying_values.py) and the indicator's clean-up
(ingest/indicator_phrases.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.ingest.clause_values import COUNTS, ClauseValue, candidate_values, qualified_counts
from policykg.ingest.clause_verbs import (
    change_verb,
    count_verb,
    count_verbs,
    last_verb,
    verb_at_end,
)
from policykg.ingest.indicator_phrases import clean_indicator
from policykg.ingest.qualifying_values import CRITERION, SHARE_SCOPE, class_bound, scope, threshold
from policykg.ingest.text_target_rules import config
from policykg.ingest.values import value_patterns


@dataclass
class _Found:
    phrase: str
    value: ClauseValue
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


# A filing due so long before an event, where it is filed (…前3日内（丧事除外）到村信息员处申报备案)
_FILED_AHEAD = re.compile(
    r"\s*(?:[（(][^（）()]{1,12}[）)])?\s*[，,]?\s*(?P<task>(?:向|到)[^，。；]{1,30}?"
    r"(?:进行|办理)?(?:申报备案|报备|报告|申报|备案|登记))"
)

# The next value's label in a distributed list (…150克/吨、鸡肉100克/吨): a short word after 、
_NEXT_LABEL = re.compile(r"\s*、\s*[\u4e00-\u9fff]{1,4}\s*")


def clause_targets(
    clause: str, previous: str, previous_had: bool, listing: bool = False, following: str = ""
) -> list[_Found]:
    """The commitment values of one clause, each with the phrase that names its indicator
    (`listing`: the clause goes on a breakdown opened by 其中 in a clause before; `following`:
    the clause after it, where a limit's task may be stated)."""
    cfg = config()
    time_units = value_patterns()["time_units"]
    values = qualified_counts(clause, candidate_values(clause))
    breakdown = previous_had and (
        listing or clause.lstrip().startswith(tuple(cfg["breakdown_words"]))
    )
    if shares := _shares_of_classes(clause, values):
        return shares
    out: list[_Found] = []
    item_start, shape, verb, pending = 0, None, "", None
    labelled = False  # 分别控制在猪肉150克/吨、鸡肉100克/吨: each value after its label
    for i, v in enumerate(values):
        if threshold(clause, values, i):
            continue  # 产值超过50亿元的企业3家: the 50亿元 is part of what is counted
        if CRITERION.match(clause, v.end):
            continue  # 得分达到85分以上的评为示范单位: a criterion to qualify, not a goal
        if scope(clause, values, i):
            continue  # 纳入追溯的30个品种的追溯覆盖率100%: the count says what the rate covers
        if class_bound(clause, values, i):
            continue  # 就餐人数在100人以下的聚餐…: the bound of a class the rule treats, no goal
        if (
            i
            and threshold(clause, values, i - 1)
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
        chained = i > 0 and (
            seg.strip() in ("", "、", "和", "及") or labelled and _NEXT_LABEL.fullmatch(seg)
        )
        marker = cfg["baseline_re"].search(seg)
        nxt = clause[v.end : values[i + 1].start].strip() if i + 1 < len(values) else ""
        if marker and verb_at_end(nxt, cfg["change"]):
            pending = (v.parsed.value, prev_end + marker.start())  # 由30个工作日 缩减至…
            continue
        change, qualifier = change_verb(bare)
        if change:
            labelled = qualifier > 0 and bare[: len(bare) - qualifier].endswith("分别" + change)
        by = None if change else verb_at_end(bare, cfg["by"])
        # (确定至少1家…: the least word between the count verb and the count)
        count = count_verb(re.sub(r"(?:至少|不少于)$", "", bare)) if counted else None
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
            if change in cfg["own_indicator_verbs"] and _who_or_when(phrase):
                thing = _object_after(clause, values, i)
                listed = i + 1 < len(values) and values[i + 1].parsed.unit == unit == "%"
                if (
                    listed
                    and clean_indicator(thing)
                    and clause[v.end : values[i + 1].start].rstrip().endswith("、")
                ):
                    # 实现100%来源可追溯、100%去向可跟踪: each share before the state it measures
                    out.append(_Found(thing.strip(), v, "share_first"))
                    shape, pending, item_start = "share_first", None, v.end
                    continue
                if not (unit in COUNTS and clean_indicator(thing) and not thing.startswith("的")):
                    continue  # 到2020年实现58.2万亩的…总规模: the level named after it, not before
                # (实现800家以上门诊数字化: the units counted and the state they reach)
                out.append(_Found(f"{change}{thing}", v, "count_before"))
                shape, pending, item_start = "count_before", None, v.end
                continue
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
            and (verb_first := next((w for w in count_verbs() if bare.startswith(w)), None))
            and clean_indicator(thing := _object_after(clause, values, i))
            and not _BODIES_COUNTED.match(thing)
        ):
            # 建成当归等11个示范基地: the examples between the count verb and 等 name some of
            # the things counted (《甲》等4项标准力争…: no count verb, the subject of what follows)
            verb = verb_first
            found = _Found(thing, v, "count_before")
        elif counted and (w := last_verb(clause, item_start, v.start)):
            verb = w
            found = _Found(clause[clause.rfind(w, item_start, v.start) : v.start], v, "count_after")
        elif counted and (shape == "count_after" and seg.lstrip().startswith("、") or breakdown):
            found = _Found(seg, v, "count_after")
        elif unit in time_units and v.parsed.comparator:
            # 收到举报后应在24小时内赶赴现场: what is done in the time is the verb phrase after
            # the limit when one follows; else the phrase before (检验报告应在10个工作日内出具)
            phrase, after = clause[item_start : v.start], clause[v.end :]
            own = clause[v.end : values[i + 1].start] if i + 1 < len(values) else ""
            if own.rstrip().endswith("、") and cfg["task_after_re"].match(own.rstrip("、 ")):
                # 30分钟内向市政府电话报告、1小时内书面报告: each limit and its own task after it
                phrase = own.rstrip("、 ")
            elif out and out[-1].phrase == phrase.rstrip("、 ") and clean_indicator(after):
                phrase = after  # (…, the next limit's task is the one after it)
            elif (
                not clean_indicator(phrase)
                or (i + 1 == len(values) and cfg["task_after_re"].match(after))
                or (_MODAL_ONLY.fullmatch(phrase.strip(" ，,")) and clean_indicator(after))
            ):  # (必须在30分钟内向…报告: the modal before the limit names nothing)
                phrase = after
            elif (
                i + 1 == len(values)
                and (later := cfg["task_later_re"].match(rest := after.strip() or following))
                and (
                    cfg["limit_actor_re"].search(before := clean_indicator(phrase) or "")
                    or before.endswith(("后", "后的"))
                    and (later["actor"] or _DUTY_AT.search(phrase))
                )
            ):
                phrase = rest[later.start("task") :]
            elif (
                i + 1 == len(values)
                and cfg["limit_since_re"].search(clean_indicator(phrase) or "")
                and (since := cfg["task_since_re"].match(after.strip() or following))
                and clean_indicator(since["task"])
            ):  # 自受理之日起3日内作出立案决定: the task, not the event the time starts at
                phrase = since["task"]
            elif (clean_indicator(phrase) or "").endswith("前") and (
                filed := _FILED_AHEAD.match(after)
            ):  # 举办前3日内到村信息员处申报备案: the filing is what is done in the time
                phrase = filed["task"]
            if (
                _BARE_DECISION.fullmatch(phrase.strip(" 。；;，,"))
                and cfg["limit_since_re"].search(
                    clean_indicator(clause[item_start : v.start]) or ""
                )
                and clean_indicator(previous)
            ):  # (重大疑难案件，应当自受理之日起30日内作出决定: the class of case the clause
                # before names tells this limit from the rule's others)
                phrase = previous
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
            and SHARE_SCOPE.fullmatch(bare)
            and clause.startswith("的", v.end)
            and clean_indicator(clause[v.end + 1 :])
        ):
            # (全市)50%以上的养殖场实施…: the share of the things that reach what follows
            found = _Found((bare + _object_after(clause, values, i)).removeprefix("的"), v, "share")
        elif unit == "%" and (part := _SHARE_OF_WHOLE.search(seg)):
            # 第1季度检查企业数至少应为全年计划总数的20%: the share of a whole the quantity
            # before it must reach
            least = ">=" if re.search(r"至少|不少于|不低于|不得低于", part.group()) else None
            found = _Found(clause[item_start : prev_end + part.start()], v, "limit",
                           comparator=v.parsed.comparator or least)  # fmt: skip
        elif (
            counted
            and i == 0
            and not bare
            and previous_had
            and v.parsed.comparator
            and clean_indicator(thing := _object_after(clause, values, i))
        ):  # 实现10种以上A，5个以上B完成…: the list's next count, the things after it
            found = _Found(thing, v, "count_before")
        elif not (counted and bare == "为") and (  # (为800家以上门诊配置…: read below)
            v.parsed.comparator
            or (unit == "%" and bare.endswith(tuple(cfg["rate_endings"])))
            or (counted and unit and bare.endswith(tuple(cfg["amount_endings"])))
        ):
            found = _Found(clause[item_start : v.start], v, "limit")
        elif counted and bare in cfg["object_first_words"]:
            found = _Found(clause[v.end :], v, "object_first")
        elif (
            unit == "%"
            and (obj := _object_after(clause, values, i).strip())
            and clean_indicator(obj)
            and (
                i == 0
                and bare.endswith(_SHARES_FIRST)
                or out
                and out[-1].shape == "share_first"
                and seg.rstrip().endswith("、")
            )
        ):  # 实现100%来源可追溯、100%去向可跟踪: each share before the state it measures
            found = _Found(obj, v, "share_first")
        elif unit == "%" and clean_indicator(clause[v.end :]) and clean_indicator(bare):
            # 省级审批事项100%“全程网办”: the share of the subject that meets the goal after it
            found = _Found(bare + _object_after(clause, values, i), v, "share")
        elif (
            unit in COUNTS and i == 0 and previous_had and 2 <= len(bare) <= 16 and "的" not in bare
        ):
            # (培育…企业1家，超100亿元企业3—5家，…: a count list going on over commas, each
            # clause the thing counted and its count)
            found = _Found(bare, v, "count_before")
        if found is None:
            continue
        shape, pending, item_start = found.shape, None, v.end
        out.append(found)
    return _distribute(out)


# The share of a whole a quantity must reach, between the quantity and the share (…检查企业数
# 至少应为全年计划检查企业总数的 20%; …分别至少应为全年计划的 30%)
_SHARE_OF_WHOLE = re.compile(
    r"(?:(?:分别)?(?:至少|不少于|不低于|不得低于)?(?:应当?|要|须)?(?:为|占)|不低于|不少于|不得低于)"
    r"[^，,。；;]{1,24}?(?:总数|总量|总额|任务|计划|任务量)的\s*$"
)  # (…比例不低于食堂总数的35%: the bound before the whole)


# The verbs before a list of shares each written before its state (实现100%A、100%B)
_SHARES_FIRST = ("实现", "达到", "做到", "确保")


# A decision named bare (作出决定): the same words for every limit of a rule
_BARE_DECISION = re.compile(r"(?:依法)?(?:作出|做出)(?:处理)?决定")


# A modal alone before a limit (必须在, 应当在)
_MODAL_ONLY = re.compile(r"(?:必须|应当|应该|务必|应|须|要)(?:在|于)?")


# The subject's duty to act at a time (各市局应在完成检查后…): the task follows in the next clause
_DUTY_AT = re.compile(r"(?:应|要|须|必须|应当|并)在")


def _covered(clause: str, values: list[ClauseValue], i: int) -> str:
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


# A phrase naming only who or by when (四川到2027年, 全省; who said it: 省政府提出到2027年): the
# indicator of 实现 is none of it
_WHO_OR_WHEN = re.compile(
    r"[全本我][省市县区州旗]|(?:[\u4e00-\u9fff]{2,12}?(?:提出|明确))?(?:[\u4e00-\u9fff]{2,4}?)?"
    r"(?:到|至|在)?(?:19|20)\d{2}年(?:底|末)?前?"
)


def _who_or_when(phrase: str) -> bool:
    """No indicator in `phrase`, or only the subject and the year (四川到2027年要实现…)."""
    clean = clean_indicator(phrase)
    return not clean or bool(_WHO_OR_WHEN.fullmatch(clean))


_PERIOD_ONLY = re.compile(r"^(?:每|至少每)(?:年|季度|季|月|半年|周|天|日)$")


# Shares of classes listed before what they do (全市90%的农贸市场、70%的超市和50%的小餐饮店实现
# 明厨亮灶): each class with the predicate is an indicator, its share the value
_SHARE_CLASS = re.compile(r"^(?:以上)?的(?P<cls>[^，,。；;%％\d]{2,30}?)\s*(?:、|和|及|以及)\s*$")
_SHARE_LAST = re.compile(
    r"^(?:以上)?的(?P<cls>[^，,。；;%％\d]{2,24}?)(?P<pred>(?:要|将|均|都)?(?:实现|参加|参与|达到|建立|建成|开展"
    r"|纳入|完成|落实|使用|配备|通过|接入|应用|推行|具备|取得|投保)[^，,。；;]{0,20})"
)


def _shares_of_classes(clause: str, values: list[ClauseValue]) -> list[_Found]:
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


def _object_after(clause: str, values: list[ClauseValue], i: int) -> str:
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
