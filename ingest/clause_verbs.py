"""The verb before a value that says which shape the value stands in: a change verb (缩短至,
压缩至…的, 达到), a count verb (创建, 建成首批, 全省有), or the last count verb of the words
before a count.

Apart from the clause scan (ingest/clause_targets.py) because finding the verb is a reading of
the words before a value on their own — batches, qualifiers and nouns made of a growing verb
(种植面积) set aside — while the scan decides what the verb makes of the value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from policykg.ingest.text_target_rules import config


def verb_at_end(text: str, verbs: Iterable[str]) -> str | None:
    return next((w for w in verbs if text.endswith(w)), None)


# A batch before the count (建成首批50家, 认定第二批20个): the verb stands before it.
_BATCH = re.compile(r"(?:首批|一批|第[一二三四五六七八九十\d]+批)$")
# A whole division that is to have N of a kind (到2027年全省有800家零售药店达标).
_DIVISION_HAS = re.compile(r"(?:全省|全市|全县|全区|全州|全盟|全国)(?:要|将|力争)?有$")


@cache
def count_verbs() -> tuple[str, ...]:
    return tuple(sorted(config()["count"], key=len, reverse=True))


def count_verb(bare: str) -> str | None:
    """The count verb ending the words before a count (创建300家, 建成首批50家, 全省有800家)."""
    bare = _BATCH.sub("", bare)
    if verb := verb_at_end(bare, config()["count"]):
        return verb
    return "有" if _DIVISION_HAS.search(bare) else None


def change_verb(bare: str) -> tuple[str | None, int]:
    """The change verb ending `bare`, also before a qualifier of the value (压缩至法定时限的
    50%): (verb, length of the qualifier)."""
    verbs = config()["change"]
    if verb := verb_at_end(bare, verbs):
        return verb, 0
    # (分别控制在猪肉150克/吨、鸡肉100克/吨以内: the first value's label after a distributing verb)
    for k in range(1, 5):
        label = bare[-k:]
        if not re.fullmatch(r"[\u4e00-\u9fff]+", label):
            break
        if (verb := verb_at_end(bare[:-k], verbs)) and bare[:-k].endswith("分别" + verb):
            return verb, k
    if bare.endswith("的"):
        for k in range(2, min(len(bare), 10)):  # the shortest qualifier after a verb
            if "、" not in bare[-k:] and (verb := verb_at_end(bare[:-k], verbs)):
                return verb, k
    return None, 0


# A growing verb as a modifier of a noun (种植面积, 种植基地, 推广应用), or a developing one
# inside a body's or a noun's name (发展改革委, 发展规划, 开发区, 研发中心): no count verb there.
_GROWN_NOUN = re.compile(
    r"(?:种植|栽种|栽培|推广)(?:面积|基地|规模|结构|技术|模式|应用|大户|户|业|区)"
    r"|发展(?:和?改革|规划|中心|研究|目标|水平|环境|战略|阶段|成果|方式|需要|需求|的)"
    r"|(?:开发|研发)(?:区|园区|中心|机构|平台|投入|能力)"
)


def last_verb(clause: str, a: int, b: int) -> str | None:
    hits = [(clause.rfind(w, a, b), w) for w in config()["count"]]
    hits = [(pos, w) for pos, w in hits if pos >= 0 and not _GROWN_NOUN.match(clause, pos)]
    return max(hits, key=lambda h: (h[0] + len(h[1]), len(h[1])))[1] if hits else None
