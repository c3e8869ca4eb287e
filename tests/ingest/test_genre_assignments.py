"""Golden table: genre patterns of running-text assignments (issue 10) → (mention, role).

Every sentence here was written for the test, in the genre of Chinese official documents
(no held-out or seed text): set-up bodies given a duty, 联合 read as 会同, 及其, the
regulators of every province, local divisions as subjects, member units, the units of a
kind under their body, and a group's office seated without 在.
"""

from __future__ import annotations

import pytest
from policykg.ingest.assignments import find_assignments
from policykg.ingest.bodies import is_generic
from policykg.ingest.canonical_departments import resolve
from policykg.ingest.pipeline import extract_file
from policykg.ingest.responsibility import find_statements
from policykg.ingest.role_cues import first_leads
from policykg.ingest.vocab import provinces


def _roles(tmp_path, text: str, name: str = "case.txt") -> list[tuple[str, str, str]]:
    """(the measure's first four letters, mention, role) of a text extracted whole."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [
        (m.text[:4], d.mention, d.role) for m in extract_file(path).measures for d in m.departments
    ]


GENRE = [
    # names listed after a prefixed one share its level prefix (市财政局、司法局)
    ("市财政局、司法局、商务局按职责分工负责。",
     [("市财政局", "responsible"), ("司法局", "responsible"), ("商务局", "responsible")]),
    ("省药监局、省卫生健康委、医保局配合。",
     [("省药监局", "support"), ("省卫生健康委", "support"), ("医保局", "support")]),
    # 由A承办，B配合 at township level; 由A牵头，会同B负责落实
    ("由镇农业服务中心承办，镇畜牧站、卫生院、派出所配合。",
     [("镇农业服务中心", "responsible"), ("镇畜牧站", "support"), ("卫生院", "support"),
      ("派出所", "support")]),
    ("上述工作由区商务局牵头，会同区卫生健康局、区公安分局负责落实。",
     [("区商务局", "lead"), ("区卫生健康局", "support"), ("区公安分局", "support")]),
    ("市药监局、加强监管。", [("市药监局", "responsible")]),  # a verb after 、 is no name
    # a body's internal divisions, the second named bare after its sibling
    ("省药监局药品注册处、综合处负责汇总各地报送的材料。",
     [("省药监局药品注册处", "responsible"), ("综合处", "responsible")]),
    ("县市场监管局食品科要加强对校园周边的检查。", [("县市场监管局食品科", "responsible")]),
    # the bureaus of several levels, the levels listed with 、 (地区, 自治州 and 市)
    ("各地、州、市局也要结合本地实际制定方案。", [("各地、州、市局", "responsible")]),
    ("各市、县局负责辖区内的宣传咨询活动。", [("各市、县局", "responsible")]),
    # a generic bureau working with a generic department: two bodies, not one name over 要会同
    ("各县区局要会同卫生健康部门开展接种单位检查。",
     [("各县区局", "lead"), ("卫生健康部门", "support")]),
    # (a body named by its role keeps that role: each leading unit leads its tasks)
    ("各牵头单位要细化工作措施。", [("各牵头单位", "lead")]),
    # past a semicolon the sentence's own actor joins the others, not the body it instructed
    ("市卫生健康委印发了宣传册，要求各区县组织学习；同时，联合市教育局开展校园宣传。",
     [("市卫生健康委", "lead"), ("各区县", "responsible"), ("市教育局", "support")]),
    # …and an actor with no task before its 联合 clause leads it all the same
    ("县文旅局制作了宣传海报；同时，联合县商务局发放倡议书。",
     [("县文旅局", "lead"), ("县商务局", "support")]),
    # the divisions below a county told to act, the task right after them
    ("会议要求各乡镇加强对集体聚餐的指导。", [("各乡镇", "responsible")]),
    ("要求各村一旦发现病例立即报告。", [("各村", "responsible")]),
    ("要求各村（居）利用广播宣传防范知识。", [("各村（居）", "responsible")]),
    ("各村委会要落实专人负责信息报告。", [("各村委会", "responsible")]),
    # land administration among the bare sectors of a list
    ("要求各级药品监管部门和发改委、土地、农业等相关部门通力协作。",
     [("各级药品监管部门", "responsible"), ("发改委", "responsible"), ("土地", "responsible"),
      ("农业", "responsible")]),
    # bodies reporting at a meeting: an event, no task
    ("会上，县卫生健康局、县医疗保障局分别汇报了监管情况。", []),
    # units and departments named together as one generic body
    ("各相关单位部门要带头落实节约措施。", [("各相关单位部门", "responsible")]),
    # a sector's bodies of all levels as a system
    ("全市粮食系统要加大储备粮轮换检查力度。", [("全市粮食系统", "responsible")]),
    # a firm joined by 会同 is no body; the body before it still leads
    ("县粮食局将会同某某粮油储备有限公司对库存粮食开展检查。", [("县粮食局", "lead")]),
    # a name never ends in the 部 of 部署 or the 办 of 办理
    ("由县药安委统一部署实施。", [("县药安委", "responsible")]),
    ("由县政务服务中心统一办理。", [("县政务服务中心", "responsible")]),
    # the bureaus of cities and prefectures (地) sharing one suffix: one generic body
    ("各市、地药监局务于6月10日前报送自查情况。", [("各市、地药监局", "responsible")]),
    # places listed before the body they share, also a county since made a city (海城县)
    ("省农垦局、虎林市、同江市市场监管局要加强检查。",
     [("省农垦局", "responsible"), ("虎林市", "responsible"), ("同江市市场监管局", "responsible")]),
    ("由市药监局牵头，海城县、平度县卫生局配合。",
     [("市药监局", "lead"), ("海城县", "support"), ("平度县卫生局", "support")]),
    # a list closed by 等 and its count keeps the role after it
    ("市药监局牵头，市公安局等6个部门配合。", [("市药监局", "lead"), ("市公安局", "support")]),
    ("市公安局、市农业农村局等五家单位参与。",
     [("市公安局", "support"), ("市农业农村局", "support")]),
    # every level listed beside the departments; 各级 before a person is no body
    ("要求各级、各部门切实加强疫苗监管工作的组织领导。",
     [("各级", "responsible"), ("各部门", "responsible")]),
    ("各级领导干部要带头学习药品管理法。", []),
    # a second instruction after the body's own task (A将…；同时要求B…); the reform of a
    # body's institutions is the subject, not the body
    ("市局将出台实施细则；同时要求各县局积极向当地政府汇报。",
     [("市局", "responsible"), ("各县局", "responsible")]),
    ("县级政府机构改革工作要在2027年年内结束。", []),
    # a development zone's or a city core's administrative committee (管委会) and bureau
    ("各乡镇政府和开发区管委会要切实承担属地责任。",
     [("各乡镇政府", "responsible"), ("开发区管委会", "responsible")]),
    ("高新区分局负责园区内药品经营企业检查。", [("高新区分局", "responsible")]),
    # a Party committee's departments, 组织部 among them (组织 alone is a verb: 市政府组织开展…)
    ("县委组织部、县委宣传部要加强对基层监管队伍建设的指导。",
     [("县委组织部", "responsible"), ("县委宣传部", "responsible")]),
    # people's organisations, the Youth League's committee, associations, the fire corps
    ("市妇联、团市委、市科协配合做好食品安全进家庭宣传。",
     [("市妇联", "support"), ("团市委", "support"), ("市科协", "support")]),
    ("市消防救援支队、市红十字会参与应急处置。",
     [("市消防救援支队", "support"), ("市红十字会", "support")]),
    ("市医药行业协会要加强行业自律。", [("市医药行业协会", "responsible")]),
    ("监管人员要学会运用大数据手段。", []),
    # the local divisions of two levels, listed bare (各市州、县市区要…): one generic mention
    ("各市州、县市区要参照本方案制定具体实施方案。", [("各市州、县市区", "responsible")]),
    ("各市县（区）人民政府要落实属地责任。", [("各市县（区）人民政府", "responsible")]),
    # a member's line of a duty list (A：duty), the duty opening with the law it follows or
    # its own verb; an addressee line is none
    ("省公安厅：依法打击涉化妆品违法犯罪行为。", [("省公安厅", "responsible")]),
    # a body named the task's 责任单位 / 主责部门 is responsible, its 牵头单位 leads
    ("市医保局为责任单位。", [("市医保局", "responsible")]),
    ("市药监局为主责部门，市卫健委为配合部门。", [("市药监局", "responsible"), ("市卫健委", "support")]),
    ("省财政厅：按规定落实药品抽检经费。", [("省财政厅", "responsible")]),
    ("市人社局：根据国家有关规定，负责落实检查员职业保障政策。", [("市人社局", "responsible")]),
    ("各市（州）市场监管局：为加强化妆品监管，现将有关事项通知如下。", []),
    # the departments of several levels; 对口 inside a name (对 is a preposition elsewhere)
    ("州卫生健康委和县、市卫生健康部门要加强联动。",
     [("州卫生健康委", "responsible"), ("县、市卫生健康部门", "responsible")]),
    ("要求省药监局对口帮扶工作领导小组加强统筹。", [("省药监局对口帮扶工作领导小组", "responsible")]),
    # 明确要求 instructs; internal units 相关科室; 各街镇; units taking turns (轮流)
    ("明确要求各县区市场监督管理局、相关科室加强节日市场检查。",
     [("各县区市场监督管理局", "responsible"), ("相关科室", "responsible")]),
    ("各街镇要按月报送辖区内药店的检查情况。", [("各街镇", "responsible")]),
    ("业务培训每月一次，由各处室、各监管所轮流授课。", [("各处室", "responsible"), ("各监管所", "responsible")]),
    ("请各地针对节日期间的消费特点加强检查。", [("各地", "responsible")]),
    # 之间 after a collective subject: they, jointly
    ("各成员单位之间要加强信息通报。", [("各成员单位", "responsible")]),
    # a clause opening with 联合/会同 and no subject: the text's own body leads, unnamed
    ("二是形成工作合力。联合公安、卫健等部门开展打击非法行医行动。",
     [("公安", "support"), ("卫健", "support")]),
    # members named by the bodies whose heads sit on the committee; a member list that a
    # comma breaks runs on to 组成; 组成 of a team to act is a task
    ("委员由县政府办公室主任和下列部门的负责同志担任：县委宣传部、县公安局、县卫生健康局。",
     [("县委宣传部", "support"), ("县公安局", "support"), ("县卫生健康局", "support")]),
    ("联席会议成员由县委宣传部、县委编办，县市场监管局、县公安局组成，县市场监管局为牵头单位。",
     [("县委宣传部", "support"), ("县委编办", "support"), ("县公安局", "support"),
      ("县市场监管局", "lead")]),
    ("县市场监管局会同县公安局、县卫生健康局等部门组成督查组开展督查。",
     [("县市场监管局", "lead"), ("县公安局", "support"), ("县卫生健康局", "support")]),
    # 国务院 ministries whose names hold 和 (住房和城乡建设部, 文化和旅游部) are one body each
    ("民政部、住房和城乡建设部、文化和旅游部按职责分工负责。",
     [("民政部", "responsible"), ("住房和城乡建设部", "responsible"), ("文化和旅游部", "responsible")]),
    # generic subjects: a level list with a bracket, the formula 各有关部门和单位, a level or a
    # place before 各…单位; 各单位、各部门 stay two
    ("各市（州）、县政府，各有关部门和单位要抓紧制定方案。",
     [("各市（州）、县政府", "responsible"), ("各有关部门和单位", "responsible")]),
    ("县级各相关单位要加强配合。", [("县级各相关单位", "responsible")]),
    ("全乡各单位要高度重视。", [("全乡各单位", "responsible")]),
    ("各单位、各部门要加强宣传。", [("各单位", "responsible"), ("各部门", "responsible")]),
    # a leader's posts before what the leader says; a signing act; an event hosted: no task
    ("区委副书记、区长张某某强调，要深入学习贯彻会议精神。", []),
    ("县政府与各乡镇政府和有关部门签订目标责任书。", []),
    ("县市场监管局主持召开药品安全推进会。", []),
    # a group set up with a duty: a slogan in quotes, 、 and all, is part of its name
    ("县卫生健康局成立“文明就医、安全用药”主题月活动领导小组，负责统筹活动。",
     [("“文明就医、安全用药”主题月活动领导小组", "responsible")]),
    ("县疫苗安全工作领导小组工作职责", []),  # the title of a duty list gives no task
    # posts held by named persons: the post names the body, the person's name is skipped
    ("副组长由区政府办公室二级调研员张某某、区卫生健康局局长李某和区委宣传部副部长王某某担任。",
     [("区政府办公室", "lead"), ("区卫生健康局", "lead"), ("区委宣传部", "lead")]),
    # the teams a campaign sends out, instructed by the body that requires
    ("市药监局要求，各督查组要逐户核查药店进货台账。", [("各督查组", "responsible")]),
    # a meeting that 明确 what the departments and units are to do
    ("会议部署了专项行动，明确各部门单位要以打击非法渠道购药为重点。",
     [("各部门单位", "responsible")]),
    # sectors named bare in a list of departments, each a generic body of its sector
    ("县级以上农业、卫生、市场监管等监督管理部门依据各自职责实施监督。",
     [("农业", "responsible"), ("卫生", "responsible"), ("市场监管", "responsible")]),
    ("公安、工商、质监等部门分别承担相应监管职能。",
     [("公安", "responsible"), ("工商", "responsible"), ("质监", "responsible")]),
    ("加强农业、卫生等部门协作。", []),  # an object, not a subject
    # 由A承办，B、C协办; a body's other name in brackets; 相关负责同志; 都 inside a place name
    ("由市商务局承办，市农业农村局、卫生健康委协办。",
     [("市商务局", "responsible"), ("市农业农村局", "support"), ("卫生健康委", "support")]),
    ("副组长由市公安局相关负责同志及市公安局温江区分局主要负责同志担任，成员包括市委宣传部（市政府新闻办）、"
     "成都市卫生健康委。",
     [("市公安局", "lead"), ("市公安局温江区分局", "lead"), ("市委宣传部", "support"),
      ("成都市卫生健康委", "support")]),
    ("为加强药品安全工作，市政府决定成立药品安全委员会。", []),  # a structure set up, no task
    # bodies that decide to act (A、B决定对…开展…) are given the task; a bureau naming itself
    ("市市场监管局、市公安局、市商务局决定对全市药品零售市场开展专项整治。",
     [("市市场监管局", "responsible"), ("市公安局", "responsible"), ("市商务局", "responsible")]),
    ("县局决定组织开展全县药品安全专项检查。", [("县局", "responsible")]),
    # a place split by jieba from its division word (玉环 + 市, 兰州 + 新区); 将联合 leads
    ("下一步，舟山新区市场监督管理局将联合新区卫健委、各园区市场监管局开展联合检查。",
     [("舟山新区市场监督管理局", "lead"), ("新区卫健委", "support"), ("各园区市场监管局", "support")]),
    ("充分发挥省药品安全委员会的统筹作用。", []),  # a phrase ending in 省 is no place
    # generic bodies of rules: a sector's department of the governments at a level, the
    # system's technical institutions, a subject after a relative clause, sector short names
    ("县级以上地方人民政府药品监督管理部门、卫生健康主管部门应当加强协作。",
     [("县级以上地方人民政府药品监督管理部门", "responsible"), ("卫生健康主管部门", "responsible")]),
    ("省级药品不良反应监测机构应当对报告进行评价。", [("省级药品不良反应监测机构", "responsible")]),
    # a level and those above it (省级及以上, 县级及以上), a city under the province (省辖市)
    ("监测方案由省级及以上药品监督管理部门会同同级卫生健康部门制定。",
     [("省级及以上药品监督管理部门", "lead"), ("同级卫生健康部门", "support")]),
    ("县级及以上药品监督管理部门负责组织实施。", [("县级及以上药品监督管理部门", "responsible")]),
    ("省辖市医疗器械不良事件监测技术机构应当对报告进行审核。",
     [("省辖市医疗器械不良事件监测技术机构", "responsible")]),
    ("收到投诉的市场监管部门应当在5个工作日内处理。", [("市场监管部门", "responsible")]),
    ("发改部门要做好价格监测，工信部门要保障生产。",
     [("发改部门", "responsible"), ("工信部门", "responsible")]),
    ("加强疾病预防控制机构能力建设。", []),  # an object, not a subject
    # a post described before its title (协助分管…工作的副秘书长)
    ("副总指挥由市政府协助分管药品安全工作的副秘书长、市卫生健康委主任担任。",
     [("市政府", "lead"), ("市卫生健康委", "lead")]),
    # names holding 应 (应急, 反应) are names; a regulation's article number opens the sentence
    ("省应急管理厅负责组织应急演练。", [("省应急管理厅", "responsible")]),
    ("第九条 市疫苗异常反应监测中心应当每季度开展一次分析评价。",
     [("市疫苗异常反应监测中心", "responsible")]),
    # a body set up by the text and given a duty: responsible, prefix or not
    ("要求各地组建疫苗流通专项检查领导小组，负责辖区内检查的组织实施。",
     [("各地", "responsible"), ("疫苗流通专项检查领导小组", "responsible")]),
    ("县食品药品安全委员会下设综合协调办公室，具体负责督查督办。",
     [("综合协调办公室", "responsible")]),
    ("两市还将组建药品稽查联合工作专班，负责跨区域案件协查。", [("药品稽查联合工作专班", "responsible")]),
    ("省药监局成立了专家组。", []),  # a structure stated, no task
    ("市政府要成立工作专班，负责统筹推进。", [("市政府", "responsible"), ("工作专班", "responsible")]),
    # 联合 reads as 会同: the first body leads, the others support
    ("市市场监管局联合其他部门开展专项检查。", [("市市场监管局", "lead"), ("其他部门", "support")]),
    ("县卫生健康局联合县公安局开展打击行动。", [("县卫生健康局", "lead"), ("县公安局", "support")]),
    # a clause opening with 会同 takes the sentence's subject as its lead
    ("同时，区市场监管局将加大冷链食品抽检力度，会同区卫生健康局制定应急预案。",
     [("区市场监管局", "lead"), ("区卫生健康局", "support")]),
    # A将会同B，…: the task is in the clauses that follow
    ("今后，市医保局将会同各联席会议成员单位，完善价格监测，稳定药品供应。",
     [("市医保局", "lead"), ("各联席会议成员单位", "support")]),
    # a body that instructs takes no task: the instructed do (after the verb or next clause)
    ("省局要求，各设区市局要加强对连锁总部的检查。", [("各设区市局", "responsible")]),
    ("市政府要求市卫生健康委限期整改。", [("市卫生健康委", "responsible")]),
    # the same body in every 设区市 and the regulator's local bureaus by level
    ("各设区市市场监督管理局要督促批发企业按时报告。", [("各设区市市场监督管理局", "responsible")]),
    ("请各设区市局于6月30日前报送检查情况。", [("各设区市局", "responsible")]),
    # a reprint quoting the policy as the one who instructs
    ("《方案》要求各地设立化妆品安全工作专班，负责日常监管的统筹。",
     [("各地", "responsible"), ("化妆品安全工作专班", "responsible")]),
    # a slogan in quotes is a principle, not a task
    ("进一步落实“地方政府负总责，监管部门各负其责”的责任体系。", []),
    # an officer of a body speaking is not the body's task
    ("会上，市人民政府副秘书长某某表态：全力配合。", []),
    # the local bureaus of a regulator by level only
    ("各县区局要组织执法人员开展案卷评查。", [("各县区局", "responsible")]),
    # a standing duty given by 可由/应由 (此类申请可由省人民政府审批)
    ("进口特殊药品的临时申请可由省人民政府审批。", [("省人民政府", "responsible")]),
    # a ministry named before the 2018 reform
    ("农业部负责兽药残留监控。", [("农业部", "responsible")]),
    # a body's duties listed after it
    ("市疫苗管理委员会的职责是：统筹疫苗全链条监管，督促落实属地责任。",
     [("市疫苗管理委员会", "responsible")]),
    # a short title with its time window glued before the item's text
    ("集中排查（2027年3月-5月）各区市场监管局要对网络销售平台开展全面排查。",
     [("各区市场监管局", "responsible")]),
    # A牵头、B配合 in one clause
    ("市药监局牵头、市公安局、市卫生健康委参与，开展联合检查。",
     [("市药监局", "lead"), ("市公安局", "support"), ("市卫生健康委", "support")]),
    # A及其B: both subjects
    ("各级政府及其卫生健康主管部门要加强领导。",
     [("各级政府", "responsible"), ("卫生健康主管部门", "responsible")]),
    # the regulators of every province, as a national notice addresses them
    ("各省、自治区、直辖市卫生健康部门应当加强指导。",
     [("各省、自治区、直辖市卫生健康部门", "responsible")]),
    # local divisions as subjects, with or without 政府
    ("各县（市、区）要确定两个试点乡镇。", [("各县（市、区）", "responsible")]),
    ("各县市区要认真组织自查。", [("各县市区", "responsible")]),
    ("各市、州、新区政府要结合实际建立药品追溯协作机制。", [("各市、州、新区政府", "responsible")]),
    # the member units of a group or mechanism: generic
    ("原疫苗管理联席会议各成员单位按原分工承担相应职责。",
     [("原疫苗管理联席会议各成员单位", "responsible")]),
    # the units of a kind under their body
    ("省药监局各检查分局要加强日常检查。", [("省药监局各检查分局", "responsible")]),
    # a group's posts: 兼任, 成员由…组成, 办公室设 (without 在)
    ("安委会主任由常务副区长兼任，副主任由区药监局局长兼任，成员由区政府有关部门负责人组成，"
     "办公室设区药监局。",
     [("区药监局", "lead"), ("区政府有关部门", "support")]),
    # a group composed in one sentence: each part's post gives its bodies their role; a bare
    # post (乡长) names no body; the heads of bodies as members
    ("乡政府决定成立由乡长任组长，分管副乡长为副组长，乡卫生院、派出所、农技站负责人为成员的乡药品安全工作领导小组。",
     [("乡卫生院", "support"), ("派出所", "support"), ("农技站", "support")]),
    ("成立以区政府分管副区长为组长，区市场监管局局长为副组长，区公安分局、区教育局为成员单位的专项整治工作组。",
     [("区政府", "lead"), ("区市场监管局", "lead"), ("区公安分局", "support"), ("区教育局", "support")]),
    # the local governments as a generic body taking overall responsibility for a field, also
    # inside a principle built (负总责 is a role word wherever it stands, the rule book's
    # reading; only a quoted or cited principle is no task: tests/ingest/test_genre_committees)
    ("地方人民政府对本行政区域内的疫苗安全工作负总责。", [("地方人民政府", "responsible")]),
    ("构建地方政府负总责、部门各负其责的监管格局。", [("地方政府", "responsible")]),
    # a group's members in one sentence (X由A、B等N个部门组成; …的分管负责同志组成)
    ("联席会议由州药监局、州卫生健康委、州工业和信息化局等9个部门组成。",
     [("州药监局", "support"), ("州卫生健康委", "support"), ("州工业和信息化局", "support")]),
    ("工作专班由区政府办公室、区市场监管局的分管负责同志组成。",
     [("区政府办公室", "support"), ("区市场监管局", "support")]),
    # local divisions' bodies as the notice addresses them: a list of levels before a
    # department, township and street offices, the units directly under a level
    ("请各州、县（市）卫生健康局于10月底前报送总结。", [("各州、县（市）卫生健康局", "responsible")]),
    ("各乡镇办、各街道办事处要做好宣传引导。", [("各乡镇办", "responsible"), ("各街道办事处", "responsible")]),
    ("区直有关单位要按职责做好配套工作。", [("区直有关单位", "responsible")]),
    # sectors listed bare after 会同 support; the body of the place the text speaks of
    ("区卫生健康局会同教育、民政、医保等8个部门制定了实施细则。",
     [("区卫生健康局", "lead"), ("教育", "support"), ("民政", "support"), ("医保", "support")]),
    ("专班成员包括本县财政局、审计局、统计局等部门。",
     [("县财政局", "support"), ("审计局", "support"), ("统计局", "support")]),
    # a modal before the role word; 并请 opens an instruction
    ("各成员单位要密切配合，切实履行职责。", [("各成员单位", "support")]),
    ("并请市医药采购中心做好系统衔接工作。", [("市医药采购中心", "responsible")]),
    # a group whose duties the text states, named as written (no level prefix needed)
    ("据介绍，新组建的化妆品安全工作领导小组主要职责是统筹协调全县化妆品安全工作。",
     [("化妆品安全工作领导小组", "responsible")]),
    ("联席会议的主要职能是研究解决疫苗供应中的重大问题。", [("联席会议", "responsible")]),
    # the office's head named after its seat is not the group's post
    ("办公室设在区市场监管局，办公室主任由区市场监管局局长兼任。", [("区市场监管局", "responsible")]),
    # a group composed after its founder: the post names the body (市委副书记 → 市委)
    ("会议调整组建了由市委副书记、市长任主任的市药品安全委员会，市药品安全委员会统一领导全市药品安全工作。",
     [("市委", "lead"), ("市药品安全委员会", "responsible")]),
    # a subject list running over a comma; the internal units of a body taken together
    ("机关各科室、各稽查分局，县药检所、县监测中心等2个事业单位主动承担整改落实的具体责任。",
     [("机关各科室", "responsible"), ("各稽查分局", "responsible"), ("县药检所", "responsible"),
      ("县监测中心", "responsible")]),
    ("各项工作要落实到位。", []),
    # places named bare before their departments; an instruction already given (已要求)
    ("市局已要求海淀、朝阳、西城等区市场监管部门加强节日检查。",
     [("海淀", "responsible"), ("朝阳", "responsible"), ("西城", "responsible")]),
    ("加强宣传、教育、培训等部门协作。", []),  # no places, no sectors: an object
    # bodies acting jointly with no body after 联合: each body before the role word leads, as
    # before 会同 (the rule book's 「A、B会C」); with a body after it, that body supports
    ("区卫生健康局、区教育局、区市场监管局近日联合印发通知，部署校园食品安全检查。",
     [("区卫生健康局", "lead"), ("区教育局", "lead"), ("区市场监管局", "lead")]),
    ("区卫生健康局联合区教育局开展校园食品安全检查。",
     [("区卫生健康局", "lead"), ("区教育局", "support")]),
    # bodies deciding a joint campaign named later in their sentence: each leads; a role
    # word of their own keeps its role
    ("县市场监管局、县公安局、县卫健局决定，从3月1日起，在全县开展联合整治保健品市场行动。",
     [("县市场监管局", "lead"), ("县公安局", "lead"), ("县卫健局", "lead")]),
    ("县市场监管局、县公安局要积极参与联合执法检查。",
     [("县市场监管局", "support"), ("县公安局", "support")]),
    # an authorising body gives no task, the authorised one leads a later subjectless 牵头
    ("县食安委授权县食安办筛选了部分乡镇，依据有关标准，牵头组织第三方开展评价。", [("县食安办", "lead")]),
    # a name never ends in the 委 of 委托
    ("县卫健委委托县疾控中心开展监测。", [("县卫健委", "responsible")]),
    # sectors named bare, 市监 among them (the short form of 市场监管), acting jointly
    ("市监、卫健、教育等部门联合执法，对辖区学校食堂开展检查。",
     [("市监", "lead"), ("卫健", "lead"), ("教育", "lead")]),
    # a committee's member units, all or those concerned, under its short name
    ("市食安委有关成员单位将陆续开展系列宣传活动。", [("市食安委有关成员单位", "responsible")]),
    # a notice's closing formula to its addressees is no task; a request with its object is
    ("现印发给你们，请各县（区）人民政府结合实际，认真贯彻落实。", []),
    ("请各镇街认真抓好贯彻执行。", []),
    ("请各镇街认真组织实施冷链食品排查。", [("各镇街", "responsible")]),
    # a group composed in one sentence by posts: the 组长's body leads (not the body forming the
    # group, across 由), a committee's posts listed with 、 make it a member; 人大常委会 is a body
    ("近日，某某市人大常委会组成由市人大常委会副主任张某任组长，市人大财经委主任委员、副主任委员、"
     "委员为成员的检查组，对食品安全法实施情况开展检查。",
     [("市人大常委会", "lead"), ("市人大财经委", "support")]),
    ("县市场监管局局长、副局长为成员。", [("县市场监管局", "support")]),  # 副局长: a post
    # a member list closed by a count before 为成员单位
    ("市公安局、市卫生健康委等12个部门为成员单位。", [("市公安局", "support"), ("市卫生健康委", "support")]),
    # a group composed in one sentence: a deputy of no body named first, then one of a body;
    # members closed by a count and their heads; the group's office seated in a member
    ("县政府成立以县长张某为组长，分管副县长李某、县政府办公室主任王某为副组长，县市场监管局、"
     "县公安局等12个部门主要负责人为成员的领导小组，领导小组办公室设在县市场监管局。",
     [("县政府办公室", "lead"), ("县公安局", "support"), ("县市场监管局", "responsible")]),
    # past narrative with a role word: drafting and issuing acts get the role word's roles
    ("2023年，省药监局会同省卫生健康委印发了《药品安全实施方案》。",
     [("省药监局", "lead"), ("省卫生健康委", "support")]),
    ("省药监局印发了《药品安全实施方案》。", []),
    # support shared out by duties is still support
    ("由市商务局牵头，市卫健委、市公安局按职责分工配合。",
     [("市商务局", "lead"), ("市卫健委", "support"), ("市公安局", "support")]),
    ("省局研究制定了《药品零售企业检查指南》。", []),  # drafting, the regulator naming itself
    ("市市场监管局要组织起草地方标准。", [("市市场监管局", "responsible")]),  # a task to draft
    # the text's own body before 联合 leads (departments.self_referents names it: the issuer,
    # or the body whose statement is reported), the joined body supports
    ("我局联合市公安局开展了打击假药专项行动。", [("我局", "lead"), ("市公安局", "support")]),
    # a sector's bodies as a system; a software system is no body
    ("全省药监系统将持续深化审评审批制度改革。", [("全省药监系统", "responsible")]),
    ("全省药品追溯系统要于年底前上线运行。", []),
    # organs named by their kind; an object of a transfer is no subject
    ("公安机关要依法严厉打击制售假药违法犯罪行为。", [("公安机关", "responsible")]),
    ("各级人民法院、人民检察院要依法从严惩处。",
     [("各级人民法院", "responsible"), ("人民检察院", "responsible")]),
    ("对涉嫌犯罪的，移送公安机关处理。", []),
    ("各市（地）局要于6月30日前将检查总结报送省局。", [("各市（地）局", "responsible")]),
    ("各市（地）局长要参加会议。", []),  # a person's post
    ("各乡（镇）人民政府、街道办事处要落实属地管理责任。",
     [("各乡（镇）人民政府", "responsible"), ("街道办事处", "responsible")]),
    # a body's official speaking of what the body will do: the body's commitment; what
    # another subject will do is not the body's
    ("县市场监管局相关负责人表示，下一步，执法人员将持续开展食品抽检。", [("县市场监管局", "responsible")]),
    ("县市场监管局局长张某表示，将继续加大案件查办力度。", [("县市场监管局", "responsible")]),
    ("县市场监管局局长张某表示，三地将共享检查结果。", []),
    ("县市场监管局相关负责人介绍，今年共检查企业300家。", []),
    # the governments of a league (盟) and the cities of a region, by their kind
    ("各盟行政公署、市人民政府要落实属地管理责任。",
     [("各盟行政公署", "responsible"), ("市人民政府", "responsible")]),
    # drafting without a role word is no task (the rule book); the joint work after it is
    ("区食安办、区市场监管局制定了《示范街区评价细则》，区食安办会同区商务局开展了评价。",
     [("区食安办", "lead"), ("区商务局", "support")]),
    # a deadline opening the clause before its subject: the subject's duty
    ("2027年3月底前各县向市政府报送自查报告，同时抄送市药监局。", [("各县", "responsible")]),
    ("9月底前市药监局组织开展专项检查。", [("市药监局", "responsible")]),
    ("各镇于每月5日前报送检查台账。", [("各镇", "responsible")]),
    # a list of levels before 两级/三级 is one generic body
    ("市、县两级食品安全办要定期通报工作进展。", [("市、县两级食品安全办", "responsible")]),
    # a prefecture's bodies: 行署 (its administrative office), 地委 (its party committee) and
    # 地区 before a name whose core opens with 市 (地区市场监督管理局)
    ("工作组组长由行署分管领导担任，副组长由地区公安局、地区市场监督管理局有关领导担任。",
     [("行署", "lead"), ("地区公安局", "lead"), ("地区市场监督管理局", "lead")]),
    ("工作组成员包括地委宣传部、地区卫生健康委等部门相关负责人。",
     [("地委宣传部", "support"), ("地区卫生健康委", "support")]),
    # a local division as the subject of its task (各县开展…, 各区组织…), not of a noun phrase
    ("按照市政府的部署，各县开展药品安全自查。", [("各县", "responsible")]),
    ("各区组织开展联合检查。", [("各区", "responsible")]),
    ("各县开展的自查情况良好。", []),
    # a name never runs on into the task's verb (制定, 承担…): 市财政局研究制定具体办法
    ("由市医保局会同市财政局研究制定具体办法。", [("市医保局", "lead"), ("市财政局", "support")]),
    ("州市场监督管理局承担州食安委办公室日常工作。", [("州市场监督管理局", "responsible")]),
    ("县发展研究中心负责调研。", [("县发展研究中心", "responsible")]),
    # a body by its former name (原…), and what some bodies did (有的/部分…)
    ("原市食药安办会同有关部门启动了第三批示范店创建工作。", [("市食药安办", "lead"), ("有关部门", "support")]),
    ("有的市局联合市公安局、市卫健委制定了联合执法方案。",
     [("市局", "lead"), ("市公安局", "support"), ("市卫健委", "support")]),
    # 各部门、各单位 are two generic subjects; run together, one
    ("各部门、各单位要及时报送自查情况。", [("各部门", "responsible"), ("各单位", "responsible")]),
    ("各部门各单位要及时报送自查情况。", [("各部门各单位", "responsible")]),
    # the text that states a group's duties is no part of its name
    ("《方案》明确工作专班职责包括：统筹推进专项整治。", [("工作专班", "responsible")]),
    # a duty phrase of the genre (压实部门监管责任) names no body
    ("健全工作责任制，压实部门监管和行业管理职责，夯实部门责任。", []),
    # cross-departmental (跨部门) is an attribute; places as subjects are no bodies (the rule book)
    ("今后，两市将加强协作，合力构筑跨部门、跨区域的防控网络。", []),
    # a visiting team described by its make-up: the bodies' people, no task of the bodies
    ("由民政部、文化和旅游部等部门有关负责同志组成的国务院督导组一行听取了汇报。", []),
    # a province (or city) before the generic bodies of its levels: one generic body
    ("2026年，云南省各级市场监管部门将在校园周边开展专项检查。",
     [("云南省各级市场监管部门", "responsible")]),
    ("玉溪市各县区政府要加强农村集体聚餐管理。", [("玉溪市各县区政府", "responsible")]),
    # a level's body with its divisions in brackets, with or without 各 (GB/T 9704 style)
    ("县（市、区）食安办统一负责辖区农村集体聚餐的指导工作。", [("县（市、区）食安办", "responsible")]),
    ("各县（市、区）党委和政府为示范创建的责任主体。", [("各县（市、区）党委和政府", "responsible")]),
    ("市（州）卫生健康委负责本地区医疗机构的监督检查。", [("市（州）卫生健康委", "responsible")]),
    # a notice's title and a page's font buttons run into its addressees: they take no task
    ("某区人民政府办公室关于印发2021年食品安全工作要点的通知 字号大中小 各街道办事处，区政府各委、办、局，"
     "各有关单位：经区政府同意，现将《要点》印发给你们，请认真组织实施。", []),
    # management by two bodies at once (由A和B双重管理): both carry it
    ("街道监管所由区政府和区市场监督管理局双重管理，负责辖区食品安全日常监管。",
     [("街道监管所", "responsible"), ("区政府", "responsible"), ("区市场监督管理局", "responsible")]),
    # a prediction about a body is no task
    ("县药品检验所必将发挥积极的作用。", []),
    # a body handing a task to another (由A委托B…): both carry it
    ("年度评估由市政府委托市市场监管局组织实施。",
     [("市政府", "responsible"), ("市市场监管局", "responsible")]),
    # a body that issued a notice on the day reported only issued it; 各地 instructed
    ("省食安办近日下发通知，要求各地加强节日期间食品安全监管。", [("各地", "responsible")]),
    # a meeting's news lead: what the sentence says the convener will do is its commitment;
    # 将于…施行 is a rule's entry into force, 要求 an instruction to others
    ("近日，常州市市场监管局召开全市工作会议，回顾去年工作，将从五个方面强化食品抽检。",
     [("常州市市场监管局", "responsible")]),
    ("常州市市场监管局召开新闻发布会，将于5月1日起施行的办法作了解读。", []),
    # the party committees and governments of every level; the governments of two levels
    # written with their divisions run together (各市州、县市区人民政府): one generic body each
    ("各级党委和政府要把药品安全纳入考核。", [("各级党委和政府", "responsible")]),
    ("地方各级党委要加强对药品安全工作的领导。", [("地方各级党委", "responsible")]),
    ("各市州、县市区人民政府要加强组织领导。", [("各市州、县市区人民政府", "responsible")]),
    ("各州（市）、县（市、区）人民政府要加强组织领导。", [("各州（市）、县（市、区）人民政府", "responsible")]),
    ("各盟市、旗县（市、区）人民政府要加强领导。", [("各盟市、旗县（市、区）人民政府", "responsible")]),
    # 由A + an adverb before the duty (具体组织实施, 统一负责); 分别牵头: each leads its part
    ("此项工作由县市场监管局具体组织实施。", [("县市场监管局", "responsible")]),
    ("日常工作由区食安办统一负责。", [("区食安办", "responsible")]),
    ("上述两项任务由市药监局、市卫健委分别牵头。", [("市药监局", "lead"), ("市卫健委", "lead")]),
    ("省药监局、省卫生健康委分别牵头。", [("省药监局", "lead"), ("省卫生健康委", "lead")]),
    # a national administration's regional branch is one body, not the national one
    ("省药监局牵头，海关总署广东分署、省商务厅配合。",
     [("省药监局", "lead"), ("海关总署广东分署", "support"), ("省商务厅", "support")]),
    # 联合 after a 会同 list adds no role: 会同 gave them; bodies' people attending an event
    # take no task
    ("县市场监管局会同县教育局、县卫健局联合开展校园食品检查。",
     [("县市场监管局", "lead"), ("县教育局", "support"), ("县卫健局", "support")]),
    ("市纪委监委派驻纪检监察组、市药监局有关负责同志参加会议。", []),
    ("省药监局有关处室负责同志出席启动仪式。", []),
    # a body's document cited as the one that instructs: the bodies after the verb are
    # instructed, the issuer takes no task; a notice's addressees run into its text take none
    ("省政府《关于加强药品安全工作的意见》要求各市市场监管局加强监管。", [("各市市场监管局", "responsible")]),
    ("市政府《实施方案》文件明确，各区卫健委要落实属地责任。", [("各区卫健委", "responsible")]),
    ("各区、县（市）人民政府，市政府各委、办、局：经市政府同意，现将《方案》印发给你们。", []),
    # a group set up of bodies (成立由A、B等部门组成的…): they are its members
    ("县政府成立由县市场监管局、县公安局、县卫健局等部门组成的联合检查组。",
     [("县市场监管局", "support"), ("县公安局", "support"), ("县卫健局", "support")]),
    # the members are the heads of the bodies listed after the colon
    ("成员由下列单位负责人担任：县委宣传部、县教育局和各乡镇人民政府。",
     [("县委宣传部", "support"), ("县教育局", "support"), ("各乡镇人民政府", "support")]),
    ("成员为以下部门主要负责同志：市公安局、市农业农村局。",
     [("市公安局", "support"), ("市农业农村局", "support")]),
    # the committees of every level as the subject of a duty; defined, or a person, they are none
    ("各级药品安全委员会要加强统筹协调，督促落实属地责任。", [("各级药品安全委员会", "responsible")]),
    ("各级食品安全委员会为同级政府食品安全工作的议事协调机构。", []),
    ("各级药品安全委员会主任要亲自部署。", []),
    # 由A派员进行…: the body that sends its staff takes the task; 所在 (the local one) is no
    # part of its name, and a township's or county's institution of a sector is generic
    ("检查中发现问题的，由县市场监管局派执法人员进行调查。", [("县市场监管局", "responsible")]),
    ("规模较大的活动由所在乡镇（街道）食品安全管理机构派协管员或信息员进行指导。",
     [("乡镇（街道）食品安全管理机构", "responsible")]),
    ("跨乡镇的活动由所在县级市场监管部门派出检查组赴现场检查。", [("县级市场监管部门", "responsible")]),
    # a duty moved: the body that takes it over is responsible, the one that gives it up is not
    ("自7月1日起，由市药品监管部门承担药品零售许可，市商务部门不再履行相关职责。",
     [("市药品监管部门", "responsible")]),
    # a level whose divisions include autonomous counties (区县（自治县）): one generic body, not
    # the department named inside it
    ("机构调整到位前，药品零售许可（含受理、审查、发证）继续由区县（自治县）卫生行政部门承担。",
     [("区县（自治县）卫生行政部门", "responsible")]),
    # the regulator of each level named by its kind (…监管机构), on a duty list by level whose
    # duty opens with the rules it follows; as an object (将…的各级…机构改为…) it is none
    ("各级药品监管机构要强化抽检职责，制定本行政区域抽检计划。", [("各级药品监管机构", "responsible")]),
    ("省级药品监管机构：根据国家对抽检工作的总体要求，结合本省实际，组织制定全省抽检计划。",
     [("省级药品监管机构", "responsible")]),
    ("县级药品监管机构：负责完成市级药品监管机构下达的抽检任务。", [("县级药品监管机构", "responsible")]),
    ("改革中，将实行垂直管理的各级药品监管机构改为由同级政府管理。", []),
    # teams whose leaders come from some bodies and whose members from others: the leaders'
    # bodies lead, the bodies whose staff make up the teams support
    ("由省药监局、省卫生厅分管领导牵头，省药监局、省商务厅、省教育厅等单位人员组成3个检查组，分赴各市检查。",
     [("省药监局", "lead"), ("省卫生厅", "lead"), ("省商务厅", "support"), ("省教育厅", "support")]),
    ("市公安局、市农业局等部门执法人员共同组成联合督查组。", [("市公安局", "support"), ("市农业局", "support")]),
    # the divisions as subjects with 都/均 before the modal, and 各个/所有 and the whole
    # area's before them
    ("今年，全市各个区县都将成立食品安全委员会。", [("全市各个区县", "responsible")]),
    ("各乡镇均要建立食品安全工作站。", [("各乡镇", "responsible")]),
    # the members of a working group (工作专班各成员单位) as a subject
    ("工作专班各成员单位要加强沟通，形成合力。", [("工作专班各成员单位", "responsible")]),
    # 属地 before a place's body after 由 (the local one, no part of its name)
    ("监管仓由属地息烽县政府统筹管理。", [("息烽县政府", "responsible")]),
    # the clause before the subject naming its role (作为牵头单位，A将…)
    ("作为牵头单位，县市场监管局将继续做好组织协调工作。", [("县市场监管局", "lead")]),
    ("作为牵头部门，市卫健委要会同市药监局开展检查。", [("市卫健委", "lead"), ("市药监局", "support")]),
    # an article with its heading in brackets before the subject (第九条（…职责）A和B…)
    ("第九条（主管部门职责）市卫生健康委和区卫生健康委在职责范围内开展指导。",
     [("市卫生健康委", "responsible"), ("区卫生健康委", "responsible")]),
    # a scoring table's criteria: the conditions of a deduction give no task (扣押 is no deduction)
    ("县级党委、政府未出台落实党政同责相关文件的，扣2分。", []),
    ("县政府每年研究食品安全工作少于2次，每少1次扣1分。", []),
    ("县市场监管局要依法扣押违法产品。", [("县市场监管局", "responsible")]),
    # the divisions asked to attach importance (请各市高度重视…)
    ("请各县高度重视此次抽检工作，及早组织实施。", [("各县", "responsible")]),
    # a tally (某省共有…站点N个) and a place to go to (要到县X和Y部门申领…) name no subject
    ("清理整顿前，某省共有收奶站点3000个，其中企业自建100个。", []),
    ("经营者要到县农业和畜牧部门申领收购许可证。", []),
    # the departments and units of a level written 部门（单位）
    ("县级各部门（单位）要及时登录省监管平台。", [("县级各部门（单位）", "responsible")]),
    # the lead's work under way (正/继续 before 牵头)
    ("目前，省食安办正牵头组织评估。", [("省食安办", "lead")]),
    # a body designated for a duty (增加/确定A为…部门，承担/负责…)
    ("确定洛阳市市场监督管理局为口岸药品监督管理部门，承担口岸药品进口备案工作。",
     [("洛阳市市场监督管理局", "responsible")]),
    # 食品 among the sectors of a list (the food regulator of 2004–2013)
    ("农业、质检、工商、食品等部门按照职责分工，协同作战。",
     [("农业", "responsible"), ("质检", "responsible"), ("工商", "responsible"), ("食品", "responsible")]),
    # a group whose lead 由…牵头 names, its members listed after (组成 / 参加): members support
    ("协调小组由市农业农村局牵头，市教育局、市卫生健康委、市财政局组成。",
     [("市农业农村局", "lead"), ("市教育局", "support"), ("市卫生健康委", "support"), ("市财政局", "support")]),
    ("工作专班由县市场监管局牵头，县公安局、县商务局等部门参加。",
     [("县市场监管局", "lead"), ("县公安局", "support"), ("县商务局", "support")]),
    # the teams of an assessment as subjects; a time before the subject
    ("考核结束后，各考核组要形成书面报告报送市食安委。", [("各考核组", "responsible")]),
    ("数据按月统计，次月市药监局将对各县上月抽检情况进行通报。", [("市药监局", "responsible")]),
    # a township committee's members named as the township's stations and centres, no prefix
    ("镇食安委由镇长任主任，市场监督管理所、兽医站、农业技术服务中心、畜牧兽医服务中心为成员单位。",
     [("市场监督管理所", "support"), ("兽医站", "support"), ("农业技术服务中心", "support"),
      ("畜牧兽医服务中心", "support")]),
    # a distributive 各 over a list whose second item is bare (each township and each department)
    ("县长要求，各乡镇、部门要压实安全责任。", [("各乡镇", "responsible"), ("部门", "responsible")]),
    # a national notice's regulators of every province, the levels in brackets
    ("各省（区、市）药品监督管理局负责组织辖区内的监测哨点申报。",
     [("各省（区、市）药品监督管理局", "responsible")]),
    # a secretariat or a task force placed in a body: that body does the daily work
    ("监测工作秘书处设在省药品检验研究院，负责日常联络。", [("省药品检验研究院", "responsible")]),
    ("整治工作专班设在区农业农村局，负责统筹调度。", [("区农业农村局", "responsible")]),
    # a reprint's 各地将…: each locality's own work ahead
    ("据了解，各地将重点排查农贸市场和校园周边。", [("各地", "responsible")]),
    # bodies counted back to (两部门, 三个部门): one generic mention; acting jointly, they lead
    ("座谈会指出，两部门将加强线索移送。", [("两部门", "responsible")]),
    ("六部门联合部署开展校园食品安全守护行动。", [("六部门", "lead")]),
    # ordered to act (责成A查明…): A's task
    ("省卫生健康委当即责成湖南省医疗保障局核实情况。", [("湖南省医疗保障局", "responsible")]),
    # the bodies of every prefecture written 设区的市
    ("各设区的市卫生健康委负责本辖区医疗机构的日常检查。", [("各设区的市卫生健康委", "responsible")]),
    # 由A + a duty inside the clause: 提供 and 保障 are duties; 管理由 is no 理由 (a reason)
    ("检测室所需场地由各乡镇人民政府提供。", [("各乡镇人民政府", "responsible")]),
    ("市场巡查和日常管理由县市场监管局负责。", [("县市场监管局", "responsible")]),
    ("有理由相信县市场监管局会加强检查。", []),
    # a body acting for another (A受B委托，负责…): A's task; 受理 stays inside a name
    ("县市场监管局受县行政审批局委托，负责办理小餐饮备案。", [("县市场监管局", "responsible")]),
    ("市政务服务受理中心负责统一受理申请。", [("市政务服务受理中心", "responsible")]),
    # a power handed down (由A调整下放至B承担) or a task handed over (交由A负责)
    ("三类许可事项由省市场监管局调整下放至各市市场监管局承担。",
     [("省市场监管局", "responsible"), ("各市市场监管局", "responsible")]),
    ("群众投诉交由县市场监管局负责处理。", [("县市场监管局", "responsible")]),
    # sectors of the 2018 reform named bare, with the levels before them (地方各级…等部门)
    ("地方各级卫生健康、医疗保障、疾病预防控制等部门要加强信息通报。",
     [("卫生健康", "responsible"), ("医疗保障", "responsible"), ("疾病预防控制", "responsible")]),
    # a mechanism described by who leads it and who are its members; the subject told to set it up
    ("各地要建立以市场监管部门牵头，农业农村、公安等部门为成员单位的联合执法机制。",
     [("各地", "responsible"), ("市场监管部门", "lead"), ("农业农村", "support"), ("公安", "support")]),
    # 由 after a modal or an adverb (将由A…, 拟由A…, 仍由A…): the body still carries the task
    ("超出计划的县区，将由市卫健委再下达补充任务。", [("市卫健委", "responsible")]),
    ("该项工作拟由县卫健局牵头，县财政局配合。", [("县卫健局", "lead"), ("县财政局", "support")]),
    # a few adverbs in a row before 会同/联合 (A将进一步会同B, A还将联合B)
    ("市卫健委将进一步会同市医保局完善采购政策。", [("市卫健委", "lead"), ("市医保局", "support")]),
    ("县药监局每年会同县卫健局开展两次联合检查。", [("县药监局", "lead"), ("县卫健局", "support")]),
    ("县公安局还将联合县教育局开展宣传。", [("县公安局", "lead"), ("县教育局", "support")]),
    # a team the bodies of a list make up: its members (a body 会同 made lead keeps leading);
    # two bodies making up a team without a list's 等 keep the plain reading
    ("县卫健局牵头，公安、交通等部门组成联合工作组，开展排查。",
     [("县卫健局", "lead"), ("公安", "support"), ("交通", "support")]),
    ("市药监局会同市公安局、市农业局等部门组成督查组分赴各县督查。",
     [("市药监局", "lead"), ("市公安局", "support"), ("市农业局", "support")]),
    ("县市场监管局与县公安局组成联合工作专班。",
     [("县市场监管局", "responsible"), ("县公安局", "responsible")]),
    # 主要负责 + a task is the body's main duty (主要负责人 is its head, a person)
    ("县卫健局主要负责采样检测工作。", [("县卫健局", "responsible")]),
    ("县卫健局主要负责人带队开展检查。", []),
    # bodies joined by 或/或者: each is named for the task
    ("发现问题的，由县市场监管局或者县农业农村局依法处理。",
     [("县市场监管局", "responsible"), ("县农业农村局", "responsible")]),
    # the pre-2018 short form of the food and drug regulator (食药) among bare sectors
    ("县畜牧局联合公安、食药等部门开展排查。",
     [("县畜牧局", "lead"), ("公安", "support"), ("食药", "support")]),
    # the local divisions answering for their area (各乡镇对辖区…负总责): the genre's 属地 duty
    ("各乡镇对辖区内的集体聚餐负总责。", [("各乡镇", "responsible")]),
    ("各镇（街道）对本辖区的小作坊监管负属地责任。", [("各镇（街道）", "responsible")]),
    # the work named before 由 and its lead; the others joining it (联合实施, the members of
    # the mechanism), and the lead named by one of its officers
    ("此次专项检查由县卫生健康局牵头，县公安局、县教育局、镇卫生院联合实施。",
     [("县卫生健康局", "lead"), ("县公安局", "support"), ("县教育局", "support"), ("镇卫生院", "support")]),
    ("近期由市商务局牵头，市公安局、市农业农村局等6个联席会议成员单位决定联合开展冷链食品专项检查。",
     [("市商务局", "lead"), ("市公安局", "support"), ("市农业农村局", "support")]),
    ("由县市场监管局李明副局长牵头，县交警中队配合。", [("县市场监管局", "lead"), ("县交警中队", "support")]),
    # a list closed by 等 going on over 和; sectors joined by 和
    ("公安、交通等部门和各乡镇人民政府要加强联合执法。",
     [("公安", "responsible"), ("交通", "responsible"), ("各乡镇人民政府", "responsible")]),
    ("救助资金由财政和民政部门管理。", [("财政", "responsible"), ("民政", "responsible")]),
    # a breach dealt with by the bodies named (依法查处: no division 处)
    ("违反本规定的，由县城市管理局、县市场监管局等相关职能部门依法查处。",
     [("县城市管理局", "responsible"), ("县市场监管局", "responsible")]),
    ("县医保局要发挥牵头作用，县卫健局、县公安局要密切配合。",
     [("县医保局", "lead"), ("县卫健局", "support"), ("县公安局", "support")]),
    # a prefecture (地区) of four letters opens the name
    ("下一步，大兴安岭地区卫生健康委将加大监督检查力度。", [("大兴安岭地区卫生健康委", "responsible")]),
    # a time word of what comes next before the subject
    ("后期县市场监管局将联合县公安局开展检查。", [("县市场监管局", "lead"), ("县公安局", "support")]),
    # an event's hosts take no role (the rule book); a task's 承办 does
    ("此次活动由县科协、县市场监管局主办。", []),
    ("由县科协、县市场监管局主办的宣传活动在广场举行。", []),
    # a body's app or platform named after it is the subject, not the body
    ("目前，国家卫生健康委“健康中国”APP已经上线，具有查询功能。", []),
    # help given in a task after 由
    ("涉及食品安全的，由县市场监管局配合调查。", [("县市场监管局", "support")]),
    # the body itself saying what it will do
    ("海淀区市场监管局表示，将建立网络销售平台联盟，促进行业自律。", [("海淀区市场监管局", "responsible")]),
    ("县市场监管局表示，该局已查处案件3起。", []),
    # the Youth League named bare among the people's organisations
    ("县教育局要会同工会、共青团、妇联开展宣传。",
     [("县教育局", "lead"), ("工会", "support"), ("共青团", "support"), ("妇联", "support")]),
    # the people a body sends stand between it and 会同/联合: it still leads
    ("县市场监管局抽调执法人员会同县公安局对辖区企业开展检查。", [("县市场监管局", "lead"), ("县公安局", "support")]),
    ("县市场监管局派员联合县卫健局对诊所开展检查。", [("县市场监管局", "lead"), ("县卫健局", "support")]),
    # the SAIC's sector by its full name in a list of sectors
    ("各级公安、海关、工商行政管理等部门要加强协作。",
     [("公安", "responsible"), ("海关", "responsible"), ("工商行政管理", "responsible")]),
    # a list or a rule the body sets and publishes
    ("具体办法由省卫生健康委员会另行制定。", [("省卫生健康委员会", "responsible")]),
    ("企业名单由省商务厅核定。", [("省商务厅", "responsible")]),
    # work under a body's lead (在A牵头下), another's direction named first, and those who
    # support it (在A、B等部门的配合下)
    ("在县纪委监委牵头下，县医保局开展专项治理。",
     [("县纪委监委", "lead"), ("县医保局", "responsible")]),
    ("在县委部署和县政府牵头之下，全县开展专项整治。", [("县政府", "lead")]),
    ("在县公安局、县卫健局等部门的大力配合下，县市场监管局查处一批案件。",
     [("县公安局", "support"), ("县卫健局", "support"), ("县市场监管局", "responsible")]),
    # an official's words on what the body will do with others (A局长表示，…下一步将联合B、C)
    ("县医保局局长表示，此次宣传旨在提高群众意识，下一步将联合公安、卫健等部门加大查处力度。",
     [("县医保局", "lead"), ("公安", "support"), ("卫健", "support")]),
    # sectors written with 管理 in a list (市场监督管理、人社等部门)
    ("县医保局将联合公安、市场监督管理、人社等部门开展检查。",
     [("县医保局", "lead"), ("公安", "support"), ("市场监督管理", "support"), ("人社", "support")]),
    # a county of two characters opens the first name; the next shares its level
    ("泾县市监局与卫健局联合组成检查组，对全县药店开展检查。", [("泾县市监局", "lead"), ("卫健局", "lead")]),
    # the insurance agencies that run the funds are bodies of their own
    ("市医保中心会同辖区医保经办机构对定点药店开展检查。",
     [("市医保中心", "lead"), ("辖区医保经办机构", "support")]),
    # a body's text cited by its name (省局《某办法》等有关要求) gives the body no task
    ("根据有关法律法规和省药监局《医疗器械生产监督管理办法》等有关要求，特制定本计划。", []),
    # a list closed by its count, no 等, acting jointly where it names (A、B、C 3部门将在全市联合…)
    ("市农业农村局、市场监管局、公安局3部门将在全市联合实施为期半年的专项行动。",
     [("市农业农村局", "lead"), ("市场监管局", "lead"), ("公安局", "lead")]),
    # a plan to act with another (计划联合); adverbs before a plain 与 and a joint act
    ("县市场监管局计划联合县城市管理局开展集中回收活动。",
     [("县市场监管局", "lead"), ("县城市管理局", "support")]),
    ("县农业农村局还将与县市场监管局联合开展检查。",
     [("县农业农村局", "lead"), ("县市场监管局", "lead")]),
    # a level's law-enforcement body named by its kind
    ("县渔业执法机构要全面掌握辖区养殖情况。", [("县渔业执法机构", "responsible")]),
    # the lead's part with 的 (发挥牵头抓总的作用); the others' mutual support (互相配合)
    ("县食安办要充分发挥牵头抓总的作用，各职能部门要互相配合。",
     [("县食安办", "lead"), ("各职能部门", "support")]),
    # a level's treasury named by its sector as funds are assigned to it (由县财政列支)
    ("举报奖励资金由县财政列支，专款专用。", [("县财政", "responsible")]),
    # officials attending a visit's talks give their bodies no task
    ("省发展改革委、科技厅、省药监局和某市有关负责同志参加调研座谈。", []),
    # the localities told to support (要求各地积极配合…); bodies told to work together (协同合作)
    # each carry the task
    ("要求各地积极配合省局开展调查。", [("各地", "support")]),
    ("各成员单位要协同合作，形成监管合力。", [("各成员单位", "responsible")]),
    # drafting and issuing a text is no task; what it requires of others is theirs
    ("县卫健局制定并下发了《实施方案》，要求各医疗卫生单位认真落实。",
     [("各医疗卫生单位", "responsible")]),
    # an emergency plan's command body, its short name after it, leads the response
    ("县政府设立县药品安全事件应急指挥部（以下简称“县指挥部”），统一领导、指挥、协调全县应急处置工作。",
     [("县药品安全事件应急指挥部", "responsible")]),
    # a body's name ends at its suffix when its verb follows with no modal (强化办 is no unit,
    # 将强化部门 no generic department); a division named after its body still is one
    ("县市场监管局强化办证前指导，提升服务效率。", [("县市场监管局", "responsible")]),
    ("区卫健委将强化部门协作，加大督查力度。", [("区卫健委", "responsible")]),
    ("省药监局稽查局负责组织案件查办。", [("省药监局稽查局", "responsible")]),
    # a second subject with 也应 (各市局也应…) is no name running on to the next body
    ("各承接单位应按新流程办理，各市局也应参照省局的做法调整。",
     [("各承接单位", "responsible"), ("各市局", "responsible")]),
    # the surveillance posts a monitoring plan gives a duty; hospitals a regulator addresses are
    # regulated parties
    ("各哨点医院要按时报送监测数据。", [("各哨点医院", "responsible")]),
    ("各监测机构按要求报送监测结果。", [("各监测机构", "responsible")]),
    ("各医疗机构要严格落实进货查验制度。", []),
    # an act the body carries out for the task, after 由
    ("收缴的假劣药品由县市场监管局组织集中销毁。", [("县市场监管局", "responsible")]),
    ("对每个回收点由县财政部门给予一次性补助。", [("县财政部门", "responsible")]),
    ("新聘的协管员将由区市场监管分局进行岗前培训。", [("区市场监管分局", "responsible")]),
    # a level's governments' department (市级人民政府…部门) is one body; the one a plan is
    # reported to (报A备案) receives it
    ("市级人民政府卫生行政部门制定本地监测方案，报省卫生行政部门备案。",
     [("市级人民政府卫生行政部门", "responsible")]),
    # the sector's body of the place concerned (辖区…局), generic; the requiring bureau gives the task
    ("市局要求辖区市场监管局组织执法人员开展检查。", [("辖区市场监管局", "responsible")]),
    # a body deciding on its campaign's window runs it
    ("县农业农村局决定从今年5月上旬至明年春节前，在全县开展畜禽屠宰专项整治行动。",
     [("县农业农村局", "responsible")]),
    # the organs of a kind at every level (各级工商机关); a duty as needed (由各地根据需要确定)
    ("各级工商机关应加强对农村市场的巡查。", [("各级工商机关", "responsible")]),
    ("协管员的人数由各地根据需要确定。", [("各地", "responsible")]),
    # a work group made of the bodies' officials (由A、B等部门相关负责人组成): the bodies are members
    ("此次行动设工作专班，由县委宣传部、县市场监管局、县卫健局等部门相关负责人组成。",
     [("县委宣传部", "support"), ("县市场监管局", "support"), ("县卫健局", "support")]),
    # an adverb of all or also before the role word (均将参与, 也要配合); a connective before a
    # level's body is no place (另外 + 镇政府)
    ("全区各相关单位均将参与联合检查。", [("全区各相关单位", "support")]),
    ("县公安局也要积极配合。", [("县公安局", "support")]),
    ("另外镇政府每年安排专项资金。", [("镇政府", "responsible")]),
    # bodies counted by their kinds (等9个厅局) after their list, issuing a plan together
    ("省卫生健康委、省发改委、省工信厅等9个厅局联合印发了《某省中医药发展规划》。",
     [("省卫生健康委", "lead"), ("省发改委", "lead"), ("省工信厅", "lead")]),
    # 这是A…的举措 describes a measure: no task, and 这是 no part of a name
    ("这是某市药监部门杜绝过期药品流入市场的又一举措。", []),
    # the bureaus of several levels listed without 各, their kinds bracketed: one generic body
    ("省、市（州）、县（区）局都要确定新闻发言人。", [("省、市（州）、县（区）局", "responsible")]),
    ("各市、县局都要明确专人负责。", [("各市、县局", "responsible")]),
    # a sector list after 会同, the quality supervisors named 质量监督 as the 2000s' texts do
    ("省卫生行政部门会同省食品药品监督管理、质量监督、农业等部门制定监测计划。",
     [("省卫生行政部门", "lead"), ("省食品药品监督管理", "support"), ("质量监督", "support"),
      ("农业", "support")]),
    # a generic department's own divisions after it: one body
    ("县市场监管部门相关业务科室要加强对供餐单位的检查。", [("县市场监管部门相关业务科室", "responsible")]),
    # a body publishing, its day in brackets after 今天: a news source, no task
    ("某市市场监管局今天（21日）公布，将简化食品经营许可审批程序。", []),
    # a body saying what it will do to what it names first (A表示，对…，将…)
    ("县市场监督管理局表示，对监督抽检中发现的不合格产品，将依法开展核查处置。",
     [("县市场监督管理局", "responsible")]),
    # …but not a clause telling what something else will do (…监测哨建立后，将…)
    ("县市场监督管理局相关负责人介绍，不良反应监测哨建立后，将有效加强对监测人员的培训。", []),
    # a body's seat names a place (县政府所在地城镇要…): no task of the government's
    ("各县（市、区）政府所在地城镇要建立回收服务点。", []),
    # advice to the public in a report is no task of the body that gives it
    ("市场监管部门提醒，过期药品不要随意丢弃。", []),
    # a joint meeting's members, state carriers' and the central bank's branches among them
    ("联席会议由县市场监管局、县公安局、人民银行某县支行、中国移动某县分公司等6个部门组成。",
     [("县市场监管局", "support"), ("县公安局", "support"), ("人民银行某县支行", "support"),
      ("中国移动某县分公司", "support")]),
    # …but a trading firm's branch is a regulated party, no body
    ("县医药公司分公司要落实主体责任。", []),
    # the lead's part named with its coordinating words
    ("县商务局要发挥统筹协调牵头抓总作用，县公安局密切配合。",
     [("县商务局", "lead"), ("县公安局", "support")]),
    # a finance department named by its sector, the funds put in its budget
    ("所需工作经费由县财政纳入年度预算。", [("县财政", "responsible")]),
    # a generic body named with the place the text speaks of, as written
    ("该县农业部门将于年内完成检测站建设。", [("该县农业部门", "responsible")]),
    # the lead's part after its coordinating words and a 、
    ("县商务局发挥统筹协调、牵头抓总作用；县公安局密切配合。", [("县商务局", "lead"), ("县公安局", "support")]),
    # a copy kept by the township government: no township named 一份由
    ("责任书一式两份，一份由镇政府留存。", []),
    # a verb of reference is no part of a body's name (各地市参照省局方案…)
    ("各地市参照省局活动方案组织开展宣传。", []),
    # a township office of the 2019 reform, whole
    ("联络组办公室设在镇应急管理办公室，负责日常联络。", [("镇应急管理办公室", "responsible")]),
]  # fmt: skip


@pytest.mark.parametrize("text,expected", GENRE, ids=[t[:24] for t, _ in GENRE])
def test_genre_assignments(text, expected):
    assert [(m.text, m.role) for m in find_assignments(text)] == expected


@pytest.mark.parametrize(
    "mention",
    [
        "各省、自治区、直辖市药品监督管理部门",
        "各县市区",
        "某某联动机制各成员单位",
        "市、区两级食品安全委员会办公室",
        "省市县三级食安委",
    ],  # fmt: skip
)
def test_genre_generic_bodies(mention):
    assert is_generic(mention)


def test_a_body_joined_by_lianhe_is_not_one_generic_body():
    assert not is_generic("省药监局联合其他部门")


# written for this test: a news reprint whose paragraph mixes narration and tasks
REPRINT = (
    "某某网讯 近日，某省药品安全委员会召开全体会议，听取了上半年工作汇报。"
    "会议指出，全省药品安全形势总体平稳。省药监局局长出席会议并讲话，市药监局有关负责人参加会议。"
    "2025年以来，省药监局共组织专项检查12次，要求企业立即整改。"
    "各市（州）政府要压实属地管理责任，"
    "把药品安全纳入考核。下一步，省药监局将会同省卫生健康委开展专项检查。"
    "此外，两市还将组建药品稽查联合工作专班，负责跨区域案件协查。\n"
)


def _roles_by_measure(tmp_path, text: str, opening: int) -> set[tuple[str, str, str]]:
    """(the measure's first `opening` letters, mention, role) of each role the text gives."""
    path = tmp_path / "reprint.txt"
    path.write_text(text, encoding="utf-8")
    record = extract_file(path)
    return {(m.text[:opening], d.mention, d.role) for m in record.measures for d in m.departments}


def test_a_reprint_paragraph_yields_one_measure_per_assigning_sentence(tmp_path):
    assert _roles_by_measure(tmp_path, REPRINT, 6) == {
        ("各市（州）政", "各市（州）政府", "responsible"),
        ("下一步，省药", "省药监局", "lead"),
        ("下一步，省药", "省卫生健康委", "support"),
        ("此外，两市还", "药品稽查联合工作专班", "responsible"),
    }


# written for this test: a reprint that reports past joint acts (a joint document by its act,
# work under joint organisation, a year before the bodies), each issuer or organiser leads
JOINT_ACTS = (
    "近日，宁晋县卫生局和县药监局日前联合发文，公布了首批可调剂使用的制剂名单，共有40种。"
    "名单的遴选是在县卫生局、县药监局联合组织下，由专家评审确定的。"
    "2019年县中医药管理局与县药监局沟通协商，联合组织开展了首批评估，8家机构通过。\n"
)


def test_a_reprint_reports_past_joint_acts_with_each_body_leading(tmp_path):
    assert _roles_by_measure(tmp_path, JOINT_ACTS, 4) == {
        ("近日，宁", "宁晋县卫生局", "lead"),
        ("近日，宁", "县药监局", "lead"),
        ("名单的遴", "县卫生局", "lead"),
        ("名单的遴", "县药监局", "lead"),
        ("2019", "县中医药管理局", "lead"),
        ("2019", "县药监局", "lead"),
    }


def test_the_first_listed_leads_and_the_others_keep_the_role_the_rule_gives_them():
    assert first_leads("各项任务列第一位者为牵头单位，其他为配合单位。") == "support"
    assert first_leads("排在第一位的为牵头单位，下同。") == "responsible"
    assert first_leads("各单位要按职责分工抓好落实。") is None


def test_a_documents_rule_for_several_units_in_a_bracket_is_no_body(tmp_path):
    """（责任单位：A、B；如任务涉及两个以上处室，列第一位的为牵头责任处室）: the rule's pieces
    name no body, and the first listed leads."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "某省市场监管局2031年工作要点\n（一）强化标准助推。对地方标准予以优先立项。（责任单位："
        "标准化处、计量处；如任务涉及两个以上处室，列第一位的为牵头责任处室）\n",
        encoding="utf-8",
    )
    record = extract_file(path)
    found = [(d.mention, d.role) for m in record.measures for d in m.departments]
    assert found == [("标准化处", "lead"), ("计量处", "responsible")]


def test_a_bracketed_list_holds_names_with_brackets_and_the_documents_rule():
    # written for this test: a task closed by its bodies and the document's rule for lists
    text = "规范网售处方审核。（区医保局、区卫生健康局、各县（市、区）市场监管局负责。列第一位的为牵头单位）"
    (statement,) = find_statements(text)
    assert [(m.text, m.role) for m in statement.mentions] == [
        ("区医保局", "responsible"), ("区卫生健康局", "responsible"),
        ("各县（市、区）市场监管局", "responsible"),
    ]  # fmt: skip
    assert all(text[m.start : m.end] == m.text for m in statement.mentions)


def test_a_unit_under_a_known_body_is_named_after_it_and_linked_to_it():
    gansu = next(p for p in provinces() if p.name == "甘肃省")
    unit = resolve("省药监局各检查分局", gansu)
    assert (unit.name, unit.level, unit.parent) == (
        "甘肃省药品监督管理局各检查分局", "division", "甘肃省药品监督管理局",
    )  # fmt: skip
    assert resolve("省药监局", gansu).level == "provincial"
    assert not resolve("省某某协会秘书处", gansu).known  # no known body before the unit


def test_the_numbered_sentences_of_a_short_notice_are_its_measures(tmp_path) -> None:
    """一、…。二、…。: each numbered line is one whole sentence heading nothing — an item,
    not the name of a section; a section's name (no full stop, or with text under it)
    stays a heading."""
    path = tmp_path / "notice.txt"
    path.write_text(
        "湖北省药品监督管理局关于做好药品经营企业年度自查工作的通知\n"
        "各市、州、直管市、神农架林区市场监督管理局：\n"
        "为落实企业主体责任，现就有关事项通知如下。\n"
        "一、各市州局要督促辖区内药品批发企业于每年1月底前完成年度自查。\n"
        "二、请各市州局于2024年6月30日前将检查情况报省局。\n"
        "三、工作要求\n"
        "各地要高度重视，加强组织领导，确保自查工作按时完成。\n",
        encoding="utf-8",
    )
    record = extract_file(path)
    texts = [m.text for m in record.measures]
    assert texts[:2] == [
        "各市州局要督促辖区内药品批发企业于每年1月底前完成年度自查。",
        "请各市州局于2024年6月30日前将检查情况报省局。",
    ]
    assert not any(t == "工作要求" for t in texts)
    assert [d.mention for d in record.measures[1].departments] == ["各市州局"]


@pytest.mark.parametrize(
    ("sentence", "assigns"),
    [
        ("会议强调，各地务必压实属地责任，确保疫苗储运安全。", True),
        ("根据国家相关要求、《全省经济社会发展规划纲要》和省委有关决策部署，制定本规划。", False),
        # a lead-in to a list that gives its subject the work assigns; an addressee line not
        ("本年度，县政府要落实属地管理责任，主要承担以下工作：", True),
        ("各乡镇人民政府，县政府各部门：", False),
        # a report's past act: 将 before a count is the preposition (将N件…曝光), not ahead
        ("去年以来，市市场监管局每季度发布一次抽检信息，将38件不合格产品信息向社会公开。", False),
        ("下半年，市市场监管局将对辖区内全部药店开展一次全面检查。", True),
        # an event's report passing on an instruction: the instructed body has the work
        ("5月8日，副市长李某出席会议并强调，卫生健康部门要加强医疗机构药品管理。", True),
        ("某局副局长张某通报了考核结果，并指出各街镇要认真分析研究考核结果。", True),
        # a news report's commitment with no body named: a year with its subject before the
        # modal, a count after the thing counted (认定…20个), but not an achievement (新增…59家)
        ("此外，2031年全区还要认定“标准化牧场”20个，培育家庭农场30家。", True),
        ("去年全省新增药品生产企业59家，药品批发企业142家。", False),
    ],
)
def test_an_instruction_gives_work_a_requirement_named_does_not(sentence, assigns) -> None:
    from policykg.ingest.preamble import assigning_sentences

    assert bool(assigning_sentences(sentence, 0)) is assigns


def test_an_instruction_reported_with_an_event_commits_its_body(tmp_path) -> None:
    path = tmp_path / "news.txt"
    path.write_text(
        "某县召开药品安全工作会议\n"
        "3月2日，副县长王某出席会议并强调，市场监管部门要加强药品零售企业日常检查，"
        "督促企业落实主体责任。\n",
        encoding="utf-8",
    )
    (measure,) = [m for m in extract_file(path).measures if "日常检查" in m.text]
    assert measure.statement == "commitment"
    assert [(d.mention, d.role) for d in measure.departments] == [("市场监管部门", "responsible")]


ROSTER_UNDER_A_HEADING = """一、工作目标
全面排查药品安全风险。
二、县疫苗安全工作领导小组由以下人员组成：
组 长：王某某（县人民政府副县长）
副组长：陈某某（县委县政府办公室副主任）
刘某某（县市场监督管理局局长）
成 员：赵某某（县卫生健康局副局长）
孙某某（县公安局副局长）
三、工作要求
各成员单位要按职责做好工作。
"""

ROSTER_OF_SENTENCES = """二、组成人员
组  长：市政府分管市场监管工作的副市长。
副组长：市政府联系市场监管工作的副秘书长，市市场监管局主要负责同志，市公安局分管负责同志。
成  员：市委宣传部、网信办，市财政局、司法局、卫生健康局，市检察院有关负责同志。
"""


def test_a_roster_is_one_measure_named_by_its_heading(tmp_path) -> None:
    path = tmp_path / "roster.txt"
    path.write_text(ROSTER_UNDER_A_HEADING, encoding="utf-8")
    roster = [m for m in extract_file(path).measures if "组 长" in m.text]
    assert len(roster) == 1
    assert roster[0].title == "县疫苗安全工作领导小组由以下人员组成"
    roles = [(d.mention, d.role) for d in roster[0].departments]
    # a person's post names the body (县人民政府副县长 → 县人民政府); 县委县政府办公室 whole
    assert roles == [("县人民政府", "lead"), ("县委县政府办公室", "lead"),
                     ("县市场监督管理局", "lead"), ("县卫生健康局", "support"),
                     ("县公安局", "support")]  # fmt: skip


def test_a_roster_of_sentences_stays_one_measure_and_lists_share_their_prefix(tmp_path) -> None:
    path = tmp_path / "roster.txt"
    path.write_text(ROSTER_OF_SENTENCES, encoding="utf-8")
    measures = [m for m in extract_file(path).measures if "组" in m.text]
    assert len(measures) == 1
    roles = [(d.mention, d.role) for d in measures[0].departments]
    assert roles == [("市政府", "lead"), ("市市场监管局", "lead"), ("市公安局", "lead"),
                     ("市委宣传部", "support"), ("网信办", "support"), ("市财政局", "support"),
                     ("司法局", "support"), ("卫生健康局", "support"),
                     ("市检察院", "support")]  # fmt: skip
    assert all(d.mention in measures[0].text for d in measures[0].departments)  # as written


# written for this test: articles of a rule whose sentence gives a body the duty a list spells out
ARTICLES = """第八条 区化妆品不良反应监测中心应当对收到的报告进行核实，并按照以下规定报告：
（一）收到严重报告后，于3个工作日内报区市场监管局；
（二）收到一般报告后，于10个工作日内报区市场监管局。
第九条 区市场监管局要加强监督检查，具体工作如下：
（一）每年开展一次药品经营企业专项检查，发现问题及时督促整改。
"""


def test_an_article_giving_a_duty_before_its_list_is_a_measure(tmp_path) -> None:
    path = tmp_path / "articles.txt"
    path.write_text(ARTICLES, encoding="utf-8")
    measures = extract_file(path).measures
    intro = [m for m in measures if m.text.startswith("第八条")]
    assert len(intro) == 1
    assert [(d.mention, d.role) for d in intro[0].departments] == [
        ("区化妆品不良反应监测中心", "responsible")
    ]
    # a bare introduction (…，具体工作如下：) with its subject is one too; its list items stay
    assert any(m.text.startswith("第九条") for m in measures)
    assert any("每年开展一次药品经营企业专项检查" in m.text for m in measures)


def test_a_pages_label_block_names_no_task(tmp_path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(
        "索引号: 000000/2027-00001\n责任部门: 某某省人民政府办公厅\n成文时间: 2027-03-02\n"
        "某某省人民政府办公厅关于加强药品安全工作的通知\n各市人民政府：\n"
        "省药监局要加强对药品零售企业的日常检查，发现问题及时处置。\n",
        encoding="utf-8",
    )
    record = extract_file(path)
    pairs = {(d.mention, d.role) for m in record.measures for d in m.departments}
    assert ("某某省人民政府办公厅", "responsible") not in pairs
    assert ("省药监局", "responsible") in pairs
    assert record.document.issued_date == "2027-03-02"


def test_a_narrated_paragraph_gives_no_task_and_a_duty_list_does(tmp_path) -> None:
    path = tmp_path / "news.txt"
    path.write_text(
        "湖北省市场监管局继续开展药品广告监测，未发现违法广告。荆州市市场监管局积极协调专家组"
        "为企业提供技术指导。\n"
        "据了解，荆州市药品安全委员会的主要职责为：分析全市药品安全形势，协调解决重大问题。\n",
        encoding="utf-8",
    )
    pairs = {(d.mention, d.role) for m in extract_file(path).measures for d in m.departments}
    assert pairs == {("荆州市药品安全委员会", "responsible")}


# written for this test: numbered items of one sentence, each followed by its unit lines
UNIT_LINES = """一、重点任务
1、推进农村集体聚餐备案管理，落实厨师健康证明制度。
牵头单位：市市场监管局
参加单位：市卫生健康委、市农业农村局
2、强化校园周边食品安全整治，严查无证经营行为。
牵头单位：市教育局
参加单位：市市场监管局、市公安局
"""


def test_unit_lines_after_one_sentence_items_belong_to_them(tmp_path) -> None:
    path = tmp_path / "units.txt"
    path.write_text(UNIT_LINES, encoding="utf-8")
    items = {
        m.text[:6]: [(d.mention, d.role) for d in m.departments]
        for m in extract_file(path).measures
    }
    assert items == {
        "推进农村集体": [
            ("市市场监管局", "lead"),
            ("市卫生健康委", "support"),
            ("市农业农村局", "support"),
        ],
        "强化校园周边": [
            ("市教育局", "lead"),
            ("市市场监管局", "support"),
            ("市公安局", "support"),
        ],
    }


def test_a_persons_name_before_a_level_prefix_is_no_place() -> None:
    from policykg.ingest.bodies import find_bodies

    found = [b.text for b in find_bodies("副召集人：王小明省政府副秘书长、李强省卫生健康委主任")]
    assert found == ["省政府", "省卫生健康委"]
    assert [b.text for b in find_bodies("兰州新区市场监管局负责")] == ["兰州新区市场监管局"]
    # in a list after a prefixed name, a person's name before a body is no omitted prefix
    listed = find_bodies("成员：张某省发展改革委副主任、杨某峰省财政厅副厅长、市财政局、司法局")
    assert [b.text for b in listed] == ["省发展改革委", "省财政厅", "市财政局", "司法局"]
    # a party group of a bureau is a body
    assert [b.text for b in find_bodies("市药监局党组要切实担负起主体责任")] == ["市药监局党组"]


def test_an_article_of_a_rule_is_normative_without_a_modal_word(tmp_path) -> None:
    path = tmp_path / "rule.txt"
    path.write_text(
        "第一条 为规范小餐饮管理，制定本办法。\n"
        "第三条 县级以上市场监管、卫生健康等部门依据各自职责，在本行政区域内对小餐饮实施监督管理。\n",
        encoding="utf-8",
    )
    pairs = {(d.mention, d.role) for m in extract_file(path).measures for d in m.departments}
    assert pairs == {("市场监管", "responsible"), ("卫生健康", "responsible")}


BACKGROUND_WITH_ROLES = """某某市药品安全“十五五”规划
一、发展现状
（一）监管体制不断完善。市卫生健康委承担药品安全综合协调职能，市场监管、农业农村、商务等部门分别承担相应监管职能。市药监局会同市公安局开展了打击假药专项行动。市药监局在全市范围内开展了抽检。
二、主要任务
（一）强化抽检。市药监局要加强对药品零售企业的抽检。
"""


def test_role_words_in_a_background_passage_give_roles_and_narration_none(tmp_path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(BACKGROUND_WITH_ROLES, encoding="utf-8")
    record = extract_file(path)
    background = [m for m in record.measures if m.statement == "background"]
    roles = [(d.mention, d.role) for m in background for d in m.departments]
    # 承担…职能 and 会同 are role words; a body merely acting (开展了抽检) gets no role
    assert roles == [("市卫生健康委", "responsible"), ("市场监管", "responsible"),
                     ("农业农村", "responsible"), ("商务", "responsible"),
                     ("市药监局", "lead"), ("市公安局", "support")]  # fmt: skip
    task = [m for m in record.measures if m.statement == "commitment"]
    assert [(d.mention, d.role) for m in task for d in m.departments] == [
        ("市药监局", "responsible")
    ]


DECIDED_IN_A_PREAMBLE = """某某市进口冷链食品专项整治行动方案
为维护市场秩序，按照上级部署，市市场监管局、市商务局、某某海关决定对全市进口冷链食品开展专项整治行动。现制定本方案。
一、工作目标
全面排查风险隐患。
"""


def test_bodies_that_decide_in_a_plans_preamble_take_the_task(tmp_path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(DECIDED_IN_A_PREAMBLE, encoding="utf-8")
    measures = [m for m in extract_file(path).measures if "决定" in m.text]
    assert len(measures) == 1 and measures[0].statement == "commitment"
    assert [(d.mention, d.role) for d in measures[0].departments] == [
        ("市市场监管局", "responsible"), ("市商务局", "responsible"), ("某某海关", "responsible")
    ]  # fmt: skip


ROSTER_TABLE = """某某县人民政府办公室关于成立县化妆品安全工作领导小组的通知
各乡镇人民政府，县政府各部门：
经县政府同意，成立县化妆品安全工作领导小组，组成人员如下：
职务\t姓名\t单位及职务
组长\t孙某\t县政府副县长
副组长\t李某\t县市场监管局局长
成员\t周某\t县公安局副局长
成员\t吴某\t县商务局副局长
领导小组办公室设在县市场监管局。
"""


def test_a_roster_table_gives_each_row_its_post_and_the_office_is_a_measure(tmp_path) -> None:
    path = tmp_path / "roster.txt"
    path.write_text(ROSTER_TABLE, encoding="utf-8")
    record = extract_file(path)
    roles = [(d.mention, d.role) for m in record.measures for d in m.departments]
    assert roles == [("县政府", "lead"), ("县市场监管局", "lead"), ("县公安局", "support"),
                     ("县商务局", "support"), ("县市场监管局", "responsible")]  # fmt: skip
    text = path.read_text(encoding="utf-8")
    roster = record.measures[0]
    # the evidence span in the source covers the rows, from the first post to the last
    # person's post (the header row goes with the table)
    assert roster.source_start is not None and roster.source_end is not None
    assert (
        text[roster.source_start : roster.source_end]
        == text[text.index("组长\t孙某") : text.index("县商务局副局长") + len("县商务局副局长")]
    )


NEWS_OF_A_NEW_GROUP = """某某县成立药品安全工作领导小组
3月2日，某某县召开会议，宣布成立药品安全工作领导小组。小组成员涉及该县财政局、公安局、卫生健康局等15个部门。
会上，与会人员观看了宣传片。
"""


def test_a_news_reports_role_words_give_roles_as_background(tmp_path) -> None:
    path = tmp_path / "news.txt"
    path.write_text(NEWS_OF_A_NEW_GROUP, encoding="utf-8")
    measures = [m for m in extract_file(path).measures if m.departments]
    assert [m.statement for m in measures] == ["background"]
    assert [(d.mention, d.role) for d in measures[0].departments] == [
        ("县财政局", "support"), ("公安局", "support"), ("卫生健康局", "support")
    ]  # fmt: skip


def test_a_pages_headline_over_its_byline_is_no_task(tmp_path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(
        "首页 > 工作动态\n"
        "县市场监管局多措并举确保疫苗储存运输安全落到实处\n"
        "来源：县市场监管局 | 2023-05-12\n"
        "近日，县市场监管局召开专题会议。会议要求，各监管所要加强对接种单位的日常检查。\n",
        encoding="utf-8",
    )
    texts = [m.text for m in extract_file(path).measures]
    assert not any(t.startswith("县市场监管局多措并举") for t in texts)
    assert any(t.startswith("会议要求，各监管所要") for t in texts)


@pytest.mark.parametrize(
    "byline",
    ["本文来源：市场监管局", "12.03.2021 09:30", "2021-03-12 09:30:15",
     "放大字体 缩小字体 时间:2021-03-12 09:30 来源:食品安全网", "本报江西讯 （记者 某某）"],
)  # fmt: skip
def test_a_headline_over_a_date_line_a_toolbar_or_a_dateline_is_no_task(tmp_path, byline) -> None:
    path = tmp_path / "report.txt"
    path.write_text(
        f"市政府每月研究药品安全工作\n{byline}\n会议要求，各区市场监管局要加强对零售药店的检查。\n",
        encoding="utf-8",
    )
    texts = [m.text for m in extract_file(path).measures if m.departments]
    assert not any(t.startswith("市政府每月") for t in texts)


def test_label_lines_under_a_paragraph_before_any_heading_belong_to_it(tmp_path) -> None:
    # an excerpt cut before its first heading: the item's 牵头单位/协办单位 lines follow it
    path = tmp_path / "excerpt.txt"
    path.write_text(
        "推动药品零售连锁发展，到2025年药品零售连锁率达到60%以上。\n"
        "牵头单位：市药监局\n"
        "协办单位：市商务局、各区县政府\n",
        encoding="utf-8",
    )
    measures = extract_file(path).measures
    assert len(measures) == 1
    assert [(d.mention, d.role) for d in measures[0].departments] == [
        ("市药监局", "lead"), ("市商务局", "support"), ("各区县政府", "support"),
    ]  # fmt: skip


def test_a_report_of_work_done_commits_to_no_target_and_keeps_its_role_words(tmp_path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(
        "某县市场监督管理局关于2023年药品安全工作情况的报告\n"
        "一、加强日常监管\n"
        "全年检查药品零售企业120家次，由各监管所轮流开展业务培训12次。\n"
        "二、下一步工作打算\n"
        "2024年，药品抽检合格率保持在98%以上。\n",
        encoding="utf-8",
    )
    record = extract_file(path)
    done, ahead = record.measures[0], record.measures[-1]
    assert done.statement == "background" and ahead.statement == "commitment"
    assert [(d.mention, d.role) for d in done.departments] == [("各监管所", "responsible")]
    assert [t.value_text for t in record.targets] == ["98%以上"]


def test_a_division_of_work_by_bodies_gives_each_heading_body_its_items(tmp_path):
    # a regulator's divisions as headings over their duties, and a name and its duty on one
    # line with a space between; the duty's verb gives the role
    path = tmp_path / "division.txt"
    path.write_text(
        "某某省药品监督管理局内设机构工作任务分工\n一、药品生产监管处\n1.负责药品生产企业日常检查。\n"
        "2.牵头开展无菌药品专项检查。\n3.配合做好疫苗批签发工作。\n二、医疗器械监管处\n"
        "负责医疗器械生产企业飞行检查。\n三、科技和规划财务处 负责统筹安排监管经费。\n",
        encoding="utf-8",
    )
    found = [(d.mention, d.role) for m in extract_file(path).measures for d in m.departments]
    assert found == [
        ("药品生产监管处", "responsible"),
        ("药品生产监管处", "lead"),
        ("药品生产监管处", "support"),
        ("医疗器械监管处", "responsible"),
        ("科技和规划财务处", "responsible"),
    ]


def test_a_heading_that_names_no_body_gives_its_items_none(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(
        "某某县药品安全工作方案\n一、工作任务\n1.负责全县药品零售企业日常检查。\n", encoding="utf-8"
    )
    assert [d for m in extract_file(path).measures for d in m.departments] == []


def test_a_duty_list_under_body_headings_keeps_its_short_duties(tmp_path):
    path = tmp_path / "duties.txt"
    path.write_text(
        "某某县药品安全工作职责分工\n二、职责分工\n（一）县市场监管局\n1.负责药品零售企业监管。\n"
        "2.牵头建立联合执法机制。\n（二）县卫生健康局\n配合开展药品抽检。\n",
        encoding="utf-8",
    )
    found = [
        (m.text, d.mention, d.role) for m in extract_file(path).measures for d in m.departments
    ]
    assert found == [
        ("负责药品零售企业监管。", "县市场监管局", "responsible"),
        ("牵头建立联合执法机制。", "县市场监管局", "lead"),
        ("配合开展药品抽检。", "县卫生健康局", "support"),
    ]


def test_a_duty_list_under_body_headings_reads_duties_opening_with_other_verbs(tmp_path):
    # written for this test: a leading group's member duties, each under its body's heading,
    # the duty opening with 将 / 以 / 通过 / 依法 rather than 负责
    path = tmp_path / "duties.txt"
    path.write_text(
        "某某市无偿献血领导小组成员单位职责\n一、市教育局\n将无偿献血知识纳入学校健康教育内容。\n"
        "二、市妇女联合会\n通过各级妇联组织开展献血宣传。\n三、市公安局\n依法打击非法采供血活动。\n"
        "四、市总工会\n负责指导各级工会组织开展献血活动。\n",
        encoding="utf-8",
    )
    found = {(d.mention, d.role) for m in extract_file(path).measures for d in m.departments}
    assert found == {
        ("市教育局", "responsible"),
        ("市妇女联合会", "responsible"),
        ("市公安局", "responsible"),
        ("市总工会", "responsible"),
    }


def test_a_notices_distribution_line_gives_no_body_a_task(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text(
        "某某县人民政府关于做好无偿献血工作的通知\n各乡镇人民政府：\n为做好今年无偿献血工作，现通知如下：\n"
        "一、各乡镇要切实加强组织领导，完成年度献血任务。\n二、县卫生局要加强血站监管。\n"
        "二〇三一年五月二十日\n主题词：卫生 献血 通知\n送：县委办、人大办、政协办，县法院、县检察院。\n",
        encoding="utf-8",
    )
    mentions = {d.mention for m in extract_file(path).measures for d in m.departments}
    assert "县委办" not in mentions and "县法院" not in mentions
    assert "各乡镇" in mentions


def test_an_autonomous_countys_short_name_opens_its_bodies(tmp_path) -> None:
    from policykg.ingest.assignments import find_assignments

    found = find_assignments(
        "近日，长阳县市场监督管理局联合县卫健局、公安局等部门，在全县开展专项检查。"
    )
    assert [(m.text, m.role) for m in found] == [
        ("长阳县市场监督管理局", "lead"),
        ("县卫健局", "support"),
        ("公安局", "support"),
    ]


def test_a_reported_set_up_with_its_office_is_background_with_roles(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text(
        "某镇完善食品安全监管体制\n发布时间：2016-05-06\n该镇成立了某镇食品安全委员会，镇长为委员会主任，"
        "办公室设在镇市场监管所，分管领导负责具体事宜。\n",
        encoding="utf-8",
    )
    found = [
        (m.statement, d.mention, d.role) for m in extract_file(path).measures for d in m.departments
    ]
    assert found == [("background", "镇市场监管所", "responsible")]


def test_a_news_report_of_bodies_joined_by_lianhe_gives_roles_but_an_event_none(tmp_path) -> None:
    # written for this test: a wire item; 联合 read as 会同 in the narration of a policy act,
    # while bodies joined to hold an event (举办…活动) take no role
    path = tmp_path / "news.txt"
    path.write_text(
        "各地疫苗专项检查方案均已出台\n"
        "本报讯 各地药品监管部门迅速行动，制定了专项检查方案。有的省局联合省卫健委、省公安厅"
        "共同制定本省《疫苗专项检查实施方案》，建立部门间协作机制，形成监管合力。\n"
        "某县市场监管局联合县卫健委等单位，举办安全用药月宣传活动启动仪式。\n",
        encoding="utf-8",
    )
    roles = [(d.mention, d.role) for m in extract_file(path).measures for d in m.departments]
    assert roles == [("省局", "lead"), ("省卫健委", "support"), ("省公安厅", "support")]


def test_a_roundup_of_several_bodies_work_reports_no_title_and_gives_joint_roles(tmp_path):
    # a news roundup: each ；-clause is another body's work; one of them issued a text, which
    # is not the report's subject; 联合 in the narration gives its roles, as background
    path = tmp_path / "roundup.txt"
    path.write_text(
        "本报讯 江西省各级市场监管部门在春节期间加强节日食品安全监管。\n"
        "省市场监管局抽查了8个设区市的农贸市场；南昌市市场监管局出台《南昌市网络订餐管理规范》，"
        "督促平台落实责任；九江市市场监管局联合相关部门，对景区餐饮单位开展专项检查；"
        "赣州市市场监管局开展过期食品清查。\n",
        encoding="utf-8",
    )
    record = extract_file(path)
    assert record.document.title is None
    pairs = [(d.mention, d.role, m.statement) for m in record.measures for d in m.departments]
    assert pairs == [
        ("九江市市场监管局", "lead", "background"),
        ("相关部门", "support", "background"),
    ]


def test_short_items_over_their_label_lines_keep_their_task_and_roles(tmp_path) -> None:
    # a numbered item however short is a task when 牵头单位 / 配合单位 lines follow it; its
    # 完成时限 line is a field of the item, no measure of its own
    path = tmp_path / "plan.txt"
    path.write_text(
        "某某县食品安全工作方案\n一、重点任务\n"
        "1.开展校园食品专项检查。\n牵头单位：县市场监管局\n配合单位：县教育局、县卫健局\n"
        "完成时限：2025年9月底前\n"
        "2.加强农村集体聚餐指导。\n牵头单位：县卫健局\n配合单位：各乡镇人民政府\n",
        encoding="utf-8",
    )
    found = [
        (m.text, [(d.mention, d.role) for d in m.departments]) for m in extract_file(path).measures
    ]
    assert found == [
        ("开展校园食品专项检查。",
         [("县市场监管局", "lead"), ("县教育局", "support"), ("县卫健局", "support")]),
        ("加强农村集体聚餐指导。", [("县卫健局", "lead"), ("各乡镇人民政府", "support")]),
    ]  # fmt: skip


def test_a_place_listed_before_the_body_it_shares_is_named_with_that_body(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text(
        "某市药品安全检查通知\n一、工作要求\n虎林市、同江市市场监管局要于6月30日前完成检查。\n",
        encoding="utf-8",
    )
    record = extract_file(path)
    pairs = {(d.mention, d.name) for m in record.measures for d in m.departments}
    # each named in full, as it signs (市场监管局 abbreviates 市场监督管理局)
    assert ("虎林市", "虎林市市场监督管理局") in pairs and (
        "同江市市场监管局",
        "同江市市场监督管理局",
    ) in pairs


def test_a_news_leads_reported_instruction_is_a_measure_and_its_summary_is_not(tmp_path):
    # a news page: its summary line repeats the report's first sentence; the notice the
    # report tells of instructs generic bodies — theirs is the task, the issuer's is none
    found = _roles(
        tmp_path,
        "核心提示：市食品安全委员会办公室日前印发通知，要求各区、各有关部门做好春节期间食品安全工作。\n"
        "本报讯 市食品安全委员会办公室日前印发通知，要求各区、各有关部门做好春节期间食品安全工作。\n"
        "通知强调，要加大对农贸市场的抽检力度。\n",
    )
    assert [(t[:3], mention, role) for t, mention, role in found] == [
        ("本报讯", "各区", "responsible"),
        ("本报讯", "各有关部门", "responsible"),
    ]


def test_a_pdf_copys_items_with_half_width_stops_and_broken_brackets(tmp_path):
    # a plan copied out of a PDF: items end in ". " before their bracket of bodies, and the
    # PDF's line breaks left spaces inside words of the bracket (配 合, 法 制办)
    found = _roles(
        tmp_path,
        "三、完善食品追溯体系 推动婴幼儿配方乳粉生产企业建立追溯系统.(市市场监管局负责)"
        "推进肉菜流通追溯体系建设,扩大覆盖 范围. (市商务委牵头,市农业农村委配 合)"
        "加强追溯法规宣传.(市司法局、市市场监管局牵头,各区县政府配合)\n",
    )
    assert found == [
        ("完善食品", "市市场监管局", "responsible"),
        ("推进肉菜", "市商务委", "lead"),
        ("推进肉菜", "市农业农村委", "support"),
        ("加强追溯", "市司法局", "lead"),
        ("加强追溯", "市市场监管局", "lead"),
        ("加强追溯", "各区县政府", "support"),
    ]


def test_a_duty_table_flattened_one_cell_a_line_under_a_one_line_header(tmp_path):
    # 序号 | 涉及部门 | 职责分工 as a page shows it: the header on one line, each cell on its own;
    # a duty that joins others (依法会同有关部门…) makes the row's body lead them
    found = _roles(
        tmp_path,
        "养老机构食品安全管理\n序号 涉及部门 职责分工\n1\n县民政局\n"
        "负责养老机构食品安全管理工作，督促养老机构落实主体责任。\n2\n县市场监督管理局\n"
        "负责养老机构食堂的监督检查；依法会同有关部门开展食品安全事故调查处理。\n",
    )
    assert [(mention, role) for _, mention, role in found] == [
        ("县民政局", "responsible"),
        ("县市场监督管理局", "lead"),
        ("有关部门", "support"),
    ]


def test_a_narrated_paragraph_gives_its_role_sentence_alone(tmp_path) -> None:
    """Narration taken for its role words: the sentence carrying them is the measure."""
    path = tmp_path / "report.txt"
    path.write_text(
        "某省药品监管体制改革进展顺利\n"
        "去年以来，全省上下高度重视药品监管体制改革。近日，省改革办会同省编办、省药监局"
        "深入调研，提出了改革方案初稿。3月5日，方案经省政府常务会议审议。\n",
        encoding="utf-8",
    )
    measures = [m for m in extract_file(path).measures if m.departments]
    assert [m.text for m in measures] == [
        "近日，省改革办会同省编办、省药监局深入调研，提出了改革方案初稿。"
    ]
    assert measures[0].statement == "background"
    assert [(d.mention, d.role) for d in measures[0].departments] == [
        ("省改革办", "lead"),
        ("省编办", "support"),
        ("省药监局", "support"),
    ]


def test_a_body_naming_itself_commits_under_the_name_it_refers_to(tmp_path) -> None:
    """我局将…: the body that spoke (A表示，…) commits; a self-reference with no body to refer
    to names none (no Department called 我局)."""
    path = tmp_path / "report.txt"
    path.write_text(
        "湖州市召开药品安全新闻发布会\n会上，湖州市市场监督管理局表示，感谢各界的关心和支持。"
        "下一步，我局将持续加大监管力度，守住药品安全底线。\n",
        encoding="utf-8",
    )
    record = extract_file(path)
    deps = [(d.mention, d.name, d.role) for m in record.measures for d in m.departments]
    assert ("我局", "湖州市市场监督管理局", "responsible") in deps
    alone = tmp_path / "alone.txt"
    alone.write_text("药品安全工作座谈\n下一步，我局将持续加大监管力度。\n", encoding="utf-8")
    lonely = extract_file(alone)
    assert not any(d.mention == "我局" for m in lonely.measures for d in m.departments)
    assert "我局" not in {d.name for d in lonely.departments}


def test_an_instruction_told_in_so_many_words_gives_the_task(tmp_path) -> None:
    """A report of an event that goes on to its instruction (A召开…会，要求B…) and a body that
    instructs others (A要求各县局…) give the bodies told the task; a picture's file name
    between paragraphs is page debris, not a numbered heading."""
    path = tmp_path / "report.txt"
    path.write_text(
        "某市严打假药犯罪\n\n3月2日，某市公安局召开全市公安机关打击假药犯罪部署会，"
        "要求全市公安机关迅速行动、重拳出击。\n\n21.jpg\n\n"
        "会后，湖州市市场监管局要求各县局加强药品零售环节检查。\n",
        encoding="utf-8",
    )
    record = extract_file(path)
    found = [(d.mention, d.role) for m in record.measures for d in m.departments]
    assert ("全市公安机关", "responsible") in found and ("各县局", "responsible") in found
    assert all(m.statement == "commitment" for m in record.measures if m.departments)
    assert not any((m.section or "").endswith("jpg") for m in record.measures)


def test_a_news_lead_of_a_joint_campaign_with_its_length(tmp_path) -> None:
    """近日，A、B、C联合在全市组织实施为期一年半的…行动: each body leads a campaign that runs
    ahead (a commitment), its length a target; the headline that repeats it adds none."""
    path = tmp_path / "report.txt"
    path.write_text(
        "湖州开展为期一年半的药品市场专项整治行动\n近日，湖州市市场监督管理局、湖州市公安局、"
        "湖州市卫生健康委员会联合在全市范围内组织实施为期一年半的药品市场专项整治行动。\n",
        encoding="utf-8",
    )
    record = extract_file(path)
    led = [(m.statement, d.role) for m in record.measures for d in m.departments]
    assert len(led) == 3 and set(led) == {("commitment", "lead")}
    assert [(t.value_text, t.value, t.unit) for t in record.targets] == [("一年半", 1.5, "年")]


def test_a_news_report_of_a_bodys_campaign_without_a_duty_word_gives_no_role(tmp_path) -> None:
    """近日，A对…开展为期5个月的…行动: a report of what A does, with no modal, role word or
    instruction, gives A no role (its length is still a target); A印发《方案》，从即日起开展…
    launches the campaign and keeps the issuer's role."""
    path = tmp_path / "report.txt"
    path.write_text(
        "某县整治化妆品市场\n本报讯 近日，湖州市市场监督管理局对全市美容机构开展为期5个月的"
        "化妆品专项整治行动。\n",
        encoding="utf-8",
    )
    record = extract_file(path)
    assert not [d for m in record.measures for d in m.departments]
    assert [(t.value_text, t.value) for t in record.targets] == [("5个月", 5.0)]
    launched = tmp_path / "launched.txt"
    launched.write_text(
        "某市整治药品网络销售\n近日，湖州市市场监督管理局印发《湖州市药品网络销售整治方案》，"
        "从即日起开展为期三个月的专项整治工作。\n",
        encoding="utf-8",
    )
    roles = [d.role for m in extract_file(launched).measures for d in m.departments]
    assert roles == ["responsible"]


def test_a_duty_cut_by_the_excerpt_after_its_role_word_keeps_its_body(tmp_path) -> None:
    """A division of duties by sector whose last line a page's excerpt cut after 负责 (卫生部门
    负责食…): the duty is stated, its body responsible, however short the line."""
    path = tmp_path / "duties.txt"
    path.write_text(
        "（二）明确各部门的监管职责。\n农业部门负责初级农产品生产环节的监管。\n"
        "质监部门负责食品生产加工环节的监管。\n卫生部门负责\n",
        encoding="utf-8",
    )
    pairs = [(d.mention, d.role) for m in extract_file(path).measures for d in m.departments]
    assert pairs == [
        ("农业部门", "responsible"),
        ("质监部门", "responsible"),
        ("卫生部门", "responsible"),
    ]


def test_a_pledge_reported_signed_gives_its_signers_their_duties(tmp_path) -> None:
    """签订了…责任书。责任书中，对各村明确了…责任: a report of a signing, whose pledge sets the
    villages their duties — a commitment, the villages responsible; the officials who sign
    (镇宣传委员) are persons."""
    path = tmp_path / "pledge.txt"
    path.write_text(
        "某镇与各村签订食品安全责任书\n3月12日上午，某镇镇宣传委员与全镇28个村支部书记分别签订了"
        "食品安全工作责任书。责任书中，对各村明确了食品安全协管责任：做好宣传，及时报告隐患。\n",
        encoding="utf-8",
    )
    found = [(m.statement, d.mention, d.role) for m in extract_file(path).measures
             for d in m.departments]  # fmt: skip
    assert found == [("commitment", "各村", "responsible")]


def test_a_notice_formula_of_bodies_that_jointly_drafted_the_text(tmp_path) -> None:
    """A、B、C联合制定了《X》，现予以印发: the notice's own past narrative (background), each body
    leads; the title is X."""
    path = tmp_path / "joint.txt"
    path.write_text(
        "为加强药品执法衔接，湖南省药品监督管理局、湖南省公安厅、湖南省人民检察院联合制定了"
        "《湖南省药品执法衔接工作细则》，现予以印发，请遵照执行。\n湖南省药品监督管理局\n"
        "湖南省公安厅\n湖南省人民检察院\n2031年5月6日\n湖南省药品执法衔接工作细则\n"
        "第一条 为加强衔接，制定本细则。\n",
        encoding="utf-8",
    )
    record = extract_file(path)
    first = record.measures[0]
    assert first.statement == "background"
    assert [(d.mention, d.role) for d in first.departments] == [
        ("湖南省药品监督管理局", "lead"),
        ("湖南省公安厅", "lead"),
        ("湖南省人民检察院", "lead"),
    ]
    assert record.document.title == "湖南省药品执法衔接工作细则"


def test_a_rules_articles_run_together_are_read_one_by_one(tmp_path) -> None:
    """第N条 glued to the sentence before it and a chapter heading glued to its first article,
    in a scraped line long enough to be run-on text: each article its own measure, its level's
    bureau responsible."""
    path = tmp_path / "rule.txt"
    text = (
        "某省医疗器械经营监督管理规定"
        + "\n"
        + "第二十条县局应当建立许可信息公开制度，及时公示有关信息。"
        + "第二十一条设区市局应当加强对县局许可行为的监督检查，并对其后果承担法律责任。"
        + "第五章监督检查第二十二条省局制定日常监督检查工作规范，负责监督检查的指导。"
        + "县局按照上级局的工作要求，制定年度监督检查计划。" * 10
        + "\n"
    )
    path.write_text(text, encoding="utf-8")
    pairs = [(d.mention, d.role) for m in extract_file(path).measures for d in m.departments]
    assert ("设区市局", "responsible") in pairs and ("省局", "responsible") in pairs


def test_bodies_counted_after_their_list_issue_a_notice_together(tmp_path):
    # (A、B等N个部门联合下发通知: each named body leads the joint text, told as background)
    text = "近日，市卫生健康委、市教育局、市公安局等9个部门联合下发通知，在全市开展校园周边食品整治。\n"
    assert _roles(tmp_path, text) == [
        ("近日，市", "市卫生健康委", "lead"),
        ("近日，市", "市教育局", "lead"),
        ("近日，市", "市公安局", "lead"),
    ]


def test_a_report_of_bodies_counted_back_to_acting_jointly(tmp_path) -> None:
    """…等5部门联合开展…: a news report's joint campaign, each named body leads (the rule book:
    A、B联合开展…), a report of the past read as background."""
    path = tmp_path / "report.txt"
    path.write_text(
        "本网讯 3月2日，甲省乙市丙县农业农村局召开农资打假工作会议。会议结束后，县农业农村局、"
        "县公安局、县市场监管局等5部门联合开展全县农资打假集中检查。\n",
        encoding="utf-8",
    )
    record = extract_file(path)
    joint = [m for m in record.measures if "联合开展" in m.text]
    assert [(d.mention, d.role) for d in joint[0].departments] == [
        ("县农业农村局", "lead"),
        ("县公安局", "lead"),
        ("县市场监管局", "lead"),
    ]


def test_a_news_report_of_a_sub_district_joining_bodies_and_a_case_handed_over(tmp_path) -> None:
    # written for this test: a county news item; a sub-district (某某街道) joins two bureaus,
    # and a case found is handed over (交由A) — role words of the narration, background
    path = tmp_path / "news.txt"
    path.write_text(
        "某街道开展校园周边食品安全整治\n"
        "日前，东林街道联合县市场监管局、县城管局对校园周边流动摊点进行集中整治。"
        "整治中共劝离摊点12个，发现涉嫌违法线索2条，已交由县公安局进一步调查处理。"
        "此外，县市场监管局还联合质监、渔业等部门对码头开展了突击检查。"
        "近日，南山街道组织网格员，联合县城管局和县卫生监督所对夜市进行了巡查。\n",
        encoding="utf-8",
    )
    measures = [m for m in extract_file(path).measures if m.departments]
    roles = [(d.mention, d.role) for m in measures for d in m.departments]
    assert roles == [
        ("东林街道", "lead"),
        ("县市场监管局", "support"),
        ("县城管局", "support"),
        ("县公安局", "responsible"),
        ("县市场监管局", "lead"),
        ("质监", "support"),
        ("渔业", "support"),
        ("南山街道", "lead"),
        ("县城管局", "support"),
        ("县卫生监督所", "support"),
    ]
    assert measures[0].statement == measures[-1].statement == "background"


def test_an_emergency_plans_decimal_outline_and_a_central_news_lead(tmp_path) -> None:
    # written for this test: a county plan numbered 2.1 / 2.2 (the decimal outline of emergency
    # plans): each body's duty under its heading is a measure, without a modal
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "某县药品安全突发事件应急预案\n"
        "2 组织机构及职责\n"
        "2.1 县级指挥机构\n"
        "县药品安全委员会协调指导一般药品安全突发事件应急处置工作。\n"
        "2.2 成员单位职责\n"
        "县卫生健康局组织开展伤病人员的医疗救治工作。\n",
        encoding="utf-8",
    )
    roles = [(d.mention, d.role) for m in extract_file(plan).measures for d in m.departments]
    assert roles == [("县药品安全委员会", "responsible"), ("县卫生健康局", "responsible")]
    # a news report whose lead says the reporter learnt it from a central body: national;
    # the central bodies who jointly drew up an opinion lead, in the narration
    news = tmp_path / "news.txt"
    news.write_text(
        "五部门联合制定意见加强疫苗流通管理\n"
        "新华社北京3月2日电（记者王某）记者2日从国家卫生健康委获悉，为加强疫苗流通管理，"
        "国家卫生健康委、工业和信息化部等五部门日前联合制定实施意见，规范疫苗储存运输。\n",
        encoding="utf-8",
    )
    record = extract_file(news)
    assert record.document.province is None
    lead = next(m for m in record.measures if "获悉" in m.text)
    assert [(d.mention, d.role) for d in lead.departments] == [
        ("国家卫生健康委", "lead"),
        ("工业和信息化部", "lead"),
    ]
    assert lead.statement == "background"


