"""The structure of a group stated in running text: the bodies filling its posts (组长由A担任,
成员单位包括A、B, 办公室设在A), officers named by body and post (A副秘书长某某…担任副主任),
a group the text sets up and gives a duty (成立…领导小组，负责…), 由A + a duty inside a
clause (日常工作由A负责, X由A、B等部门组成), and rosters on short lines or in a table (组  长：…).

A structure stated gives its bodies their roles without a modal word, so these readers
do not wait for a subject and its verb as the clause loop (ingest/assignments.py) does; the
post labels are data (data/patterns/departments.yaml `assignments`: posts, roster, set_up,
agent). ingest/rosters.py, item_measures.py, preamble_measures.py, measure_splits.py and
preamble.py ask the roster and post readers directly.
"""

from __future__ import annotations

import re

from policykg.ingest.assignment_patterns import MEMBERS_OF_THE_LED
from policykg.ingest.assignment_rules import assignment_rules
from policykg.ingest.bodies import find_bodies, person_before
from policykg.ingest.body_forms import Body
from policykg.ingest.body_lists import (
    MEMBERS_END,
    body_list,
    dedupe,
    joined_clause,
    mentions_of,
    with_delegate,
)
from policykg.ingest.responsibility import Mention
from policykg.ingest.subject_roles import post_after, role_after


def posts_filled(text: str, a: int, b: int, offset: int) -> list[Mention]:
    """组长由A担任 / 成员单位包括A、B / 办公室设在A: the bodies filling a group's posts."""
    out: list[Mention] = []
    rules = assignment_rules()
    for i in rules["posts_rules"].indices(text, a, b):  # (a only grows: the window shrinks)
        rx, role = rules["posts_rx"][i]
        for m in rx.finditer(text, a, b):
            found, end = body_list(text, m.end(), persons=True)
            if role == "support":  # 成员由A、B，C、D组成: a member list runs on over a comma
                found += _members_after_comma(text, end)
            out += mentions_of(found, role, offset)
            a = max(a, m.end())
    return out


def _members_after_comma(text: str, end: int) -> list[tuple[Body, str]]:
    """The rest of a member list that a comma broke (成员由A、B，C、D组成): the bodies up to
    组成 / 为成员, when the list reaches one; else none (the clause after is another)."""
    more: list[tuple[Body, str]] = []
    while text[end : end + 1] in ("，", ","):
        found, end = body_list(text, end + 1, persons=True)
        if not found:
            return []
        more += found
    return more if MEMBERS_END.match(text, end) else []


def fills_posts(text: str) -> bool:
    """The text fills a group's posts (组长由A担任, 成员包括A, 办公室设在A): a structure
    stated, which gives its bodies their roles without a modal word."""
    return bool(posts_filled(text, 0, len(text), 0))


def held_posts(
    text: str, pos: int, end: int, stop: int
) -> tuple[list[tuple[Body, str]], int] | None:
    """A list of officers named by their bodies and posts before the post they fill
    (A副秘书长某某、B局长某某和C局长某某担任副主任): the bodies and the list's end, when
    reading the officers goes further than the bodies alone and a post follows."""
    if not assignment_rules()["post_words_rx"].search(text, end, stop):
        return None  # no post in the clause: reading the officers could find none (hot path)
    held, at = body_list(text, pos, persons=True)
    if at <= end or at > stop or post_after(text[at:stop]) is None:
        return None
    return held, at


def bodies_set_up(text: str, offset: int) -> list[Mention]:
    """A body the text sets up and gives a duty (成立…领导小组，负责…): responsible."""
    out = []
    for m in assignment_rules()["set_up_rx"].finditer(text):
        name = m["body"]
        if name.count("“") != name.count("”") or name.count('"') % 2:
            name = name.strip('“”"')  # a quote the name does not close or open is no part of it
        if len(name) < 4:
            continue  # 成立办公室: a bare kind names no body
        start = m.start("body") + m["body"].index(name)
        out.append(Mention(name, "responsible", offset + start, offset + start + len(name)))
    return out


