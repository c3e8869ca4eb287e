"""Running-text assignments: the sentences that give a task to bodies, wherever they stand.

The genre assigns work in prose as often as in （责任单位：…） brackets and tables:
由A负责 / 由A牵头，B、C配合 / A会同B推进… / A、B按职责分工负责 / 各级药品监管部门要… /
请A… / A：负责… / 组长由…担任，成员单位包括… / 办公室设在A. `find_assignments` reads a
passage clause by clause and returns mentions with roles (lead / support / responsible);
the rules are data (data/patterns/departments.yaml `assignments`), the bodies are read by
form (ingest/bodies.py), so neither a vocabulary nor a known province is needed.

This module holds the clause loop: where a clause's subject starts and whether its
sentence gives it a task. What it asks lives beside it — lists of bodies and their joiners
(ingest/body_lists.py), the role the words after a subject give (ingest/subject_roles.py),
a group's posts, the groups set up and rosters (ingest/group_posts.py), duty lists and
divisions of work by heading (ingest/duties.py), the compiled rules
(ingest/assignment_rules.py).

`first_leads(text)` tells whether a document states that the body listed first leads
(列第一位者为牵头单位); `apply_first_leads` applies that rule to a list's mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from policykg.ingest.assignment_rules import assignment_rules
from policykg.ingest.bodies import body_at, is_generic, opens_with_verb
from policykg.ingest.body_forms import Body
from policykg.ingest.body_lists import (
    MEMBERS_END,
    NAME_AFTER_POST,
    PERSON,
    SELF,
    body_list,
    dedupe,
    joined_clause,
    mentions_of,
    with_delegate,
)
from policykg.ingest.duties import (
    assigned_to,
    duty_chain,
    group_duties,
    overall_responsibility,
    sibling_unit,
)
from policykg.ingest.group_posts import bodies_set_up, by_agent, held_posts, posts_filled
from policykg.ingest.memo import memoized_at_zero
from policykg.ingest.responsibility import Mention
from policykg.ingest.subject_roles import JOINTLY, MANNER_ONLY, explicit_role, role_after

_SLOGAN = re.compile(r"“[^“”。！？]{2,40}”")
_CLAUSE = re.compile(r"[^，,。；;：:！!？?\n]+[，,。；;：:！!？?\n]?")
# A passage that opens with a duty (负责…；…): a duty list's line, its body above it
_DUTY_OPENS = re.compile(r"\s*(?:主要|具体)?(?:负责|承担)(?!人|同志)")
# A list's last item run on, with a space and no stop, into the next sentence's subject (a
# database copy of a notice: …名单：甲市：乙县 丙市：丁县 各地要…): the subject after the space
_RUN_ON = re.compile(r"[^\s，,。；;：:]{1,8}[ \u3000]+(?=各)")
# A regulation's article number opening its sentence (第十二条, 第 3 条).
ARTICLE = re.compile(r"第\s*[一二三四五六七八九十百零〇\d]+\s*条\s*")
# A relative clause before the subject (接到报告的卫生主管部门应当…, 发现问题的单位要…); not a
# prepositional phrase (按照…的, 根据…的).
_MODIFIER = re.compile(r"(?!按照|根据|依照|依据|按|对|为|在|与|加强|支持)[\u4e00-\u9fff]{2,10}?的")
# A group composed in one sentence after its founder (会议调整组建了由A任主任的…, 县政府决定
# 成立以A为组长的…): the words up to 由/以 name no body of the group.
_COMPOSED = re.compile(
    r"[^，,。；;：:]{0,10}?(?:决定|调整|研究)?(?:成立|组建|设立|调整)(?:了)?(?:由|以)(?=[\u4e00-\u9fff])"
)
# A notice's 主送机关 run into its text (各区、县（市）人民政府，市政府各委、办、局，各有关单位：经…同意，
# 现将…; a page may prefix 核心提示：): bodies ending with the colon, before no duty.
_ADDRESSEES = re.compile(
    # (a page may run the notice's title and its font-size buttons into the same line:
    # …的通知 字号大中小 各镇人民政府，…：)
    r"\s*(?:[^。；：:\n]{4,120}?的(?:通知|通报|函|意见|决定|批复)\s*(?:字号\s*[大中小\s]{0,6})?\s*)?"
    # (a page's summary label before it: 核心提示：, [摘要], 【内容提要】)
    r"(?:[\[【]?(?:核心提示|内容提要|内容摘要|摘要)[\]】]?\s*[:：]?\s*)?(?:各|[\u4e00-\u9fff]{2,20}(?:人民政府|政府|委|办|局|厅|部门|单位|机构))"
    r"[\u4e00-\u9fff，,、（）()“”]{0,80}?(?:单位|部门|政府|机构|局|厅|委|办|公司|企业)[:：]"
)
# Bodies issuing a text together (A、B联合印发…; A等26个部门联合制定…)
_JOINT_ISSUE = re.compile(
    r"\s*(?:近日|日前|于?(?:\d{1,2}月)?\d{1,2}日)?联合(?:研究)?(?:印发|制定|出台|发布|下发|发文)"
)
# A body's meeting as the subject (联席会议第一次会议在…召开; 领导小组全体会议召开): an event held,
# no task of the body's (what the meeting 要求 is read as its own clause)
_ITS_MEETING = re.compile(
    r"\s*(?:第[一二三四五六七八九十\d]+次|全体|成员|年度|工作)?(?:全体)?(?:成员)?(?:会议|例会)"
)
# The bodies' people attending an event (A、B有关负责同志参加会议; A纪检监察组组长出席): no task.
_ATTENDS = re.compile(
    r"[^，,。；;]{0,16}?(?:负责同志|负责人|领导同志|领导|同志|代表|人员|组长|局长|主任|书记)?(?:等)?"
    r"(?:应邀)?(?:参加|出席|列席)(?:了)?(?:会议|活动|座谈会?|仪式|启动仪式)?(?:[，,。；;]|$)"
)
# A body convening a meeting (召开…会议), and a later clause of its sentence saying what it
# will do (将…, 今年还要…; not 将于…施行, a rule's entry into force, nor 要求, an instruction).
_CONVENES = re.compile(r"\s*(?:近日|日前|昨日|今天|今日)?(?:组织)?召开")
_WILL = re.compile(r"(?:今年|明年|下一步|下步)?(?:还|也|并)?(?:将|要)(?!于|求|点|闻)")
# A clause opening with a generic subject told to act (各地要…, 各级…部门应…) before a group's posts
_INSTRUCTED_SUBJECT = re.compile(r"\s*各(?:地|级|有关)?[^，,。；;要应须]{0,10}(?:要|应当|应|须)")
# Bodies counted back to (四部门联合开展…, 两部门将…): several bodies, as a list is
_COUNTED_BODIES = re.compile(r"[两二三四五六七八九十]{1,2}个?(?:部门|单位)$")
# A campaign run jointly, named later in the subjects' sentence (A、B…决定，…开展联合整治…).
_JOINT_CAMPAIGN = re.compile(
    r"(?:开展|组织|实施|部署|启动)(?:了|一次|为期[^，。；]{1,6}的)?联合(?:整治|执法|检查|行动|专项|督查|打击)"
)
# The bodies of a clause after the sentence's lead, acting with it (由A牵头，B、C等单位联合对…;
# …，B、C共同开展…): they join the lead's work.
_WITH_THE_LEAD = re.compile(
    r"\s*(?:等(?:[\d一二三四五六七八九十]+个?|多个?)?(?:有关|相关)?(?:部门|单位))?(?:联合|共同|协同|一道|一起)"
    # (由A牵头，B、C等8个联席会议成员单位决定…: the others, called the members they are)
    r"|\s*(?:等(?:[\d一二三四五六七八九十]+个?|多个?)?)?[^，,。；;、]{0,12}?成员单位"
)
# Bodies that set up a joint team, the clause ending there (A、B等11部门已成立联合工作组，将…):
# what the sentence says they will do next is theirs.
_FOUNDS = re.compile(
    r"\s*(?:等(?:[\d一二三四五六七八九十]+个?)?(?:部门|单位))?(?:已|已经)?(?:共同|联合)?(?:成立|组建)了?"
    r"[^，,。；;]{2,20}?(?:工作组|专班|小组|指挥部)[，,]\s*$"
)
# A team described by its make-up, the bodies' people in it (由A、B等部门相关领导组成的…组)
# (the list may run on past what reads as a body, and the people be several: 由A、B、质监、
# 工商等部门分管领导和执法人员组成的检查组 — the clause's 组成的 tells)
_TEAM_OF = re.compile(r"(?:(?!负责(?!同志|人)|牵头|担任|由)[^，,。；;：:]){0,40}?组成的")


def addressees_end(text: str) -> int:
    """Where the addressee list that opens `text` ends (0: none)."""
    m = _ADDRESSEES.match(text)
    if m is None or assignment_rules()["duty_rx"].match(text, m.end()):
        return 0  # A：负责…: a duty list's entry, not an addressee
    return m.end()


def _joint_campaign(text: str, end: int, role: str) -> bool:
    """The bodies of a subject list decide a joint campaign (A、B…决定，从…起，在全国开展联合整治
    …): each leads, as the eleventh set reads it; only without a role word of their own."""
    stop = text.find("。", end)
    return role == "responsible" and bool(
        _JOINT_CAMPAIGN.search(text, end, stop if stop >= 0 else len(text))
    )


def _drafts_or_issues(rest: str) -> bool:
    """The words after a subject are an issuing or drafting act (印发…, 制定了…)."""
    rules = assignment_rules()
    return rest.lstrip().startswith(rules["issued_acts"]) or bool(rules["drafted_rx"].match(rest))


@memoized_at_zero()  # pure, offsets only added: asked again by measures, splits, preamble
def find_assignments(text: str, offset: int = 0) -> list[Mention]:
    """Mentions of bodies given a task by the running text of a passage, with roles."""
    rules = assignment_rules()
    out: list[Mention] = []
    subject: list[Mention] = []  # the last subject of the sentence, for a clause without one
    # a slogan in quotes (落实“地方政府负总责，监管部门各负其责”的责任体系) names a principle,
    # not a task of this text; a quoted speech (“…。”某某说) is read
    slogans = [(m.start(), m.end()) for m in _SLOGAN.finditer(text)]
    # (finditer's matches do not overlap and come in order: only the last slogan opening
    # before a clause can hold its start; one bisect instead of a scan per clause)
    slogan_starts = [s for s, _ in slogans]
    pending: list[tuple[Body, str]] = []  # a clause of bodies alone, the subject going on
    filled: set[int] = set()  # where a post's list names its bodies (成员：A、B… past a colon)
    convener: list[tuple[Body, str]] = []  # A召开会议，…，将…: the body that met, for 将/要
    addressed = addressees_end(text)
    duties = group_duties(text, offset)  # a duty list's bodies (A：负责…), the subject of its lines
    for c in _CLAUSE.finditer(text):
        a, b = c.start(), c.end()
        if a < addressed:
            continue  # 各区人民政府，市政府各委、办、局：…: the notice's addressees take no task
        carried, pending = pending, []
        if (i := bisect_left(slogan_starts, a)) and a < slogans[i - 1][1]:
            continue  # inside a slogan: slogans[i - 1] opens before a, ends after it
        clause = text[a:b]
        if a and text[a - 1] in "。！？!?\n":
            subject, convener = [], []
        if offset + a + len(clause) - len(clause.lstrip()) in filled:
            continue  # the list a post opened goes on in this clause: no subject of a task
        posted = posts_filled(text, a, b, offset)
        opens = a + len(clause) - len(clause.lstrip())
        if posted:
            out += posted
            filled.update(m.start for m in posted)
            if not _INSTRUCTED_SUBJECT.match(text, opens, b):
                continue
            # (各地要建立以A牵头…的机制: the subject told to set it up has its task too)
        pos = opens
        # (…名单：甲县 乙县 各地要…: a list run on into the next sentence's subject)
        run_on = _RUN_ON.match(text, pos, b) if body_at(text, pos) is None else None
        if run_on and body_at(text, run_on.end()) is not None:
            pos = opens = run_on.end()
        if article := ARTICLE.match(text, pos):  # 第二十条 A应当…: the article's number
            pos = article.end()
        modifier = _MODIFIER.match(text, pos) if body_at(text, pos) is None else None
        if modifier and body_at(text, modifier.end()):  # 接到报告的A应当…: A is the subject
            pos = modifier.end()
        if (day := rules["news_day_rx"].match(text, pos)) and body_at(text, pos) is None:
            pos = day.end() if body_at(text, day.end()) else pos  # 后期A将联合B…: A's clause
        if joined := joined_clause(text, pos, b, offset):
            # A今年将强化…，会同B建立…: the sentence's subject leads, B supports; without a
            # subject (三是…。联合公安、卫健等部门开展…) the text's own body leads, unnamed —
            # but only named bodies are told apart so: a subjectless clause joining generic
            # ones (…，联合相关部门对…进行督查) names no body of its own
            # (in a duty list, A：负责…；会同有关部门…, the list's body is the subject, also
            # where its duty opens a passage of its own)
            if (
                subject
                or duties
                or _DUTY_OPENS.match(text)
                or not all(is_generic(m.text) for m in joined)
            ):
                out += [Mention(m.text, "lead", m.start, m.end) for m in subject] + joined
            continue
        composed = _COMPOSED.match(text, pos) if body_at(text, pos) is None else None
        if composed:
            pos = composed.end()  # 会议调整组建了由A任主任的…: the bodies of the posts
        if body_at(text, pos) is None and (person := PERSON.match(text, pos)):
            # 分管副市长某某、市政府秘书长某某为副组长: a person of no body named first
            after = NAME_AFTER_POST.match(text, person.end())
            nxt = after.end() if after else person.end()
            if text.startswith("、", nxt) and body_at(text, nxt + 1) is not None:
                pos = nxt + 1
        if body_at(text, pos) is None and (lead := rules["title_lead_rx"].match(text, pos)):
            pos = lead.end() if body_at(text, lead.end()) else pos
        if body_at(text, pos) is None and (due := rules["deadline_lead_rx"].match(text, pos)):
            pos = due.end() if body_at(text, due.end()) else pos  # 6月底前各区报送…
        if body_at(text, pos) is None and (day := rules["news_day_rx"].match(text, pos)):
            pos = day.end() if body_at(text, day.end()) else pos  # 1月28日区发改局联合…
        topic = rules["topic_by_rx"].match(text, pos) if body_at(text, pos) is None else None
        if topic and not topic.group().endswith(tuple(rules["event_words"])):
            pos = topic.end()  # 此次专项治理由A牵头…: the topic before 由 and its agent (no event)
        opener = (  # one startswith(tuple) first: most clauses open with no opener
            next((w for w in rules["openers"] if text.startswith(w, pos)), None)
            if text.startswith(rules["openers"], pos)
            else None
        )
        if opener is None and (cited := rules["cited_instructs_rx"].match(text, pos)):
            pos, opener = cited.end(), "要求"  # 《通知》要求各地…: the policy instructs
        elif opener and body_at(text, pos) is None:
            pos += len(opener)
        found, end = body_list(text, pos)
        bare = rules["bare_unit_rx"].match(text, pos) if not found else None
        if bare and not opens_with_verb(text, pos):  # (督促…办牵头: no unit of that name)
            found, end = [(Body(pos, bare.end(), bare.group(), False), "responsible")], bare.end()
        if not found and carried and rules["aside_rx"].match(clause):
            pending = carried  # A，加挂B牌子，主要职责是…: the subject goes on past the aside
            continue
        sibling = sibling_unit(text, pos, subject) if not found else None
        if sibling:
            # 市局甲处负责…，乙处负责…，丙支队负责…: the body's other units, each its duty
            out.append(
                Mention(sibling.group(), "responsible", offset + pos, offset + sibling.end())
            )
            subject = [out[-1]]
            continue
        if not found and carried and len(carried) > 1 and JOINTLY.match(text, pos):
            out += mentions_of(carried, "lead", offset)  # A、B等多部门，联合开展…: each leads
            continue
        if not found and carried and (role := explicit_role(text[pos:b])):
            out += mentions_of(carried, role, offset)  # A，…，主要职责是承担…
            continue
        if (
            not found
            and subject
            and (
                any(rx.match(text[pos:b]) for rx in rules["lead_rx"])
                or rules["own_head_group_rx"].match(text, opens)
            )
        ):
            # A筛选了…，依据…，牵头组织…: the sentence's subject leads the clause's work
            out += [Mention(m.text, "lead", m.start, m.end) for m in subject]
            continue
        if not found and convener and _WILL.match(text, pos):
            # A召开工作会议，总结…，将围绕…加强…: a meeting's news lead; what the sentence
            # says it will do is the convener's commitment
            out += mentions_of(convener, "responsible", offset)
            convener = []
            continue
        if not found and (own := SELF.match(text, pos)) and _WILL.match(text, own.end()):
            # 我局将…: the text's own body (or the one whose statement it reports) commits
            out.append(Mention(own.group(), "responsible", offset + pos, offset + own.end()))
            continue
        if not found:
            continue
        if composed and MEMBERS_END.match(text, end):
            continue  # 成立由A、B等部门组成的检查组: members (read by by_agent), no task
        if opener == "由" and _TEAM_OF.match(text, end):
            continue  # 由A、B等部门相关领导组成的考核组听取汇报: a team's make-up, no task
        if (held := held_posts(text, pos, end, b)) is not None:
            found, end = held  # A副秘书长某某、B局长某某担任副主任: each person's body
        if cited := rules["cited_instructs_rx"].match(text, end):  # A《…》要求B: B instructed
            found, end = body_list(text, cited.end())
            opener = "要求"
            if not found:
                continue
        if opener == "由":  # 由A委托B组织实施: A keeps the task it hands B, both take it
            found, end = with_delegate(text, found, end)
        if ins := rules["instructs_rx"].match(text, end):  # the instructor takes no task
            found, end = body_list(text, ins.end())
            opener = "要求"
            if not found:
                continue
        rest = text[end:b]
        # (a list's manner before its act: A、B以“双随机”的方式，联合开展…)
        manner = (
            len(carried + found) > 1
            and MANNER_ONLY.fullmatch(rest.strip())
            and JOINTLY.match(text[b:].lstrip("，, "))
        )
        if (rest.strip() in ("，", ",") or manner) and all(r != "lead" for _, r in found):
            pending = carried + found  # A、B，C等单位承担…: a subject list over a comma
            continue
        if rest.strip() in ("，", ",") and any(r == "lead" for _, r in found):
            rest = "…"  # A将会同B，加强…: the task is in the clauses that follow
        if rest.startswith(("：", ":")) and len(rest) == 1:
            # A：负责… (a duty list): the duty follows the colon; an addressee line
            # (各区人民政府，有关单位：) is followed by the notice's text, not a duty
            duty = assignment_rules()["duty_rx"].match(text, b)
            role = "responsible" if duty else None
        elif rules["launches_rx"].match(text, end):
            role = "responsible"  # A印发《…方案》，从即日起开展…: the issuer runs the campaign
        else:
            role = role_after(rest)
        if role is None and any(r == "lead" for _, r in found) and _drafts_or_issues(rest):
            role = "responsible"  # A会同B印发了…: the role word gives the roles
        if role is None and (said := rules["speaks_rx"].match(text, end)):
            role = "responsible" if rules["speaks_commits_rx"].match(text, said.end()) else None
        if rules["drafted_rx"].match(rest) and all(r != "lead" for _, r in found):
            role = None  # A、B制定了《…》: drafting without a role word
        if opener in ("请", "并请", "同时请", "另请") and rules["closing_rx"].match(text, end):
            role = None  # 现印发给你们，请各地认真贯彻执行。: the notice's closing formula
        sets_up = re.sub(r"^\s*(?:决定|研究决定)", "", rest).startswith(
            tuple(rules["set_up_verbs"])
        )
        if sets_up and rules["own_head_group_rx"].match(rest.lstrip()):
            role = "lead"  # A成立由局长任组长的小组: headed by A's own head
        elif sets_up and opener not in rules["instructing_openers"]:
            role = None  # A成立B: a structure stated; B's duty is read by bodies_set_up
        if _ATTENDS.match(rest) or _ITS_MEETING.match(rest):
            role = None  # A有关负责同志参加会议: attending an event is no task (the rule book)
        # (A等26个部门联合…: one body named, the others counted, several all the same)
        several = len(carried + found) > 1 or "等" in text[(carried + found)[-1][0].end : end]
        last = (carried + found)[-1][0]
        several = several or bool(_COUNTED_BODIES.search(text[last.start : last.end]))
        if role == "members" and "等" not in text[last.end : end]:
            role = "responsible"  # A与B组成…专班: how two bodies work, not a list's members
        if role is None and several and _JOINT_ISSUE.match(rest):
            role = "responsible"  # A、B等部门联合印发…方案: they issue it together, each leads
        if role is None:
            if _CONVENES.match(text, end) or _FOUNDS.match(rest):
                # (A、B成立了联合工作组，将…: what the founders will do is their commitment)
                convener = carried + found
            continue
        listed = all(r == "responsible" for _, r in carried + found)  # no 会同/联合 inside
        if listed and any(m.role == "lead" for m in subject) and _WITH_THE_LEAD.match(rest):
            # 由A牵头，B、C等单位联合对…开展…: the sentence named its lead, the others join it
            # (…，四部门联合开展…: the bodies counted back to, already named)
            joining = [f for f in carried + found if not _COUNTED_BODIES.search(f[0].text)]
            out += mentions_of(joining, "support", offset)
            continue
        # (A会同B、C联合开展…: 会同 gave the roles; 联合 after it adds none)
        jointly = JOINTLY.match(rest) or _JOINT_ISSUE.match(rest)
        if several and listed and (jointly or _joint_campaign(text, end, role)):
            # A、B、C联合开展…: every body before the role word leads, as before 会同 (the rule
            # book's 「A、B会C」); 联合 with an object body (A联合B…) is read by body_list
            found = [(b, "lead") for b, _ in carried + found]
            carried = []
        subject = mentions_of(carried + found, role, offset)
        out += subject + _supporters_after_lead(text, end, b, role, offset)
        if role == "responsible":
            out += duty_chain(text, end, b, offset)
    overall = overall_responsibility(text, offset, slogans)
    assigned = assigned_to(text, offset)
    return dedupe(
        out + bodies_set_up(text, offset) + by_agent(text, offset) + duties + overall + assigned
    )


def _supporters_after_lead(text: str, end: int, stop: int, role: str, offset: int) -> list[Mention]:
    """A牵头、B、C配合 in one clause: the bodies after the lead's 牵头 that 配合 support."""
    lead = re.match(r"\s*(?:负责)?牵头[、，,]\s*", text[end:stop]) if role == "lead" else None
    if lead is None:
        return []
    found, after = body_list(text, end + lead.end())
    if not found or not any(rx.match(text[after:stop]) for rx in assignment_rules()["support_rx"]):
        return []
    return mentions_of([(body, "responsible") for body, _ in found], "support", offset)


