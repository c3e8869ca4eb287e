"""A sentence's year and period for its targets, and whether it reports the past.

ingest/text_targets.py asks, of each sentence, the year it aims at and whether its values are
a period total (`sentence_year`: 到2025年, 十四五期末, 十四五期间), the year a value takes where
the sentence names several (`year_before`), and whether it reports the past, so states no
target (`reports_past`); and the year a paragraph without one takes from its dated heading
((一)到2020年，…: `section_year`) or from the dated lead-in that announces its list of goals
(到2020年，…实现以下目标：: `lead_in_year`). Kept apart: these are pure readers of the sentence's words and the
document's period, with their own markers and exceptions.
"""

from __future__ import annotations

import re
from functools import lru_cache

from policykg.ingest.indicator_phrases import GOAL_YEAR
from policykg.ingest.statements import cues
from policykg.ingest.text_target_rules import config

# A sentence that aims at a year ahead (到2027年末, 力争到2027年): its 同比 compares with the year
# before the one aimed at
_AIMED_AT = re.compile(r"(?:力争|争取|确保)?到\s*20\d{2}\s*年")


def reports_past(sentence: str, period: str | None) -> bool:
    """A sentence that reports the past (its markers, a results report's forms, a year before
    the plan's) states no target."""
    cfg = config()
    if cfg["forecast_re"].match(sentence):
        return True  # 预计今年…达10万亩，…增速达8.5%以上: the year's outcome forecast, no goal set
    if cfg["survey_result_re"].match(sentence) and not cfg["past_unless_re"].search(sentence):
        return True  # 根据第四次全国中药资源普查结果，…总数达到7506种: a survey's finding
    if cfg["years_change_re"].search(sentence):
        return True  # 由2012年的28家…增加至2021年的49家: statistics of two past years
    markers = cfg["past_markers"]
    if _RECURRING.search(sentence):  # 每年1月20日前对上一年度…汇总: the year reported on, not past
        markers = [w for w in markers if w != "上一年"]
    if _PHASE_ENTERED.search(sentence):  # 行动已经进入整治阶段，从…至…: the phase now, not past
        markers = [w for w in markers if w != "已经"]
    if cfg["window_end_re"].search(sentence):  # 公示时间截至…: a window ahead, not a past count
        markers = [w for w in markers if not w.startswith(("截至", "截止"))]
    if cfg["period_ahead_re"].search(sentence) or cfg["period_baseline_re"].search(sentence):
        # a text of that period aims at its end; a level compared with a period's end
        # (比“十三五”末提高2个百分点) names the baseline, not the past
        markers = [w for w in markers if not re.fullmatch(r"十[一二三四五六七八九]五", w)]
    if _PART_AHEAD.search(sentence):  # 今年上半年，某县将设立…: a part of the year ahead
        markers = [w for w in markers if w not in ("年上半年，", "年前三季度，", "年一季度，")]
    if _AIMED_AT.search(sentence):  # 力争到2027年末…达到…，同比增长…: a rise aimed at, not past
        markers = [w for w in markers if w != "同比"]
        # (“十三五”期间…，到2020年…达到…: the plan period ahead, its year aimed at)
        markers = [w for w in markers if not re.fullmatch(r"十[一二三四五六七八九]五", w)]
    told = cues("reported_requirement").search(sentence)  # 印发了《…》，要求…: what it requires
    if any(w in (sentence[told.end() :] if told else sentence) for w in markers):
        return True
    if cfg["past_forms_re"].search(sentence) and not cfg["past_unless_re"].search(sentence):
        return True  # 比2006年同期提高…; 抽检3881批次，其中…: a results report's figures
    past = cfg["past_year_re"].match(sentence)
    return bool(past and period and int(past.group("year")) < int(period[:4]))


_RECURRING = re.compile(r"每(?:年|季度|月)")
# A part of the year with a modal ahead after it (今年上半年，某县将…; 2031年一季度，要…)
_PART_AHEAD = re.compile(
    r"年(?:上半年|前三季度|一季度)，[^，,。；;]{0,12}?(?:将|要|力争|争取|计划|拟)"
)
_PHASE_ENTERED = re.compile(r"已经?进入[^，,。；;]{2,12}?阶段")


def year_before(sentence: str, at: int) -> int | None:
    """Where a sentence names several years (到2010年…，到2011年全省有1000家…), a value takes
    the last one before it; None where it names one year or none (the sentence's year)."""
    found = [(m.start(), int(m.group("year") or m.group("year2")))
             for m in config()["year_re"].finditer(sentence)]  # fmt: skip
    if len({y for _, y in found}) < 2:
        return None
    before = [y for pos, y in found if pos < at]
    return before[-1] if before else None


@lru_cache(maxsize=1 << 14)  # pure: asked up to three times per sentence, and sentences repeat
def sentence_year(sentence: str, period: str | None) -> tuple[int | None, bool]:
    """(year, period total?) of a sentence: 到2025年, 2025年底, 十四五期末, 十四五期间."""
    cfg = config()
    if m := cfg["year_re"].search(sentence):
        return int(m.group("year") or m.group("year2")), False
    if m := GOAL_YEAR.search(sentence):  # 提出的目标是，2027年，…达到…: the goals' year
        return int(m.group(1)), False
    ahead = cfg["period_baseline_re"].sub("", sentence)  # 比“十三五”末提高…: a baseline
    for rx, whole in ((cfg["period_end_re"], False), (cfg["period_whole_re"], True)):
        if m := rx.search(ahead):
            named = cfg["periods"].get(m.group("name")) or period
            return (int(named[-4:]) if named else None), whole
    return None, False


# A lead-in that announces a list of goals (实现以下目标：, 主要指标：, 具体目标如下：).
LEADS_LIST = re.compile(r"(?:目标|指标)[^。；;，,：:]{0,6}[：:]\s*$")


def lead_in_year(text: str, at: int) -> int | None:
    """The year of the line right before `at` where it announces a list of goals."""
    line = text[max(0, at - 300) : at].rstrip().rsplit("\n", 1)[-1]
    if not LEADS_LIST.search(line) or not (m := config()["year_re"].search(line)):
        return None
    return int(m.group("year") or m.group("year2"))


def in_section(section: str | None, base: str) -> bool:
    return section == base or (section or "").startswith(base + " / ")


def section_year(section: str | None) -> int | None:
    """The year of the innermost heading, where it states one ((一)到2020年，…)."""
    if not section or not (m := config()["year_re"].search(section.split(" / ")[-1])):
        return None
    return int(m.group("year") or m.group("year2"))
