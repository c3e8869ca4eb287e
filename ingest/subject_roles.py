"""The role the words after a clause's subject give its bodies (A牵头… → lead, A配合… →
support, A负责… / A要… → responsible), or none: an attribute, a past act, a prediction, a
group's make-up (X由A任主任), a signature's date.

Read apart from the clause loop (ingest/assignments.py `find_assignments`) because a
由A + duty inside a clause (ingest/group_posts.py `by_agent`) asks the same question of the
words after its bodies; the role words are data (data/patterns/departments.yaml
`assignments`: lead, support, post_after, not_after, staffs).
"""

from __future__ import annotations

import re

from policykg.ingest.assignment_rules import assignment_rules
from policykg.ingest.body_lists import BODY_KINDS, KIND

# "A（工作）职责" alone: the title of A's duty list, not a task (A职责： opens the list).
_DUTIES_TITLE = re.compile(r"(?:工作|主要)?职责(?:分工)?")
# A prediction about a body (…必将发挥积极的作用, 将会起到…效果): what it will achieve, no task
_PREDICTS = re.compile(
    r"(?:必将|必然|势必|将会)(?:进一步)?(?:发挥|起到|产生)[^，。；]{0,12}(?:作用|效果|影响)"
)
# A news report's day before the act it reports (A近日下发通知…: the act is still 下发)
# (the day in brackets after it: 今天（21日）)
_WHEN_NEWS = re.compile(
    r"^(?:已于近日|于近日|近日|日前|近期|昨日|昨天|今天|今日)(?:[（(]\d{1,2}日[）)])?[，,]?"
)
# How bodies share the work before acting jointly (A与B各司其职，联合开展了…)
# (or how they agreed on it first: A与B沟通协商，联合组织开展了…)
_SHARED_WORK = r"(?:各司其职|各负其责|分工协作|通力合作|密切协作|沟通协商|经协商|协商一致)"
# Bodies acting jointly (A、B近日联合印发…): 联合 after a list of subjects.
JOINTLY = re.compile(
    # (where they will act may come first: A、B等7部门将在全市联合实施…; for the first time:
    # A、B等五部门首次联合印发…)
    # (and the list's count after it, no 等: A、B、C 3部门将…联合)
    # (the count in the kind of the bodies listed: A、B等9个厅局联合印发…)
    rf"\s*(?:[\d两二三四五六七八九十]{{1,2}}个?(?:{BODY_KINDS}))?(?:近日|日前|近期|已|将)?(?:首次|再次)?(?:在[^，。；、]{{1,10}}?)?"
    r"(?:共同)?联合(?!国)"
    # (A、B决定于2031年6月至12月联合开展…: the decision and its window before 联合)
    r"|\s*(?:决定|拟|计划|商定)(?:于|在|从|自)?[^，。；、]{0,20}?联合(?=开展|组织|实施|印发|发布|部署|启动|举办|进行)"
    # (the act named joint: A、B等部门开展联合专项检查…, 开展了一次联合执法行动)
    rf"|\s*(?:[\d两二三四五六七八九十]{{1,2}}个?(?:{BODY_KINDS}))?(?:近日|日前|近期|已|将)?(?:首次|再次)?开展了?(?:一次|一场|多次)?(?:专项)?联合"
    r"(?=[\u4e00-\u9fff]{0,6}?(?:检查|执法|行动|整治|督查|巡查|抽查|督导))"
    # (the manner before it: A、B以“双随机”的方式，联合开展…; A、B采取…方式联合…)
    r"|\s*(?:以|采取|采用|通过)[^，。；、]{1,20}?(?:方式|形式|办法)[，,]?\s*(?:共同)?联合(?=开展|组织|实施|进行|检查|执法|行动)"
    # (how they share the work first: A与B各司其职，联合开展了…)
    rf"|\s*{_SHARED_WORK}[，,]?\s*(?:共同)?联合(?=开展|组织|实施|进行|检查|执法|行动)"
)
# A clause holding only the manner of what follows (以…的方式, 采取…形式)
# (or how the work is shared: 各司其职，)
MANNER_ONLY = re.compile(
    r"(?:以|采取|采用|通过)[^，。；、]{1,20}?(?:方式|形式|办法)[，,]?"
    rf"|{_SHARED_WORK}[，,]?"
)
# A member list's close (…，C、D等部门组成。): the rest of the list, no task
_COMPOSES = re.compile(rf"(?:等)?{KIND}组成\s*(?:[，,。；;]|$)")
# A group described by who heads it (X由A任主任…): no task of X's.
_HEADED_BY = re.compile(
    r"由[^，,。；;]{0,20}?(?:任|担任|兼任)(?:常务)?副?(?:组长|主任|召集人|指挥长|总指挥)"
)
# An official of the body by name and post, acting or speaking (A王某处长在…上对…提出要求; A李某局长
# 指出，…; A李某局长结合…，要求B…): no task of the body's (what the official says it will do is
# read by `speaks`; what it asks of B is B's)
_NAMED_OFFICIAL = re.compile(
    r"[\u4e00-\u9fff]{2,3}(?:常务)?副?(?:局长|处长|科长|主任|所长|厅长|部长|书记|县长|市长|区长|站长|队长|院长)"
    r"(?=在|表示|介绍|指出|强调|说|称|对|就|带队|率队|一行|结合|根据|针对|围绕|要求|[，,：:])"
)
# A body's own staff named for a task (A由专人负责…, A要安排专人跟踪…): the body's task.
_BY_STAFF = re.compile(
    r"(?:要|应|须|将)?(?:由|安排|指定|明确)专(?:人|班|岗)(?=负责|承担|跟踪|对接)"
)
# The people of a body who lead a task (由A、B分管领导牵头): the body's role.
# (or one of them by name and post: 由A某某副局长牵头)
_PEOPLE_LEAD = re.compile(
    r"(?:(?:的)?(?:主要|分管|有关|相关)(?:领导同志|领导|负责同志|负责人)"
    r"|[\u4e00-\u9fff]{2,3}(?:常务)?副?(?:局长|主任|书记|县长|市长|区长|所长|处长|科长|厅长|部长))"
    r"(?=牵头|负责(?!人|同志)|组织|(?:要|必须|须|应)(?!求)(?:亲自|带头|切实|靠前))"
)
# The bodies whose staff make up teams, as the sentence's main verb (A、B等单位人员组成4个检查组，
# 分赴各地…): members, as 成员单位 are; a team named by its make-up (…组成的检查组) is not this.
# A team the bodies of a list make up (A、B等部门组成联合检查组，…): they are its members,
# support (A与B组成…专班 without 等 tells how two bodies work: the rule book's "no role word")
_TEAM_FORM = re.compile(
    rf"(?:等)?{KIND}(?:共同|联合)?组成了?[^，,。；;]{{0,24}}?"
    r"(?:小组|工作组|检查组|执法组|督查组|督导组|调查组|专班|工作队|执法队|指挥部)"
)
_STAFF_FORM = re.compile(
    rf"(?:等)?{KIND}(?:的)?(?:有关|相关)?"
    r"(?:人员|工作人员|执法人员|业务骨干|骨干|同志)(?:共同)?组成(?!的)"
)


