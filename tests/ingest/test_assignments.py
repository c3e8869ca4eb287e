"""Golden tables: bodies by form, and running-text assignments → (mention, role).

Every sentence here was written for the test, in the genre (no held-out or seed text).
"""

from __future__ import annotations

import pytest
from policykg.ingest.assignments import find_assignments
from policykg.ingest.bodies import find_bodies, is_body, is_generic
from policykg.ingest.canonical_departments import resolve
from policykg.ingest.group_posts import roster_mentions
from policykg.ingest.pipeline import extract_file
from policykg.ingest.responsibility import Mention
from policykg.ingest.role_cues import apply_first_leads, first_leads

# mention → (named or generic body?, generic?)
BODIES = [
    ("省药监局", True, False),
    ("国务院办公厅", True, False),
    ("省人民政府办公厅", True, False),
    ("西宁市卫生健康委员会", True, False),
    ("自治区药品监督管理局", True, False),
    ("县市场监管局", True, False),
    ("省药品安全工作领导小组", True, False),
    ("市食品药品安全工作联席会议", True, False),
    ("省住房和城乡建设厅", True, False),
    ("盟卫生健康委", True, False),
    ("有关部门", True, True),
    ("各成员单位", True, True),
    ("各县（市、区）人民政府", True, True),
    ("各级药品监管部门", True, True),
    ("商务部门", True, True),
    ("县级以上地方人民政府", True, True),
    ("加强监管", False, False),
    ("推进追溯体系建设", False, False),
    ("支持企业开展研发", False, False),
    ("会同有关部门", False, False),
    ("一是监管部门", False, False),
    ("联合相关部门", False, False),
    ("朔州盐务分局", True, False),
    ("省盐业公司", True, False),
    ("长治久安局", False, False),
    ("市不断发挥互联网医院", False, False),
    ("旗县级以上人民政府", True, True),
    ("市、县（市、区）人民政府", True, True),
]


@pytest.mark.parametrize("mention,body,generic", BODIES, ids=[b[0] for b in BODIES])
def test_bodies_by_form(mention, body, generic):
    assert is_body(mention) is body
    assert is_generic(mention) is generic


def test_bodies_found_in_running_text_with_spans():
    text = "由州药监局牵头，州公安局和州农牧局配合。"
    found = find_bodies(text)
    assert [b.text for b in found] == ["州药监局", "州公安局", "州农牧局"]
    assert all(text[b.start : b.end] == b.text for b in found)


# sentence → the bodies found in it, in order (forms of the generic sector department)
SECTOR_DEPARTMENTS = [
    # a long sector with its level, and the body joined after 会同 (not its 同)
    (
        "由市食用农产品安全监管部门会同市教育部门负责。",
        ["市食用农产品安全监管部门", "市教育部门"],
    ),
    # the 部 of 部门 ends no named body, a province before the place included
    ("自即日起，江西某某市海洋渔业部门开展检查。", ["江西某某市海洋渔业部门"]),
    # 经 before an approving body is no part of it; 经信部门 keeps its 经
    ("经国家有关行政管理部门批准后生产。", ["国家有关行政管理部门"]),
    ("市经信部门负责协调。", ["市经信部门"]),
    # a verb or a speaker before 部门 opens no body (畅通部门信息, 可拨打…部门电话, 连同…送…部门)
    ("要畅通部门监管信息，可拨打市场监管部门投诉电话。", ["市场监管部门"]),
    ("公安机关填写委托书，连同检品送稽查部门。", ["公安机关", "稽查部门"]),
]


@pytest.mark.parametrize("text,bodies", SECTOR_DEPARTMENTS, ids=[s[0] for s in SECTOR_DEPARTMENTS])
def test_sector_departments_in_running_text(text, bodies):
    assert [b.text for b in find_bodies(text)] == bodies


