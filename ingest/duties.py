"""Duties stated without a subject-verb clause of the clause loop: a group's duty list
(领导小组主要职责为…), a division of work by bodies (a heading or a line that is a body's
name over its duty: 一、注册司 / 1.负责…, 法规司 负责…; one run on with 、: A负责甲、B负责乙;
a body's other units each with its duty: 甲处负责…，乙处负责…), and a responsibility handed
to a body (地方政府负总责, 对各村明确了…责任, 责成某局查明…).

Each is read from the form of the passage, not from a subject and the role word after it,
so they stand apart from ingest/assignments.py, which adds their mentions to what its
clause loop finds; ingest/departments.py and ingest/item_measures.py ask `heading_duty` and
`opens_with_duty` of an outline's items. The duty words are data
(data/patterns/departments.yaml `assignments`: heading_duty, group_duties, overall, …).
"""

from __future__ import annotations

import re

from policykg.ingest.assignment_rules import assignment_rules
from policykg.ingest.bodies import body_at, is_generic, opens_with_verb
from policykg.ingest.responsibility import Mention


def group_duties(text: str, offset: int) -> list[Mention]:
    """A group whose duties the text states (领导小组主要职责为…): responsible."""
    out = []
    for m in assignment_rules()["group_duties_rx"].finditer(text):
        if body_at(text, m.start("body")) is None and len(m["body"]) < 4:
            continue  # 委员会 alone after a word that ended the name: no group named
        out.append(Mention(m["body"], "responsible", offset + m.start("body"),
                           offset + m.end("body")))  # fmt: skip
    return out


def heading_duty(text: str, heading: str | None) -> tuple[str, int, str] | None:
    """A body's duty in a division of work by bodies: (name, where in `text` or -1 for the
    heading, role). The name and the duty on one line (法规司 负责…), or a heading that is
    a body's name alone over an item opening with a duty (一、注册司 / 1.负责…)."""
    rules = assignment_rules()
    if same := rules["named_duty_rx"].match(text):
        duty = rules["heading_duty_rx"].match(text, same.end())
        return same["body"], 0, _duty_role(duty)
    # (an item titled by the body's name, its duties after the full stop: （一）县卫健局。做好…)
    body = body_at(text, 0)
    if body is not None and text.startswith(("。", "．"), body.end):
        duty = rules["heading_duty_rx"].match(text, body.end + 1)
        if duty or rules["heading_duty_opening_rx"].match(text, body.end + 1):
            return body.text, 0, _duty_role(duty)
    duty = rules["heading_duty_rx"].match(text)
    if not heading or not (rules["heading_body_rx"].fullmatch(heading) or _named_alone(heading)):
        return None
    if duty is None and not rules["heading_duty_opening_rx"].match(text):
        return None
    return heading, -1, _duty_role(duty)


def _named_alone(heading: str) -> bool:
    """A heading that is one named body and nothing else (市妇女联合会, 团市委)."""
    body = body_at(heading, 0)
    return body is not None and not body.generic and body.end == len(heading)


def opens_with_duty(text: str) -> bool:
    """An item of a duty list (负责…, 牵头…, 配合…): a duty however briefly written."""
    return assignment_rules()["heading_duty_rx"].match(text) is not None


def _duty_role(duty: re.Match[str] | None) -> str:
    if duty and duty["lead"]:
        return "lead"
    return "support" if duty and duty["support"] else "responsible"


def duty_chain(text: str, end: int, stop: int, offset: int) -> list[Mention]:
    """A division of work run on with 、 (A负责甲、B负责乙、C负责丙): each body after a 、 that
    opens its own duty is responsible for it, as after a comma."""
    out = []
    for pos in (i + 1 for i in range(end, stop) if text[i] == "、"):
        body = body_at(text, pos)
        bare = assignment_rules()["bare_unit_rx"].match(text, pos) if body is None else None
        bare = None if bare and opens_with_verb(text, pos) else bare
        last = body.end if body else bare.end() if bare else None
        if last is not None and assignment_rules()["unit_duty_rx"].match(text, last):
            out.append(Mention(text[pos:last], "responsible", offset + pos, offset + last))
    return out


def sibling_unit(text: str, pos: int, subject: list[Mention]) -> re.Match[str] | None:
    """A unit named bare before its duty (乙处负责…), after a unit of a body given its own duty
    in the same sentence (市局甲处负责…，): a sibling unit of that body."""
    if not subject or not subject[-1].text.endswith(("处", "科", "室", "队")):
        return None
    return assignment_rules()["sibling_unit_rx"].match(text, pos)


def assigned_to(text: str, offset: int) -> list[Mention]:
    """A body given a responsibility (对各村明确了…责任, 向各乡镇下达了…任务), ordered to act
    (责成某局查明…) or designated for a duty (增加A为…部门，承担…): responsible."""
    out = []
    for m in assignment_rules()["assigned_to_rx"].finditer(text):
        group = next(g for g in ("body", "ordered", "designated") if m[g])
        a, b = m.span(group)
        body = body_at(text, a)
        if (body is not None and body.end == b) or is_generic(m[group]):
            out.append(Mention(m[group], "responsible", offset + a, offset + b))
    return out


def overall_responsibility(text: str, offset: int, slogans: list[tuple[int, int]]) -> list[Mention]:
    """A government bearing overall responsibility (地方政府负总责; 确保政府对…负总责), outside
    a quoted slogan and not a cited principle (…负总责的要求): responsible."""
    out = []
    for m in assignment_rules()["overall_rx"].finditer(text):
        a = m.start("body")
        if any(s <= a < e for s, e in slogans) or (a and text[a - 1] in "市县区省镇乡州旗"):
            continue  # a quoted principle; 县政府 is read as a named body elsewhere
        out.append(Mention(m["body"], "responsible", offset + a, offset + m.end("body")))
    return out
