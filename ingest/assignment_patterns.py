"""The fixed clause shapes the clause loop (ingest/assignments.py `find_assignments`) matches:
a slogan in quotes, a clause, an article number, a relative clause or a group composed
before the subject, a notice's addressees, bodies issuing, meeting, attending, convening,
founding a team or joining a lead, a campaign run jointly.

Kept apart from the loop so that its module reads as the loop alone, and apart from the
rules of data/patterns/departments.yaml (ingest/assignment_rules.py): these shapes are
written in code, not read from the pattern file; callers that ask one of them (ARTICLE:
ingest/preamble_measures.py, JOINT_CAMPAIGN: ingest/role_cues.py) import it from here.
"""

from __future__ import annotations

import re

SLOGAN = re.compile(r"“[^“”。！？]{2,40}”")
CLAUSE = re.compile(r"[^，,。；;：:！!？?\n]+[，,。；;：:！!？?\n]?")
# A passage that opens with a duty (负责…；…): a duty list's line, its body above it
DUTY_OPENS = re.compile(r"\s*(?:主要|具体)?(?:负责|承担)(?!人|同志)")
# A list's last item run on, with a space and no stop, into the next sentence's subject (a
# database copy of a notice: …名单：甲市：乙县 丙市：丁县 各地要…): the subject after the space
RUN_ON = re.compile(r"[^\s，,。；;：:]{1,8}[ \u3000]+(?=各)")
# A regulation's article number opening its sentence (第十二条, 第 3 条).
# (with the article's own heading in brackets, as local regulations title them: 第九条（…职责）)
ARTICLE = re.compile(
    r"第\s*[一二三四五六七八九十百零〇\d]+\s*条\s*(?:[（(][^（）()]{2,20}[）)]\s*)?"
)
# A relative clause before the subject (接到报告的卫生主管部门应当…, 发现问题的单位要…); not a
# prepositional phrase (按照…的, 根据…的).
MODIFIER = re.compile(r"(?!按照|根据|依照|依据|按|对|为|在|与|加强|支持)[\u4e00-\u9fff]{2,10}?的")
# A group composed in one sentence after its founder (会议调整组建了由A任主任的…, 县政府决定
# 成立以A为组长的…): the words up to 由/以 name no body of the group.
COMPOSED = re.compile(
    r"[^，,。；;：:]{0,10}?(?:决定|调整|研究)?(?:成立|组建|设立|调整)(?:了)?(?:由|以)(?=[\u4e00-\u9fff])"
)
# A notice's 主送机关 run into its text (各区、县（市）人民政府，市政府各委、办、局，各有关单位：经…同意，
# 现将…; a page may prefix 核心提示：): bodies ending with the colon, before no duty.
ADDRESSEES = re.compile(
    # (a page may run the notice's title and its font-size buttons into the same line:
    # …的通知 字号大中小 各镇人民政府，…：)
    r"\s*(?:[^。；：:\n]{4,120}?的(?:通知|通报|函|意见|决定|批复)\s*(?:字号\s*[大中小\s]{0,6})?\s*)?"
    # (a page's summary label before it: 核心提示：, [摘要], 【内容提要】)
    r"(?:[\[【]?(?:核心提示|内容提要|内容摘要|摘要)[\]】]?\s*[:：]?\s*)?(?:各|[\u4e00-\u9fff]{2,20}(?:人民政府|政府|委|办|局|厅|部门|单位|机构))"
    r"[\u4e00-\u9fff，,、（）()“”]{0,80}?(?:单位|部门|政府|机构|局|厅|委|办|公司|企业)[:：]"
)
# Bodies issuing a text together (A、B联合印发…; A等26个部门联合制定…)
JOINT_ISSUE = re.compile(
    r"\s*(?:近日|日前|于?(?:\d{1,2}月)?\d{1,2}日)?(?:首次|再次)?联合(?:研究)?(?:印发|制定|出台|发布|下发|发文)"
)
# A body's meeting as the subject (联席会议第一次会议在…召开; 领导小组全体会议召开): an event held,
# no task of the body's (what the meeting 要求 is read as its own clause)
ITS_MEETING = re.compile(
    r"\s*(?:第[一二三四五六七八九十\d]+次|全体|成员|年度|工作)?(?:全体)?(?:成员)?(?:会议|例会)"
)
# The bodies' people attending an event (A、B有关负责同志参加会议; A纪检监察组组长出席): no task.
ATTENDS = re.compile(
    r"[^，,。；;]{0,16}?(?:负责同志|负责人|领导同志|领导|同志|代表|人员|组长|局长|主任|书记)?(?:等)?"
    # (a visit and its talks too: …有关负责同志参加调研座谈)
    r"(?:应邀)?(?:参加|出席|列席)(?:了)?(?:调研)?(?:会议|活动|座谈会?|仪式|启动仪式)?(?:[，,。；;]|$)"
)
# The bodies reporting at a meeting (会上，A、B分别汇报了…; A作了交流发言): an event, no task.
REPORTS_AT_MEETING = re.compile(
    r"\s*(?:分别|先后|依次)?(?:汇报|通报|介绍|交流|发言)(?:了)?(?![^，,。；;]{0,4}(?:工作|情况)?(?:制度|机制))"
)
# A body convening a meeting (召开…会议), and a later clause of its sentence saying what it
# will do (将…, 今年还要…; not 将于…施行, a rule's entry into force, nor 要求, an instruction).
# (a body that will act with others: 下一步将联合B、C…, 将会同B…)
JOINS = re.compile(r"(?:进一步|继续|积极)?(?:联合|会同)")
CONVENES = re.compile(r"\s*(?:近日|日前|昨日|今天|今日)?(?:组织)?召开")
WILL = re.compile(r"(?:今年|明年|下一步|下步)?(?:还|也|并)?(?:将|要)(?!于|求|点|闻)")
# A clause opening with a generic subject told to act (各地要…, 各级…部门应…) before a group's posts
INSTRUCTED_SUBJECT = re.compile(r"\s*各(?:地|级|有关)?[^，,。；;要应须]{0,10}(?:要|应当|应|须)")
# Bodies counted back to (四部门联合开展…, 两部门将…): several bodies, as a list is
COUNTED_BODIES = re.compile(r"[两二三四五六七八九十]{1,2}个?(?:部门|单位)$")
# A campaign run jointly, named later in the subjects' sentence (A、B…决定，…开展联合整治…).
JOINT_CAMPAIGN = re.compile(
    r"(?:开展|组织|实施|部署|启动)(?:了|一次|为期[^，。；]{1,6}的)?联合(?:整治|执法|检查|行动|专项|督查|打击)"
)
# The bodies of a clause after the sentence's lead, acting with it (由A牵头，B、C等单位联合对…;
# …，B、C共同开展…): they join the lead's work.
WITH_THE_LEAD = re.compile(
    r"\s*(?:等(?:[\d一二三四五六七八九十]+个?|多个?)?(?:有关|相关)?(?:部门|单位))?(?:联合|共同|协同|一道|一起)"
    # (由A牵头，B、C等8个联席会议成员单位决定…: the others, called the members they are)
    r"|\s*(?:等(?:[\d一二三四五六七八九十]+个?|多个?)?)?[^，,。；;、]{0,12}?成员单位"
)
# Bodies that set up a joint team, the clause ending there (A、B等11部门已成立联合工作组，将…):
# what the sentence says they will do next is theirs.
FOUNDS = re.compile(
    r"\s*(?:等(?:[\d一二三四五六七八九十]+个?)?(?:部门|单位))?(?:已|已经)?(?:共同|联合)?(?:成立|组建)了?"
    r"[^，,。；;]{2,20}?(?:工作组|专班|小组|指挥部)[，,]\s*$"
)
# A team described by its make-up, the bodies' people in it (由A、B等部门相关领导组成的…组)
# (the list may run on past what reads as a body, and the people be several: 由A、B、质监、
# 工商等部门分管领导和执法人员组成的检查组 — the clause's 组成的 tells)
TEAM_OF = re.compile(r"(?:(?!负责(?!同志|人)|牵头|担任|由)[^，,。；;：:]){0,40}?组成的")
# The members of a group whose lead the sentence named, listed after it (小组由A牵头，B、C组成;
# …，B、C等部门参加): the group's members, support.
MEMBERS_OF_THE_LED = re.compile(
    r"\s*(?:等(?:[\d一二三四五六七八九十]+个?|多个?)?(?:有关|相关)?(?:部门|单位)?)?"
    r"(?:共同)?(?:组成|参加|参与|为成员(?:单位)?)\s*(?:[。；;]|$)"
)
# The clause before a subject naming its role (作为牵头单位，A将…; 作为牵头部门，A要…): A leads.
AS_THE_LEAD = re.compile(r"作为(?:牵头|总牵头|主牵头)(?:单位|部门)[，,]\s*$")
# The work a helped body does after its name (A还将配合B做好…, A要协助B开展…): B's task.
DOES = re.compile(r"(?:做好|开展|实施|完成|推进|落实|组织|进行|做)")
# A contact or address label before a body (联系单位及电话：A 1234567; 材料递交地址：A三楼): where
# to call or send, no task
CONTACT_LABEL = re.compile(
    r"(?:联系|电话|地址|邮箱|信箱|热线|咨询|受理)[\u4e00-\u9fff]{0,8}[：:]\s*$"
)