def launches_campaign(text: str) -> bool:
    """A body issues a plan and starts its campaign in one breath (A印发《…方案》，从即日起开展…):
    the issuer runs it (the `launches` rule of data/patterns/departments.yaml)."""
    return assignment_rules()["launches_rx"].search(text) is not None


def narrated_roles(text: str) -> bool:
    """The text holds a role word that gives a body a role even in past narrative or an
    outlook (承担…职能, 牵头, 会同, 负责, 配合, 成员涉及…): the rule book's reading."""
    return assignment_rules()["narrated_rx"].search(text) is not None


def first_leads(text: str) -> str | None:
    """The document says that the body listed first in a list leads (列第一位者为牵头单位):
    the role it gives the others — `support` when it says so (其他为配合单位), else they keep
    the list's `responsible` (排在第一位的为牵头单位 says nothing of them); None: no such rule."""
    m = assignment_rules()["first_leads_rx"].search(text)
    if m is None:
        return None
    rest = assignment_rules()["first_leads_rest_rx"].search(text, m.end(), m.end() + 20)
    return "support" if rest else "responsible"


def apply_first_leads(mentions: list[Mention], rest: str = "support") -> list[Mention]:
    """A list of responsible bodies under the first-leads rule: the first leads, the rest
    take `rest`. Lists that already say who leads are left as they are."""
    if not mentions or any(m.role != "responsible" for m in mentions):
        return mentions
    first = min(mentions, key=lambda m: m.start)
    return [Mention(m.text, "lead" if m is first else rest, m.start, m.end) for m in mentions]
