"""Targets of running text that carry no number: bottom lines and deadlines.

- qualitative — 不发生区域性、系统性药品安全事件: `value` null, `value_text` the commitment
  word as written (不发生), the indicator what must not happen;
- deadline — 2025年底前全面建成追溯平台 / 自2026年11月1日起全面执行: `value` null, `value_text`
  the date as written, `year` its year, the indicator the task. A rule's own effective
  date (本办法自…起施行) is not a target: it binds no one to reach anything.

Also phases with their windows (`periods`), counts in words (`frequency`) and the time
windows of campaigns (`durations`).

Patterns: data/patterns/targets.yaml (`qualitative`, `deadlines`, `deadline_verbs`, `periods`,
`frequency`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from policykg.ingest.memo import memoized_list
from policykg.ingest.patterns import targets_patterns
from policykg.ingest.prefilter import Rules, guarded
from policykg.ingest.record import DepartmentMention
from policykg.ingest.targets import DraftTarget
from policykg.ingest.values import count_value, indicator_key


@dataclass(frozen=True)
class WordTarget:
    indicator: str
    value_text: str
    year: int | None
    comparator: str | None
    start: int  # offsets in the sentence: the evidence runs from the value to the indicator
    end: int
    value: float | None = None  # a count written in words (每年召开一次…: 1)
    unit: str | None = None
    heading_task: bool = False  # a time limit: the item's heading may name the task


# What a rule does on its effective date (自2026年1月1日起施行): it takes effect.
_IN_FORCE = ("施行", "实施", "执行", "生效", "正式施行", "起施行")


@cache
def _rx(name: str) -> Rules:
    # guarded: most sentences lack the words a rule turns on, and its lazy opening run
    # (?P<ind>[^，。]{2,30}?) made these rules a fifth of extraction (ingest/prefilter.py);
    # and a sentence is only shown the rules of a kind whose words it holds (Rules.among:
    # one pass for the 10-25 rules of a kind, not one guard call each)
    return Rules(guarded(x) for x in targets_patterns()[name])


@memoized_list()  # pure in the sentence: 14,600 calls, 6,400 sentences (fingerprint corpus)
def word_targets(sentence: str) -> list[WordTarget]:
    """The qualitative and deadline targets of one sentence, in order."""
    out: list[WordTarget] = _time_limits(sentence)  # before the deadlines that read 用…时间
    for rx in _rx("qualitative").among(sentence):
        for m in rx.finditer(sentence):
            ind, year = m["ind"].strip(), None
            if dated := _ONLY_DATE.match(ind):
                # 建立…体系，2027年底前实现全覆盖: the date is when; the task is the clause before
                clauses = re.split(r"[，,；;：:。]", sentence[: m.start()].rstrip(" ，,"))
                before = clauses[-1].strip()
                if len(before) < 2:
                    continue
                ind, year = before, int(dated["year"]) if dated["year"] else None
            parts = _amounts(ind)  # A量、B额不低于上年水平: each amount, its own span
            for k, part in enumerate(parts):
                at = max(m.start(), sentence.find(part, m.start()))
                end = m.end() if k == len(parts) - 1 else at + len(part)
                out.append(WordTarget(part, m["word"], year, None, at, end))
    states = [t.start for t in out]
    verbs = tuple(targets_patterns()["deadline_verbs"])
    for rx in _rx("deadlines").among(sentence):
        for m in rx.finditer(sentence):
            task = m["task"].strip()
            if task.startswith(_BASIS) and (nxt := _CLAUSE_AFTER.match(sentence, m.end())):
                # 10月底前，根据…标准，制定…细则 (依托…平台，推进…): the task after the basis
                task = nxt["clause"].strip()
            if task.startswith(("的", "之")):
                continue  # 2025年底前的数据: a date, not a deadline
            modal = _MODAL_TASK.match(task)  # 2012年2月底前必须赋码: a duty whatever its verb
            sent = task.startswith(_SENDS) and _REPORTED_THING.search(sentence[: m.start()])
            if (
                not modal
                and not sent
                and not any(v in task for v in verbs)
                and not _verb_after(task, sentence, m.end())
            ):
                continue
            if m["when"].startswith("自") and task.startswith(_IN_FORCE):
                continue  # 《办法》自…起施行: a rule's effective date, not a target
            when = m["when"].strip()
            if when in _YEAR_ONLY and any(m.start() <= a < m.end() for a in states):
                continue  # 年内力争实现…全覆盖: the state is the target, the year's window no date
            if len(task) < 4 or _BARE_VERB.match(task) or (modal and len(modal["act"]) < 4):
                # 制定…办法，2017年底前完成 / 本办法自…起施行: the task is before; 改革工作要在
                # 2027年底前基本完成: the subject before its modal is the task
                before = re.split(r"[，,；;：:]", sentence[: m.start()].rstrip(" ，,"))[-1]
                before = before.strip(" “”\"'")
                subject = re.sub(r"(?:要|应|须|将|应当|必须|务必)$", "", before)
                bare = _BARE_VERB.match(task) and len(subject) >= 4
                # (a project's month of completion told ahead, 项目9月将全面建成: the project and
                # its completion, not the project alone)
                bare = bare and re.search(r"前|内", when) is not None
                task = subject if bare else before + task
            elif sent:
                task = sent["thing"]  # 自查结果于12月15日前报省局: what is sent is the task
            elif len(clause := _CLAUSE.split(sentence[m.start("task") :], 1)[0].strip()) > len(
                task
            ) and (act := _ACT_ON.search(clause)):
                task = act["act"]  # 9月底前，A将对辖区…单位进行摸底调查 (cut at 40): the act
            comparator = None if when.startswith("自") else "<="  # 自…起: from then on
            year = int(m["year"]) if m.groupdict().get("year") else None
            out.append(WordTarget(task, when, year, comparator, m.start(), m.end()))
    out += _periods(sentence) + _frequencies(sentence) + _durations(sentence)
    out += _dated_states(sentence)
    spread = [m.span() for rx in _rx("distributed").among(sentence) for m in rx.finditer(sentence)]
    out = [t for t in out if not any(a <= t.start < b for a, b in spread)]  # read whole below
    return _first_of_overlaps(sorted(_distributed(sentence) + out, key=lambda t: t.start))


# What is sent by a date, named before it (各单位的工作方案请于7月10日前报…, 自查整改结果于…前
# 报送…): the document or result, without the bodies that send it
_SENDS = ("报", "上报", "报送", "送")
_REPORTED_THING = re.compile(
    r"(?:^|[，,；;：:。])\s*(?:各[^，,；;：:。]{1,24}?的|各(?:地|部门|单位|市|县|区|乡镇|镇)+)?(?P<thing>[^，,；;：:。各]{2,20}?"
    r"(?:方案|结果|材料|报告|总结|情况|计划|名单|清单|台账|报表))(?:请|要|应|须|务必)?\s*$"
)


# A deadline's clause whose subject, by its modal, does an act to an object (A将组织人员对辖区内…
# 单位进行摸底调查): the act, where the object is too long for the task pattern's 40 letters
# (the clause read whole); a clause that fits stays the task (市局将对创建单位进行验收评估)
_CLAUSE = re.compile(r"[，,。；;]")
_ACT_ON = re.compile(
    r"(?:将|要|应)(?:组织[^，,。；;对]{0,8})?对[^，,。；;]{2,60}?进行(?P<act>[\u4e00-\u9fff]{2,10})$"
)


# The clause after a deadline's basis clause (…前，根据…，制定…)
_CLAUSE_AFTER = re.compile(r"[，,]\s*(?P<clause>[^，,。；;]{2,40})")


# A campaign's length written before its name (为期3个月的专项整治): read by `durations`
_LENGTH_FIRST = re.compile(r"^为期\S{1,4}?(?:天|日|周|个月|年)半?的?")


# Amounts listed under one level (案件办结量、追回基金总额不低于上年水平): one target each
_AMOUNT_END = ("量", "额", "率", "数", "比例", "总额", "金额", "次数")


def _amounts(ind: str) -> list[str]:
    parts = [p.strip() for p in ind.split("、")]
    if len(parts) > 1 and all(len(p) >= 3 and p.endswith(_AMOUNT_END) for p in parts):
        return parts
    return [ind]


# A window of the year with no date in it (年内, 今年内): no deadline of its own beside a state
_YEAR_ONLY = ("年内", "今年年内", "今年内", "本年内", "本年度内")


# A 'subject' that is only a date (2027年底前实现全覆盖): the thing reached is named before it
_ONLY_DATE = re.compile(
    r"^(?:到|于|在|力争)?\s*(?:(?P<year>20\d{2})\s*年)?\s*(?:\d{1,2}\s*月)?\s*(?:底|末|年底)?(?:前|以前|之前)?$"
)


# A clause of the basis or the means a task goes by (根据…, 依托…平台, 围绕…), not the task
_BASIS = ("根据", "按照", "依据", "依托", "围绕", "结合", "对照", "参照", "遵循")
# A task that is only its verb of completion (基本完成, 全面结束, 到位): its subject is before
_BARE_VERB = re.compile(
    r"^(?:基本|全面|全部|如期|按时|按期)?(?:完成|结束|到位|建成|办结)(?:任务)?$"
)


# A task that opens with a modal of duty (必须赋码, 应当完成): the modal makes it one; a short
# act after it (赋码) names no thing, so its subject before the date is the task
_MODAL_TASK = re.compile(r"^(?:必须|务必|应当|须)(?P<act>[\u4e00-\u9fff]{2,})")


def _verb_after(task: str, sentence: str, end: int) -> bool:
    """于6月30日前将意见和建议，以书面形式反馈…: a task with 将 whose verb is in the next clause."""
    rest = re.split(r"[。；;]", sentence[end:], maxsplit=1)[0][:30]
    verbs = targets_patterns()["deadline_verbs"]
    return task.startswith("将") and any(v in rest for v in verbs)


def _distributed(sentence: str) -> list[WordTarget]:
    """One task, several deadlines in turn (省、市、县三级改革工作分别于2013年上半年、9月底和
    年底前完成): one target per deadline, each with the task."""
    out = []
    for rx in _rx("distributed").among(sentence):
        for m in rx.finditer(sentence):
            task, at = m["task"].strip(), m.start("list")
            for item in re.split(r"[、和及]", m["list"]):
                when = item.strip()
                year = re.match(r"(20\d{2})\s*年", when)
                start = sentence.index(item, at)
                out.append(WordTarget(task, when, int(year.group(1)) if year else None, "<=",
                                      start, start + len(item)))  # fmt: skip
                at = start + len(item)
    return out


@cache
def _states_rx() -> tuple[re.Pattern[str], re.Pattern[str]]:
    rules = targets_patterns()["dated_states"]
    return re.compile(rules["when"]), re.compile(rules["state"])


def _dated_states(sentence: str) -> list[WordTarget]:
    """到2027年底，…体系全面建成，…体系基本完备: each reached state after the year, by it."""
    when_rx, state_rx = _states_rx()
    dates = list(when_rx.finditer(sentence))
    out: list[WordTarget] = []
    # each date frames the clauses up to the next one (到2020年，建立…；到2025年，全面建成…: two
    # phases, each state by its own year)
    for k, m in enumerate(dates):
        nxt = dates[k + 1] if k + 1 < len(dates) else None
        at, phase, first = m.end(), sentence[m.end() : nxt.start() if nxt else None], True
        for clause in re.split(r"[，,；;。]", phase):
            task = clause.strip()
            if state_rx.match(task):
                start = sentence.index(task, at)
                year = int(m["year"]) if m["year"] else None  # 到“十四五”末: the period's end
                # the state right after its date has a span that runs from the date, so that
                # it holds both (later ones share the date: their spans may not overlap the
                # first's, nor a value's of the clauses between)
                begin = m.start() if first else start
                # (value_text as written: a bare year keeps its 到 (到2025年: by then), a year's
                # end is a date of its own (2018年底), as the rule book's golds write them)
                bare = m.group().startswith("到") and not m["when"].endswith(("底", "末"))
                when = "到" + m["when"] if bare else m["when"]
                out.append(WordTarget(task, when, year, "<=", begin, start + len(task)))
            first = False
            at += len(clause) + 1
    return out


def _periods(sentence: str) -> list[WordTarget]:
    """A work plan's phases with their time windows: 动员部署阶段（2024年3月）; a campaign's
    window (从即日起至6月底开展为期3个月的X: X, its length read by `durations`)."""
    out = []
    for rx in _rx("periods").among(sentence):
        for m in rx.finditer(sentence):
            task, year = _LENGTH_FIRST.sub("", m["task"].strip()), m.groupdict().get("year")
            out.append(WordTarget(task, m["when"].strip(), int(year) if year else None, None,
                                  m.start(), m.end()))  # fmt: skip
    return out


def _frequencies(sentence: str) -> list[WordTarget]:
    """每年召开一次联席会议: the count in words (1 次); a range (一至二次) has no value."""
    out = []
    for rx in _rx("frequency").among(sentence):
        for m in rx.finditer(sentence):
            found = m.groupdict()
            n = found.get("n")  # none: a regular interval without a count (按季度调度)
            value = None if not n or re.search(r"[至到~-]", n) else count_value(n)
            comparator = {"以上": ">=", "以下": "<=", "以内": "<="}.get(found.get("cmp") or "")
            if re.search(r"至少|不得?少于", m.group()):  # 每年至少开展一次
                comparator = ">="
            out.append(WordTarget(m["task"].strip(), m["when"], None, comparator, m.start(),
                                  m.end(), value=value, unit=found.get("unit") or ("次" if n else None)))  # fmt: skip
    return out


def _durations(sentence: str) -> list[WordTarget]:
    """专项行动为期30天: the length (30 天); 活动持续到10月底: the end as written, no value."""
    out = []
    for rx in _rx("durations").among(sentence):
        for m in rx.finditer(sentence):
            n, unit = m.groupdict().get("n"), m.groupdict().get("unit")
            unit = "个月" if unit == "月" else unit  # 为期一月: one month
            value = 0.5 if n == "半" else count_value(n) if n else None  # 为期半年: 0.5 年
            if value is not None and m.groupdict().get("half"):
                value += 0.5  # 为期一年半: one and a half years
            out.append(WordTarget(m["task"].strip(), m["when"].strip(), None, None, m.start(),
                                  m.end(), value=value, unit=unit))  # fmt: skip
    if any(t.value is not None for t in out):  # 从8月1日持续至9月20日，为期50天: the length
        out = [t for t in out if t.value is not None]
    return out


def _time_limits(sentence: str) -> list[WordTarget]:
    """利用2周时间，组织全员培训: the task, the length (2 周), no year."""
    out = []
    for rx in _rx("time_limits").among(sentence):
        for m in rx.finditer(sentence):
            value = count_value(m["n"])
            unit = "个月" if m["unit"] == "月" else m["unit"]  # 集中两月时间: two months
            out.append(WordTarget(m["task"].strip(), m["when"].strip(), None, None, m.start(),
                                  m.end(), value=value, unit=unit,
                                  heading_task=m.start("task") > m.start("when")))  # fmt: skip
            # (the task after the time may elaborate an item's heading; a subject before it
            # names its own task: 本次专项行动将利用…)
    return out


def _first_of_overlaps(targets: list[WordTarget]) -> list[WordTarget]:
    """Two patterns reading one phrase (2016年底前 is also a year-end): the first kept."""
    out: list[WordTarget] = []
    for t in targets:
        # (a campaign's length inside its window's reading is its own target: 从即日起至6月底
        # 开展为期3个月的专项整治 states both the window and the length)
        if not any(o.start < t.end and t.start < o.end and o.value_text == t.value_text
                   or o.start <= t.start and t.end <= o.end
                   and not (t.value is not None and o.value is None and t.unit) for o in out):  # fmt: skip
            out.append(t)
    return out


# (a past year named as the level to keep, 不低于2025年水平, is a baseline, not the year)
_YEAR = re.compile(r"(?<!\d)(20\d{2})\s*年(?!度?(?:同期)?(?:平均)?水平)")


def _only_year(sentence: str) -> int | None:
    """The one year a sentence names (为保障2018年“两会”期间…，于2月27日至3月17日开展…): the
    year of its dates written without one; None where it names none or several."""
    years = {int(y) for y in _YEAR.findall(sentence)}
    return years.pop() if len(years) == 1 else None


def campaign_windows(sentence: str) -> list[WordTarget]:
    """Only the windows and lengths of campaigns (`periods`, `durations`): what a news report
    of a campaign launched states of it (…局开展了为期1个月的X专项行动)."""
    return _first_of_overlaps(_periods(sentence) + _durations(sentence))


def draft_word_targets(
    sentence: str,
    offset: int,
    year: int | None,
    section: str | None,
    departments: list[DepartmentMention],
    numeric: list[DraftTarget],
    heading: str | None = None,
    campaigns_only: bool = False,
) -> list[DraftTarget]:
    """The sentence's word targets as drafts (`year`: the sentence's own, for a bottom line
    without one), where no numeric target of the sentence already covers them. `heading`: the
    task an item's heading names, when the sentence elaborates it (二是…。要求…利用2周时间，…).
    `campaigns_only`: a campaign's window and length only (`campaign_windows`)."""
    out = []
    for w in campaign_windows(sentence) if campaigns_only else word_targets(sentence):
        a, b = offset + w.start, offset + w.end
        if any(t.start < b and a < t.end for t in numeric):
            continue
        indicator = heading if heading and w.heading_task else w.indicator
        key, tie = indicator_key(indicator)
        out.append(DraftTarget(
            key="", indicator=indicator, indicator_key=key, value_text=w.value_text,
            value=w.value, comparator=w.comparator, unit=w.unit,
            year=w.year or year or _only_year(sentence), baseline=None,
            baseline_year=None, binding=None, cumulative=False, section=section,
            text=sentence.strip(), start=a, end=b, departments=list(departments),
            warnings=[tie] if tie else [],
        ))  # fmt: skip
    return out