def by_agent(text: str, offset: int) -> list[Mention]:
    """由A + a standing duty inside a clause (此类申请可由省人民政府审批; 日常工作由A负责):
    A takes the duty's role; 由A组成 / 由A提出 (no duty) give none."""
    out: list[Mention] = []
    rules = assignment_rules()
    for m in rules["agent_rx"].finditer(text):
        found, end = body_list(text, m.end(), persons=True)
        if not found and (units := rules["unit_agent_rx"].match(text, m.end())):
            found = [
                (Body(u.start(), u.end(), u.group(), False), "responsible")
                for u in rules["unit_rx"].finditer(text, units.start(), units.end())
            ]
            end = units.end()
        found, end = with_delegate(text, found, end)  # 由A委托B组织实施
        if found and rules["members_rx"].match(text, end):
            out += mentions_of(found, "support", offset)  # X由A、B等部门组成: A and B are members
            continue
        if found and (post := post_after(text[end:])):
            out += mentions_of(found, post, offset)  # 由A主要负责同志担任召集人: A's post
            continue
        if any(role == "lead" for _, role in found) and rules["joint_act_rx"].match(text, end):
            # 检查由A会同B开展: the list's roles stand (A leads, B supports)
            out += mentions_of(found, "responsible", offset)
            continue
        if found and _EVENT_HOSTS.match(text, end) and _hosts_event(text, m.start(), end):
            continue  # 此次活动由A主办，B承办: an event's hosts, no role (the rule book)
        if found and rules["agent_duty_rx"].match(text, end):
            role = role_after(text[end:]) or "responsible"
            out += mentions_of(found, role, offset)
            if role == "lead":  # 由A牵头，会同B、C负责落实: B and C support
                out += _joined_after_lead(text, end, offset)
    return out


# An event's hosts (the `event_words` of data/patterns/departments.yaml)
_EVENT_HOSTS = re.compile(r"\s*(?:共同|联合)?(?:主办|承办|协办)")


def _hosts_event(text: str, agent: int, end: int) -> bool:
    """The 由 at `agent` names the hosts of an event: an event word in its clause before 由, or
    right after the hosts' verb (由A主办的…活动)."""
    before = re.split(r"[，,。；;]", text[:agent])[-1]
    after = re.match(r"\s*(?:共同|联合)?(?:主办|承办|协办)(?:的)?([^，,。；;]{0,16})", text[end:])
    event = assignment_rules()["event_rx"]
    return bool(event.search(before) or after and event.search(after.group(1)))


def _joined_after_lead(text: str, end: int, offset: int) -> list[Mention]:
    """由A牵头，会同B、C负责…: the bodies joined after the lead's 牵头 and a comma, supporting;
    小组由A牵头，B、C组成 (…等部门参加): the members of the group A leads, supporting too."""
    m = re.compile(r"\s*(?:负责)?牵头[，,]\s*").match(text, end)
    if m is None:
        return []
    found, after = body_list(text, m.end())
    if found and MEMBERS_OF_THE_LED.match(text, after):
        return mentions_of(found, "support", offset)  # 小组由A牵头，B、C组成
    stop = next((i for i, ch in enumerate(text[m.end() :], m.end()) if ch in "。；;"), len(text))
    return joined_clause(text, m.end(), stop, offset)


# On a roster line, the words closing it before an officer's title are the officer's body
# (发展改革委副主任, 农业部部长): a short national name needs no administrative prefix there.
_POSTED_BODY = re.compile(
    r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{1,10}?(?:部|委|办|总局|局|总署|署|院|厅))"
    r"(?=(?:部长助理|副?(?:部长|局长|署长|主任|厅长|院长|秘书长))\s*$)"
)


def roster_post(line: str) -> re.Match[str] | None:
    """The post label opening a roster line (组  长：, 副组长：, 成  员：), if any."""
    return next((m for rx, _ in assignment_rules()["roster_rx"] if (m := rx.match(line))), None)


def bare_post(cell: str) -> str | None:
    """A roster table's post cell (组长 | 某某 | 市政府副市长): the label alone, no colon."""
    word = cell.strip()
    if not word or len(word) > 6 or re.search(r"[:：]", word):
        return None
    return next(
        (role for rx, role in assignment_rules()["roster_rx"] if rx.fullmatch(word + "：")), None
    )


def roster_mentions(text: str, offset: int = 0) -> list[Mention]:
    """A roster on short lines: each line's bodies take the role of the post label on it or
    above it (组长/主任/召集人 and deputies → lead; 成员 → support). A person's post names
    the body (张某某  省政府副省长 → 省政府)."""
    out: list[Mention] = []
    role: str | None = None
    pos = 0
    for line in text.split("\n"):
        for rx, post_role in assignment_rules()["roster_rx"]:
            if rx.match(line.strip()):
                role = post_role
        role = bare_post(line) or role  # a roster table's post cell on a line of its own
        if role is not None:
            spans: list[tuple[int, int]] = []
            for b in find_bodies(line):
                b = person_before(line, b) or b
                spans.append((b.start, b.end))
                out.append(Mention(b.text, role, offset + pos + b.start, offset + pos + b.end))
            for m in _POSTED_BODY.finditer(line):  # 某某  外交部部长助理: the post names the body
                if not any(a < m.end(1) and m.start(1) < b for a, b in spans):
                    start, end = offset + pos + m.start(1), offset + pos + m.end(1)
                    out.append(Mention(m.group(1), role, start, end))
        pos += len(line) + 1
    return dedupe(out)
