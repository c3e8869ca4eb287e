"""Sentences of a passage before the outline that assign work, one measure each.

A notice or a news reprint of a policy rarely has an outline: its paragraphs mix the
reporter's narration (近日，…召开会议; 据介绍; achievements 取得了…) with the sentences that
give bodies their tasks (各市（州）政府要…; 三地还将组建…办公室，负责…; 请A…). Read as a
whole, such a paragraph is narration and yields nothing; read sentence by sentence, each
assigning sentence is a measure of its own (the genre's statement unit is the sentence),
while narration, achievements and outlooks stay out. ingest/preamble_measures.py asks this
module only for a paragraph it did not take whole.
"""

from __future__ import annotations

import re
from functools import cache

from policykg.ingest.assignments import find_assignments
from policykg.ingest.group_posts import fills_posts
from policykg.ingest.patterns import structure_patterns
from policykg.ingest.responsibility import Mention
from policykg.ingest.role_cues import narrated_roles
from policykg.ingest.statements import cues, sentence_statement
from policykg.ingest.word_targets import word_targets

# A sentence: up to its full stop, and a closing quote after it (…保障民众用药需求。”).
SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]*[”’」』]?")
# An event's report going on to the instruction it gave (…召开…会，要求B…).
_TOLD = re.compile(r"[，,]\s*(?:并|还|同时)?(?:要求|责成)(?![，,：:])")
# What makes a sentence give work rather than tell of it: a prescriptive or future word
# (要, 应当, 将, 请, 须, 务必), a role word (负责, 牵头) or a standing duty (可由A审批).
_PRESCRIBES = re.compile(
    r"(?<![重需主纪])要(?![点素闻求])|应当|(?<![反响适供对])应(?![用对急])|将|请|须|务必|负责|牵头|由"
    r"|确保|守住|力争|力求|争取|每年|每月|每季度|(?:职责|职能)(?:任务)?(?:为|是|包括|涵盖)|决定(?!性|书)"
    r"|^\s*(?:会议|检查|行动|活动|方案|通知|文件)?(?:要求|责成)|》[，,]\s*(?:明确)?要求"  # 要求A…; a policy's 《Y》，要求A…
    r"|" + _TOLD.pattern  # A召开…会，要求B…: an instruction told
)
# A narrated sentence (a news lead, a past act) gives work only when it looks ahead.
# (将 before a count is the preposition of a past act: 将126件违法广告公开曝光)
_AHEAD = re.compile(
    # (将 after 始终/一直/历来 is the object marker of a habit, 始终将X摆在…: nothing ahead)
    r"(?<!始终)(?<!一直)(?<!历来)"
    r"将(?![\d一二两三四五六七八九十百千万几]+[余多]?(?:件|家|个|起|批|名|人|户|次|吨|公斤|千克|箱|盒|条|项|份|类|种|批次))|下一步|今后|力争|决定|即日起"
    r"|》[，,]\s*(?:要求|明确要求)"
    r"|(?:开展|实施|组织实施|启动|部署)为期"  # a campaign launched with its length runs ahead
)  # 决定…: a decision reported binds
# An instruction passed on (A要求，各地要…; 会议强调，…务必…) gives work even where the
# instructed are not named as a body the vocabulary knows.
_INSTRUCTION = re.compile(
    r"(?:要求|责成|强调|指出)[，,：:]?[^。]{0,40}?(?:(?<![重需主纪纲提摘概])要(?![点素闻求])|务必|必须|须|应当)"
)


def prescribes(text: str) -> bool:
    """The text gives work rather than tells of it (要, 应当, 将, 请, 负责, 牵头 …)."""
    return bool(_PRESCRIBES.search(text))


@cache
def _commitment_cue() -> re.Pattern[str]:
    """A dated or quantified goal (到2025年…达到95%), as structure.yaml words it."""
    words = structure_patterns()["preamble_commitment"]
    return re.compile("|".join(f"(?:{rx})" for rx in words))


@cache
def _goal_item() -> re.Pattern[str]:
    """A plan's goal on a dash-led line (——X达到100%), as structure.yaml words it."""
    return re.compile(structure_patterns()["goal_item"])


def passes_on(sentence: str) -> bool:
    """The sentence reports an instruction (…出席会议并强调，A要…; 会议指出，A要…; A召开…会，
    要求B…)."""
    return _INSTRUCTION.search(sentence) is not None or _TOLD.search(sentence) is not None


def _passed_on(sentence: str, mentions: list[Mention], start: int) -> bool:
    """A report of an instruction: the body named after the reporting verb is given the
    work, though the sentence narrates an event."""
    told = _INSTRUCTION.search(sentence)
    if told is not None and any(m.start - start >= told.start() for m in mentions):
        return True
    return instructs_directly(sentence, [m.start - start for m in mentions])


# An instruction's verb right before the bodies it gives the task (A召开…会，要求B…; A要求B…).
_INSTRUCTS = re.compile(r"(?:要求|责成)[，,：:]?\s*$")


def instructs_directly(text: str, assigned_at: list[int]) -> bool:
    """A body instructs others in so many words: the bodies told are given the task."""
    return any(_INSTRUCTS.search(text, 0, at) for at in assigned_at)


def narrated(sentence: str) -> bool:
    """A sentence of news or of the past that does not look ahead (将, 下一步, 今后)."""
    told = cues("news").search(sentence) or sentence_statement(sentence) != "commitment"
    return bool(told) and not _AHEAD.search(sentence)


def assigning_sentences(text: str, offset: int) -> list[tuple[int, int, list[Mention]]]:
    """(start, end, mentions) of the sentences of `text` that assign work to a body or
    commit to a target (不发生…, 今年12月底前完成…, 每年召开一次…).

    The sentence must prescribe (要, 应当, 将, 请, 负责 …) or state a worded target (a
    phase, deadline or bottom line prescribes by itself); one opening with a news lead
    (近日，…) or stating the past (background cues) counts only when it also looks ahead
    (将, 下一步, 今后)."""
    out: list[tuple[int, int, list[Mention]]] = []
    arranged = re.match(structure_patterns()["arrangement_lead"], text) is not None
    for s in SENTENCE.finditer(text):
        sentence = s.group()
        if len(sentence.strip()) < 8:
            continue
        if sentence.rstrip().endswith(("：", ":")) and not _PRESCRIBES.search(sentence):
            continue  # an addressee line (主送机关) introduces the text, it assigns nothing;
            # a lead-in that does (区政府要…，主要承担以下工作：) is a measure
        worded = bool(word_targets(sentence)) or bool(_goal_item().match(sentence))
        seat = "设" in sentence and fills_posts(sentence)  # 办公室设在A: a standing duty
        told = narrated(sentence) and narrated_roles(sentence)  # A联合B开展了…: roles, told
        if not (worded or seat or arranged or told or _PRESCRIBES.search(sentence)):
            continue  # a phase, deadline or bottom line prescribes by itself
        mentions = find_assignments(sentence, offset + s.start())
        if not mentions and not (
            worded or _commitment_cue().search(sentence) or _INSTRUCTION.search(sentence)
        ):
            continue  # neither a task given to a body nor a target committed to
        if narrated(sentence) and not (
            mentions
            and (narrated_roles(sentence) or _passed_on(sentence, mentions, offset + s.start()))
        ):
            continue  # past narration, unless a role word gives a body a role in it
        lead = len(sentence) - len(sentence.lstrip())
        out.append((offset + s.start() + lead, offset + s.end(), mentions))
    return out