# sentence → [(mention, role)]
ASSIGNMENTS = [
    # an enumerator (一是/二是) opens the clause before its subject
    ("局长强调，一是监管部门要落实属地责任，二是行业部门要加强指导。",
     [("监管部门", "responsible"), ("行业部门", "responsible")]),
    # posts written after the officer (…任组长 / …等为成员单位)
    ("市政府秘书长王某某任组长，市药监局局长赵某某任副组长，市卫健委、市医保局等为成员单位。",
     [("市政府", "lead"), ("市药监局", "lead"), ("市卫健委", "support"), ("市医保局", "support")]),
    ("由区市场监管局负责，区公安分局配合。", [("区市场监管局", "responsible"), ("区公安分局", "support")]),
    # a subjectless clause joining generic bodies names no body of its own; a duty list's
    # line (its body above it) and a named body joined keep theirs
    ("加强案件协查通报，联合相关部门对跨县区的重大案件进行督办。", []),
    ("负责养老机构食堂的监督检查；依法会同有关部门开展事故调查。", [("有关部门", "support")]),
    # a body's units, each with its own duty in one sentence, the first with the body's name
    ("市局药品注册处负责注册受理，综合处负责信息报送，执法支队负责案件查办。",
     [("市局药品注册处", "responsible"), ("综合处", "responsible"), ("执法支队", "responsible")]),
    # a county's sectors and an office sharing 等多部门, a comma, then 联合: each leads
    ("元旦期间，修水县农业、公安、市管办等多部门，联合开展为期100天的猪肉市场整治行动。",
     [("修水县农业", "lead"), ("公安", "lead"), ("市管办", "lead")]),
    # 并会同 after the subject's first task: the subject leads, the bodies joined support
    ("市食安办要做好协调工作，并会同市商务局、市公安局等部门对重点县开展督查。",
     [("市食安办", "lead"), ("市商务局", "support"), ("市公安局", "support")]),
    # bodies deciding a joint campaign, its window before 联合 (决定于…联合开展): each leads
    ("省卫生健康委、省公安厅、省市场监管局决定于2031年6月至12月联合开展打击非法行医专项整治。",
     [("省卫生健康委", "lead"), ("省公安厅", "lead"), ("省市场监管局", "lead")]),
    ("县卫生健康局、县公安局决定联合开展医疗美容专项整治。", [("县卫生健康局", "lead"), ("县公安局", "lead")]),
    # the local divisions as subjects, a report's time before what they send (年底前向…报告)
    ("各市州年底前向省委、省政府报告药品安全工作情况。", [("各市州", "responsible")]),
    ("各县区每季度向市食安办报送工作进展。", [("各县区", "responsible")]),
    # the people heading a body, told to act in person (主要负责人要亲自…): the body's task; a
    # level's 党政 named by its heads is one generic body
    ("县市场监管局主要负责人要亲自部署，逐项抓好落实。", [("县市场监管局", "responsible")]),
    ("各乡镇党政主要负责人要靠前指挥，带头包保。", [("各乡镇党政", "responsible")]),
    # a body's own staff named for the task (由专人负责, 安排专人跟踪): the body's task
    ("县局稽查科、各监管所由专人负责每周汇总上报。",
     [("县局稽查科", "responsible"), ("各监管所", "responsible")]),
    ("县卫生健康局要安排专人跟踪整改进展。", [("县卫生健康局", "responsible")]),
    # a list's last item run on with a space, no stop, into the next sentence's subject
    ("经研究，第三批示范县为：临河区：某镇 五原县：某镇 各地要加强对示范县的指导，及时总结经验。",
     [("各地", "responsible")]),
    # a group the subject sets up, headed by its own head (局长, 主要负责人): the subject leads
    ("日前，桐庐县市场监督管理局围绕春季检查，成立由局主要负责人担任组长的工作领导小组，制定了方案。",
     [("桐庐县市场监督管理局", "lead")]),
    ("海盐县卫生健康局成立了以局长为组长、分管副局长为副组长的工作专班。",
     [("海盐县卫生健康局", "lead")]),
    # a special zone or a city addressed beside the generic plural of its peers: a body like
    # them (its administration), its committee named too; a place alone as subject stays none
    ("各设区市政府和杨凌示范区管委会要抓紧制订实施方案。",
     [("各设区市政府", "responsible"), ("杨凌示范区管委会", "responsible")]),
    ("请各设区市和平潭综合实验区10月底前将工作总结报送省食安办。",
     [("各设区市", "responsible"), ("平潭综合实验区", "responsible")]),
    ("各市、县和洋浦经济开发区要加强督促检查。", [("各市、县", "responsible")]),
    ("各地级市和兰州新区要加强督促检查。", [("各地级市", "responsible"), ("兰州新区", "responsible")]),
    ("海口市要加强督促检查。", []),
    # a region's short name before the generic local regulators: one generic body
    ("宁夏各地市场监管部门对检查发现的问题，将督促企业限期整改。",
     [("宁夏各地市场监管部门", "responsible")]),
    # the regulated named by what they do with the product are no bodies of the system
    ("各食品生产经营单位要建立进货查验制度。", []),
    ("各医疗器械使用单位要加强在用设备管理。", []),
    # one sector's name joining two (海洋与渔业); a level's 党委、政府 and the local government
    ("海洋与渔业部门负责水产品养殖环节的监管。", [("海洋与渔业部门", "responsible")]),
    ("临高县卫生局会同当地乡镇党委、政府对村医进行考核。",
     [("临高县卫生局", "lead"), ("当地乡镇党委、政府", "support")]),
    ("县市场监管局会同所在地乡镇政府开展排查。", [("县市场监管局", "lead"), ("所在地乡镇政府", "support")]),
    # a responsibility set out for a generic plural (对各村明确了…责任): each takes it; a post
    # named by its body (镇宣传委员) is a person
    ("责任书中，对各村明确了食品安全协管责任。", [("各村", "responsible")]),
    ("镇宣传委员与各村支部书记签订了责任书。", []),
    # a region's prefectures and counties (or leagues and banners) run together as subject
    ("各地州市县要按照事权分工落实监管职责。", [("各地州市县", "responsible")]),
    ("各盟市旗县要加强对基层的督导。", [("各盟市旗县", "responsible")]),
    # a body's meeting as subject is an event; a stance told of a body is no task
    ("3日，省药品安全工作联席会议第二次会议在省药监局召开。", []),
    ("近年来，某省委、省政府高度重视中药产业，出台了扶持政策。", []),
    # a state bank's branch among the issuers of a joint plan (联合 with no body after it:
    # each leads); an academician's title names no body
    ("省卫生健康委、省农业农村厅、中国农业发展银行某某省分行联合出台了行动方案。",
     [("省卫生健康委", "lead"), ("省农业农村厅", "lead"), ("中国农业发展银行某某省分行", "lead")]),
    ("中国工程院院士某某任专家组组长。", []),
    # work done together by the bodies named after 将由 (等多部门: a vague count closes them)
    ("该规划将由省卫生健康委、省发展改革委等多部门共同完成。",
     [("省卫生健康委", "responsible"), ("省发展改革委", "responsible")]),
    # bodies named by their role (牵头部门要…, 配合单位要…) and the localities joined to the
    # departments (有关部门和地方要…)
    ("跨部门的事项，牵头部门要主动协调，配合部门要积极支持。",
     [("牵头部门", "lead"), ("配合部门", "support")]),
    ("各有关部门和地方要抓好贯彻落实。", [("各有关部门", "responsible"), ("地方", "responsible")]),
    ("发展地方特色产业。", []),
    # a province's rule naming levels alone (设区市局应当…); 要求 + a generic level with a manner
    # word after it; a zone's short forms before each body of a 联合 list
    ("设区市局应当加强对县局日常检查的指导。", [("设区市局", "responsible")]),
    ("印发了检查表，要求各县区严格按照时限完成核查。", [("各县区", "responsible")]),
    ("行动中，综保区社会事务局联合新乡市卫生监督局、综保区公安分局、执法局等相关单位开展检查。",
     [("综保区社会事务局", "lead"), ("新乡市卫生监督局", "support"), ("综保区公安分局", "support"),
      ("执法局", "support"), ("相关单位", "support")]),
    # a province's full name opening a list of its bodies' short forms (…省教育厅、工信厅、公安厅…
    # 等N个部门): each item inherits the province's level; a body named and the others counted
    # (A等26部门联合印发…): A leads; a generic office joining the generic bodies of its level
    ("吉林省教育厅、工信厅、公安厅、粮食局、科协等5个部门于9月底前开展宣传活动。",
     [("吉林省教育厅", "responsible"), ("工信厅", "responsible"), ("公安厅", "responsible"),
      ("粮食局", "responsible"), ("科协", "responsible")]),
    ("吉林省食安办等20部门联合印发活动方案，各相关部门自行组织开展宣传。",
     [("吉林省食安办", "lead"), ("各相关部门", "responsible")]),
    ("各县（市）食安办联合同级有关部门开展宣传周活动。",
     [("各县（市）食安办", "lead"), ("同级有关部门", "support")]),
    ("全省各级党委和政府要切实扛起食品安全政治责任。", [("全省各级党委和政府", "responsible")]),
    # two bodies issuing a document together, its day before 联合 (…2月22日联合发文要求…): each
    # leads; the related departments after 等 in a 联合 list support with the named one
    ("省农业农村厅、省市场监督管理局3月5日联合发文，要求规范农村集体聚餐。",
     [("省农业农村厅", "lead"), ("省市场监督管理局", "lead")]),
    ("县市场监管局联合县卫健局等有关部门，对学校食堂开展专项检查。",
     [("县市场监管局", "lead"), ("县卫健局", "support"), ("有关部门", "support")]),
    # a document's kind as the one instructing (指导意见要求各地…); generic levels listed over a
    # comma after 要求
    ("指导意见要求地方各级人民政府将集体聚餐纳入网格化管理。", [("地方各级人民政府", "responsible")]),
    ("会议要求各乡镇，县直有关单位明确专人抓好落实。",
     [("各乡镇", "responsible"), ("县直有关单位", "responsible")]),
    ("由县药监局牵头，县卫生健康局、县医保局配合，建立联合检查机制。",
     [("县药监局", "lead"), ("县卫生健康局", "support"), ("县医保局", "support")]),
    ("省药监局会同省卫生健康委员会推进疫苗追溯体系建设。",
     [("省药监局", "lead"), ("省卫生健康委员会", "support")]),
    ("市医保局牵头，市财政局、市税务局参与，完善支付政策。",
     [("市医保局", "lead"), ("市财政局", "support"), ("市税务局", "support")]),
    ("省发展改革委、省工业和信息化厅按职责分工负责。",
     [("省发展改革委", "responsible"), ("省工业和信息化厅", "responsible")]),
    ("各级药品监管部门要强化日常监督检查。", [("各级药品监管部门", "responsible")]),
    ("请各县（市、区）人民政府结合实际抓好冷链食品排查。", [("各县（市、区）人民政府", "responsible")]),
    ("商务部门要加强药品流通行业管理。", [("商务部门", "responsible")]),
    ("市卫生健康委：负责医疗机构用药监测。", [("市卫生健康委", "responsible")]),
    # a leading group: a person's post names the body (省政府分管副省长 → 省政府, as the
    # held-out rule book reads it); 副组长 → lead (the stated choice); members → support;
    # 办公室设在A → A responsible
    ("成立省药品安全委员会，主任由省政府分管副省长担任，副主任由省政府副秘书长和省市场监管局"
     "局长担任，成员单位包括省教育厅、省公安厅、省财政厅等部门。委员会办公室设在省市场监管局。",
     [("省政府", "lead"), ("省市场监管局", "lead"), ("省教育厅", "support"), ("省公安厅", "support"),
      ("省财政厅", "support")]),
    ("联席会议召集人由市药监局主要负责同志担任，成员为市公安局、市农业农村委。",
     [("市药监局", "lead"), ("市公安局", "support"), ("市农业农村委", "support")]),
    ("领导小组办公室设在县卫生健康局，负责日常工作。", [("县卫生健康局", "responsible")]),
    # X由A会同B + the act: the work done jointly, A leading
    ("专项检查由县市场监管局会同县人民检察院共同开展。",
     [("县市场监管局", "lead"), ("县人民检察院", "support")]),
    # a township's station named by its town without 镇 (城关派出所), opening a clause
    ("下一步，城关市场监管所会继续加强辖区餐饮门店的检查。", [("城关市场监管所", "responsible")]),
    # a level's department by its sector's short name (县食药监), a township office of the 2019
    # reform and a station after 联合; 等多部门 before the act
    ("由县农业农村局联合县食药监、县公安局等多部门联合开展了种子市场检查。",
     [("县农业农村局", "lead"), ("县食药监", "support"), ("县公安局", "support")]),
    ("由镇食安办牵头，联合综合行政执法办、城关派出所等部门开展巡查。",
     [("镇食安办", "lead"), ("综合行政执法办", "support"), ("城关派出所", "support")]),
    # a name written with 与 by its province (海洋与渔业)
    ("市海洋与渔业局联合市公安局开展水产品检查。", [("市海洋与渔业局", "lead"), ("市公安局", "support")]),
    ("检查县卫生院的药品储存。", []),
    # a list's manner before its joint act (A、B以…的方式，联合开展…): each leads, as 联合 after them
    ("县粮食局、县物价局以暗访的方式，联合开展夏粮收购检查。", [("县粮食局", "lead"), ("县物价局", "lead")]),
    # …or how they share the work (A与B各司其职，联合开展了…): each leads; 各司 is no unit of B
    ("县卫健局与县医保局各司其职，联合开展了定点药店检查。", [("县卫健局", "lead"), ("县医保局", "lead")]),
    # the townships of an area as subjects, the area before them (辖区各乡镇要…)
    ("辖区各乡镇要落实属地巡查责任。", [("各乡镇", "responsible")]),
    # a province's generic bodies of all levels opening a list that goes on after 、
    ("今后河北省各级检察机关、公安机关、药品监管部门将共享案件信息。",
     [("河北省各级检察机关", "responsible"), ("公安机关", "responsible"), ("药品监管部门", "responsible")]),
    # a police unit's official name holds 与 (食品药品与环境犯罪侦查大队); 召开 ends a name
    ("平湖市公安局食品药品与环境犯罪侦查大队将承担打击食药犯罪的职责。",
     [("平湖市公安局食品药品与环境犯罪侦查大队", "responsible")]),
    ("县卫健局和县医保局定期召开联席会议。", [("县卫健局", "responsible"), ("县医保局", "responsible")]),
    # a body's official by name and post at an event: the official's words, no task of the body's
    ("市局稽查处某某某处长在培训班上对检查员提出了要求。", []),
    # a sector of the 2018 reform named by its short form in a 会同 list (林草 for 林业和草原)
    ("甘孜州食安办会同公安、林草、市场监管等部门开展联合检查。",
     [("甘孜州食安办", "lead"), ("公安", "support"), ("林草", "support"), ("市场监管", "support")]),
    # a command's working group after its name (指挥部物资保障组): the group, not its command
    ("县疫情防控指挥部物资保障组负责统一调配防护物资。", [("县疫情防控指挥部物资保障组", "responsible")]),
    # the text's own body with its partner, acting jointly (我局与B联合起草了…): each leads
    ("我局与市公安局联合起草了《药品检验认定办法》。", [("我局", "lead"), ("市公安局", "lead")]),
    # bodies speaking together of their support (A一致表示，将积极配合B…)
    ("各成员单位一致表示，将积极配合县检察院开展衔接工作。", [("各成员单位", "support")]),
    # a body speaking of its own support (A表示，将积极配合B…)
    ("县教育局表示，将积极配合县疾控中心开展学校传染病防控。", [("县教育局", "support")]),
    # a sector named bare inside a list of bodies (A、B、公安、工商等多部门)
    ("县食安委、县经信局、公安、工商等多部门将联合整治食盐市场。",
     [("县食安委", "lead"), ("县经信局", "lead"), ("公安", "lead"), ("工商", "lead")]),
    # a reform's transfer of a function to a body (…职能移交A负责)
    ("其中盐业主管职能移交工信部门负责。", [("工信部门", "responsible")]),
    # 应 ends a body's name (…人民政府应坚持…), 应急 does not
    ("第四条 市级人民政府应坚持属地管理的原则，建立长效机制。", [("市级人民政府", "responsible")]),
    ("县应急管理局负责安全检查。", [("县应急管理局", "responsible")]),
    ("县市监局、县农业农村局、森林公安等单位联合开展农资打假行动。",
     [("县市监局", "lead"), ("县农业农村局", "lead"), ("森林公安", "lead")]),
    # the bodies' units' people named for a post (联络员): no task of the bodies
    ("各成员单位相关科室负责人为联席会议联络员。", []),
    # a county of two characters opens a body's name at a clause's opening (临县, 沛县…)
    ("沛县市场监管局联合县公安局开展食品打假行动。",
     [("沛县市场监管局", "lead"), ("县公安局", "support")]),
    ("市卫生局和县卫生局负责检查。", [("市卫生局", "responsible"), ("县卫生局", "responsible")]),
    # units named bare before their duties, a division of work run on with 、
    ("植保站负责农药、动物卫生监督所负责兽药、农机中心负责农机的检查。",
     [("植保站", "responsible"), ("动物卫生监督所", "responsible"), ("农机中心", "responsible")]),
    ("该中心负责技术支持。", []),
    # sectors named bare: short forms of county usage, a province before the first
    ("由农林、药监、工商等部门按照职责分工开展检查。",
     [("农林", "responsible"), ("药监", "responsible"), ("工商", "responsible")]),
    # a sector's name holding 和 (工业和信息化, 住房和城乡建设) in a generic department
    ("卫生健康部门要会同工业和信息化主管部门做好短缺药品监测。",
     [("卫生健康部门", "lead"), ("工业和信息化主管部门", "support")]),
    # a name known by its suffix in a list, before the list's role (…、某某管委会积极配合)
    ("由县商务局牵头，各乡镇、开发区管委会、物流园区服务中心积极配合。",
     [("县商务局", "lead"), ("各乡镇", "support"), ("开发区管委会", "support"),
      ("物流园区服务中心", "support")]),
    # a news report's day run into its subject
    ("3月5日县农业局联合县公安局对农资门店进行了检查。", [("县农业局", "lead"), ("县公安局", "support")]),
    ("县农业农村局会同县公安、检察院、法院等部门开展农资打假。",
     [("县农业农村局", "lead"), ("县公安", "support"), ("检察院", "support"), ("法院", "support")]),
    ("湖南省质监、卫生监督等部门将开展联合抽检。",
     [("湖南省质监", "responsible"), ("卫生监督", "responsible")]),
    # a township or sub-district by its own name (某某镇人民政府, 某某街道办事处, bare 某某街道 acting)
    ("东林街道联合县城管局、县卫生健康局对辖区摊点开展整治。",
     [("东林街道", "lead"), ("县城管局", "support"), ("县卫生健康局", "support")]),
    ("县市场监管局联合青山街道办事处、白水镇人民政府开展检查。",
     [("县市场监管局", "lead"), ("青山街道办事处", "support"), ("白水镇人民政府", "support")]),
    ("由相关街道办事处会同县农业局、县卫生局等部门统一收集处理。",
     [("相关街道办事处", "lead"), ("县农业局", "support"), ("县卫生局", "support")]),
    # a sector's bureau with no level (county news usage), and bare sectors opening 联合's list
    ("由城管局牵头，公安局、环保局等单位联合对夜市开展整治。",
     [("城管局", "lead"), ("公安局", "support"), ("环保局", "support")]),
    ("县市场监管局还联合质监、渔业等相关部门对码头开展检查。",
     [("县市场监管局", "lead"), ("质监", "support"), ("渔业", "support")]),
    ("由县商务局牵头，县公安局、县交通局共同开展整治。",
     [("县商务局", "lead"), ("县公安局", "support"), ("县交通局", "support")]),
    # the bodies counted back to after the lead's list join no one (…，三部门联合开展…)
    ("县市场监管局联合县商务局和县公安局，三部门联合开展节前检查。",
     [("县市场监管局", "lead"), ("县商务局", "support"), ("县公安局", "support")]),
    # 由A、B确定: a decision is a duty; 各乡镇（街道）配合 a generic level supporting
    ("经营时段由区商务局、区城管局、各镇街确定。",
     [("区商务局", "responsible"), ("区城管局", "responsible"), ("各镇街", "responsible")]),
    ("县卫生局加强技术指导，各乡镇（街道）配合。", [("县卫生局", "responsible"), ("各乡镇（街道）", "support")]),
    # a time adverb before the subject, an instruction passed on (按照…要求各地…)
    ("下一步，各级市场监管部门将加强夜市检查。", [("各级市场监管部门", "responsible")]),
    ("市市场监管局按照省局要求各县市场监管部门要开展自查。", [("各县市场监管部门", "responsible")]),
    ("各县食品安全委员会办公室要于9月底前完成自查。", [("各县食品安全委员会办公室", "responsible")]),
    # not assignments: an object, an attribute, an issuing act, a verb phrase
    ("加强与省卫生健康委的协作。", []),
    ("卫生局长到会讲话。", []),
    ("在城关镇开展检查。", []),
    ("城区所有药店要实行实名登记。", []),  # the 所 of 所有 closes no body
    # a place whose rare first character jieba leaves alone (颍上县): the gazetteer decides
    ("县市场监管局联合颍上县民政局、颍上县卫生健康委员会开展宣传。",
     [("县市场监管局", "lead"), ("颍上县民政局", "support"), ("颍上县卫生健康委员会", "support")]),
    # bodies that set up a joint team commit to what the sentence says they will do
    ("县市场监管局、县公安局等5部门已成立联合工作专班，将重点开展保健食品整治。",
     [("县市场监管局", "responsible"), ("县公安局", "responsible")]),
    ("省药监局的监管职能进一步加强。", []),
    ("近日，省药监局印发了实施方案。", []),
    ("支持省药品检验研究院建设重点实验室。", []),
    # members named by the officers of their bodies for the work (A、B卫生分管领导为成员)
    ("成立防治工作领导小组，由县卫生局局长为组长，各乡镇人民政府、县教育局防治分管领导为成员。",
     [("县卫生局", "lead"), ("各乡镇人民政府", "support"), ("县教育局", "support")]),
    # a decision to act jointly announced (A决定联合B开展…) and a body's staff named alone
    # before 联合 (A执法人员联合B…): A leads, B supports
    ("为加强儿童用药安全，市药监局决定联合市教育局开展校园用药知识普及行动。",
     [("市药监局", "lead"), ("市教育局", "support")]),
    ("日前，县卫健局执法人员联合县市场监管局对辖区诊所开展突击检查。",
     [("县卫健局", "lead"), ("县市场监管局", "support")]),
    # the act named joint after the list (A、B等部门开展联合专项检查): every body leads
    ("上月，县卫生监督所、县医保局、县市场监管局等部门开展联合专项检查，重点检查处方管理。",
     [("县卫生监督所", "lead"), ("县医保局", "lead"), ("县市场监管局", "lead")]),
    # a regulation's generic levels of government: Inner Mongolia's 旗县级, and levels listed
    # with the bracket of their kinds (市、县（市、区）人民政府)
    ("第六条 旗县级以上人民政府应当将蒙医药事业纳入本级发展规划。",
     [("旗县级以上人民政府", "responsible")]),
    ("第八条 旗县级以上人民政府卫生健康主管部门负责本行政区域内的蒙医药管理工作。",
     [("旗县级以上人民政府卫生健康主管部门", "responsible")]),
    ("第五条 市、县（市、区）人民政府应当将民族医药保护所需经费纳入本级财政预算。",
     [("市、县（市、区）人民政府", "responsible")]),
    # an event named only as the occasion (以正在举办的…为契机) is no event the bodies host
    ("6月26日，纳雍县禁毒办联合县公安局以正在举办的全民健身运动会为契机，开展禁毒宣传活动。",
     [("纳雍县禁毒办", "lead"), ("县公安局", "support")]),
    # support given (要给予全力支持和配合), the bodies of the other provinces named by their levels
    ("其他省（区、市）药品监督管理部门要给予全力支持和配合。",
     [("其他省（区、市）药品监督管理部门", "support")]),
    # sectors listed with 以及 before the last (…、市场监管以及财政等部门), a sector's own 和 kept
    ("县卫生健康、公安、文化和旅游以及财政等部门要按职责抓好禁毒宣传。",
     [("县卫生健康", "responsible"), ("公安", "responsible"), ("文化和旅游", "responsible"),
      ("财政", "responsible")]),
    # a joint issuing for the first time (等四部门首次联合印发《…》): each body leads
    ("近日，襄阳市市场监管局、市公安局、市司法局、市卫健委等四部门首次联合印发《关于加强药物滥用监测工作的通知》。",
     [("襄阳市市场监管局", "lead"), ("市公安局", "lead"), ("市司法局", "lead"), ("市卫健委", "lead")]),
    # the townships given a task with 由, bare (由乡镇负责…; Shanghai's 街镇)
    ("居家隔离人员的药品配送，由街镇负责统一收集需求并对接定点药店。", [("街镇", "responsible")]),
    # the team named with the post (任专班组长, 任专班组成员)
    ("市药监局副局长王某某任专班组长，市检验中心主任李某某任副组长，区市场监管局负责人等任专班组成员。",
     [("市药监局", "lead"), ("市检验中心", "lead"), ("区市场监管局", "support")]),
    # the official of a body by name and post, then what the official asks of others: they act
    ("会上，县卫健局王某某局长结合往年经验，要求各乡镇（街道）要高度重视，合理调配疫苗。",
     [("各乡镇（街道）", "responsible")]),
    # a joint document reported by its act alone (联合发文, 联合发出《…》): each issuer leads
    ("日前，宁晋县卫生局和县药监局联合发文，公布了首批可调剂使用的制剂名单。",
     [("宁晋县卫生局", "lead"), ("县药监局", "lead")]),
    ("近日，宁晋县质监局与县卫生局、县药监局联合发出《关于加强血压计检定工作的通知》。",
     [("宁晋县质监局", "lead"), ("县卫生局", "lead"), ("县药监局", "lead")]),
    # work done under the bodies' joint organisation (在A、B联合组织下): each leads
    ("名录的遴选是在省卫生厅、省药监局联合组织下，由专家评审确定的。",
     [("省卫生厅", "lead"), ("省药监局", "lead")]),
    # the year a report opens with, then bodies that agreed and acted together
    ("2019年省中医药管理局与省药监局沟通协商，联合组织开展了首批制剂评估。",
     [("省中医药管理局", "lead"), ("省药监局", "lead")]),
    # a body that will help another with named work: the one helped does it
    ("同时，市计量测试所还将配合市市场监管局做好卫生院血压计的建档工作。",
     [("市计量测试所", "support"), ("市市场监管局", "responsible")]),
    # a contact or address label before a body: where to call or send, no task
    ("联系单位及电话：宁晋县卫生健康局 0311-1234567", []),
    ("（申报材料递交地址：邢台市医疗保障局经办中心二楼窗口）", []),
]  # fmt: skip


