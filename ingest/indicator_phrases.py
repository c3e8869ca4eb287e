"""The phrase naming a value's indicator, as written: without the leading verbs, qualifiers,
the target's year and trailing particles around it, and cut to its last item when it is a
list too long to be one indicator; also the goals' year a sentence states (GOAL_YEAR).

Apart from the clause scan (ingest/clause_targets.py) because the sentence loop
(ingest/text_targets.py) cleans the same phrases again and decides with them, and the
clean-up is a reading of the phrase alone, not of the values around it.
"""

from __future__ import annotations

import re

from policykg.ingest.text_target_rules import config


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
    r"^(?:全[省市区县州盟旗国]|[我该本][省市区县州盟旗])?(?:计划|预计|拟)?(?:力争|争取)?(?:在|于)?"
    r"(?:到|至)?\s*(?:(?:19|20)\d{2}\s*年(?:底|末)?"
    r"|[“\"]?十[一二三四五六七八九]五[”\"]?\s*(?:期末|末|时期末))[，,]?\s*"
)  # (到“十四五”末，…: the period's end is the target's year too; a plan of the place before
# it, 全省计划在“十二五”末实现…, is no part of the indicator)


_DEFINITION_ASIDE = re.compile(r"（\s*(?:指|即)[^（）]*）")
_GOAL_LEAD = re.compile(r"^[^，,；;]{0,16}?目标(?:为|是)")
GOAL_YEAR = re.compile(r"目标(?:是|为)?\s*[，,：:]?\s*(20\d{2})\s*年\s*[，,]")


# A subject and its disposal 将/把 before the thing it changes (某市将办理时限压缩至…, 该局已把…):
# the indicator is what is changed, not who changes it
_DISPOSAL = re.compile(
    r"^[\u4e00-\u9fff]{0,10}?(?:市|县|区|省|州|旗|局|委|厅|部门|政府|中心)(?:还|也|已|已经)?(?:将|把)"
    r"(?=[\u4e00-\u9fff]{2})"
)


_TAG_DEBRIS = re.compile(r"^\s*<?/?[A-Za-z][A-Za-z0-9]*\s*/?>")


def clean_indicator(phrase: str) -> str | None:
    """The indicator as written, without leading verbs, qualifiers and trailing particles."""
    cfg = config()
    phrase = _TAG_DEBRIS.sub("", phrase)  # a scraped page's broken markup (/font>5岁以下…)
    phrase = _DEFINITION_ASIDE.sub("", phrase)  # 餐馆（指…以上）…实施率: the class's definition
    phrase = _GOAL_LEAD.sub("", phrase)  # 设定2020年的预期目标为研制新药…: what follows 为
    phrase = _DISPOSAL.sub("", phrase.lstrip())
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
