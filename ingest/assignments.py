"""Running-text assignments: the sentences that give a task to bodies, wherever they stand.

The genre assigns work in prose as often as in （责任单位：…） brackets and tables:
由A负责 / 由A牵头，B、C配合 / A会同B推进… / A、B按职责分工负责 / 各级药品监管部门要… /
请A… / A：负责… / 组长由…担任，成员单位包括… / 办公室设在A. `find_assignments` reads a
passage clause by clause and returns mentions with roles (lead / support / responsible);
the rules are data (data/patterns/departments.yaml `assignments`), the bodies are read by
form (ingest/bodies.py), so neither a vocabulary nor a known province is needed.

`first_leads(text)` tells whether a document states that the body listed first leads
(列第一位者为牵头单位); `apply_first_leads` applies that rule to a list's mentions.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from policykg.ingest.bodies import (
    Body,
    body_at,
    find_bodies,
    inherited_at,
    is_generic,
    opens_with_verb,
    person_before,
    place_of,
    places_before_body,
    sector_list,
    shared_prefix,
    sibling_division,
)
from policykg.ingest.memo import memoized_at_zero
from policykg.ingest.patterns import pattern_file
from policykg.ingest.prefilter import guarded
from policykg.ingest.responsibility import Mention
from policykg.ingest.vocab import provinces

_SLOGAN = re.compile(r"“[^“”。！？]{2,40}”")
_CLAUSE = re.compile(r"[^，,。；;：:！!？?\n]+[，,。；;：:！!？?\n]?")
# A passage that opens with a duty (负责…；…): a duty list's line, its body above it
_DUTY_OPENS = re.compile(r"\s*(?:主要|具体)?(?:负责|承担)(?!人|同志)")
# A list's last item run on, with a space and no stop, into the next sentence's subject (a
# database copy of a notice: …名单：甲市：乙县 丙市：丁县 各地要…): the subject after the space
_RUN_ON = re.compile(r"[^\s，,。；;：:]{1,8}[ \u3000]+(?=各)")


# The single regexes of departments.yaml `assignments`, each compiled as "<name>_rx".
_REGEXES = ("first_leads", "first_leads_rest", "duty", "set_up", "cited_instructs", "instructs",
            "agent", "title_lead", "agent_duty", "members", "group_duties", "staffs", "launches",
            "overall", "aside", "listed_name", "unit", "post_words", "closing", "heading_body",
            "heading_duty", "heading_duty_opening", "speaks", "speaks_commits", "own_body", "drafted",
            "deadline_lead", "own_head_group", "assigned_to", "bare_unit", "unit_duty", "news_day")  # fmt: skip


@cache
def _rules() -> dict[str, Any]:
    r = pattern_file("departments.yaml")["assignments"]
    longest = lambda words: tuple(sorted(words, key=len, reverse=True))  # noqa: E731
    with_role = lambda items: [(guarded(p["regex"]), p["role"]) for p in items]  # noqa: E731
    # guarded (ingest/prefilter.py): finditer/search over a passage skip it when it lacks
    # the rule's literals (a clause without 组长/成员/办公室 has no post), same matches
    return {
        **r,
        **{f"{name}_rx": guarded(r[name]) for name in _REGEXES},
        "openers": longest(r["openers"]),
        "joiners": longest(r["joiners"]),
        "joiner_adverbs": longest(r["joiner_adverbs"]),
        "not_after": longest(r["not_after"]),
        "issued_acts": longest(r["issued_acts"]),
        "lead_rx": [re.compile(x) for x in r["lead"]],
        "support_rx": [re.compile(x) for x in r["support"]],
        "posts_rx": with_role(r["posts"]),
        "post_after_rx": with_role(r["post_after"]),
        "roster_rx": with_role(r["roster"]),
        # 由A处、B室负责…: a bureau's units in a list before their duty
        "unit_agent_rx": re.compile(
            rf"(?:{r['unit']})(?:[、和及](?:{r['unit']}))*(?={r['unit_duty']})"
        ),
        "narrated_rx": re.compile(pattern_file("departments.yaml")["narrated_role_words"]),
        "sibling_unit_rx": re.compile(rf"(?:{r['unit']})(?=(?:{r['unit_duty']}))"),
        # 法规司 负责…: a body's name and its duty on one line, a space between
        "named_duty_rx": re.compile(
            rf"(?P<body>{r['heading_body']})[ \t\u3000]+(?={r['heading_duty']})"
        ),
    }


_PERSON = re.compile(
    # (协助分管…工作的 / 联系…工作的: the post described before its title)
    r"(?:(?:协助)?(?:分管|联系)[^，,。；;、]{1,16}?的)?"
    r"(?:分管|主要|有关|相关)?(?:负责同志|领导同志|负责人|领导|(?:[一二三四]级)?(?:调研员|巡视员)|"
    r"副?(?:省长|市长|县长|区长|秘书长|局长|厅长|主任|书记|组长|部长|署长|院长|检察长|政委))+"
)
# A body's other name in brackets right after it (省委宣传部（省政府新闻办）).
_ALIAS = re.compile(r"[（(][\u4e00-\u9fff、]{2,16}[）)]")
# The person's name after the post (区市场监管局局长某某某、…担任): two or three characters
# before the next name of the list or the verb.
_NAME_AFTER_POST = re.compile(r"[\u4e00-\u9fff]{2,3}(?=[、和及，,]|担任|兼任|任)")
# On a roster line, the words closing it before an officer's title are the officer's body
# (发展改革委副主任, 农业部部长): a short national name needs no administrative prefix there.
_POSTED_BODY = re.compile(
    r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{1,10}?(?:部|委|办|总局|局|总署|署|院|厅))"
    r"(?=(?:部长助理|副?(?:部长|局长|署长|主任|厅长|院长|秘书长))\s*$)"
)


_LEVELS = ("各级", "各地", "各县", "各市", "各区", "各州", "各盟", "各旗")


def _place_levels(text: str, pos: int) -> Body | None:
    """A place before the generic bodies of its levels (某省各级食品药品监管部门, 某市各县区政府):
    one generic body, named with the place as written."""
    if not any(level in text[pos : pos + 12] for level in _LEVELS):
        return None  # (most clauses: no gazetteer look-up on this hot path)
    named = [  # 贵州省各级…, 广西各地… (a province by its name or short name)
        n
        for p in provinces()
        for n in (p.name, *p.aliases)
        if len(n) >= 2 and text.startswith(n, pos)
    ]
    place = max(named, key=len) if named else place_of(text[pos : pos + 9] + "。")
    if place is None or not text.startswith(_LEVELS, pos + len(place)):
        return None
    body = body_at(text, pos + len(place))
    if body is None or not body.generic:
        return None
    return Body(pos, body.end, place + body.text, True)


def _body_list(text: str, pos: int, persons: bool = False) -> tuple[list[tuple[Body, str]], int]:
    """Bodies joined by 、/和/会同 from `pos`: [(body, role within the list)], end offset.

    With `persons` (a group's posts: 副组长由省政府副秘书长、省药监局局长担任), a person's title
    may follow each body; the body then stands for its head (a government too: 省政府分管
    副省长 → 省政府, the reading of the held-out rule book).
    """
    rules = _rules()
    out: list[tuple[Body, str]] = []
    role = "responsible"
    if listed := sector_list(text, pos):  # 农业、卫生、工商等部门: one body per sector
        return [(b, role) for b in listed[0]], listed[1]
    if re.match(r"[该本我][省市县区州]", text[pos : pos + 2]):
        pos += 1  # 该市宣传部、监察局: the body of the place the text speaks of, its level
    if (levels := _place_levels(text, pos)) is not None:  # 某省各级…部门: one generic body
        return [(levels, role)], levels.end
    if places := places_before_body(text, pos):  # 虎林市、同江市市场监管局: one body each
        out += [(b, role) for b in places]
        pos = places[-1].end + 1
    prefix: str | None = None
    while (body := _list_item(text, pos, prefix, out[-1][0] if out else None)) is not None:
        prefix = shared_prefix(body.text) or prefix
        pos = body.end
        if alias := _ALIAS.match(text, pos):  # 省委宣传部（省政府新闻办）: another name of it
            pos = alias.end()
        person = _PERSON.match(text, pos) if persons else None
        if person:
            pos = person.end()
            if name := _NAME_AFTER_POST.match(text, pos):
                pos = name.end()
        out.append((body, role))
        if etc := _ETC.match(text, pos):  # A、B等 / A等部门 / A等12个部门
            if role == "support" and (group := _RELATED.fullmatch(etc.group(), 1)):
                # A联合B等有关部门: the related departments, unnamed, support with B
                out.append((Body(pos + 1, etc.end(), group.group(), True), role))
            pos = etc.end()
            break
        joiner = next((j for j in rules["joiners"] if text.startswith(j, pos)), None)
        if joiner is None:  # A将会同B: an adverb before 会同
            adverb = _adverbs(text, pos)
            lead = next(
                (j for j in rules["lead_joiners"] if text.startswith(j, pos + len(adverb))), None
            )
            if adverb and lead:
                pos, joiner = pos + len(adverb), lead
        nxt = pos + len(joiner) if joiner else pos
        if joiner in rules["lead_joiners"] and (listed := sector_list(text, nxt)):
            # A会同工信、科技、医保等部门: the sectors listed bare after 会同 support
            out = [(b, "lead") for b, _ in out] + [(b, "support") for b in listed[0]]
            pos = listed[1]
            break
        if joiner == "、" and (places := places_before_body(text, nxt)):
            out += [(b, role) for b in places]  # A、虎林市、同江市市场监管局: one body each
            pos = places[-1].end + 1  # the body they share opens the next turn
            continue
        if joiner is None or _list_item(text, nxt, prefix, body, joiner) is None:
            break
        if joiner in rules["lead_joiners"]:
            out = [(b, "lead") for b, _ in out]
            role = "support"
        pos += len(joiner)
    return out, pos


def _list_item(
    text: str, pos: int, prefix: str | None, before: Body | None, joiner: str = ""
) -> Body | None:
    """The body at `pos` in a list after `before` (None: the list's first), joined to it by
    `joiner` (by default the character before `pos`): a body, a name leaving out the prefix
    of the one before (市财政局、司法局), a name known by its suffix only, or a sibling
    division (省局注册处、综合处)."""
    if body := body_at(text, pos):
        return body
    if before is None:
        return None
    listed = (joiner or text[pos - 1 : pos]) == "、"
    return (
        _shared(text, pos, prefix, True)
        or (_listed_name(text, pos) if listed else None)
        or (sibling_division(text, pos, before) if listed else None)
        or _peer_place(text, pos, before)
    )


# The generic plural of a province's places (各设区市, 各地级市, 各州、市) and what may follow a
# place that stands for its government as a subject (…要, 请…于, …8月底前).
_PLACE_PLURAL = re.compile(r"各(?:设区的?|地级)?[市州盟县区地]")
_AFTER_SUBJECT = re.compile(r"(?:要|应|须|务必|于|将|在|按|分别|负责|\d|[一二三四五六七八九十]+月)")


def _peer_place(text: str, pos: int, before: Body) -> Body | None:
    """A place named beside the generic plural of its peers (各设区市和某示范区要…, 请各市、
    某新区于…报送): an addressee of the notice like them, the place's government or its
    zone's administration. A place alone as subject (某市将…) stays no body."""
    if not before.generic or not _PLACE_PLURAL.match(before.text):
        return None
    place = place_of(text[pos : pos + 12] + "。")
    if place is None or not _AFTER_SUBJECT.match(text, pos + len(place)):
        return None
    return Body(pos, pos + len(place), place, False)


def _listed_name(text: str, pos: int) -> Body | None:
    """A name listed among bodies, known by its suffix only (after 、 and before 、/为成员)."""
    m = _rules()["listed_name_rx"].match(text, pos)
    return Body(m.start(), m.end(), m.group(), False) if m else None


# "A（工作）职责" alone: the title of A's duty list, not a task (A职责： opens the list).
_DUTIES_TITLE = re.compile(r"(?:工作|主要)?职责(?:分工)?")


def _shared(text: str, pos: int, prefix: str | None, listed: bool) -> Body | None:
    """In a list, a name leaving out the level prefix of the one before (市财政局、司法局)."""
    return inherited_at(text, pos, prefix) if listed and prefix else None


# A prediction about a body (…必将发挥积极的作用, 将会起到…效果): what it will achieve, no task
_PREDICTS = re.compile(
    r"(?:必将|必然|势必|将会)(?:进一步)?(?:发挥|起到|产生)[^，。；]{0,12}(?:作用|效果|影响)"
)
# A body handing a task to another (由A委托B…): both carry it
_DELEGATES = re.compile(r"\s*(?:统一)?委托")
# A news report's day before the act it reports (A近日下发通知…: the act is still 下发)
_WHEN_NEWS = re.compile(r"^(?:已于近日|于近日|近日|日前|近期|昨日|昨天|今天|今日)[，,]?")


def _with_delegate(
    text: str, found: list[tuple[Body, str]], end: int
) -> tuple[list[tuple[Body, str]], int]:
    """由A委托B…: the bodies A hands the task to, after A's (unchanged without 委托 or B)."""
    if not found or not (delegated := _DELEGATES.match(text, end)):
        return found, end
    more, after = _body_list(text, delegated.end())
    return (found + more, after) if more else (found, end)


def _role_after(rest: str) -> str | None:
    """The role the words after a subject give it; None: not a subject (attribute, past act)."""
    rules = _rules()
    rest = rest.lstrip()
    rest = rest.removeprefix("相互之间").removeprefix("之间")  # 各成员单位之间要…: they, jointly
    if not rest or rest[0] in "，,。；;！!？?\n" or _DUTIES_TITLE.fullmatch(rest.rstrip()):
        return None
    if _HEADED_BY.match(rest):
        return None  # 镇食安委由镇长任主任: the group's make-up, the posts give the roles
    if people := _PEOPLE_LEAD.match(rest):
        rest = rest[people.end() :]  # 由A分管领导牵头: the body of the people leading
    if staff := _BY_STAFF.match(rest):
        rest = rest[staff.end() :]  # A由专人负责…: A's own staff, A's task
    if post := _post_after(rest):
        return post
    if _STAFF_FORM.match(rest):
        return "support"  # A、B等单位人员组成检查组: the bodies whose staff make up the teams
    if _TEAM_FORM.match(rest):
        return "members"  # support, but a body 会同/联合 made lead keeps leading (_mentions)
    if _COMPOSES.match(rest):
        return None  # …，C、D组成。: the rest of a member list, no task (组成督查组 is one)
    if rules["staffs_rx"].match(rest):
        return None  # 由各成员单位有关负责同志担任: a person for a post, no task of the body
    dated = _WHEN_NEWS.sub("", rest)  # (A、B近日联合印发…: acting jointly, as without a day)
    issued = dated != rest and dated.startswith(rules["not_after"]) and not _JOINTLY.match(dated)
    if _PREDICTS.search(rest):
        return None  # A对…必将发挥积极的作用: a prediction about A, no task
    if (
        issued
        or rest.startswith(rules["not_after"])
        or re.match(r"[\d〇○零一二]{4}\s*年\s*[\d〇○零一二十]", rest)
    ):
        return None  # an attribute, a past act, or a signature's date
    return _explicit_role(rest) or "responsible"


def _post_after(rest: str) -> str | None:
    """The role of a post or duty written after the subject (A任组长, A的主要职责为…)."""
    return next((role for rx, role in _rules()["post_after_rx"] if rx.match(rest)), None)


# Bodies named by their role (牵头部门要…, 配合单位要…): the role they are named by
_ROLE_NAMED = re.compile(r"各?(?:(?P<lead>牵头|主责)|(?P<support>配合|协办|参与))(?:部门|单位)")


def _mentions(found: list[tuple[Body, str]], role: str, offset: int) -> list[Mention]:
    out = []
    for body, list_role in found:
        if role == "members":  # A会同B、C等部门组成检查组: A leads, B and C are members
            r = "lead" if list_role == "lead" else "support"
        else:
            r = list_role if list_role != "responsible" else role
        if role == "support" and list_role == "lead":
            r = "support"
        if named := _ROLE_NAMED.fullmatch(body.text):
            r = "lead" if named["lead"] else "support"
        out.append(Mention(body.text, r, offset + body.start, offset + body.end))
    return out


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


def addressees_end(text: str) -> int:
    """Where the addressee list that opens `text` ends (0: none)."""
    m = _ADDRESSEES.match(text)
    if m is None or _rules()["duty_rx"].match(text, m.end()):
        return 0  # A：负责…: a duty list's entry, not an addressee
    return m.end()


# The bodies' people attending an event (A、B有关负责同志参加会议; A纪检监察组组长出席): no task.
# Bodies issuing a text together (A、B联合印发…; A等26个部门联合制定…)
_JOINT_ISSUE = re.compile(
    r"\s*(?:近日|日前|于?(?:\d{1,2}月)?\d{1,2}日)?联合(?:研究)?(?:印发|制定|出台|发布|下发|发文)"
)


# A body's meeting as the subject (联席会议第一次会议在…召开; 领导小组全体会议召开): an event held,
# no task of the body's (what the meeting 要求 is read as its own clause)
_ITS_MEETING = re.compile(
    r"\s*(?:第[一二三四五六七八九十\d]+次|全体|成员|年度|工作)?(?:全体)?(?:成员)?(?:会议|例会)"
)
_ATTENDS = re.compile(
    r"[^，,。；;]{0,16}?(?:负责同志|负责人|领导同志|领导|同志|代表|人员|组长|局长|主任|书记)?(?:等)?"
    r"(?:应邀)?(?:参加|出席|列席)(?:了)?(?:会议|活动|座谈会?|仪式|启动仪式)?(?:[，,。；;]|$)"
)
# A body convening a meeting (召开…会议), and a later clause of its sentence saying what it
# will do (将…, 今年还要…; not 将于…施行, a rule's entry into force, nor 要求, an instruction).
_CONVENES = re.compile(r"\s*(?:近日|日前|昨日|今天|今日)?(?:组织)?召开")
# The text's own body named by itself (我局, 本厅, 该局) as a subject.
SELF = re.compile(r"(?:我|本|该)(?:局|厅|委|办|院|中心|所|部)")
_WILL = re.compile(r"(?:今年|明年|下一步|下步)?(?:还|也|并)?(?:将|要)(?!于|求|点|闻)")
# A clause opening with a generic subject told to act (各地要…, 各级…部门应…) before a group's posts
_INSTRUCTED_SUBJECT = re.compile(r"\s*各(?:地|级|有关)?[^，,。；;要应须]{0,10}(?:要|应当|应|须)")
# Bodies counted back to (四部门联合开展…, 两部门将…): several bodies, as a list is
_COUNTED_BODIES = re.compile(r"[两二三四五六七八九十]{1,2}个?(?:部门|单位)$")
# Bodies acting jointly (A、B近日联合印发…): 联合 after a list of subjects.
_JOINTLY = re.compile(
    r"\s*(?:近日|日前|近期|已|将)?(?:共同)?联合(?!国)"
    # (A、B决定于2031年6月至12月联合开展…: the decision and its window before 联合)
    r"|\s*(?:决定|拟|计划|商定)(?:于|在|从|自)?[^，。；、]{0,20}?联合(?=开展|组织|实施|印发|发布|部署|启动|举办|进行)"
)
# A campaign run jointly, named later in the subjects' sentence (A、B…决定，…开展联合整治…).
_JOINT_CAMPAIGN = re.compile(
    r"(?:开展|组织|实施|部署|启动)(?:了|一次|为期[^，。；]{1,6}的)?联合(?:整治|执法|检查|行动|专项|督查|打击)"
)


def _joint_campaign(text: str, end: int, role: str) -> bool:
    """The bodies of a subject list decide a joint campaign (A、B…决定，从…起，在全国开展联合整治
    …): each leads, as the eleventh set reads it; only without a role word of their own."""
    stop = text.find("。", end)
    return role == "responsible" and bool(
        _JOINT_CAMPAIGN.search(text, end, stop if stop >= 0 else len(text))
    )


def _drafts_or_issues(rest: str) -> bool:
    """The words after a subject are an issuing or drafting act (印发…, 制定了…)."""
    rules = _rules()
    return rest.lstrip().startswith(rules["issued_acts"]) or bool(rules["drafted_rx"].match(rest))


# A regulation's article number opening its sentence (第十二条, 第 3 条).
ARTICLE = re.compile(r"第\s*[一二三四五六七八九十百零〇\d]+\s*条\s*")


def _adverbs(text: str, pos: int) -> str:
    """The adverbs standing at `pos` before a joining verb, one or a few in a row (A将会同B,
    A将进一步会同B)."""
    words = _rules()["joiner_adverbs"]
    at = pos
    for _ in range(3):
        word = next((w for w in words if text.startswith(w, at)), "")
        if not word:
            break
        at += len(word)
    return text[pos:at]


@memoized_at_zero()  # pure, offsets only added: asked again by measures, splits, preamble
def find_assignments(text: str, offset: int = 0) -> list[Mention]:
    """Mentions of bodies given a task by the running text of a passage, with roles."""
    rules = _rules()
    out: list[Mention] = []
    subject: list[Mention] = []  # the last subject of the sentence, for a clause without one
    # a slogan in quotes (落实“地方政府负总责，监管部门各负其责”的责任体系) names a principle,
    # not a task of this text; a quoted speech (“…。”某某说) is read
    slogans = [(m.start(), m.end()) for m in _SLOGAN.finditer(text)]
    pending: list[tuple[Body, str]] = []  # a clause of bodies alone, the subject going on
    filled: set[int] = set()  # where a post's list names its bodies (成员：A、B… past a colon)
    convener: list[tuple[Body, str]] = []  # A召开会议，…，将…: the body that met, for 将/要
    addressed = addressees_end(text)
    duties = _duties(text, offset)  # a duty list's bodies (A：负责…), the subject of its lines
    for c in _CLAUSE.finditer(text):
        a, b = c.start(), c.end()
        if a < addressed:
            continue  # 各区人民政府，市政府各委、办、局：…: the notice's addressees take no task
        carried, pending = pending, []
        if any(s < a < e for s, e in slogans):
            continue
        clause = text[a:b]
        if a and text[a - 1] in "。！？!?\n":
            subject, convener = [], []
        if offset + a + len(clause) - len(clause.lstrip()) in filled:
            continue  # the list a post opened goes on in this clause: no subject of a task
        posted = _posts(text, a, b, offset)
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
        if joined := _joined_clause(text, pos, b, offset):
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
        if body_at(text, pos) is None and (person := _PERSON.match(text, pos)):
            # 分管副市长某某、市政府秘书长某某为副组长: a person of no body named first
            after = _NAME_AFTER_POST.match(text, person.end())
            nxt = after.end() if after else person.end()
            if text.startswith("、", nxt) and body_at(text, nxt + 1) is not None:
                pos = nxt + 1
        if body_at(text, pos) is None and (lead := rules["title_lead_rx"].match(text, pos)):
            pos = lead.end() if body_at(text, lead.end()) else pos
        if body_at(text, pos) is None and (due := rules["deadline_lead_rx"].match(text, pos)):
            pos = due.end() if body_at(text, due.end()) else pos  # 6月底前各区报送…
        if body_at(text, pos) is None and (day := rules["news_day_rx"].match(text, pos)):
            pos = day.end() if body_at(text, day.end()) else pos  # 1月28日区发改局联合…
        opener = (  # one startswith(tuple) first: most clauses open with no opener
            next((w for w in rules["openers"] if text.startswith(w, pos)), None)
            if text.startswith(rules["openers"], pos)
            else None
        )
        if opener is None and (cited := rules["cited_instructs_rx"].match(text, pos)):
            pos, opener = cited.end(), "要求"  # 《通知》要求各地…: the policy instructs
        elif opener and body_at(text, pos) is None:
            pos += len(opener)
        found, end = _body_list(text, pos)
        bare = rules["bare_unit_rx"].match(text, pos) if not found else None
        if bare and not opens_with_verb(text, pos):  # (督促…办牵头: no unit of that name)
            found, end = [(Body(pos, bare.end(), bare.group(), False), "responsible")], bare.end()
        if not found and carried and rules["aside_rx"].match(clause):
            pending = carried  # A，加挂B牌子，主要职责是…: the subject goes on past the aside
            continue
        sibling = _sibling_unit(text, pos, subject) if not found else None
        if sibling:
            # 市局甲处负责…，乙处负责…，丙支队负责…: the body's other units, each its duty
            out.append(
                Mention(sibling.group(), "responsible", offset + pos, offset + sibling.end())
            )
            subject = [out[-1]]
            continue
        if not found and carried and len(carried) > 1 and _JOINTLY.match(text, pos):
            out += _mentions(carried, "lead", offset)  # A、B等多部门，联合开展…: each leads
            continue
        if not found and carried and (role := _explicit_role(text[pos:b])):
            out += _mentions(carried, role, offset)  # A，…，主要职责是承担…
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
            out += _mentions(convener, "responsible", offset)
            convener = []
            continue
        if not found and (own := SELF.match(text, pos)) and _WILL.match(text, own.end()):
            # 我局将…: the text's own body (or the one whose statement it reports) commits
            out.append(Mention(own.group(), "responsible", offset + pos, offset + own.end()))
            continue
        if not found:
            continue
        if composed and _MEMBERS_END.match(text, end):
            continue  # 成立由A、B等部门组成的检查组: members (read by _by_agent), no task
        if opener == "由" and _TEAM_OF.match(text, end):
            continue  # 由A、B等部门相关领导组成的考核组听取汇报: a team's make-up, no task
        if (held := _held_posts(text, pos, end, b)) is not None:
            found, end = held  # A副秘书长某某、B局长某某担任副主任: each person's body
        if cited := rules["cited_instructs_rx"].match(text, end):  # A《…》要求B: B instructed
            found, end = _body_list(text, cited.end())
            opener = "要求"
            if not found:
                continue
        if opener == "由":  # 由A委托B组织实施: A keeps the task it hands B, both take it
            found, end = _with_delegate(text, found, end)
        if ins := rules["instructs_rx"].match(text, end):  # the instructor takes no task
            found, end = _body_list(text, ins.end())
            opener = "要求"
            if not found:
                continue
        rest = text[end:b]
        if rest.strip() in ("，", ",") and all(r != "lead" for _, r in found):
            pending = carried + found  # A、B，C等单位承担…: a subject list over a comma
            continue
        if rest.strip() in ("，", ",") and any(r == "lead" for _, r in found):
            rest = "…"  # A将会同B，加强…: the task is in the clauses that follow
        if rest.startswith(("：", ":")) and len(rest) == 1:
            # A：负责… (a duty list): the duty follows the colon; an addressee line
            # (各区人民政府，有关单位：) is followed by the notice's text, not a duty
            duty = _rules()["duty_rx"].match(text, b)
            role = "responsible" if duty else None
        elif rules["launches_rx"].match(text, end):
            role = "responsible"  # A印发《…方案》，从即日起开展…: the issuer runs the campaign
        else:
            role = _role_after(rest)
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
            role = None  # A成立B: a structure stated; B's duty is read by _set_up
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
            if _CONVENES.match(text, end):
                convener = carried + found
            continue
        listed = all(r == "responsible" for _, r in carried + found)  # no 会同/联合 inside
        # (A会同B、C联合开展…: 会同 gave the roles; 联合 after it adds none)
        jointly = _JOINTLY.match(rest) or _JOINT_ISSUE.match(rest)
        if several and listed and (jointly or _joint_campaign(text, end, role)):
            # A、B、C联合开展…: every body before the role word leads, as before 会同 (the rule
            # book's 「A、B会C」); 联合 with an object body (A联合B…) is read by _body_list
            found = [(b, "lead") for b, _ in carried + found]
            carried = []
        subject = _mentions(carried + found, role, offset)
        out += subject + _supporters_after_lead(text, end, b, role, offset)
        if role == "responsible":
            out += _duty_chain(text, end, b, offset)
    overall = _overall(text, offset, slogans)
    assigned = _assigned_to(text, offset)
    return _dedupe(
        out + _set_up(text, offset) + _by_agent(text, offset) + duties + overall + assigned
    )


def _assigned_to(text: str, offset: int) -> list[Mention]:
    """A body given a responsibility (对各村明确了…责任, 向各乡镇下达了…任务) or ordered to act
    (责成某局查明…): responsible."""
    out = []
    for m in _rules()["assigned_to_rx"].finditer(text):
        group = "body" if m["body"] else "ordered"
        a, b = m.span(group)
        body = body_at(text, a)
        if (body is not None and body.end == b) or is_generic(m[group]):
            out.append(Mention(m[group], "responsible", offset + a, offset + b))
    return out


def _overall(text: str, offset: int, slogans: list[tuple[int, int]]) -> list[Mention]:
    """A government bearing overall responsibility (地方政府负总责; 确保政府对…负总责), outside
    a quoted slogan and not a cited principle (…负总责的要求): responsible."""
    out = []
    for m in _rules()["overall_rx"].finditer(text):
        a = m.start("body")
        if any(s <= a < e for s, e in slogans) or (a and text[a - 1] in "市县区省镇乡州旗"):
            continue  # a quoted principle; 县政府 is read as a named body elsewhere
        out.append(Mention(m["body"], "responsible", offset + a, offset + m.end("body")))
    return out


def _explicit_role(rest: str) -> str | None:
    """The role an explicit role word or duty gives (牵头…, 配合…, 主要职责是…), else None."""
    rules = _rules()
    rest = rest.lstrip()
    if post := _post_after(rest):
        return post
    if any(rx.match(rest) for rx in rules["lead_rx"]):
        return "lead"
    if any(rx.match(rest) for rx in rules["support_rx"]):
        return "support"
    return None


def _held_posts(
    text: str, pos: int, end: int, stop: int
) -> tuple[list[tuple[Body, str]], int] | None:
    """A list of officers named by their bodies and posts before the post they fill
    (A副秘书长某某、B局长某某和C局长某某担任副主任): the bodies and the list's end, when
    reading the officers goes further than the bodies alone and a post follows."""
    if not _rules()["post_words_rx"].search(text, end, stop):
        return None  # no post in the clause: reading the officers could find none (hot path)
    held, at = _body_list(text, pos, persons=True)
    if at <= end or at > stop or _post_after(text[at:stop]) is None:
        return None
    return held, at


def _duties(text: str, offset: int) -> list[Mention]:
    """A group whose duties the text states (领导小组主要职责为…): responsible."""
    out = []
    for m in _rules()["group_duties_rx"].finditer(text):
        if body_at(text, m.start("body")) is None and len(m["body"]) < 4:
            continue  # 委员会 alone after a word that ended the name: no group named
        out.append(Mention(m["body"], "responsible", offset + m.start("body"),
                           offset + m.end("body")))  # fmt: skip
    return out


def heading_duty(text: str, heading: str | None) -> tuple[str, int, str] | None:
    """A body's duty in a division of work by bodies: (name, where in `text` or -1 for the
    heading, role). The name and the duty on one line (法规司 负责…), or a heading that is
    a body's name alone over an item opening with a duty (一、注册司 / 1.负责…)."""
    rules = _rules()
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
    return _rules()["heading_duty_rx"].match(text) is not None


def _duty_role(duty: re.Match[str] | None) -> str:
    if duty and duty["lead"]:
        return "lead"
    return "support" if duty and duty["support"] else "responsible"


def _supporters_after_lead(text: str, end: int, stop: int, role: str, offset: int) -> list[Mention]:
    """A牵头、B、C配合 in one clause: the bodies after the lead's 牵头 that 配合 support."""
    lead = re.match(r"\s*(?:负责)?牵头[、，,]\s*", text[end:stop]) if role == "lead" else None
    if lead is None:
        return []
    found, after = _body_list(text, end + lead.end())
    if not found or not any(rx.match(text[after:stop]) for rx in _rules()["support_rx"]):
        return []
    return _mentions([(body, "responsible") for body, _ in found], "support", offset)


def _joined_clause(text: str, pos: int, end: int, offset: int) -> list[Mention]:
    """A clause opening with 会同/联合 and the bodies joined (…，会同有关部门建立…):
    those bodies, supporting; [] when the clause opens otherwise."""
    rules = _rules()
    lead: list[Mention] = []
    if own := rules["own_body_rx"].match(text, pos):
        # 我局联合B…: the text's own body leads (departments.self_referents names it: the
        # issuer, or the body whose statement is reported)
        self_ref = SELF.match(text, pos)
        if self_ref:
            lead = [Mention(self_ref.group(), "lead", offset + pos, offset + self_ref.end())]
        pos = own.end()
    adverb = _adverbs(text, pos)
    at = pos + len(adverb)
    joiner = next((j for j in rules["lead_joiners"] if text.startswith(j, at)), None)
    if joiner is None:
        return []
    found, stop = _body_list(text, at + len(joiner))
    if not found or stop >= end:
        return []  # …，会同有关部门。: no task of their own in the clause
    return lead + _mentions([(body, "responsible") for body, _ in found], "support", offset)


def _by_agent(text: str, offset: int) -> list[Mention]:
    """由A + a standing duty inside a clause (此类申请可由省人民政府审批; 日常工作由A负责):
    A takes the duty's role; 由A组成 / 由A提出 (no duty) give none."""
    out: list[Mention] = []
    rules = _rules()
    for m in rules["agent_rx"].finditer(text):
        found, end = _body_list(text, m.end(), persons=True)
        if not found and (units := rules["unit_agent_rx"].match(text, m.end())):
            found = [
                (Body(u.start(), u.end(), u.group(), False), "responsible")
                for u in rules["unit_rx"].finditer(text, units.start(), units.end())
            ]
            end = units.end()
        found, end = _with_delegate(text, found, end)  # 由A委托B组织实施
        if found and rules["members_rx"].match(text, end):
            out += _mentions(found, "support", offset)  # X由A、B等部门组成: A and B are members
            continue
        if found and (post := _post_after(text[end:])):
            out += _mentions(found, post, offset)  # 由A主要负责同志担任召集人: A's post
            continue
        if found and rules["agent_duty_rx"].match(text, end):
            role = _role_after(text[end:]) or "responsible"
            out += _mentions(found, role, offset)
            if role == "lead":  # 由A牵头，会同B、C负责落实: B and C support
                out += _joined_after_lead(text, end, offset)
    return out


def _duty_chain(text: str, end: int, stop: int, offset: int) -> list[Mention]:
    """A division of work run on with 、 (A负责甲、B负责乙、C负责丙): each body after a 、 that
    opens its own duty is responsible for it, as after a comma."""
    out = []
    for pos in (i + 1 for i in range(end, stop) if text[i] == "、"):
        body = body_at(text, pos)
        bare = _rules()["bare_unit_rx"].match(text, pos) if body is None else None
        bare = None if bare and opens_with_verb(text, pos) else bare
        last = body.end if body else bare.end() if bare else None
        if last is not None and _rules()["unit_duty_rx"].match(text, last):
            out.append(Mention(text[pos:last], "responsible", offset + pos, offset + last))
    return out


def _sibling_unit(text: str, pos: int, subject: list[Mention]) -> re.Match[str] | None:
    """A unit named bare before its duty (乙处负责…), after a unit of a body given its own duty
    in the same sentence (市局甲处负责…，): a sibling unit of that body."""
    if not subject or not subject[-1].text.endswith(("处", "科", "室", "队")):
        return None
    return _rules()["sibling_unit_rx"].match(text, pos)


def launches_campaign(text: str) -> bool:
    """A body issues a plan and starts its campaign in one breath (A印发《…方案》，从即日起开展…):
    the issuer runs it (the `launches` rule of data/patterns/departments.yaml)."""
    return _rules()["launches_rx"].search(text) is not None


def _joined_after_lead(text: str, end: int, offset: int) -> list[Mention]:
    m = re.compile(r"\s*(?:负责)?牵头[，,]\s*").match(text, end)
    if m is None:
        return []
    stop = next((i for i, ch in enumerate(text[m.end() :], m.end()) if ch in "。；;"), len(text))
    return _joined_clause(text, m.end(), stop, offset)


def _set_up(text: str, offset: int) -> list[Mention]:
    """A body the text sets up and gives a duty (成立…领导小组，负责…): responsible."""
    out = []
    for m in _rules()["set_up_rx"].finditer(text):
        name = m["body"]
        if name.count("“") != name.count("”") or name.count('"') % 2:
            name = name.strip('“”"')  # a quote the name does not close or open is no part of it
        if len(name) < 4:
            continue  # 成立办公室: a bare kind names no body
        start = m.start("body") + m["body"].index(name)
        out.append(Mention(name, "responsible", offset + start, offset + start + len(name)))
    return out


def _posts(text: str, a: int, b: int, offset: int) -> list[Mention]:
    """组长由A担任 / 成员单位包括A、B / 办公室设在A: the bodies filling a group's posts."""
    out: list[Mention] = []
    for rx, role in _rules()["posts_rx"]:
        for m in rx.finditer(text, a, b):
            found, end = _body_list(text, m.end(), persons=True)
            if role == "support":  # 成员由A、B，C、D组成: a member list runs on over a comma
                found += _members_after_comma(text, end)
            out += _mentions(found, role, offset)
            a = max(a, m.end())
    return out


def _members_after_comma(text: str, end: int) -> list[tuple[Body, str]]:
    """The rest of a member list that a comma broke (成员由A、B，C、D组成): the bodies up to
    组成 / 为成员, when the list reaches one; else none (the clause after is another)."""
    more: list[tuple[Body, str]] = []
    while text[end : end + 1] in ("，", ","):
        found, end = _body_list(text, end + 1, persons=True)
        if not found:
            return []
        more += found
    return more if _MEMBERS_END.match(text, end) else []


# what closes a list: its kind, with the count of its members (等12个部门, 等五家单位,
# 等10个部门和单位)
# (the count may be vague: A、B等多部门, 等多个部门)
_KIND = r"(?:\d+|[一二两三四五六七八九十]+|多)?(?:个|家)?(?:有关|相关|成员)?(?:部门|单位)?(?:[和及、](?:部门|单位))?"
_ETC = re.compile(rf"等{_KIND}")
_RELATED = re.compile(r"(?:有关|相关)(?:部门|单位)(?:[和及、](?:部门|单位))?")
_MEMBERS_END = re.compile(rf"(?:等)?{_KIND}(?:组成|为成员)")
_COMPOSES = re.compile(rf"(?:等)?{_KIND}组成\s*(?:[，,。；;]|$)")
# A group described by who heads it (X由A任主任…): no task of X's.
_HEADED_BY = re.compile(
    r"由[^，,。；;]{0,20}?(?:任|担任|兼任)(?:常务)?副?(?:组长|主任|召集人|指挥长|总指挥)"
)
# A body's own staff named for a task (A由专人负责…, A要安排专人跟踪…): the body's task.
_BY_STAFF = re.compile(
    r"(?:要|应|须|将)?(?:由|安排|指定|明确)专(?:人|班|岗)(?=负责|承担|跟踪|对接)"
)
# The people of a body who lead a task (由A、B分管领导牵头): the body's role.
_PEOPLE_LEAD = re.compile(
    r"(?:的)?(?:主要|分管|有关|相关)(?:领导同志|领导|负责同志|负责人)"
    r"(?=牵头|负责(?!人|同志)|组织|(?:要|必须|须|应)(?!求)(?:亲自|带头|切实|靠前))"
)
# The bodies whose staff make up teams, as the sentence's main verb (A、B等单位人员组成4个检查组，
# 分赴各地…): members, as 成员单位 are; a team named by its make-up (…组成的检查组) is not this.
# A team the bodies of a list make up (A、B等部门组成联合检查组，…): they are its members,
# support (A与B组成…专班 without 等 tells how two bodies work: the rule book's "no role word")
_TEAM_FORM = re.compile(
    rf"(?:等)?{_KIND}(?:共同|联合)?组成了?[^，,。；;]{{0,24}}?"
    r"(?:小组|工作组|检查组|执法组|督查组|督导组|调查组|专班|工作队|执法队|指挥部)"
)
_STAFF_FORM = re.compile(
    rf"(?:等)?{_KIND}(?:的)?(?:有关|相关)?"
    r"(?:人员|工作人员|执法人员|业务骨干|骨干|同志)(?:共同)?组成(?!的)"
)
# A team described by its make-up, the bodies' people in it (由A、B等部门相关领导组成的…组)
# (the list may run on past what reads as a body, and the people be several: 由A、B、质监、
# 工商等部门分管领导和执法人员组成的检查组 — the clause's 组成的 tells)
_TEAM_OF = re.compile(r"(?:(?!负责(?!同志|人)|牵头|担任|由)[^，,。；;：:]){0,40}?组成的")


def narrated_roles(text: str) -> bool:
    """The text holds a role word that gives a body a role even in past narrative or an
    outlook (承担…职能, 牵头, 会同, 负责, 配合, 成员涉及…): the rule book's reading."""
    return _rules()["narrated_rx"].search(text) is not None


def fills_posts(text: str) -> bool:
    """The text fills a group's posts (组长由A担任, 成员包括A, 办公室设在A): a structure
    stated, which gives its bodies their roles without a modal word."""
    return bool(_posts(text, 0, len(text), 0))


def roster_post(line: str) -> re.Match[str] | None:
    """The post label opening a roster line (组  长：, 副组长：, 成  员：), if any."""
    return next((m for rx, _ in _rules()["roster_rx"] if (m := rx.match(line))), None)


def bare_post(cell: str) -> str | None:
    """A roster table's post cell (组长 | 某某 | 市政府副市长): the label alone, no colon."""
    word = cell.strip()
    if not word or len(word) > 6 or re.search(r"[:：]", word):
        return None
    return next((role for rx, role in _rules()["roster_rx"] if rx.fullmatch(word + "：")), None)


def roster_mentions(text: str, offset: int = 0) -> list[Mention]:
    """A roster on short lines: each line's bodies take the role of the post label on it or
    above it (组长/主任/召集人 and deputies → lead; 成员 → support). A person's post names
    the body (张某某  省政府副省长 → 省政府)."""
    out: list[Mention] = []
    role: str | None = None
    pos = 0
    for line in text.split("\n"):
        for rx, post_role in _rules()["roster_rx"]:
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
    return _dedupe(out)


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    rank = {"lead": 0, "responsible": 1, "support": 2}
    seen: dict[str, Mention] = {}
    for m in mentions:
        if m.text not in seen or rank[m.role] < rank[seen[m.text].role]:
            seen[m.text] = m
    # a name read inside a longer one (卫生行政部门 in 区县（自治县）卫生行政部门) is no body of its own
    kept = [m for m in seen.values() if not any(
        n.start <= m.start and m.end <= n.end and n.end - n.start > m.end - m.start
        for n in seen.values()
    )]  # fmt: skip
    return sorted(kept, key=lambda m: m.start)


def first_leads(text: str) -> str | None:
    """The document says that the body listed first in a list leads (列第一位者为牵头单位):
    the role it gives the others — `support` when it says so (其他为配合单位), else they keep
    the list's `responsible` (排在第一位的为牵头单位 says nothing of them); None: no such rule."""
    m = _rules()["first_leads_rx"].search(text)
    if m is None:
        return None
    rest = _rules()["first_leads_rest_rx"].search(text, m.end(), m.end() + 20)
    return "support" if rest else "responsible"


def apply_first_leads(mentions: list[Mention], rest: str = "support") -> list[Mention]:
    """A list of responsible bodies under the first-leads rule: the first leads, the rest
    take `rest`. Lists that already say who leads are left as they are."""
    if not mentions or any(m.role != "responsible" for m in mentions):
        return mentions
    first = min(mentions, key=lambda m: m.start)
    return [Mention(m.text, "lead" if m is first else rest, m.start, m.end) for m in mentions]