@pytest.mark.parametrize("text,expected", ASSIGNMENTS, ids=[t[:24] for t, _ in ASSIGNMENTS])
def test_assignments(text, expected):
    found = find_assignments(text, 7)
    assert [(m.text, m.role) for m in found] == expected
    assert all(text[m.start - 7 : m.end - 7] == m.text for m in found)


def test_first_listed_leads_when_the_document_says_so():
    assert first_leads("各项任务列第一位者为牵头单位，其他为配合单位。")
    assert first_leads("排在第一位的为牵头部门。")
    assert first_leads("（责任单位：县农业农村局、县商务局，排名第一位的为牵头单位，下同）")
    assert first_leads("各项任务的责任单位排序第一的为牵头单位。")
    assert first_leads("如任务涉及两个以上处室，列第一位的为牵头责任处室。")
    assert not first_leads("各单位要按职责分工抓好落实。")
    listed = [Mention("省药监局", "responsible", 0, 4), Mention("省公安厅", "responsible", 5, 9)]
    assert [m.role for m in apply_first_leads(listed)] == ["lead", "support"]
    stated = [Mention("省药监局", "lead", 0, 4), Mention("省公安厅", "support", 5, 9)]
    assert apply_first_leads(stated) == stated


def test_generic_body_is_never_a_named_ministry():
    assert resolve("商务部门", None).kind == "generic"
    assert resolve("商务部门", None).name == "商务部门"
    assert resolve("各级药品监管部门", None).kind == "generic"