def test_a_launch_told_as_done_is_narration(tmp_path) -> None:
    # written for this test: a provincial bureau's campaign told as launched (部署开展了…) is
    # narration, no task; a goal it set (部署，要求到2027年…达到…) is a commitment, as reported
    news = tmp_path / "news.txt"
    news.write_text(
        "某省整治网络订餐\n"
        "今年3月，江苏省市场监督管理局部署开展了为期3个月的网络订餐专项检查行动。\n"
        "江苏省市场监督管理局同时部署，要求到2027年全省入网餐饮单位公示率达到95%。\n",
        encoding="utf-8",
    )
    measures = [m for m in extract_file(news).measures if m.departments]
    assert [(m.text[:7], [d.role for d in m.departments]) for m in measures] == [
        ("江苏省市场监督", ["responsible"])
    ]
    assert "公示率" in measures[0].text


def test_a_habit_told_in_a_speech_is_narration(tmp_path) -> None:
    # written for this test: 一直以来 and 始终将 tell what has been done all along (将 the
    # object marker, nothing ahead); 将进一步 looks ahead
    news = tmp_path / "news.txt"
    news.write_text(
        "某市举行药品安全应急演练\n"
        "王某指出，一直以来，市委、市政府始终将药品安全摆在突出位置。\n"
        "王某强调，市药监局将进一步完善应急预案。\n",
        encoding="utf-8",
    )
    roles = [(d.mention, d.role) for m in extract_file(news).measures for d in m.departments]
    assert roles == [("市药监局", "responsible")]


def test_a_procuratorates_office_joining_a_bureau_in_the_narration(tmp_path) -> None:
    # written for this test: an office (…检察室) joins a bureau, told as done: its role word
    # gives the roles in the narration; a delivery platform's name (饿了么) tells nothing past
    news = tmp_path / "news.txt"
    news.write_text(
        "某县检查校园周边食品安全\n"
        "近日，东平县检察院派驻城关检察室联合县市场监管局开展了校园周边食品安全检查。\n"
        "县市场监管局要督促饿了么等平台落实主体责任。\n",
        encoding="utf-8",
    )
    measures = [m for m in extract_file(news).measures if m.departments]
    assert [(d.mention, d.role) for m in measures for d in m.departments] == [
        ("东平县检察院派驻城关检察室", "lead"),
        ("县市场监管局", "support"),
        ("县市场监管局", "responsible"),
    ]
    assert [m.statement for m in measures] == ["background", "commitment"]