def role_after(rest: str) -> str | None:
    """The role the words after a subject give it; None: not a subject (attribute, past act)."""
    rules = assignment_rules()
    rest = rest.lstrip()
    rest = rest.removeprefix("相互之间").removeprefix("之间")  # 各成员单位之间要…: they, jointly
    if not rest or rest[0] in "，,。；;！!？?\n" or _DUTIES_TITLE.fullmatch(rest.rstrip()):
        return None
    if _OWN_PRODUCT.match(rest):
        return None  # A“某某”APP已上线: the body's app or platform is the subject, not A
    if re.fullmatch(r"、[\u4e00-\u9fff]{1,5}", rest.rstrip()):
        return None  # A、B、市商 (a list a page cut off): no verb, no role
    if _HEADED_BY.match(rest):
        return None  # 镇食安委由镇长任主任: the group's make-up, the posts give the roles
    if people := _PEOPLE_LEAD.match(rest):
        rest = rest[people.end() :]  # 由A分管领导牵头: the body of the people leading
    if staff := _BY_STAFF.match(rest):
        rest = rest[staff.end() :]  # A由专人负责…: A's own staff, A's task
    if post := post_after(rest):
        return post
    if _NAMED_OFFICIAL.match(rest):
        return None  # A某某处长在培训班上对…提出要求: the official's words, no task of A's
    if _STAFF_FORM.match(rest):
        return "support"  # A、B等单位人员组成检查组: the bodies whose staff make up the teams
    if _TEAM_FORM.match(rest):
        return "members"  # support, but a body 会同/联合 made lead keeps leading (mentions_of)
    if _COMPOSES.match(rest):
        return None  # …，C、D组成。: the rest of a member list, no task (组成督查组 is one)
    if rules["staffs_rx"].match(rest):
        return None  # 由各成员单位有关负责同志担任: a person for a post, no task of the body
    dated = _WHEN_NEWS.sub("", rest)  # (A、B近日联合印发…: acting jointly, as without a day)
    issued = dated != rest and dated.startswith(rules["not_after"]) and not JOINTLY.match(dated)
    if _PREDICTS.search(rest):
        return None  # A对…必将发挥积极的作用: a prediction about A, no task
    if (
        issued
        or rest.startswith(rules["not_after"])
        or re.match(r"[\d〇○零一二]{4}\s*年\s*[\d〇○零一二十]", rest)
    ):
        return None  # an attribute, a past act, or a signature's date
    return explicit_role(rest) or "responsible"


# A body's own product named after it, in quotes (国家药监局“化妆品监管”APP, 市局“某某”平台)
_OWN_PRODUCT = re.compile(
    r"[“\"][^”\"]{1,20}[”\"](?:APP|App|app|平台|系统|网站|公众号|小程序|热线|专栏|栏目)"
)


def post_after(rest: str) -> str | None:
    """The role of a post or duty written after the subject (A任组长, A的主要职责为…)."""
    return next((role for rx, role in assignment_rules()["post_after_rx"] if rx.match(rest)), None)


def explicit_role(rest: str) -> str | None:
    """The role an explicit role word or duty gives (牵头…, 配合…, 主要职责是…), else None."""
    rules = assignment_rules()
    rest = rest.lstrip()
    if post := post_after(rest):
        return post
    if any(rx.match(rest) for rx in rules["lead_rx"]):
        return "lead"
    if any(rx.match(rest) for rx in rules["support_rx"]):
        return "support"
    return None