# renamed bodies → (canonical name in 山西省, successor)
RENAMED = [
    ("省卫生厅", "山西省卫生厅", "山西省卫生和计划生育委员会"),
    ("省卫生计生委", "山西省卫生和计划生育委员会", "山西省卫生健康委员会"),
    ("省食品药品监督管理局", "山西省食品药品监督管理局", "山西省药品监督管理局"),
    ("省工商局", "山西省工商行政管理局", "山西省市场监督管理局"),
    ("省质监局", "山西省质量技术监督局", "山西省市场监督管理局"),
    ("省物价局", "山西省物价局", "山西省发展和改革委员会"),
    ("省医改办", "山西省深化医药卫生体制改革领导小组办公室", "山西省卫生健康委员会"),
    ("国家食品药品监督管理总局", "国家食品药品监督管理总局", "国家药品监督管理局"),
    ("国家质检总局", "国家质量监督检验检疫总局", "国家市场监督管理总局"),
]


@pytest.mark.parametrize("mention,name,successor", RENAMED, ids=[r[0] for r in RENAMED])
def test_renamed_bodies_link_to_their_successors(mention, name, successor):
    from policykg.ingest.vocab import province_by_name

    found = resolve(mention, province_by_name("山西省"))
    assert (found.name, found.successor) == (name, successor)


