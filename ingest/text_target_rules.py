"""The rules of running-text targets (data/patterns/targets.yaml `text`), compiled once: the
change, count and by verbs longest first, the value and range regexes, the words that lead,
trail or qualify an indicator, and the year and period patterns.

A leaf of its own because every reader of a running-text target asks it — the sentence loop
(ingest/text_targets.py), the clause scan (ingest/clause_targets.py), the value reader
(ingest/clause_values.py), the verbs before a value (ingest/clause_verbs.py), the values that
qualify others (ingest/qualifying_values.py) and the indicator's clean-up
(ingest/indicator_phrases.py) — and none of them should import another just for the patterns.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from policykg.ingest.patterns import document_patterns, targets_patterns
from policykg.ingest.values import RANGE_END, value_patterns, value_regex


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
            rf"(?<![\dA-Za-z.．/一二两三四五六七八九十])(?P<a>{RANGE_END})\s*(?:{units})?\s*"
            rf"[-—–~～至到]\s*(?P<b>{RANGE_END})\s*(?P<unit>{units})"
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
        "sampling_results_re": re.compile(t["sampling_results"]),
        "period_baseline_re": re.compile(t["period_baseline"]),
        # (a verb, then its object of two letters or more; or a report sent to someone, 逐级向
        # 上级政府和卫生部门报告, the verb last)
        "task_after_re": re.compile(
            rf"^\s*(?:{'|'.join(t['task_after_verbs'])})[\u4e00-\u9fff“”《》]{{2,}}"
            r"|^\s*(?:逐级|及时|立即|迅速|直接|书面)?向[\u4e00-\u9fff、和及]{2,24}?"
            r"(?:报告|报送|上报|通报|反馈)[。！]?\s*$"
        ),
        "task_later_re": re.compile(t["task_later"]),
        "limit_actor_re": re.compile(t["limit_actor"]),
        "limit_since_re": re.compile(t["limit_since"]),
        "task_since_re": re.compile(t["task_since"]),
        "covers_re": re.compile(t["covers"]),
        # 均/都 before the change the rates share; each rate's span is its own words
        "both_change_re": re.compile(rf"(?:均|都|分别)(?P<change>{t['change_over_last_year']})$"),
        "shared_tail_re": re.compile(rf"{t['change_over_last_year']}$"),
        "past_unless_re": re.compile(t["past_unless"]),
        "forecast_re": re.compile(t["forecast"]),
        "survey_result_re": re.compile(t["survey_result"]),
        "years_change_re": re.compile(t["years_change"]),
        "periods": document_patterns()["periods"],
        "cn_percent": re.compile(targets_patterns()["cn_percent"]),
        "score_deduction_re": re.compile(t["score_deduction"]),
    }


# A sentence of running text: up to its end mark, or a line's end
SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]*")


def deducts(sentence: str) -> bool:
    """The sentence deducts points: a scoring table's criterion (data/patterns/targets.yaml
    `score_deduction`), no target and no task. (Every form holds 扣 or 不得分: the literal
    gate spares the regex on most sentences.)"""
    return ("扣" in sentence or "不得分" in sentence) and bool(
        config()["score_deduction_re"].search(sentence)
    )