NOTICE = """关于加强药品安全工作的通知

各有关单位：
为进一步加强药品安全工作，经研究，由县市场监管局牵头，县卫生健康局、县公安局配合，开展药品安全专项整治。到2025年，全县药品抽检合格率达到98%以上，坚决守住不发生区域性、系统性药品安全事件的底线。
请各乡镇人民政府于2024年底前完成辖区排查。
"""


def test_a_notice_without_an_outline_yields_measures_roles_and_targets(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text(NOTICE, encoding="utf-8")
    record = extract_file(path)
    roles = {(d.mention, d.role) for m in record.measures for d in m.departments}
    assert {("县市场监管局", "lead"), ("县卫生健康局", "support"), ("县公安局", "support"),
            ("各乡镇人民政府", "responsible")} <= roles  # fmt: skip
    targets = {(t.indicator, t.value, t.value_text, t.year) for t in record.targets}
    assert ("全县药品抽检合格率", 98, "98%以上", 2025) in targets
    assert ("区域性、系统性药品安全事件", None, "不发生", 2025) in targets
    assert any(t.value_text == "2024年底前" and t.year == 2024 for t in record.targets)


ROSTER = """组  长：张某某  省政府副省长
副组长：李某某  省药监局局长
        周某某  省卫生健康委主任
成  员：赵某某  省发展改革委副主任
        钱某某  省公安厅副厅长"""


def test_a_roster_on_short_lines_gives_each_body_its_post_role(tmp_path):
    found = roster_mentions(ROSTER, 0)
    assert [(m.text, m.role) for m in found] == [
        ("省政府", "lead"), ("省药监局", "lead"), ("省卫生健康委", "lead"),
        ("省发展改革委", "support"), ("省公安厅", "support"),
    ]  # fmt: skip
    assert all(ROSTER[m.start : m.end] == m.text for m in found)
    path = tmp_path / "group.txt"
    path.write_text(
        "关于成立领导小组的通知\n\n一、领导小组组成\n" + ROSTER + "\n", encoding="utf-8"
    )
    record = extract_file(path)
    roles = {(d.mention, d.role) for m in record.measures for d in m.departments}
    assert {("省药监局", "lead"), ("省公安厅", "support")} <= roles


MORE = [
    ("国家药监局将会同有关部门制定实施细则。", [("国家药监局", "lead"), ("有关部门", "support")]),
    ("省药监局为牵头单位，省卫生健康委、省医保局为配合单位。",
     [("省药监局", "lead"), ("省卫生健康委", "support"), ("省医保局", "support")]),
    ("各地区、各部门要高度重视。", [("各地区", "responsible"), ("各部门", "responsible")]),
    ("市药监局负责牵头组织实施。", [("市药监局", "lead")]),
    ("由省药监局、省卫生健康委共同负责。", [("省药监局", "responsible"), ("省卫生健康委", "responsible")]),
    ("工业和信息化部、商务部按职责分工负责。", [("工业和信息化部", "responsible"), ("商务部", "responsible")]),
    ("各区县（自治县）人民政府，市政府各部门，有关单位：", []),
    ("某某市人民政府办公厅2021年11月1日", []),
    # the townships as a level, joined to a body or taking a task; not as an attribute
    ("各监管所由县市场监管局和乡镇双重管理。", [("县市场监管局", "responsible"), ("乡镇", "responsible")]),
    ("乡镇（街道）要落实属地管理责任。", [("乡镇（街道）", "responsible")]),
    ("加强乡镇食品安全监管，乡镇要素保障到位。", []),
    # a team described by its make-up, the list running on past what reads as a body
    ("由县市场监管局、卫健、公安等部门分管领导和执法人员组成的检查组对药店开展检查。", []),
    # the same unit in every township, 和 inside its name
    ("日常工作由各乡镇市场和质量监管办公室统筹安排。", [("各乡镇市场和质量监管办公室", "responsible")]),
    ("各街道市场监管所要加强巡查。", [("各街道市场监管所", "responsible")]),
    # a prefecture's short name opening a body's name in a news item (no 市), whatever jieba
    # tags the name; the salt company of the 政企合一 salt system is a body of it
    ("从4月1日起，大同盐务分局联合大同盐业分公司开展食盐专项检查。",
     [("大同盐务分局", "lead"), ("大同盐业分公司", "support")]),
    ("潍坊食药监局会同潍坊工商局开展节前检查。", [("潍坊食药监局", "lead"), ("潍坊工商局", "support")]),
    ("社会长治久安，局面稳定。", []),
    # a level before bare sectors: the level's departments, members of a group
    ("县政府成立由分管副县长任组长，县发改、财政、农业等部门负责同志为成员的奶业工作领导小组。",
     [("县发改", "support"), ("财政", "support"), ("农业", "support")]),
    # the text's own body leading a joint action (我局会同B): it leads, B supports
    ("为保障用药安全，我局会同市卫生健康委开展了专项检查。", [("我局", "lead"), ("市卫生健康委", "support")]),
    ("我部会同有关部门研究制定配套政策。", [("我部", "lead"), ("有关部门", "support")]),
    # the departments told of something (通报各部门…): no body of the task
    ("每年召开联席会议，通报各部门执法协作情况。", []),
    # every level alone told to act
    ("各级要建立药店监管制度，形成监管合力。", [("各级", "responsible")]),
    ("各级要求严格落实。", []),
    # a notice's addressees behind a page's summary label: no task
    ("[摘要] 各市（地）、县（市）人民政府（行署），省政府各直属单位： 为做好节日期间食品安全工作，经省政府同意，现通知如下：", []),
]  # fmt: skip


@pytest.mark.parametrize("text,expected", MORE, ids=[t[:24] for t, _ in MORE])
def test_more_assignments(text, expected):
    assert [(m.text, m.role) for m in find_assignments(text)] == expected


def test_roster_line_names_the_body_in_the_officers_post():
    # written for this test: a group's roster, each member by person and post
    text = (
        "组  长：张  三    国务院副总理\n"
        "副组长：李  四    市场监管总局局长\n"
        "成  员：王  五    外交部部长助理\n"
        "        赵  六    发展改革委副主任\n"
        "        钱  七    公安部副部长\n"
    )
    found = roster_mentions(text)
    assert [(m.text, m.role) for m in found] == [
        ("国务院", "lead"), ("市场监管总局", "lead"), ("外交部", "support"),
        ("发展改革委", "support"), ("公安部", "support"),
    ]  # fmt: skip
    assert all(text[m.start : m.end] == m.text for m in found)


ROSTER_NAMES_RUN_IN = [
    # written for this test: a person's name runs into the body's level prefix (no space)
    ("召集人：欧阳明省政府副省长\n副召集人：何建省药监局局长\n成员：程立新省财政厅副厅长\n",
     [("省政府", "lead"), ("省药监局", "lead"), ("省财政厅", "support")]),
    ("组长：唐伟市政府副市长\n成员：邓丽华市卫生健康委主任\n        范思远县人民政府县长\n",
     [("市政府", "lead"), ("市卫生健康委", "support"), ("县人民政府", "support")]),
    # a party-group post after the body is the person's post, not a body of its own
    ("成员：马小川省药监局党组成员\n        罗英市市场监管局党组书记\n",
     [("省药监局", "support"), ("市市场监管局", "support")]),
    # a level prefix opens the name: no person before it
    ("成员：县委县政府办公室副主任\n", [("县委县政府办公室", "support")]),
    # a place the gazetteer knows keeps its name
    ("成员：温州市卫生健康委副主任\n", [("温州市卫生健康委", "support")]),
]  # fmt: skip


@pytest.mark.parametrize(
    "text,expected", ROSTER_NAMES_RUN_IN, ids=[t[:12] for t, _ in ROSTER_NAMES_RUN_IN]
)
def test_roster_line_with_a_persons_name_run_into_the_body(text, expected):
    found = roster_mentions(text)
    assert [(m.text, m.role) for m in found] == expected
    assert all(text[m.start : m.end] == m.text for m in found)
