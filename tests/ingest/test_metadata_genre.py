"""Golden table: document metadata of texts written for these tests in the genre
(GB/T 9704-2012 heads, signatures and 版记; 政务公开 page labels; scraped run-on heads).
None of these texts is a real document; numbers, names and dates are made up."""

from __future__ import annotations

import pytest
from policykg.ingest.metadata import extract_metadata
from policykg.ingest.normalize import normalize
from policykg.ingest.pipeline import document_id, extract_file
from policykg.ingest.province import infer_province
from policykg.ingest.read import SourceText

FORMAL = """山西省人民政府办公厅文件
晋政办发[2020]8号
山西省人民政府办公厅关于印发山西省
疫苗流通使用监管工作方案的通知
各市人民政府，省人民政府各委、办、厅、局：
《山西省疫苗流通使用监管工作方案》已经省人民政府同意，现印发给你们，请认真组织实施。
山西省人民政府办公厅
二○二○年三月十二日
山西省疫苗流通使用监管工作方案
一、工作目标
到2022年，全省疫苗流通使用环节监管全覆盖。
抄送：省委各部门。
山西省人民政府办公厅  2020年3月13日印发
"""

JOINT = """关于加强基层医疗机构药品质量管理的意见
各市、县卫生局、食品药品监督管理局：
为规范基层医疗机构用药，现提出如下意见。
一、加强采购管理
基层医疗机构应当从合法渠道采购药品。
河南省卫生厅
河南省食品药品监督管理局
二00六年七月六日
"""

NATIONAL = """国务院办公厅关于进一步加强疫苗流通和预防接种管理工作的意见
国办发（2017）5号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
为加强疫苗流通和预防接种管理，经国务院同意，现提出以下意见。
一、总体要求
（一）工作目标。到2020年，疫苗全程追溯体系基本建立。
国务院办公厅
2017年1月15日
"""

PAGE_LABELS = """索 引 号：000014349/2021-00012 主题分类：卫生、体育\\医药管理
发文机关：青海省药品监督管理局 成文日期：2021年08月09日
标　　题：青海省药品监督管理局关于印发药品经营企业监督检查实施细则的通知
发文字号：青药监〔2021〕33号 发布日期：2021年08月16日
青海省药品监督管理局关于印发药品经营企业监督检查实施细则的通知
各市州市场监督管理局：
现将《药品经营企业监督检查实施细则》印发给你们，请遵照执行。
"""

CITES_ONLY = """关于做好药品集中采购工作的说明
为贯彻落实《国务院办公厅关于推动药品集中带量采购工作常态化制度化开展的意见》（国办发〔2021〕2号），根据福建省医疗保障局等部门《关于开展药品集中采购工作的通知》（闽医保〔2021〕12号），现说明如下。
一、采购范围
按照国办发〔2021〕2号文件要求，纳入国家组织集中采购的品种不再重复采购。
"""

PLACE_ONLY = """甘南州人民政府办公室关于印发藏药材资源保护利用实施方案的通知
各县市人民政府，州直各部门：
现将《藏药材资源保护利用实施方案》印发给你们，请结合实际认真贯彻落实。
"""

STAMPED = """山西省药品安全委员会关于印发2024年全省药品安全工作要点的通知
晋药安委发〔2024〕2号
各市药品安全委员会，省药安委各成员单位：
《2024年全省药品安全工作要点》已经省政府同意，现印发给你们，请认真贯彻执行。
山西省药品安全委员会办公室（代章）
2024年3月8日
2024年全省药品安全工作要点
"""

FORWARD = """江西省人民政府办公厅转发省药监局关于加强化妆品安全监管工作意见的通知
赣府厅字〔2019〕48号
各市、县（区）人民政府，省政府各部门：
省药监局《关于加强化妆品安全监管工作的意见》已经省政府同意，现转发给你们，请认真贯彻执行。
江西省人民政府办公厅
2019年6月3日
"""

RUN_ON = (
    "吉林省人民政府办公厅关于印发吉林省药品安全专项整治行动方案的通知吉政办函〔2022〕41号"
    "各市（州）人民政府，长白山管委会，各县（市）人民政府，省政府各厅委办、各直属机构："
    "现将《吉林省药品安全专项整治行动方案》印发给你们，请认真贯彻落实。\n"
    "吉林省人民政府办公厅\n2022年5月20日\n"
)

# A yearbook or 汇编 page: breadcrumbs, then one catalogue line (title, number, date).
CATALOGUE = (
    "首页 / 政策汇编 / 2019卷\n"
    "• 河北省人民政府关于加强疫苗全程管理的实施意见冀政发〔2019〕7号2019年5月8日\n"
    "各市（含定州、辛集市）人民政府，省政府各部门：\n"
    "为加强疫苗管理，结合我省实际，提出如下意见。\n"
    "一、总体要求\n"
)
# Running text that cites a titled document with its number is no catalogue line.
CITED_IN_TEXT = (
    "广西壮族自治区药品监督管理局关于开展药品网络销售检查的通知\n"
    "各市市场监督管理局：\n"
    "根据国家药监局关于加强药品网络销售监管的意见国药监药管〔2022〕9号要求，现部署如下。\n"
)

# a site publishes a formal text whose title names its own issuer
SITE_PUBLISHES = (
    "2012年药品监管大事记\n发布时间：2013-01-08 来源：某某医药网\n"
    "3月5日，中国政府网发布《国务院办公厅关于加强基本药物质量监督管理的通知》。通知要求，各地要加强监管。\n"
)

# a joint 公示 reprinted by a news site: the issuers each on a line above the heading, and the
# heading wrapped over two lines with blank lines between; a menu line ending in 公示 is no title
STACKED = (
    "某某县通过食品安全示范县评审\n2019-03-02 08:10 来源：某某日报\n首页》通知公告》公示\n\n"
    "贵州省人民政府食品安全委员会办公室\n\n贵州省市场监督管理局\n\n"
    "关于甲县等9个县（市、区）通过食品安全\n\n示范县评审的公示\n\n"
    "    根据有关规定，现将评审结果予以公示，公示期为5个工作日。\n"
)
# a regulator's 倡议书 to businesses
APPEAL = "黑龙江省药品监督管理局\n2021-06-01\n安全用药倡议书\n全省各药品经营企业：\n为保障用药安全，我们倡议：\n"


TOWN_PREFIX = """云台镇人民政府关于印发云台镇食品安全包保工作方案的通知
云政〔2031〕12号
各村委会：
现将《云台镇食品安全包保工作方案》印发给你们，请认真贯彻执行。
云台镇人民政府
2031年3月2日
"""


def _meta(text: str):
    src = SourceText(path="case.txt", text=text, encoding="utf-8", format="text")
    normalized = normalize(src)
    return extract_metadata(normalized.text, normalized.front_matter, "case.txt")


CASES = [
    # name, text, title, doc_number, issuer, issued, province, level
    ("formal head", FORMAL, "山西省疫苗流通使用监管工作方案", "晋政办发〔2020〕8号",
     "山西省人民政府办公厅", "2020-03-12", "山西省", "provincial"),
    ("joint signature", JOINT, "关于加强基层医疗机构药品质量管理的意见", None,
     "河南省卫生厅、河南省食品药品监督管理局", "2006-07-06", "河南省", "provincial"),
    ("national", NATIONAL, "国务院办公厅关于进一步加强疫苗流通和预防接种管理工作的意见",
     "国办发〔2017〕5号", "国务院办公厅", "2017-01-15", None, "national"),
    ("page labels", PAGE_LABELS, "药品经营企业监督检查实施细则", "青药监〔2021〕33号",
     "青海省药品监督管理局", "2021-08-09", "青海省", "provincial"),
    ("citations only", CITES_ONLY, None, None, None, None, "福建省", "provincial"),
    ("place name", PLACE_ONLY, "藏药材资源保护利用实施方案", None,
     "甘南藏族自治州人民政府办公室", None, "甘肃省", "local"),  # its short name written in full
    ("forwarding notice", FORWARD,
     "江西省人民政府办公厅转发省药监局关于加强化妆品安全监管工作意见的通知",
     "赣府厅字〔2019〕48号", "江西省人民政府办公厅", "2019-06-03", "江西省", "provincial"),
    ("run-on head", RUN_ON, "吉林省药品安全专项整治行动方案", "吉政办函〔2022〕41号",
     "吉林省人民政府办公厅", "2022-05-20", "吉林省", "provincial"),
    ("catalogue line", CATALOGUE, "河北省人民政府关于加强疫苗全程管理的实施意见",
     "冀政发〔2019〕7号", "河北省人民政府", "2019-05-08", "河北省", "provincial"),
    ("a site publishes", SITE_PUBLISHES, "国务院办公厅关于加强基本药物质量监督管理的通知", None,
     "国务院办公厅", None, None, "national"),
    ("cited with its number", CITED_IN_TEXT, "广西壮族自治区药品监督管理局关于开展药品网络销售检查的通知",
     None, "广西壮族自治区药品监督管理局", None, "广西壮族自治区", "provincial"),
    ("stacked issuers", STACKED,
     "贵州省人民政府食品安全委员会办公室贵州省市场监督管理局关于甲县等9个县（市、区）通过食品安全示范县评审的公示",
     None, "贵州省人民政府食品安全委员会办公室、贵州省市场监督管理局", None, "贵州省", "provincial"),
    ("appeal", APPEAL, "安全用药倡议书", None, "黑龙江省药品监督管理局", "2021-06-01", "黑龙江省",
     "provincial"),
    # the committee's office stamps for it (代章): the committee issues, on the date below
    ("stamped for", STAMPED, "2024年全省药品安全工作要点", "晋药安委发〔2024〕2号",
     "山西省药品安全委员会", "2024-03-08", "山西省", "provincial"),
    # a law database's heading: the rules' title with the order promulgating them in brackets
    ("titled order", "《医疗器械召回管理办法》（国家食品药品监督管理总局令第29号）第 3 页\n"
     "第五条 医疗器械生产企业应当建立健全召回制度。\n", "医疗器械召回管理办法",
     "国家食品药品监督管理总局令第29号", "国家食品药品监督管理总局", None, None, "national"),
    # a ministry's order, its head on two lines
    ("ministry order", "国家市场监督管理总局令\n（第9号）\n《食品召回管理规定》已经国家市场监督管理总局"
     "局务会议审议通过，现予公布，自2020年3月1日起施行。\n", "食品召回管理规定",
     "国家市场监督管理总局令第9号", "国家市场监督管理总局", None, None, "national"),
    # a document site's label before a government's order, its number on the next line
    ("labelled order", "文档介绍：某某市人民政府令\n第88号\n《某某市餐厨垃圾管理办法》已经2031年3月2日市政府"
     "常务会议通过，现予公布。\n市长：张某\n二○三一年三月九日\n某某市餐厨垃圾管理办法\n第一条 为加强管理，制定本办法。\n",
     "某某市餐厨垃圾管理办法", "某某市人民政府令第88号", "某某市人民政府", "2031-03-09", None, None),
    # a government's own notice whose title opens with it, no 关于
    ("government's notice", "杭州市人民政府加强废弃食用油脂管理通告\n一、本通告所称废弃油脂，是指……\n"
     "二、任何单位不得使用废弃油脂加工食品。\n", "杭州市人民政府加强废弃食用油脂管理通告", None,
     "杭州市人民政府", None, "浙江省", "local"),
    # a headline naming its province by the abbreviation (京开展…)
    ("abbreviated province", "京开展学校食堂食品安全专项检查\n记者昨天从市卫生局获悉，本市已开展专项检查。\n",
     None, None, None, None, "北京市", "provincial"),
    # a government site's heading: the title in 《》 and its number in brackets
    ("numbered heading", "《广东省药品安全专项整治工作方案》（粤府办〔2021〕8号）\n一、工作目标\n",
     "广东省药品安全专项整治工作方案", "粤府办〔2021〕8号", None, None, "广东省", "provincial"),
    # a regulator's tip to its bureaus, titled after its subject (…的工作提示)
    ("work tip", "某某新闻网 > 正文\n\n兰州市市场监督管理局关于做好夏季食品安全防范的工作提示\n\n"
     "各县区市场监管局：\n当前气温升高，请各单位加强检查。\n",
     "兰州市市场监督管理局关于做好夏季食品安全防范的工作提示", None, "兰州市市场监督管理局", None,
     "甘肃省", "local"),
    # a tip signed by its body alone on the last line, no date; page debris after it
    ("undated signature", "温馨提示：近期天气炎热，请各镇（街）加强宣传。\n各镇街要加强巡查。\n"
     "（宜宾县卫生健康局）\n分享到：\n", None, None, "宜宾县卫生健康局", None, "四川省", "local"),
    # a street office's 食安办 signs: its committee's office, named in full
    ("street office", "关于防范食物中毒的预警信息\n\n一、各单位要加强宣传。\n二、各社区要落实责任。\n"
     "城关街道食安办\n", "关于防范食物中毒的预警信息", None, "城关街道食品安全委员会办公室", None,
     None, None),
    # a news item on a regulator's 通告: the body that 发布通告 issues it
    ("reported notice", "3月2日，南宁市市场监督管理局发布通告，禁止经营野生河豚。\n"
     "通告要求各经营者严格遵守。\n", None, None, "南宁市市场监督管理局", None, "广西壮族自治区",
     "local"),
    # a 政策解读 page: the policy its lead reports, with the number after it and the date before
    ("explained policy", "当前位置：首页 > 政策解读\n\n【文字解读】某某镇2031年食品安全方案\n\n"
     "2031年5月6日，某某镇人民政府印发了《某某镇2031年食品安全工作方案》（某政发〔2031〕9号，"
     "以下简称《方案》），现就《方案》解读如下：\n一、出台背景\n",
     "某某镇2031年食品安全工作方案", "某政发〔2031〕9号", "某某镇人民政府", "2031-05-06", None,
     None),
    # the day a report tells before the issuing body is no part of its name
    ("a report's day", "昨日广州市市场监管局印发《关于加强校园食品安全管理的通知》，要求各区局加强检查。\n",
     "关于加强校园食品安全管理的通知", None, "广州市市场监督管理局", None, "广东省", "local"),
    # the issuers counted by their kind after the list (等9个厅局联合印发了《Y》)
    ("issuers counted", "某省中医药规划印发\n12月30日，甘肃省卫生健康委、甘肃省发改委、甘肃省工信厅等9个厅局联合印发了《甘肃省中医药发展规划》。\n",
     "甘肃省中医药发展规划", None, "甘肃省卫生健康委员会、甘肃省发展和改革委员会、甘肃省工业和信息化厅", None,
     "甘肃省", "provincial"),
    # an explanation of a joint notice the bodies 联合制定出台了: its title and issuers
    ("jointly drafted and issued", "某市某区农业农村局、某市市场监督管理局某分局联合制定出台了《关于进一步完善食用农产品产地准出制度的通知》，现解读如下：\n一、制定背景\n",
     "关于进一步完善食用农产品产地准出制度的通知", None, "某市某区农业农村局、某市市场监督管理局某分局", None,
     None, None),
    # A会同B印发《Y》: both issue it
    ("issued with another", "近日，甘肃省卫生健康委会同省工业和信息化厅印发《甘肃省2031年食品安全风险监测方案》。\n",
     "甘肃省2031年食品安全风险监测方案", None, "甘肃省卫生健康委员会、甘肃省工业和信息化厅", None, "甘肃省",
     "provincial"),
    # A出台的《Y》 said to come into force: Y is the text reported, A its issuer
    ("issued, coming into force", "日前，甘肃省市场监管局出台的《甘肃省食品安全举报奖励实施细则》（以下简称《细则》）将正式施行。\n",
     "甘肃省食品安全举报奖励实施细则", None, "甘肃省市场监督管理局", None, "甘肃省", "provincial"),
    # …but 根据A印发的《Y》 cites an older text: no title
    ("an older text cited", "根据某省市场监管局印发的《某省食品安全举报奖励办法》，结合实际，制定本细则。\n",
     None, None, None, None, None, None),
    # a town's number opens with its own name's first letter, which is also 云南's 代字
    ("town's own prefix", TOWN_PREFIX, "云台镇食品安全包保工作方案", "云政〔2031〕12号", "云台镇人民政府",
     "2031-03-02", None, None),
    # the notice keeps the place's level alone (县X) and writes another dash in the years:
    # the text's name cited in full in the body is its title
    ("level word alone", "峨边彝族自治县人民政府办公室关于印发县药品安全宣传教育行动计划（2031―2035）的通知\n各乡、镇人民政府：\n《峨边彝族自治县药品安全宣传教育行动计划（2031-2035）》已经县政府同意，现印发给你们。\n",
     "峨边彝族自治县药品安全宣传教育行动计划（2031-2035）", None, "峨边彝族自治县人民政府办公室", None, "四川省",
     "local"),
    # a local regulation's passage note: the standing committee that passed it, on that day
    ("passage note", "福建省民族医药促进条例\n（2031年7月30日福建省第十一届人民代表大会常务委员会第十六次会议通过）\n第一条 为了促进民族医药发展，制定本条例。\n",
     "福建省民族医药促进条例", None, "福建省人民代表大会常务委员会", "2031-07-30", "福建省", "provincial"),
    # 下发 publishes as 印发 does: the headline reports the issuing, the text named in 《》 is the title
    ("headline of 下发", "某省三部门下发《美沙酮维持治疗门诊管理办法》\n3月11日，某省卫生健康委、某省公安厅、某省药品监督管理局联合下发《美沙酮维持治疗门诊管理办法》。\n",
     "美沙酮维持治疗门诊管理办法", None, "某省卫生健康委、某省公安厅、某省药品监督管理局", None, None, None),
    # joint issuers after a city's body written with the level word alone: the city's bodies
    ("joint issuers by level", "近日，襄阳市市场监管局、市公安局、市卫健委等三部门联合印发《关于加强药物滥用监测工作的通知》。\n",
     "关于加强药物滥用监测工作的通知", None, "襄阳市市场监督管理局、襄阳市公安局、襄阳市卫生健康委员会", None, "湖北省",
     "local"),
    # a law database's line under the title: the number and the date in Chinese numerals
    ("number and date in brackets", "某州人民政府办公室关于做好2031年疫苗接种工作的通知\n（某府办函〔2031〕20号 二〇三一年一月三十一日）\n各县人民政府：\n",
     "某州人民政府办公室关于做好2031年疫苗接种工作的通知", "某府办函〔2031〕20号", "某州人民政府办公室", "2031-01-31", None, None),
]  # fmt: skip


@pytest.mark.parametrize(
    "text,title,number,issuer,issued,province,level",
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_metadata_of_the_genre(text, title, number, issuer, issued, province, level):
    meta = _meta(text)
    assert meta.title == title
    assert meta.doc_number == number
    assert meta.issuer == issuer
    assert meta.issued_date == issued
    assert (meta.province.name if meta.province else None) == province
    assert meta.level == level


def test_formal_head_addressee_and_imprint():
    meta = _meta(FORMAL)
    assert meta.addressee == "各市人民政府，省人民政府各委、办、厅、局"
    assert (meta.printed_by, meta.printed_date) == ("山西省人民政府办公厅", "2020-03-13")
    assert meta.kind == "工作方案"
    assert meta.issuers == ["山西省人民政府办公厅"]


def test_joint_document_lists_every_issuer():
    assert _meta(JOINT).issuers == ["河南省卫生厅", "河南省食品药品监督管理局"]


def test_page_labels_are_read():
    meta = _meta(PAGE_LABELS)
    assert meta.index_number == "000014349/2021-00012"
    assert meta.subject == "卫生、体育\\医药管理"
    assert meta.published_date == "2021-08-16"


def test_a_label_block_one_cell_a_line_is_read():
    # written for this test: a 信息公开 page's label table flattened one cell a line, each
    # label alone on its line and its value on the next (a time after the date)
    meta = _meta(
        "某县人民政府办公室关于印发某县药品安全事件应急预案的通知\n"
        "索引号\n011000/2022-00015\n发文日期\n2022年04月12日 10:30:00\n发布机构\n政府办\n"
        "文号\n某政办发〔2022〕5号\n"
        "各乡镇人民政府：\n现将《某县药品安全事件应急预案》印发给你们，请认真贯彻执行。\n"
    )
    assert meta.index_number == "011000/2022-00015"
    assert meta.issued_date == "2022-04-12"
    assert meta.doc_number == "某政办发〔2022〕5号"


def test_a_label_block_listed_as_bullets_is_read():
    # written for this test: the same block, each cell a bullet; the text a township's rules
    meta = _meta(
        "  • 索引号\n  • 011000/2031-00021\n  • 成文日期\n  • 2031-01-06\n  • 标题\n"
        "  • 某某乡人民政府关于印发《某某乡食品药品投诉举报制度》的通知\n  • 发文字号\n"
        "  • 某乡府发〔2031〕3号\n各村（社区）委员会：\n现将制度印发给你们，请认真执行。\n"
    )
    assert meta.issued_date == "2031-01-06"
    assert meta.doc_number == "某乡府发〔2031〕3号"
    assert meta.title == "某某乡食品药品投诉举报制度"


def test_an_editions_year_or_issue_after_the_title_is_no_part_of_it():
    # written for this test: a database's copy labels its edition after the title; a year
    # range and a revision belong to the title
    for head, title in [
        ("某省药品经营监督管理暂行办法（2009年）", "某省药品经营监督管理暂行办法"),
        ("某省药品抽检结果公告（2021年第3期）", "某省药品抽检结果公告"),
        ("某市民族医药保护条例（2032）", "某市民族医药保护条例"),
        ("某省医药产业发展规划（2021-2025年）", "某省医药产业发展规划（2021-2025年）"),
    ]:
        assert _meta(head + "\n第一条 为加强药品监督管理，制定本办法。\n").title == title


def test_a_law_databases_bracketed_labels_are_read():
    # 【label】value front matter of a law database's copy, in Traditional with pinyin glosses
    meta = _meta(
        "【發(fā)布部門】 某某市人民政府\n【發(fā)布文號】 甬政發〔2015〕61號\n【發(fā)布日期】 2015-06-02\n"
        "各縣（市）區人民政府：\n現將《某某市藥品安全工作方案》印發給你們，請認真貫徹執行。\n"
    )
    assert meta.doc_number == "甬政发〔2015〕61号"
    assert meta.issuer == "某某市人民政府"


def test_a_wrapped_title_split_before_its_year_range():
    meta = _meta(
        "关于印发某某市药品安全提升行动计划\n（2024—2026年）的通知\n某政办字〔2024〕12号\n"
        "各区人民政府，市政府有关部门：\n现将《某某市药品安全提升行动计划（2024—2026年）》印发给你们。\n"
    )
    assert meta.title == "某某市药品安全提升行动计划（2024—2026年）"


def test_joint_issuers_after_the_first_share_its_province():
    meta = _meta(
        "甘肃省药品监督管理局、财政厅关于印发《甘肃省药品安全举报奖励实施细则》的通知\n"
        "各市州局：\n现将细则印发给你们，请认真执行。\n"
    )
    assert meta.issuer == "甘肃省药品监督管理局、甘肃省财政厅"


def test_a_title_wrapped_before_its_period_under_its_issuer_is_read_whole():
    meta = _meta(
        "某某县人民政府办公室\n关于印发某某县国民营养计划\n(2031—2035年)实施方案的通知\n"
        "某府办发〔2031〕9号\n各乡镇人民政府，县政府有关部门：\n现将方案印发给你们。\n"
    )
    assert meta.title == "某某县国民营养计划（2031—2035年）实施方案"


def test_a_companys_registered_place_is_no_clue_to_the_province():
    text = "6月3日，市政协视察组来到某某医院和广东某某药业股份有限公司，检查药品安全工作。\n"
    assert _meta(text).province is None
    assert _meta("广东省药监局检查了某某药业有限公司。\n" + text).province.name == "广东省"


def test_a_sites_address_in_its_footer_is_no_clue_to_the_province():
    text = (
        "关于开展私屠滥宰专项整治的报道\n为保障节日期间猪肉产品质量安全，市农业农村局、市公安局联合开展专项整治。\n"
        "第一办公区:北京市西城区某胡同甲3号;第二办公区:北京市东城区某大街26号\n"
    )
    assert _meta(text).province is None
    assert _meta(text.replace("市农业农村局", "湖北省农业农村厅")).province.name == "湖北省"
    # (a paragraph run on into its contact number keeps its places)
    run_on = "会议强调，要做好寿光市食品安全风险分析研判工作。联系电话:0536-1234567\n"
    assert _meta(run_on).province.name == "山东省"


def test_a_ministrys_department_signs_its_letter_and_its_last_item_is_a_measure(tmp_path):
    text = (
        "国家药监局综合司关于加强疫苗储存运输检查的通知\n药监综药管函〔2024〕31号\n"
        "各省、自治区、直辖市药品监督管理局：\n为加强疫苗储存运输检查，现将有关事项通知如下。\n"
        "一、各省级药品监督管理部门要加强疫苗配送企业检查。\n国家药监局综合司\n2024年3月5日\n"
    )
    meta = _meta(text)
    assert (meta.issuer, meta.issued_date, meta.level) == (
        # the unit's official name (综合司 is the short name of the 综合和规划财务司 in the
        # NMPA's 三定 provisions), as the gold sets write it
        "国家药品监督管理局综合和规划财务司",
        "2024-03-05",
        "national",
    )
    path = tmp_path / "letter.txt"
    path.write_text(text, encoding="utf-8")
    found = [(d.mention, d.role) for m in extract_file(path).measures for d in m.departments]
    assert found == [("各省级药品监督管理部门", "responsible")]
    assert _meta("某某医药有限公司\n2024年3月5日\n").issuer is None  # 公司 signs no policy


def test_national_documents_have_no_province_and_their_own_identity():
    meta = _meta(NATIONAL)
    assert document_id(meta, "case.txt") == "national:国办发〔2017〕5号"
    assert not any("province" in w for w in meta.warnings)


def test_cited_numbers_never_become_the_documents_own():
    meta = _meta(CITES_ONLY)
    assert meta.doc_number is None
    assert any("province inferred from mentions" in w for w in meta.warnings)
    assert document_id(meta, "说明.txt") != "350000:闽医保〔2021〕12号"


@pytest.mark.parametrize(
    "line,number",
    [
        ("粤府办〔2022〕17号", "粤府办〔2022〕17号"),
        ("粤府办[2022]17号", "粤府办〔2022〕17号"),
        ("粤府办［2022］17号", "粤府办〔2022〕17号"),
        ("粤府办（2022）17号", "粤府办〔2022〕17号"),
        ("粤府办(2022)17号", "粤府办〔2022〕17号"),
        ("粤府办【2022】17号", "粤府办〔2022〕17号"),
        ("粤府办〈2022〉17号", "粤府办〔2022〕17号"),
        ("粤府办〔2022〕第17号", "粤府办〔2022〕17号"),
        ("粤府办〔2022〕017号", "粤府办〔2022〕17号"),
        ("粤府办〔2022〕17号 签发人：张三", "粤府办〔2022〕17号"),
        # the small-form and white lenticular brackets some sites use
        ("赣府发﹝2017﹞22号", "赣府发〔2017〕22号"),
        ("赣府发〖2017〗22号", "赣府发〔2017〕22号"),
    ],
)
def test_every_bracket_style_is_one_number(line, number):
    from policykg.ingest.docnumber import is_number_line

    assert is_number_line(line) == number


def test_a_clipped_number_line_is_kept_as_written_and_yields_to_a_whole_label():
    from policykg.ingest.docnumber import is_number_line, titled_number
    from policykg.ingest.webmeta import page_labels

    # a mirror dropped the closing bracket and 号: still the number line, as written
    assert is_number_line("皖政办发〔20197") == "皖政办发〔20197"
    assert is_number_line("关于做好2019年工作") is None
    # a news page's heading closing with the number after a dash
    assert (
        titled_number("某省药监局关于印发检查计划的通知-皖药监办〔2031〕7号")
        == "皖药监办〔2031〕7号"
    )
    # a portal's metadata table with its labels in square brackets
    labels = page_labels(
        ["[ 索引号 ] 0012/2031-0001 [ 发文字号 ] 皖农发(2031)9号", "[ 成文日期 ] 2031-03-02"]
    )
    assert labels.get("doc_number") == "皖农发(2031)9号"
    assert labels.get("issued") == "2031-03-02"


def test_a_joint_documents_page_label_naming_its_publisher_yields_to_the_lead_naming_all():
    text = (
        "发布机构：某某市农业农村委员会\n成文日期：2031-03-02\n\n某某市农产品质量提升方案\n\n"
        "近日，某某市农业农村委、市财政局、市商务委印发《某某市农产品质量提升方案》，现将全文刊发如下。\n\n"
        "为提升农产品质量，制定本方案。\n"
    )
    meta = _meta(text)
    assert len(meta.issuers) == 3 and meta.issuers[0].startswith("某某市农业农村委")


def test_conflicting_readings_keep_the_better_and_warn():
    text = FORMAL.replace("晋政办发[2020]8号", "陕政办发[2020]8号")
    meta = _meta(text)
    assert meta.province.name == "山西省"  # the issuer outranks the number's prefix
    assert any("document number says 陕西省" in w for w in meta.warnings)


@pytest.mark.parametrize(
    "written,iso",
    [
        ("二○一○年七月十五日", "2010-07-15"),
        ("二〇一〇年七月十五日", "2010-07-15"),
        ("二00六年七月六日", "2006-07-06"),
        ("二零一九年十二月三十一日", "2019-12-31"),
        ("二O一五年三月五日", "2015-03-05"),
        ("2024年3月8日", "2024-03-08"),
        ("2024-03-08", "2024-03-08"),
        ("2023年2月30日", None),
    ],
)
def test_dates_in_arabic_and_chinese_numerals(written, iso):
    from policykg.ingest.cndate import parse_date

    assert parse_date(written) == iso


@pytest.mark.parametrize(
    "place,province",
    [
        ("大兴安岭地区加格达奇区卫生健康局", "黑龙江省"),
        ("恩施州市场监督管理局", "湖北省"),
        ("雄安新区管理委员会", "河北省"),
        ("神农架林区人民政府", "湖北省"),
        ("阿拉善盟行政公署", "内蒙古自治区"),
        # a county's name from before it became a district or a city (撤县设区: 萧山县 → 萧山区,
        # 江宁县 → 江宁区), in documents written before
        ("萧山县卫生局", "浙江省"),
        ("江宁县人民政府", "江苏省"),
        ("屈原管理区农业农村局", "湖南省"),  # a county-level 管理区 of a city
        # a division renamed or merged away (jionlp's change records: 柳州地区 → 来宾市)
        ("柳州地区行政公署", "广西壮族自治区"),
    ],
)
def test_places_below_the_province(place, province):
    from policykg.ingest.places import place_provinces
    from policykg.ingest.vocab import provinces

    code = place_provinces(place).most_common(1)[0][0]
    assert next(p.name for p in provinces() if p.code == code) == province


def test_a_province_named_is_no_place_below_a_province():
    """The gazetteer lists 香港 and 澳门 under themselves too; a text naming them as
    partners says nothing of where it was issued."""
    from policykg.ingest.places import place_provinces

    assert not place_provinces("福建省与香港、澳门及台湾地区开展药品监管交流合作")


@pytest.mark.parametrize(
    ("title_line", "issuer"),
    [
        # 发文机关 + 关于 + 事由 + 文种 (GB/T 9704 §7.3.3): the title names its issuer
        ("黑龙江省人民政府关于深化化妆品监管改革的实施意见", "黑龙江省人民政府"),
        # an abbreviation in the title resolves to the body's full official name
        ("国家药监局关于规范药品网络销售备案工作的公告", "国家药品监督管理局"),
    ],
)
def test_the_title_names_the_issuer(title_line: str, issuer: str) -> None:
    meta = _meta(f"{title_line}\n为规范管理，现提出如下意见。\n一、总体要求\n坚持依法监管。\n")
    assert meta.issuer == issuer


def test_a_work_plans_title_names_its_body_before_the_year() -> None:
    meta = _meta(
        "某某县市场监督管理局2031年食品安全抽检计划\n为做好抽检工作，制定本计划。\n一、工作目标\n"
    )
    assert meta.issuer == "某某县市场监督管理局"


def test_the_published_texts_own_line_wins_over_a_page_heading_naming_another_city() -> None:
    text = (
        "甲市城市供水管理办法\n现将《乙市城市供水管理办法》印发给你们，望遵照执行。\n"
        "乙市城市供水管理办法\n第一条 为加强城市供水管理，制定本办法。\n"
    )
    assert _meta(text).title == "乙市城市供水管理办法"


def test_a_ministrys_reply_to_a_deputys_proposal_and_its_page_labels() -> None:
    text = (
        "索 引 号: 000013338/2031-00100 主题信息: 城市建设\n"
        "发文单位: 中华人民共和国住房和城乡建设部 生成日期: 2031年08月19日\n"
        "文件名称: 对十九届全国人大二次会议第1234号建议的答复 有 效 期:\n"
        "对十九届全国人大二次会议第1234号建议的答复\n某某代表：\n您提出的建议收悉，现答复如下：\n"
    )
    meta = _meta(text)
    assert meta.title == "对十九届全国人大二次会议第1234号建议的答复"
    assert meta.issuer == "中华人民共和国住房和城乡建设部"
    assert meta.issued_date == "2031-08-19"
    assert meta.subject == "城市建设"


def test_a_reports_party_committee_and_government_and_the_date_of_their_act() -> None:
    text = (
        "濮阳市委市政府印发药品安全工作责任清单\n日期：2031-04-12 来源：某网\n"
        "为落实《某某规定》，2031年3月30日，濮阳市委、市政府印发了《濮阳市药品安全工作责任清单》。\n"
        "该清单明确了各级领导的责任。\n"
    )
    meta = _meta(text)
    assert meta.title == "濮阳市药品安全工作责任清单"
    assert meta.issuers == ["中共濮阳市委", "濮阳市人民政府"]
    assert meta.issued_date == "2031-03-30"


def test_a_document_cited_beside_another_is_not_the_one_reported() -> None:
    text = (
        "某网讯 为落实药品安全责任，根据《中共中央 国务院关于某某的意见》；中共中央办公厅、"
        "国务院办公厅印发《某某责任制规定》，2031年6月28日，包头市市委、市政府率先研究出台了"
        "《包头市药品安全责任制清单》，是全区首个出台清单的城市。\n"
    )
    meta = _meta(text)
    assert meta.title == "包头市药品安全责任制清单"
    assert meta.issuers == ["中共包头市委", "包头市人民政府"]
    assert meta.province is not None and meta.province.name == "内蒙古自治区"


def test_a_head_run_together_keeps_its_number_and_not_the_documents_its_preamble_cites() -> None:
    text = (
        "粤药监局注〔2031〕12号 各地级以上市市场监督管理局、各相关单位：2030年8月，国务院印发"
        "《关于改革药品审评审批制度的意见》（国发〔2030〕4号），部署改革。为做好仿制药评价工作，"
        "现提出如下实施方案。\n"
    )
    meta = _meta(text)
    assert meta.doc_number == "粤药监局注〔2031〕12号"
    assert meta.title != "关于改革药品审评审批制度的意见"
    assert meta.issuer != "国务院"
    assert meta.province is not None and meta.province.name == "广东省"


@pytest.mark.parametrize(
    ("lead", "title"),
    [
        ("某网讯：日前，《某省人民政府关于推进药品产业发展的实施意见》发布，提出具体措施。",
         "某省人民政府关于推进药品产业发展的实施意见"),
        ("日前发布的《甘肃省“十五五”医药工业发展规划》（下称《规划》）提出，到2030年产值翻番。",
         "甘肃省“十五五”医药工业发展规划"),
    ],
)  # fmt: skip
def test_a_lead_announcing_the_policy_by_its_title(lead: str, title: str) -> None:
    meta = _meta(f"药品产业规模再上台阶\n{lead}\n意见要求，加快产业升级。\n")
    assert meta.title == title


def test_a_plans_own_title_line_wins_over_a_document_its_review_reports() -> None:
    text = (
        "某某省“十五五”药品安全规划\n\n"
        "“十四五”以来，全省药品监管能力持续提升，药品安全形势总体稳定向好，监管体制改革不断深化，"
        "省委、省政府印发《某某省关于改革和完善疫苗管理体制的实施意见》，疫苗监管体系更加健全，"
        "审评审批制度改革持续推进。\n一、发展基础\n"
    )
    assert _meta(text).title == "某某省“十五五”药品安全规划"


def test_a_title_line_without_an_issuer_prefix_names_none() -> None:
    meta = _meta("关于深化化妆品监管改革的实施意见\n为规范管理，现提出如下意见。\n")
    assert meta.issuer is None


def test_an_announcement_number_is_its_own_and_scoped_by_its_issuer() -> None:
    text = ("国家药监局关于调整部分医疗器械分类目录的公告（2031年第17号）\n"
            "为进一步规范管理，现将有关事项公告如下：\n一、调整范围\n略。\n")  # fmt: skip
    meta = _meta(text)
    assert meta.title == "国家药监局关于调整部分医疗器械分类目录的公告"
    assert meta.doc_number == "2031年第17号"
    assert document_id(meta, "case.txt") == "national:国家药品监督管理局2031年第17号"
    other = _meta(text.replace("国家药监局", "国家卫生健康委"))
    assert document_id(other, "case.txt") != document_id(meta, "case.txt")


def test_a_number_line_under_an_announcement_title() -> None:
    meta = _meta("国家药品监督管理局公告\n2031年第8号\n现将有关事项公告如下。\n")
    assert meta.doc_number == "2031年第8号"


def test_a_text_naming_two_provinces_alike_has_none() -> None:
    """A cross-provincial report (no issuer, number or title naming one) is not assigned to
    whichever province happens to be named once more."""
    text = ("会议指出，两省将共同推进药品检查互认。\n河南省药品监管部门与山东省药品监管部门"
            "签署合作备忘录，山东省、河南省表示将加快落实。\n")  # fmt: skip
    meta = _meta(text)
    assert meta.province is None
    assert any("nearly as often" in w for w in meta.warnings)


TABLE = "药品安全工作安排\n一、工作任务\n序号\n项目\n责任部门\n1\n组织抽检\n"


# a table after the head: its cities are no clue of the head
TABLE = "药品安全工作安排\n一、工作任务\n序号\n项目\n责任部门\n1\n组织抽检\n"


def test_the_places_a_text_names_give_its_province_when_nothing_else_does() -> None:
    """A table that names its cities but no province, issuer or title: the places' province
    (warned); places of two provinces alike give none."""
    meta = _meta(TABLE + "株洲市市场监管局\n2\n开展培训\n湘潭市、衡阳市市场监管局\n")
    assert meta.province is not None and meta.province.name == "湖南省"
    assert any("place names in the text" in w for w in meta.warnings)
    meta = _meta(TABLE + "株洲市市场监管局\n2\n开展培训\n宝鸡市市场监管局\n")
    assert meta.province is None


def test_a_reporters_name_is_no_place_and_a_government_that_issues_a_notice_is_its_issuer():
    # 记者 王长春: a person, no clue to 吉林; the prefecture in the story is (阿勒泰地区 → 新疆)
    meta = _meta(
        "食品安全宣传周活动启动\n本报讯（记者 王长春）5月20日，阿勒泰地区食品安全宣传周活动启动。\n"
    )
    assert meta.province is not None and meta.province.name == "新疆维吾尔自治区"
    # a government reported to issue a notice named only by its kind: its issuer, no title
    meta = _meta(
        "县政府部署药品安全专项整治\n近日，桐梓县人民政府下发通知，部署开展药品安全专项整治。\n"
    )
    assert (meta.issuer, meta.title) == ("桐梓县人民政府", None)


def test_a_party_committees_body_below_the_province_signs_with_zhonggong():
    meta = _meta(
        "关于加强食品安全工作的意见\n各县（市、区）党委和人民政府：\n为加强食品安全工作，提出如下意见。\n"
        "昆明市委办公室\n昆明市人民政府办公室\n2024年5月6日\n"
    )
    assert meta.issuer == "中共昆明市委办公室、昆明市人民政府办公室"


def test_a_reprints_headline_names_the_province_over_a_place_in_the_story():
    text = (
        "浙江将开展疫苗冷链专项检查\n"
        "本报讯 针对长春市此前发生的问题疫苗事件，省药品监督管理局日前发出通知，"
        "决定在全省开展疫苗冷链专项检查。\n"
    )
    meta = _meta(text)
    assert meta.province is not None and meta.province.name == "浙江省"


@pytest.mark.parametrize(
    ("text", "title", "issuer"),
    [
        # a reprint's headline and lead report the policy and who issued it
        ("云南省药品监督管理局出台《云南省药品零售企业分级分类监管办法》\n"
         "本网讯 近日，云南省药品监督管理局印发《云南省药品零售企业分级分类监管办法》，"
         "自发布之日起施行。\n",
         "云南省药品零售企业分级分类监管办法", "云南省药品监督管理局"),
        # several bodies report a plan, the list closed by a count (等五部门): the bodies named
        ("贵州省药监局、省卫生健康委等五部门联合印发《贵州省疫苗流通监管工作方案》\n"
         "本网讯 方案明确了各部门的职责。\n",
         "贵州省疫苗流通监管工作方案", "贵州省药品监督管理局、贵州省卫生健康委员会"),
        # (the count in digits, 等4部门: the same; a joint body's 会商制度 is a policy's kind)
        ("近日，安庆市市场监管局、市公安局、市卫健委、市禁毒办等4部门联合印发"
         "《安庆市药物滥用监测联席会议和风险会商制度》。\n本报讯 制度明确了各部门的职责。\n",
         "安庆市药物滥用监测联席会议和风险会商制度",
         "安庆市市场监督管理局、安庆市公安局、安庆市卫生健康委员会、安庆市禁毒办"),
        # a body's name holding 电 (文化广电…) is no news byline; a stray comma a page left
        # before the list's 、 does not cut the list
        ("近日，湖南省株洲市市场监督管理局，、株洲市公安局、株洲市文化广电新闻出版局联合发布"
         "《株洲市打击保健食品虚假宣传行动方案》。\n本报讯 行动为期三个月。\n",
         "株洲市打击保健食品虚假宣传行动方案",
         "株洲市市场监督管理局、株洲市公安局、株洲市文化广电新闻出版局"),
        # a plan's own preamble: "…有关决策部署，制定《X》" names no issuer and no reprint
        ("根据国家有关要求和省委、省政府有关决策部署，制定《辽宁省中药产业发展规划》。\n"
         "一、发展基础\n", None, None),
        # the 印发 notice itself abbreviates the policy it publishes: not a report of it, and
        # no title; it names its issuer in its own formula
        ("省药监局制定了《实施工作方案》，现印发给你们，请认真贯彻执行。\n"
         "一、工作目标\n", None, "省药监局"),
        # a report of the drafting: the policy drafted is the one reported; the office that
        # drafted it is not its issuer
        ("为明确监管责任，县食安办广泛征求各部门意见，牵头起草了《某某县药品安全责任追究办法》。\n"
         "县政府常务会议对办法进行了审定。\n", "某某县药品安全责任追究办法", None),
    ],
)  # fmt: skip
def test_a_reprint_reports_the_policy_it_names(text, title, issuer):
    meta = _meta(text)
    assert meta.title == title
    assert meta.issuer == issuer


@pytest.mark.parametrize(
    ("text", "title", "number"),
    [
        # the 印发 notice's formula names the text it publishes, here a 预案
        ("各乡镇人民政府，县有关单位：\n"
         "《青田县药品安全突发事件应急预案（试行）》已经县人民政府同意，现印发给你们，请认真执行。\n"
         "青田县人民政府\n2022年4月2日\n",
         "青田县药品安全突发事件应急预案（试行）", None),
        ("各有关单位：\n现将《化妆品抽样检验工作规则》印发给你们，请遵照执行。\n",
         "化妆品抽样检验工作规则", None),
        # the formula cites the text with a slip (a year written twice); the text's own title
        # line under the signature is its title
        ("各市、县人民政府：\n《2024年—2025年年某某省药品安全重点工作安排》已经省药品安全委员会"
         "审议通过，现印发给你们，请认真贯彻落实。\n某某省药品安全委员会\n2024年3月8日\n"
         "2024年—2025年某某省药品安全重点工作安排\n一、强化监管\n",
         "2024年—2025年某某省药品安全重点工作安排", None),
        # a law database prints the number in brackets on its own line under the title
        ("宁夏回族自治区人民政府办公厅关于加强药品安全工作的通知\n（宁政办发〔2016〕45号）\n"
         "各市、县（区）人民政府：\n为加强药品安全工作，现通知如下。\n",
         "宁夏回族自治区人民政府办公厅关于加强药品安全工作的通知", "宁政办发〔2016〕45号"),
    ],
)  # fmt: skip
def test_titles_from_the_notice_formula_and_numbers_in_brackets(text, title, number):
    meta = _meta(text)
    assert meta.title == title
    assert meta.doc_number == number


def test_a_forwarding_notices_formula_gives_it_no_other_title():
    text = ("福建省市场监督管理局关于转发国家药监局化妆品监管文件的通知\n各设区市市场监督管理局：\n"
            "现将《化妆品风险监测工作规程》转发给你们，请结合实际贯彻落实。\n")  # fmt: skip
    assert _meta(text).title == "福建省市场监督管理局关于转发国家药监局化妆品监管文件的通知"


@pytest.mark.parametrize(
    ("text", "title", "issuer", "issued", "province"),
    [
        # a scraped 印发 notice: 署名, 成文日期 and the published text's title run into one line
        ("各市州药品监督管理局：为做好化妆品标签管理工作，省局制定了《实施方案》，现印发给你们，"
         "请认真贯彻执行。 湖南省药品监督管理局2025年3月9日化妆品标签规范管理工作方案 "
         "为规范化妆品标签标识，制定本方案。\n",
         "化妆品标签规范管理工作方案", "湖南省药品监督管理局", "2025-03-09", "湖南省"),
        # a 成文日期 left on the line of the last sentence (the signature's line breaks lost)
        ("（接上页）七、加强组织领导\n各级药品监管部门要加强领导，确保各项任务落到实处。 "
         "二○一九年五月十日\n|\n", None, None, "2019-05-10", None),
        # several bodies report a plan together; the headline wraps before the 《》
        ("近日\n省卫生健康委、省医保局联合印发了\n《安徽省短缺药品监测预警工作方案》\n"
         "方案明确了监测哨点的设置。\n",
         "安徽省短缺药品监测预警工作方案", "安徽省卫生健康委员会、安徽省医疗保障局", None, "安徽省"),
        # a report names the issuer of a bare 《通知》: issuer, no title
        ("陕西开展疫苗储运专项检查\n本报讯 日前，省药品监督管理局发出《通知》，决定开展专项检查。\n",
         None, "陕西省药品监督管理局", None, "陕西省"),
        # the passive report; the dateline's city is where the story was filed
        ("据新华社北京5月3日电 记者从国家药监局获悉，《药品网络销售监督管理办法》已经局务会议审议"
         "通过，并于3日正式印发。\n", "药品网络销售监督管理办法", None, None, None),
        # a notice naming the whole title of the text it publishes
        ("各省、自治区、直辖市卫生厅（局）：\n为规范医疗机构用药，卫生部、财政部制定了"
         "《关于加强医疗机构药品管理的若干意见》，已经国务院同意，现印发给你们，请遵照执行。\n",
         "关于加强医疗机构药品管理的若干意见", "卫生部、财政部", None, None),
        # a reprint's lead: an adverbial clause between the body and its verb; a title nested
        # in the title is bracketed <…>
        ("近日，根据省政府部署，安徽省药品监督管理局结合工作实际，制定了《贯彻落实<药品管理法>"
         "的实施意见》。\n《实施意见》明确了五项任务。\n",
         "贯彻落实<药品管理法>的实施意见", "安徽省药品监督管理局", None, "安徽省"),
        # a lead opening with the date of the 通告 it reports
        ("2027年3月5日，天津市药品监督管理局关于发布实施《天津市药品网络销售监督检查办法》的通告，"
         "详见正文。\n天津市药品网络销售监督检查办法\n第一条 为规范检查，制定本办法。\n",
         "天津市药品网络销售监督检查办法", "天津市药品监督管理局", "2027-03-05", "天津市"),
        # a 政策解读 links the notice it explains
        ("（图文解读）关于成立疫苗安全工作专班的通知政策解读\n"
         "点击查看文件：某某县人民政府办公室关于成立疫苗安全工作专班的通知\n一、出台背景\n",
         "某某县人民政府办公室关于成立疫苗安全工作专班的通知", "某某县人民政府办公室", None, None),
        # a government order: its number, the head of government signs, the date under it
        ("某某网 首页\n绵阳市餐饮服务食品安全管理办法\n绵阳市人民政府令（第9号）\n"
         "《绵阳市餐饮服务食品安全管理办法》已经市政府常务会议通过，现予发布。\n市 长 王某某\n"
         "二○一五年三月二日\n", "绵阳市餐饮服务食品安全管理办法", "绵阳市人民政府", "2015-03-02",
         "四川省"),
        # an order whose head is only its number: the promulgation formula names the government,
        # the date is the one under the head of government's post, not the 起施行 date
        ("某某省实施《食品小作坊管理条例》办法\n闽政令〔2027〕12号\n"
         "《某某省实施〈食品小作坊管理条例〉办法》已经省人民政府第31次常务会议审议通过，现予公布，"
         "自2027年10月1日起施行。\n省长\n二○二七年八月九日\n", "某某省实施《食品小作坊管理条例》办法",
         "福建省人民政府", "2027-08-09", "福建省"),
        # a national notice: sent to every province, its issuer named in its own formula
        ("各省、自治区、直辖市和新疆生产建设兵团药品监督管理局：\n为落实有关要求，国家药监局组织制定了"
         "《药品召回工作指南》，现予印发。\n", None, "国家药品监督管理局", None, None),
        # a yearly plan's title named in the notice's formula (我局制定了《2027年…要点》)
        ("各区市场监管局：\n我局制定了《2027年药品安全监管工作要点》，现印发给你们，请认真执行。\n",
         "2027年药品安全监管工作要点", None, None, None),
        # bodies reported to issue jointly, no title in 《》
        ("据报道，商务部、国家卫生健康委、国家药监局近日联合印发通知，部署药品流通领域专项整治。\n",
         None, "商务部、国家卫生健康委员会、国家药品监督管理局", None, None),
        # a title wrapped over three lines, its number under it, page furniture above it; a
        # label 颁布日期：… is no 颁布 of a title
        ("某某文库-优质文档下载\n颁布日期：2026-01-05生效日期：2026-02-01\n安徽省人民政府办公厅关于建立\n"
         "安徽省疫苗安全工作\n联席会议制度的通知\n皖政办秘〔2026〕3号\n各市人民政府，省政府各部门：\n",
         "安徽省人民政府办公厅关于建立安徽省疫苗安全工作联席会议制度的通知",
         "安徽省人民政府办公厅", None, "安徽省"),
        # a clause after 发布 is no title
        ("各有关单位：\n现通过省药械采购平台发布，向社会公开征求意见。\n", None, None, None, None),
        # a web page's label before the headline; the lead drops the issuer from the title
        ("政策解读：国务院关于完善药品追溯体系的意见\n国务院近日印发《关于完善药品追溯体系的意见》。\n",
         "国务院关于完善药品追溯体系的意见", "国务院", None, None),
    ],
)  # fmt: skip
def test_reprints_and_scraped_signatures(text, title, issuer, issued, province):
    meta = _meta(text)
    assert meta.title == title
    assert meta.issuer == issuer
    assert meta.issued_date == issued
    assert (meta.province.name if meta.province else None) == province


def test_a_document_cited_in_a_sentence_gives_no_title():
    text = ("《国务院办公厅关于印发药品安全规划的通知》（国办发〔2012〕5号）下发后，"
            "省政府成立了药品安全工作领导小组。\n")  # fmt: skip
    assert _meta(text).title is None


def test_a_ministry_is_named_as_it_signs():
    text = "关于加强药品不良反应监测的通知\n各省卫生厅：\n请加强监测。\n卫生部\n2005年3月1日\n"
    assert _meta(text).issuer == "卫生部"


@pytest.mark.parametrize(
    "text,level",
    [
        # a headline opening with a central body: its meeting, wherever it was held
        ("国家药监局：推进化妆品监管数字化转型\n某某网 2027-05-06\n5月5日，国家药监局在贵州省贵阳市"
         "召开化妆品监管工作座谈会。\n", "national"),
        # a news lead after the dateline and the reporter: central bodies issuing jointly; a
        # provincial site's name in the navigation says nothing
        ("首页 新闻中心 湖南省人民政府网\n三部门部署药品追溯体系建设\n新华社北京6月2日电（记者 某某）"
         "国家卫健委、国家医保局、国家药监局近日联合印发通知，部署药品追溯体系建设。\n", "national"),
        # an officer of a central body acting for it, the lead after a headline
        ("某某在湖南长沙调研疫苗监管工作\n5月9日，国家药监局副局长某某在湖南长沙主持召开座谈会。\n",
         "national"),
        # a provincial bureau's work reported from a central agency's site stays provincial
        ("国家药监局网站消息\n湖北省药监局开展疫苗专项检查\n本报讯 湖北省药品监督管理局日前部署"
         "开展疫苗专项检查。\n", "provincial"),
    ],
)  # fmt: skip
def test_news_of_central_bodies_is_national(text, level):
    meta = _meta(text)
    assert meta.level == level
    assert (meta.province is None) == (level == "national")


@pytest.mark.parametrize(
    "text,title,issuer",
    [
        # a party group's title names it as the issuer (中共X党组关于…的通报), no signature seen
        ("中共某某市卫生健康委员会党组关于巡视整改进展情况的通报\n根据巡视工作部署，现将整改进展情况"
         "予以公布。\n", "中共某某市卫生健康委员会党组关于巡视整改进展情况的通报",
         "中共某某市卫生健康委员会党组"),
        # a formal text reprinted whole under a lead naming its issuer; its signature cut off
        ("甘肃优化药品审评审批服务\n近日，甘肃省人民政府办公厅出台关于优化药品审评审批服务的实施意见，"
         "以下为全文：\n关于优化药品审评审批服务\n的实施意见\n甘政办发〔2027〕12号\n"
         "各市州人民政府，省政府各部门：\n为优化服务，制定如下实施意见。\n",
         "关于优化药品审评审批服务的实施意见", "甘肃省人民政府办公厅"),
        # a 责任书 is a kind of document: its heading is its title
        ("药品安全目标责任书\n为落实药品安全属地管理责任，县政府与各乡镇签订本责任书。\n",
         "药品安全目标责任书", None),
    ],
)  # fmt: skip
def test_issuer_named_by_the_title_or_the_lead(text, title, issuer):
    meta = _meta(text)
    assert (meta.title, meta.issuer) == (title, issuer)


def test_a_joint_signature_lists_every_issuer_a_customs_district_too():
    text = (
        "关于开展进口药品专项检查的通知\n各区市场监管局：\n现决定开展进口药品专项检查，请认真执行。\n"
        "某某市市场监督管理局\n某某海关\n某某市药品监督管理局\n2027年4月2日\n"
    )
    meta = _meta(text)
    assert meta.issuers == ["某某市市场监督管理局", "某某海关", "某某市药品监督管理局"]
    assert meta.issued_date == "2027-04-02"


def test_an_attachment_line_is_neither_title_nor_issuer():
    text = (
        "各区卫生健康局，委直属各单位：\n现将《某某部办公厅关于做好短缺药品监测工作的通知》转发给你们，"
        "请认真贯彻落实。\n附件：某某部办公厅关于做好短缺药品监测工作的通知\n"
    )
    meta = _meta(text)
    assert meta.title != "某某部办公厅关于做好短缺药品监测工作的通知"
    assert not (meta.title or "").startswith("附件")
    assert meta.issuer != "某某部办公厅"


def test_a_policy_database_pages_number_label_is_read() -> None:
    meta = _meta(
        "某某县人民政府关于印发《某某县食品安全示范县创建方案》的通知\n政策\n"
        "发布部门:某某县人民政府\n政策文号:某政字〔2024〕12号\n有效性:有效\n"
        "为提升食品安全水平，制定本方案。\n"
    )
    assert meta.doc_number == "某政字〔2024〕12号"


def test_a_reporters_byline_is_not_the_issuer() -> None:
    meta = _meta(
        "新华网讯（王某某）广西壮族自治区食品安全委员会日前印发《2025年广西食品安全重点工作安排》，"
        "明确了全年任务。\n各地要认真落实。\n"
    )
    assert meta.issuer == "广西壮族自治区食品安全委员会"


def test_a_signature_broken_after_its_place_name() -> None:
    meta = _meta(
        "关于发布药品抽检重点企业名单的通告\n请各市认真组织抽检。\n特此通告。\n"
        "贵州省\n药品监督管理局\n2024年5月6日\n"
    )
    assert (meta.issuer, meta.issued_date) == ("贵州省药品监督管理局", "2024-05-06")


def test_a_plan_named_without_quotes_in_a_report_and_its_short_issuer() -> None:
    meta = _meta(
        "大理市开展节日食品安全检查\n记者从大理市食药局了解到，为加强节日期间监管，大理市食药局"
        "制定了2026年春节期间食品安全专项检查工作方案。此次检查覆盖全市。\n"
    )
    assert meta.title == "2026年春节期间食品安全专项检查工作方案"
    # the city's bureau written short, expanded to the full name of its kind
    assert meta.issuer == "大理市食品药品监督管理局"


def test_a_national_meetings_liaison_points_name_no_province() -> None:
    # places of many provinces in a national report's head, and a national institute
    # named with its city, decide no province
    meta = _meta(
        "药品安全基层联系点工作交流会召开\n9月20日，交流会在京召开。广州海珠、成都武侯、"
        "西安雁塔、长沙岳麓、昆明五华等5个基层联系点交流工作经验。中科院上海药物研究所"
        "专家作报告。\n"
    )
    assert meta.province is None


def test_an_attachment_line_without_jian_is_no_title() -> None:
    meta = _meta(
        "某某局组织开展药品安全征文活动\n请各市局认真组织。\n\n"
        "附：关于组织开展药品安全征文活动的通知\n"
    )
    assert meta.title != "附：关于组织开展药品安全征文活动的通知"
    assert not (meta.title or "").startswith("附")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # a page showing the number as an image keeps its file name
        ("某某市人民政府办公室关于成立药品安全领导小组的通知\n某府办函〔2024〕16号.png\n各区人民政府：\n",
         "某府办函〔2024〕16号"),
        # a reprint's title line closing with the notice's own number in brackets
        ("某某省人民政府办公厅关于印发药品安全规划的通知（某政办〔2021〕9 号）\n各市人民政府：\n",
         "某政办〔2021〕9号"),
        # a number cited in brackets inside a sentence stays a citation
        ("某某县药品安全工作方案\n根据《关于加强药品监管的意见》（某政发〔2020〕3号），制定本方案。\n",
         None),
    ],
)  # fmt: skip
def test_a_numbers_image_name_and_a_title_lines_own_number(text: str, number: str | None) -> None:
    assert _meta(text).doc_number == number


def test_a_reprints_original_title_line_gives_title_and_issuer() -> None:
    # written for this test: a reprint whose headline picked up an injected word keeps the
    # text's own title in a (原标题：…) line; a 公示 is titled X关于…的公示, X its issuer
    meta = _meta(
        "某某资讯网\n首页 > 本地新闻 / 正文\n"
        "某某省药品安全委员会关于甲市、乙市药品安全示范县创蓝牙耳机建评估结果的公示\n"
        "网络整理 2026-05-11 本地新闻\n"
        "(原标题:某某省药品安全委员会关于甲市、乙市药品安全示范县创建评估结果的公示)\n"
        "按照统一部署，甲市、乙市参加了示范县创建工作，现将评估结果予以公示。\n"
    )
    assert meta.title == "某某省药品安全委员会关于甲市、乙市药品安全示范县创建评估结果的公示"
    assert meta.issuer == "某某省药品安全委员会"


def test_a_numbered_section_heading_of_a_plan_fragment_is_no_title() -> None:
    # written for this test: an excerpt of an emergency plan opening at a numbered clause
    meta = _meta(
        "3.2.1市药品安全事件应急指挥部职责\n"
        "负责统一领导全市药品安全事件的应急处置工作，研究决定重大事项。\n"
    )
    assert meta.title is None


def test_a_database_pages_date_under_the_title_and_number() -> None:
    # written for this test: a policy-database page with its labels on lines of their own
    # (发布日期 is the web date), then the text's head: title, number, 成文日期, addressee
    meta = _meta(
        "某某省人民政府办公厅关于公布第二批药品安全示范县名单的通知\n\n发布日期\n\n2026-03-12\n\n"
        "发文字号\n\n某办函〔2026〕14号\n\n正文内容\n\n"
        "某某省人民政府办公厅关于公布第二批药品安全示范县名单的通知\n\n某办函〔2026〕14号\n\n"
        "2026年3月10日\n\n各市（州）、县（市、区）人民政府：\n经考核，现将名单予以公布。\n"
    )
    assert meta.issued_date == "2026-03-10"
    assert meta.doc_number == "某办函〔2026〕14号"


def test_a_notices_date_under_its_closing_formula() -> None:
    # written for this test: a bureau's notice whose signature line was lost, only the date
    # stands under 特此通知。, before the attachment it sends
    meta = _meta(
        "各区市场监管局，市局相关处室：\n"
        "为做好全年药品安全工作，我局制定了《2027年药品安全监管工作要点》，现印发给你们，"
        "请认真组织实施。\n特此通知。\n2027年2月26日\n附件：2027年药品安全监管工作要点\n"
    )
    assert meta.issued_date == "2027-02-26"


def test_a_law_databases_shifted_label_table_keeps_the_number() -> None:
    # written for this test: a database page's 【label】 cells shifted by the scrape, the
    # number standing beside another label
    meta = _meta(
        "【时 效 性】 | 某食药监办[2027]58号 | 【颁布日期】 | |\n"
        "【颁布单位】 | 【实施日期】 | 20330 | |\n【文 号】 | 某市 |\n"
        "各分局、各处室：\n为做好药品安全专项整治工作，现将有关事项通知如下。\n"
    )
    assert meta.doc_number == "某食药监办〔2027〕58号"


def test_a_label_table_run_together_without_colons_is_read():
    from policykg.ingest.webmeta import page_labels

    labels = page_labels(
        [
            "索 引 号 000000-123/2022-00045 文号 某县食安办发〔2022〕3号",
            "发布日期 2022-05-10 公开时限 长期公开",
            "各乡镇人民政府，县直各有关单位：",
            "发文机关要加强组织领导 落实责任",  # prose opening with a label word: one label only
        ]
    )
    assert labels.get("index_number") == "000000-123/2022-00045"
    assert labels.get("doc_number") == "某县食安办发〔2022〕3号"
    assert labels.get("issuer") is None and labels.get("published") is None


def test_a_department_calling_itself_wo_ting_and_its_date_under_the_attachment_note() -> None:
    # written for this test: a department's notice without a signature name (我厅制定了
    # 《某某省卫生厅…》), its attachment note of titles of one width, then the 成文日期 in
    # Chinese numerals; the attachment titles name no task
    meta = _meta(
        "各市卫生局，省卫生监督所：\n"
        "为做好夏季食品卫生监督工作，我厅组织制定了《某某省卫生厅夏季食品卫生监督保障工作方案》，"
        "现印发给你们，请遵照执行。\n"
        "附件：1.某某省卫生厅夏季食品卫生监督保障工作方案正文\n"
        "2.某某省卫生厅夏季食品卫生监督保障工作领导小组名单\n"
        "3.某某省卫生厅夏季食品卫生监督保障工作联络员名单\n"
        "二〇〇九年五月十八日\n"
        "附件下载：某某省卫生厅夏季食品卫生监督保障工作方案正文\n"
        "某某省卫生厅夏季食品卫生监督保障工作领导小组名单\n"
    )
    assert meta.issuers == ["某某省卫生厅"]
    assert meta.issued_date == "2009-05-18"


def test_an_issuer_line_over_a_guanyu_title_names_the_issuer() -> None:
    # written for this test: the government office's name on its own line over the notice's
    # 关于 title, a signature whose date the page damaged (no day can be read)
    meta = _meta(
        "某某省人民政府办公厅\n\n关于印发《某某省药品安全监管能力提升规划》的通知\n\n"
        "各市（州）人民政府，省政府各部门：\n"
        "《某某省药品安全监管能力提升规划》已经省政府同意，现印发给你们，请认真组织实施。\n\n"
        "某某省人民政府办公厅\n\n20271\n\n"
        "某某省药品安全监管能力提升规划\n一、主要目标\n"
    )
    assert meta.issuers == ["某某省人民政府办公厅"]


def test_a_forwarding_notices_title_names_its_issuer_without_guanyu() -> None:
    # written for this test: X转发Y…的通知 (no 关于): X forwards and issues; Y only drafted
    meta = _meta(
        "某某省人民政府办公厅转发省药监局某某省疫苗流通监管专项行动方案的通知\n"
        "某政办发〔2027〕12号\n各市人民政府，省直各部门：\n"
        "省药监局制定的《某某省疫苗流通监管专项行动方案》已经省人民政府同意，现转发给你们，"
        "请认真组织实施。\n"
    )
    assert meta.issuers == ["某某省人民政府办公厅"]


def test_a_reports_sentence_naming_who_issued_a_text_is_no_title() -> None:
    # written for this test: X印发的《…》 inside a report's sentence names no issuer of the page
    meta = _meta(
        "某地药品监管改革一年间\n"
        "2027年3月1日，某某省政府办公厅印发的《关于深化药品监管改革的实施意见》，从五个方面"
        "提出了改革举措。记者走访了多家企业。\n"
    )
    assert meta.issuers == []


def test_a_run_on_notices_date_after_its_formula() -> None:
    # written for this test: a page that ran the notice into one line, spaces for breaks; the
    # 成文日期 follows the formula, its signature lost
    meta = _meta(
        "某某省人民政府办公厅转发省药监局某某省疫苗流通监管专项行动方案的通知 某政办发[2027]12号 "
        "各市人民政府，省直各部门：省药监局制定的《某某省疫苗流通监管专项行动方案》已经省人民政府"
        "同意，现转发给你们，请认真组织实施。二0二七年五月九日 某某省疫苗流通监管专项行动方案 "
        "为了加强疫苗流通监管，制定本方案。\n"
    )
    assert meta.issued_date == "2027-05-09"


def test_a_report_of_a_policy_issued_by_a_level_alone_names_its_title_not_an_issuer() -> None:
    # 自治区印发了《…》: the region's government, unnamed: the title, no issuer
    meta = _meta(
        "全区部署中药饮片专项整治\n近日，全区中药饮片专项整治推进会议召开。为加强中药饮片监管，自治区"
        "印发了《关于深入推进中药饮片专项整治工作的通知》，要求全区开展整治。\n"
    )
    assert (meta.title, meta.issuer) == ("关于深入推进中药饮片专项整治工作的通知", None)


def test_a_page_labels_title_line_and_an_announcement_that_publishes_a_list() -> None:
    # 标题：X above the 主送机关 is X; X关于发布…清单的公告 is the 公告's own title
    meta = _meta(
        "发文字号：黔药监发〔2031〕8号\n成文日期：2031年06月18日\n"
        "标题：贵州省药品监督管理局关于加强疫苗配送监管的通知\n各市（州）市场监管局：\n"
        "为加强疫苗配送监管，现就有关事项通知如下。\n"
    )
    assert meta.title == "贵州省药品监督管理局关于加强疫苗配送监管的通知"
    meta = _meta(
        "国家药监局关于发布医疗器械网络销售禁止清单的公告（2031年第7号）\n"
        "国家药监局组织制定了医疗器械网络销售禁止清单，现予发布。\n特此公告。\n"
    )
    assert (meta.title, meta.doc_number) == (
        "国家药监局关于发布医疗器械网络销售禁止清单的公告",
        "2031年第7号",
    )
    # a notice's number run into its title on the head line, no space between
    meta = _meta(
        "县食安办〔2031〕3号某县食品安全委员会办公室关于印发年度食品安全工作要点的通知\n"
        "各乡镇人民政府：\n现将《年度食品安全工作要点》印发给你们，请认真贯彻落实。\n"
    )
    assert meta.doc_number == "县食安办〔2031〕3号"
    # a news report's sentence naming the 通告 with its number, a space inside and 。 after
    meta = _meta(
        "河北药监通报抽检结果\n"
        "近日，河北省药品监督管理局发布关于化妆品抽检结果的通告（2031年 第9号）。\n"
        "通告称，共抽检化妆品120批次。\n"
    )
    assert meta.doc_number == "2031年第9号"


def test_a_reprints_original_headline_that_reports_the_policy_is_no_title() -> None:
    # （原标题：X印发…方案） is the news item's first headline; the policy is the one in 《》
    meta = _meta(
        "甘肃部署药品安全专项整治\n（原标题：省政府办公厅印发药品安全专项整治工作方案）\n"
        "近日，甘肃省人民政府办公厅印发《甘肃省药品安全专项整治工作方案》，部署开展专项整治。\n"
    )
    assert meta.title == "甘肃省药品安全专项整治工作方案"


@pytest.mark.parametrize(
    "head",
    [
        "湖州市药品零售企业分级管理办法（2019年3月5日湖州市市场监督管理局印发）\n第一条 为加强管理，制定本办法。\n",
        "湖州市药品零售企业分级管理办法(二〇一九年三月五日湖州市市场监督管理局印发)\n第一条 为加强管理，制定本办法。\n",
        "湖州市药品零售企业分级管理办法（2 01 9年3月 5 日湖州市市场监督管理局印发）\n第一条 为加强管理，制定本办法。\n",
    ],
)
def test_a_rules_issuing_in_brackets_after_its_title_gives_its_issuer_and_date(head):
    meta = _meta(head)
    assert (meta.title, meta.issuer, meta.issued_date) == (
        "湖州市药品零售企业分级管理办法", "湖州市市场监督管理局", "2019-03-05")  # fmt: skip


def test_a_notice_dropping_the_place_from_the_texts_name_cites_its_full_title():
    meta = _meta(
        "宁波市人民政府办公厅关于印发疫苗安全事件应急预案的通知\n甬政办发〔2022〕31号\n"
        "各区（县、市）人民政府：\n《宁波市疫苗安全事件应急预案》已经市政府同意，现印发给你们。\n"
        "宁波市人民政府办公厅\n2022年6月1日\n宁波市疫苗安全事件应急预案\n1 总则\n"
    )
    assert meta.title == "宁波市疫苗安全事件应急预案"


@pytest.mark.parametrize(
    "text",
    [
        # a page of a regulator's duties: an address line, then the section's heading
        "官网：http://www.example.gov.cn/zwgk/主要职责\n主要职责\n（一）负责全省药品安全监督管理。",
        # a list of the year's work, its first item naming two plans
        "1、制定出台《全省药品安全示范县创建方案》《疫苗流通专项检查工作方案》\n2、完成抽检1200批次。",
    ],
    ids=["duties page", "numbered results"],
)
def test_a_heading_an_address_or_an_item_is_no_title(text):
    assert _meta(text).title is None


def test_a_news_pages_hot_search_bar_names_no_province_and_its_lead_names_the_issuer():
    # a trade site's hot-search bar lists places of any province (烟台: 山东); the report's
    # lead after its dateline (本报讯) names the body that issued the notice it tells of
    meta = _meta(
        "热搜: 食品  烟台  保健品  小龙虾\n当前位置: 首页 » 行业资讯\n\n"
        "本报讯 甘肃省食品安全委员会办公室近日下发通知，要求各地加强节日期间食品安全监管。\n"
    )
    assert (meta.province.name, meta.issuer) == ("甘肃省", "甘肃省食品安全委员会办公室")


def test_a_news_headline_without_brackets_names_the_policy():
    # 某县出台…办法 as the page's headline, the lead not naming the policy in 《》: its title
    meta = _meta(
        "泾县出台食品安全责任追究办法\n"
        "近日，该县出台了食品安全责任追究办法，对乡镇和部门的责任作出规定。\n"
    )
    assert meta.title == "食品安全责任追究办法"


def test_a_signature_without_the_place_above_keeps_the_titles_full_name():
    meta = _meta(
        "苏州市吴中区人民政府办公室关于印发吴中区2021年药品安全工作要点的通知\n"
        "各镇人民政府：现将《吴中区2021年药品安全工作要点》印发给你们，请认真贯彻执行。\n"
        "吴中区人民政府办公室\n2021年3月2日\n"
    )
    assert meta.issuer == "苏州市吴中区人民政府办公室"


def test_a_sites_disclaimer_names_no_province():
    # a news site's disclaimer names the site, and the site its province: page chrome
    meta = _meta(
        "机构改革进展顺利\n各地要确保机构和职能整合到位。\n"
        "免责声明：本文仅代表作者个人观点，与四川食品安全网无关。\n"
    )
    assert meta.province is None


def test_a_headlines_county_without_its_division_word_gives_the_province():
    # news style names a county without 县 (舒城 for 舒城县, in 安徽); the text names no province
    meta = _meta("舒城出台食品安全责任追究办法\n近日，该县出台了食品安全责任追究办法。\n")
    assert meta.province is not None and meta.province.name == "安徽省"


def test_a_reports_policy_sent_to_recipients_is_the_title_not_the_headline():
    # a page's log-in links, a headline, and a lead naming the policy in 《》 that a county
    # sent to its townships (及时向…下发《Y》): Y is the title, the county no issuer
    meta = _meta(
        "登录|注册\n寿宁县向乡镇下发药品安全工作责任书\n"
        "为落实药品安全责任，寿宁县及时向各乡镇政府下发《2012年药品安全工作责任书》。\n"
    )
    assert (meta.title, meta.issuer) == ("2012年药品安全工作责任书", None)


@pytest.mark.parametrize(
    ("text", "province"),
    [
        # a city's own 代字 that is also a province's: the issuer's city decides
        ("南京市人民政府关于加强药品零售监督管理的通知\n宁政发〔2021〕15号\n各区人民政府：\n"
         "现就有关事项通知如下。\n南京市人民政府\n2021年3月2日\n", "江苏省"),
        ("青岛市人民政府办公厅关于印发疫苗安全工作方案的通知\n青政办字〔2020〕8号\n各区、市人民政府：\n"
         "现将方案印发给你们。\n青岛市人民政府办公厅\n2020年4月9日\n", "山东省"),
        # the province's own number under its own name stays the province's
        ("宁夏回族自治区人民政府办公厅关于加强化妆品监管的通知\n宁政办发〔2021〕5号\n各市、县人民政府：\n"
         "现就有关事项通知如下。\n宁夏回族自治区人民政府办公厅\n2021年2月1日\n", "宁夏回族自治区"),
    ],
)  # fmt: skip
def test_a_citys_number_prefix_that_is_also_a_provinces(text: str, province: str) -> None:
    assert _meta(text).province.name == province


@pytest.mark.parametrize("date", ["2019年5月8日", "2019-05-08"])
def test_a_disclosure_pages_number_line_carries_the_date(date: str) -> None:
    meta = _meta(
        f"盐政发〔2019〕21号 {date}\n各县（市、区）人民政府，市各委、办、局：\n"
        "《盐城市药品安全工作方案》已经市政府同意，现印发给你们，请认真组织实施。\n"
        "盐城市药品安全工作方案\n为加强药品安全监管，制定本方案。\n"
    )
    assert (meta.doc_number, meta.issued_date) == ("盐政发〔2019〕21号", "2019-05-08")


def test_the_levels_only_one_province_has_name_it() -> None:
    # a text naming no province but its 盟市 and 旗县: Inner Mongolia's (GB/T 2260)
    meta = _meta(
        "全区药品抽检工作要点\n盟市药品监管机构：组织实施本地区抽检计划。\n"
        "旗县药品监管机构：负责完成盟市下达的抽检任务。\n"
    )
    assert meta.province is not None and meta.province.name == "内蒙古自治区"
    assert any("division names" in w for w in meta.warnings)


def test_a_sites_name_above_the_headline_gives_no_province() -> None:
    # a food-safety site named after one province reprints a report of another: the
    # headline's province, not the site's (nor its breadcrumb's)
    meta = _meta(
        "浙江食品安全网\n首页 > 食品新闻 > 国内 > >\n\n江西多措并举压实食品安全责任\n"
        "发布日期：2031-05-06 来源：互联网\n本报讯 近日，有关部门召开会议，要求各地落实属地责任。\n"
    )
    assert meta.province is not None and meta.province.name == "江西省"


def test_a_tasks_bodies_opening_an_excerpt_are_no_issuer() -> None:
    # an excerpt of a plan opening on an item's 责任部门 line: the task's bodies; a page's
    # label block (索引号, 发布机构 … 责任部门) names its publisher
    meta = _meta(
        "责任部门：市市场监管局、市农业农村局、市卫生健康委\n"
        "（三）加强农产品质量监管，抽检合格率达到98%以上。\n"
    )
    assert meta.issuer is None
    meta = _meta(
        "索引号：11350-2031-00012\n责任部门：某市市场监督管理局\n发布日期：2031-04-02\n"
        "某市市场监督管理局关于开展药品安全检查的通知\n各区局：\n现就有关事项通知如下。\n"
    )
    assert meta.issuer == "某市市场监督管理局"


@pytest.mark.parametrize(
    "lead,title,issuer",
    [
        ("4月2日，宁夏回族自治区人民政府办公厅印发的2031年全区药品安全重点工作安排提出，要强化"
         "风险防控。", "2031年全区药品安全重点工作安排", "宁夏回族自治区人民政府办公厅"),
        ("近日，湖南省药品监督管理局印发湖南省2031年化妆品监管工作要点，明确全年任务。",
         "湖南省2031年化妆品监管工作要点", "湖南省药品监督管理局"),
    ],
)  # fmt: skip
def test_a_news_leads_policy_without_brackets_before_what_it_sets_out(lead, title, issuer) -> None:
    # the policy's title, no 《》, followed by 提出/明确: the report's policy and its issuer
    meta = _meta(lead + "\n各地要认真落实。\n")
    assert (meta.title, meta.issuer) == (title, issuer)


def test_a_notice_kept_without_its_title_line() -> None:
    # a page kept the body only: the formula names the one text it wraps (the title), and
    # the signature and date share a line, a table's bar after them
    meta = _meta(
        "各市市场监督管理局：\n为规范检查工作，省局修订了《浙江省药品零售企业检查要点》，现印发给你们，"
        "请遵照执行。\n附件：浙江省药品零售企业检查要点.doc\n某省市场监督管理局办公室 2031年3月9日 |\n"
    )
    assert (meta.title, meta.issuer, meta.issued_date) == (
        "浙江省药品零售企业检查要点",
        "某省市场监督管理局办公室",
        "2031-03-09",
    )
    # two texts wrapped: neither is the notice's title
    meta = _meta(
        "各县局：\n省局制定了《工作职责》和《检查标准》，现印发给你们，请认真执行。\n"
        "某省药品监督管理局 2031年3月9日\n"
    )
    assert meta.title is None


def test_a_signature_in_chinese_numerals_on_one_line_above_page_chrome() -> None:
    meta = _meta(
        "某省食品安全委员会办公室关于公布示范县名单的通知\n各市、州食品安全委员会办公室：\n"
        "现将名单公布如下。\n某省食品安全委员会办公室 二○三一年六月十二日\n相关阅读\n回到顶部\n"
    )
    assert meta.issued_date == "2031-06-12"


def test_a_labels_placeholder_is_no_value() -> None:
    # a page's first label block leaves 文号 unknown; the block under the title fills it
    meta = _meta(
        "索引号：4300XX/2031-0012\n文号：未知\n\n关于印发《某区食品安全工作细则》的通知\n"
        "文号：某经办发〔2031〕5号\n各部门：\n现将细则印发给你们，请认真执行。\n"
    )
    assert meta.doc_number == "某经办发〔2031〕5号"


def test_a_place_in_the_issuer_outweighs_a_sites_greeting_line() -> None:
    # a tender site greets its logged-in company (您好：某北京公司) above a city's notice: the
    # city the issuer names gives the province, not the greeting's company
    meta = _meta(
        "您好：北京某某科技股份有限公司\n欢迎来到某某招标网\n"
        "九江市市场监督管理局关于印发医疗器械使用质量管理指引的通知\n"
        "各县（市、区）市场监督管理局：\n现将《九江市医疗器械使用质量管理指引》印发给你们，"
        "请认真贯彻落实。\n九江市市场监督管理局\n2031年6月26日\n"
    )
    assert meta.province is not None and meta.province.name == "江西省"


def test_a_special_zone_addressed_beside_the_cities_names_the_province() -> None:
    # a provincial notice's excerpt naming no province, its zone addressed beside its cities
    meta = _meta(
        "三、工作要求\n各设区市政府和杨凌示范区管委会要加强组织领导。请各设区市和杨凌示范区"
        "9月底前报送工作方案。\n"
    )
    assert meta.province is not None and meta.province.name == "陕西省"


def test_a_portals_reprint_line_and_disclaimer_name_no_province() -> None:
    # a county's report (我县…) reprinted by a provincial portal: its reprint line and its
    # numbered disclaimer are page furniture
    meta = _meta(
        "我县召开食品安全工作会议\n11月24日，我县召开食品安全工作会议，部署年度重点工作。\n"
        "《我县召开食品安全工作会议》由山西新闻网提供，转载请注明出处，谢谢合作！\n"
        "山西新闻网版权与免责声明\n1、未经本网许可，任何人不得使用本网作品。\n"
    )
    assert meta.province is None


def test_a_rule_reported_drawn_up_names_its_title_and_issuer() -> None:
    # a report that a bureau 制定出《X》: X is the title, the bureau its issuer
    meta = _meta(
        "为加强农村协管员管理，临高县局按照省局部署，制定出《临高县农村食品安全协管员管理办法》，"
        "并会同乡镇政府对协管员进行考核。\n"
    )
    assert meta.title == "临高县农村食品安全协管员管理办法"
    assert meta.issuer == "临高县局"


def test_a_report_of_this_years_plan_names_the_plan_it_follows() -> None:
    # the reporter gives the year's work from a body's year plan (获悉，根据《2031年…要点》，今年…):
    # that plan is the policy reported; a law cited so (根据《食品安全法》) is not
    meta = _meta(
        "本报讯 记者从省药监局获悉，根据《2031年全省药品安全工作要点》，今年全省将完善追溯体系，"
        "力争药品抽检合格率稳定在98%以上。\n"
    )
    assert meta.title == "2031年全省药品安全工作要点"
    meta = _meta("记者获悉，根据《中华人民共和国药品管理法》，今年全省将开展专项检查。\n")
    assert meta.title != "中华人民共和国药品管理法"


def test_a_standing_committees_announcement_names_the_regulation_and_its_term_number() -> None:
    meta = _meta(
        "某某省人民代表大会常务委员会公告\n〔十四届〕第十二号\n《某某省药品安全条例》已由某某省第十四届"
        "人民代表大会常务委员会第八次会议于2031年3月28日通过，现予公布。本条例自2031年7月1日起施行。\n"
        "某某省人民代表大会常务委员会\n2031年3月28日\n某某省药品安全条例\n第一章 总则\n"
        "第一条 为了加强药品监督管理，制定本条例。\n"
    )
    assert meta.title == "某某省药品安全条例"
    assert meta.doc_number == "〔十四届〕第十二号"


def test_a_kind_of_zone_names_no_province() -> None:
    # 产业园, 高新区 name one zone somewhere in the gazetteer, and any zone of that kind in a text
    meta = _meta(
        "本报讯 今年将加快6大中医药产业园建设，推动高新区药企集聚发展，力争营业收入达到50亿元。\n"
    )
    assert meta.province is None


def test_a_notice_naming_its_text_by_kind_takes_the_annex_title_and_a_seal_line() -> None:
    # 现将实施分工方案印发给你们 names the text by its kind; the 附件说明 line gives its title;
    # the signing office's seal is another body's, on a line of its own (（某局代章）)
    meta = _meta(
        "各省、自治区、直辖市人民政府，某工作部际联席会议各成员单位：\n"
        "为贯彻落实《国务院关于印发某某发展规划（2031—2035年）的通知》，经国务院同意，现将实施分工方案"
        "印发给你们，请认真落实。\n附件：某某发展规划（2031—2035年）实施分工方案\n"
        "某某工作部际联席会议办公室\n（国家药品监督管理局代章）\n2032年2月10日\n"
    )
    assert meta.title == "某某发展规划（2031—2035年）实施分工方案"
    assert meta.issuers == ["某某工作部际联席会议办公室"]
    assert meta.issued_date == "2032-02-10"


def test_a_province_reported_to_issue_a_policy_gives_its_title() -> None:
    meta = _meta(
        "青海推进中藏药产业发展\n为推动产业发展，青海省近日出台《关于推进中藏药产业高质量发展的实施意见》，"
        "到2033年，全面建成中藏药强省。\n"
    )
    assert meta.title == "关于推进中藏药产业高质量发展的实施意见"


def test_a_headquarters_notice_with_its_heading_over_two_lines() -> None:
    # the page's heading (某指挥部通告), then the issuer line (a space after the county), the
    # 关于 line and the number alone in brackets; a two-character county names the province
    meta = _meta(
        "沛县疫情防控指挥部通告\n\n沛县 疫情防控指挥部\n\n关于暂停销售退热药品的通告\n\n（第8号）\n\n"
        "为做好疫情防控工作，现就有关事项通告如下：\n一、全县药品零售企业暂停销售退热药品。\n"
        "沛县 疫情防控指挥部\n2031年2月10日\n"
    )
    assert meta.title == "沛县疫情防控指挥部关于暂停销售退热药品的通告"
    assert meta.doc_number == "第8号"
    assert meta.issuers == ["沛县疫情防控指挥部"]
    assert meta.issued_date == "2031-02-10"
    assert meta.province is not None and meta.province.name == "江苏省"


def test_spaces_lost_to_question_marks_in_a_joint_signature() -> None:
    meta = _meta(
        "各省、自治区、直辖市药品监督管理局、公安厅（局）：\n现将《某某衔接办法》印发给你们，请遵照执行。\n"
        "? ? ?国家药监局? ? ?公安部\n? ? ? ? ? ?2031年1月10日\n"
    )
    assert meta.issuers == ["国家药品监督管理局", "公安部"]
    assert meta.issued_date == "2031-01-10"


def test_a_shared_files_name_heading_the_page_is_its_title() -> None:
    meta = _meta(
        "某县药品质量抽验工作实施方案.docx\n《某县药品质量抽验工作实施方案.docx》由会员分享，可在线阅读。\n"
        "为做好2031年药品抽验工作，制定本方案。\n"
    )
    assert meta.title == "某县药品质量抽验工作实施方案"


def test_a_national_bodys_issuing_office_is_named_in_full() -> None:
    # GB/T 9704 names the issuing unit of a body (办公厅, 综合司) after the body: the body's
    # short form is read as its full official name, the unit kept as written
    meta = _meta(
        "各省、自治区、直辖市卫生健康委、市场监管局：\n现将《某某专项整治工作方案》印发给你们，请认真贯彻执行。\n"
        "国家卫生健康委办公厅\n市场监管总局办公厅\n2031年6月1日\n"
    )
    assert meta.issuers == ["国家卫生健康委员会办公厅", "国家市场监督管理总局办公厅"]


def test_a_party_and_government_offices_joint_signature_with_its_date_run_in() -> None:
    meta = _meta(
        "中共吉林省委办公厅\n吉林省人民政府办公厅印发《关于落实食品安全责任制的意见》的通知\n"
        "各市（州）党委和人民政府：\n现将《关于落实食品安全责任制的意见》印发给你们，请认真贯彻落实。\n"
        "中共吉林省委办公厅\n吉林省人民政府办公厅2031年12月25日\n"
    )
    assert meta.issuers == ["中共吉林省委办公厅", "吉林省人民政府办公厅"]
    assert meta.issued_date == "2031-12-25"


def test_an_issuer_named_by_level_or_with_its_province_is_its_places_body() -> None:
    # a page's label gives 市市场监督管理局 for 黑河市's text; a city bureau written with its
    # province before it (辽宁省锦州市…) is the city's body, named as its own
    meta = _meta(
        "发布机构：市市场监督管理局\n黑河市关于加强冷链食品监管的若干措施\n一、加强进口冷链食品追溯。\n"
    )
    assert meta.issuers == ["黑河市市场监督管理局"]
    meta = _meta(
        "锦州市冷链食品监管实施方案\n为加强监管，制定本方案。\n辽宁省锦州市市场监管局\n2031年3月2日\n"
    )
    assert meta.issuers == ["锦州市市场监督管理局"]
    meta = _meta(  # a municipality's district keeps its city: 天津市某区…
        "西青区药品安全工作方案\n为加强监管，制定本方案。\n天津市西青区人民政府办公室\n2031年3月2日\n"
    )
    assert meta.issuers == ["天津市西青区人民政府办公室"]


def test_a_policy_reported_as_issued_and_one_cited_in_compliance() -> None:
    meta = _meta(
        "吉林省政府办公厅印发的《2031年吉林省食品安全重点工作安排》要求，进一步落实属地管理责任。\n"
    )
    assert meta.title == "2031年吉林省食品安全重点工作安排"
    assert meta.issuers == ["吉林省人民政府办公厅"]
    meta = _meta(
        "县局召开会议。按照国务院食安办等八部门联合下发的《关于加强诚信建设的意见》要求，要加强体系建设。\n"
    )
    assert meta.title != "关于加强诚信建设的意见"


def test_the_state_councils_food_safety_office_and_a_lead_further_down_the_page() -> None:
    from policykg.ingest.issuer_names import canonical_issuer

    assert canonical_issuer("国务院食安办", None) == "国务院食品安全委员会办公室"
    # a page's chrome pushes the report's lead past the head: the lead still names the title's
    # issuers, written short (省委办公厅、省政府办公厅)
    chrome = "".join(f"栏目{i}\n" for i in range(14))
    meta = _meta(
        chrome + "吉林省落实食品安全党政同责\n去年，吉林省委办公厅、吉林省政府办公厅印发"
        "《关于落实食品安全党政同责的实施意见》。意见提出，严格考核评价。\n"
    )
    assert meta.title == "关于落实食品安全党政同责的实施意见"
    assert meta.issuers == ["中共吉林省委办公厅", "吉林省人民政府办公厅"]


def test_a_pages_issuing_heading_run_into_the_notices_title():
    # (a page's 印发通知 heading above the notice's own title line: the policy's title)
    meta = _meta(
        "印发通知\n某某市人民政府办公厅关于印发某某市兽药安全事件应急预案的通知\n某府办发〔2023〕41号\n"
        "各区县人民政府，市政府各部门：\n《某某市兽药安全事件应急预案》已经市政府同意，现印发给你们。\n"
    )
    assert meta.title == "某某市兽药安全事件应急预案"


def test_a_title_nested_in_angle_brackets_inside_a_reprints_title():
    meta = _meta(
        "某办发〔2019〕8号《中共某某省委办公厅某某省人民政府办公厅关于印发〈某某省药品流通领域改革实施方案〉的通知》\n"
        "为推进药品流通领域改革，制定本方案。\n"
    )
    assert meta.title == "某某省药品流通领域改革实施方案"
    assert meta.issuers == ["中共某某省委办公厅某某省人民政府办公厅"]


def test_a_notice_naming_its_plan_in_its_own_sentence_and_its_number_on_the_attachment():
    meta = _meta(
        "各省、自治区、直辖市药品监督管理局：\n为做好医疗器械抽检工作，国家药监局组织制定了"
        "《2022年国家医疗器械抽检工作计划》。现印发给你们，请认真组织实施。\n"
        "国家药监局综合司\n2022年3月1日\n药监综械管〔2022〕19号附件.docx\n"
    )
    assert meta.title == "2022年国家医疗器械抽检工作计划"
    assert meta.doc_number == "药监综械管〔2022〕19号"
    assert meta.issuer == "国家药品监督管理局综合和规划财务司"


def test_a_joint_bodys_working_rule_is_a_title_and_a_headline_reporting_it_is_not():
    rule = _meta(
        "某某省药品安全监管厅际联席会议制度\n为加强部门协作，建立本制度。\n一、成员单位\n省药监局、省卫生健康委。\n"
    )
    assert rule.title == "某某省药品安全监管厅际联席会议制度"
    headline = _meta(
        "某某省建立药品安全监管厅际联席会议制度\n近日，某某省药监局会同有关部门建立联席会议制度。\n"
    )
    assert headline.title != "某某省建立药品安全监管厅际联席会议制度"


def test_debris_before_the_title_and_a_pages_part_number_are_no_part_of_it() -> None:
    # an advert run onto the title's line (a space between), and lines of it above, before
    # the addressees; a site's page number after a 文种 (…的通告（2）)
    advert = (
        "贷款就找某某银行，放心又省钱\n点击了解详情\n"
        "看 某某县人民政府关于暂停活禽交易的通告\n各经营户、广大市民：\n为做好防控工作，现通告如下。\n"
    )
    assert _meta(advert).title == "某某县人民政府关于暂停活禽交易的通告"
    paged = "某某市人民政府关于加强野生动物保护管理的通告（2）\n2020-05-20 来源：某某网\n七、加强执法。\n"
    assert _meta(paged).title == "某某市人民政府关于加强野生动物保护管理的通告"
    # a title wrapped with a space inside stays whole (the space as the page has it)
    wrapped = "某某省人民政府关于食品安全示范城市创建 工作先进集体的通报\n各设区市人民政府：\n现予通报。\n"
    title = _meta(wrapped).title or ""
    assert title.replace(" ", "") == "某某省人民政府关于食品安全示范城市创建工作先进集体的通报"


def test_a_long_signature_broken_before_its_kind_and_an_announcements_bare_number() -> None:
    # a forum's page: chrome above the notice, its number （3号） under its title, and the
    # signature's long name broken (with blank lines) before 指挥部办公室
    text = (
        "某某论坛\n找回密码\n立即注册\n只需一步，快速开始\n查看: 100|回复: 0\n发表于 2022-1-14 17:04\n\n"
        "关于加强进口冷链食品疫情防控工作的通告\n\n（3号）\n\n为切实保障全县人民身体健康，现通告如下。\n"
        "一、严格落实报备制度。\n\n某某县疫情防控应急综合\n\n指挥部办公室\n\n2022年1月13日\n"
    )
    meta = _meta(text)
    assert meta.doc_number == "3号"
    assert meta.issuer == "某某县疫情防控应急综合指挥部办公室"


def test_the_province_of_the_body_that_acts_over_a_place_the_story_passes_through() -> None:
    # a city's zone bureau acts; the lead opens with an event of another province
    text = (
        "近日，湖南某地一起固体饮料冒充特医食品事件引发关注。为加强婴幼儿配方乳粉监管，"
        "福州高新区市场监管局于日前组织开展专项检查。\n此次检查重点对辖区母婴店进行检查。\n"
    )
    meta = _meta(text)
    assert meta.province is not None and meta.province.name == "福建省"


def test_an_issuer_named_by_its_level_or_a_short_autonomous_name_is_written_in_full() -> None:
    # a county-level city's office signs with its level alone, the title names the city;
    # an autonomous prefecture signs with its short name (恩施州)
    by_level = (
        "市人民政府办公室关于做好2024年宜都市无偿献血工作的通知\n各乡镇人民政府：\n现就有关事项通知如下。\n"
        "市人民政府办公室\n2024年3月1日\n"
    )
    assert _meta(by_level).issuer == "宜都市人民政府办公室"
    short = (
        "恩施州人民政府办公室关于加强农村集体聚餐管理的通知\n各县市人民政府：\n现就有关事项通知如下。\n"
        "恩施州人民政府办公室\n2019年5月6日\n"
    )
    assert _meta(short).issuer == "恩施土家族苗族自治州人民政府办公室"


def test_a_headline_opening_with_a_county_of_two_letters_gives_its_province() -> None:
    """泾县开展…: a two-letter county (the gazetteer's) opening a report's headline."""
    meta = _meta(
        "泾县开展春季农资打假专项行动\n近日，县市场监管局联合县农业农村局开展农资打假检查。\n"
    )
    assert meta.province is not None and meta.province.name == "安徽省"
    assert meta.level == "local"


def test_a_body_asked_to_issue_the_policy_is_its_issuer() -> None:
    """A起草了《X》，提请B出台了《Y》: B issues Y (提请 is the request, not part of B's name)."""
    meta = _meta(
        "某镇出台聚餐申报制度\n本报讯 春节前夕，某某镇食品药品监管所起草了《农村集体聚餐管理制度》，"
        "提请平和镇政府出台了《关于推行农村集体聚餐管理制度的通知》。\n"
    )
    # (the town's government by its full name: a township's 政府 is its 人民政府)
    assert (meta.title, meta.issuer) == ("关于推行农村集体聚餐管理制度的通知", "平和镇人民政府")


@pytest.mark.parametrize(
    "written,full",
    [
        ("漳浦县市场监管局", "漳浦县市场监督管理局"),
        ("厦门市思明区市场监管局", "厦门市思明区市场监督管理局"),  # a district with its city
    ],
)
def test_an_issuer_below_a_city_is_its_full_official_name(written: str, full: str) -> None:
    from policykg.ingest.issuer_names import canonical_issuer
    from policykg.ingest.vocab import province_by_name

    assert canonical_issuer(written, province_by_name("福建省")) == full


def test_the_places_of_a_pages_link_lists_say_nothing_of_the_province():
    """A news item on a county's work, the page's lists of other headlines after it (上一条 ·…,
    - ·…): their places are not counted against the county's."""
    text = (
        "某某网讯 昨天，如皋市区菜场内张贴了禁售通告，如皋市将加强监管。\n"
        "如皋市市场监管局提醒广大市民，不购买河豚。\n"
        "上一条 ·北京某区开展检查 2031-11-10\n下一条 ·河南某地召回化肥 2031-11-10\n"
        "- ·北京员工食堂托管2031-12-17\n·北京学校食堂承包2031-12-17\n·河南某某食堂配送2031-12-17\n"
    )
    reading = infer_province([], None, None, "", text, None)
    assert reading.province is not None and reading.province.name == "江苏省"


def test_an_item_of_a_pages_link_list_is_no_title():
    meta = _meta(
        "某县加强野生菌中毒防控\n记者昨天获悉，某县将加强监管。\n- ·某某流量计选型及解决方案\n"
        "·某某食堂托管实施方案2031-12-17\n"
    )
    assert meta.title is None


@pytest.mark.parametrize(
    "text,province",
    [
        # two provinces' abbreviations before a joint word (a signing report)
        ("湘赣签署药品稽查协作协议\n两省药监部门将共享案件线索。\n", None),
        # a region of several provinces in the headline, no province of its own
        ("京津冀召开食品安全联席会议\n会议在某地召开，三地将联合抽检。\n", None),
        # two provinces' bodies side by side open the lead
        ("为推进区域协作，江西省药品监督管理局、湖南省药品监督管理局近日联合开展检查，"
         "检查组对两地企业进行了检查。\n", None),
        # one province named before the region: that province's report
        ("安徽省推进长三角药品监管一体化\n安徽省药监局近日召开会议。\n", "安徽省"),
        # a lead naming the region in its purpose clause, then one province acting
        ("为落实京津冀协同发展要求，河北省药监局近日部署专项检查，全省各地开展排查。\n", "河北省"),
        # a province's body holding a meeting on a region's work
        ("四川省药监局召开川渝药品监管一体化推进会\n会议部署了下一步工作。\n", "四川省"),
        # two provinces' abbreviations acting together, one of them named after
        ("本报讯 6月2日，湘赣双方在湖南省长沙市签订合作协议，两省将加强协作。\n", None),
    ],
)  # fmt: skip
def test_a_document_of_several_provinces_has_none(text: str, province: str | None) -> None:
    """The rule book: a document concerning several provincial-level units (an agreement, a
    joint plan, a report of their joint work) has province null, level `regional`."""
    meta = _meta(text)
    assert (meta.province.name if meta.province else None) == province
    if province is None:
        assert meta.level == "regional"
        assert any("names several provinces" in w for w in meta.warnings)


def test_joint_issuers_of_two_provinces_make_a_regional_document() -> None:
    reading = infer_province(
        ["江西省人民政府办公厅", "湖南省人民政府办公厅"],
        None,
        "湘赣边区域合作示范区建设方案",
        "",
        "",
    )
    assert reading.province is None and reading.level == "regional"
    reading = infer_province(["江西省人民政府办公厅", "江西省卫生健康委员会"], None, None, "", "")
    assert reading.province is not None and reading.province.name == "江西省"


def test_a_county_renamed_since_still_names_its_province():
    """横县 became 横州市 (2021): a report written before opens its bodies with the old name."""
    meta = _meta("横县开展校园食品安全检查\n横县市场监督管理局近日对全县学校食堂开展检查。\n")
    assert meta.province is not None and meta.province.name == "广西壮族自治区"


def test_a_joint_title_keeps_its_issuers_written_apart_by_a_space():
    """GB/T 9704 joint issuers open a joint title (A综合司 B办公厅关于…的通知): not debris before a
    title on its line (在 X关于…的通告)."""
    meta = _meta(
        "某某局综合司 某某署办公厅关于增设某港口岸为药品进口口岸的通知\n某药监综〔2031〕12号\n"
        "各省、自治区、直辖市药品监督管理局：\n现将有关事项通知如下。\n"
    )
    assert meta.title == "某某局综合司 某某署办公厅关于增设某港口岸为药品进口口岸的通知"


def test_a_sites_column_tag_before_the_title_is_no_part_of_it():
    """【栏目】X应急预案: the site files the page under a column; the document's name follows."""
    meta = _meta(
        "【食药预案】某县药品安全突发事件应急预案\n1 总则\n为有效预防药品安全事件，制定本预案。\n"
    )
    assert meta.title == "某县药品安全突发事件应急预案"


def test_a_breadcrumb_of_another_provinces_site_does_not_place_the_report():
    """您现在的位置: 某省某网 >> 新闻 — the site's place, not the report's."""
    meta = _meta(
        "您现在的位置: 江西某某物流网 >> 物流资讯 >> 正文\n某地医药物流中心落户\n"
        "昨日，四川省药品监督管理局与某市人民政府签署合作备忘录。\n"
    )
    assert meta.province is not None and meta.province.name == "四川省"


def test_a_reported_joint_issue_with_lianhe_names_each_issuer():
    """A局联合B、C发布了《Y》: three issuers (联合 joins them; a 联合会 keeps its name)."""
    meta = _meta(
        "某市出台药品行刑衔接办法\n"
        "近日，无锡市市场监管局联合无锡市人民检察院、无锡市公安局发布了《药品行政执法与刑事司法衔接办法》。\n"
    )
    assert meta.issuer == "无锡市市场监督管理局、无锡市人民检察院、无锡市公安局"  # (full names)


def test_a_notice_cited_in_a_numbered_list_of_bases_is_no_title():
    """一、起草依据 / 1.《某法》 / 2.《某市人民政府办公室关于印发X的通知》: bases cited, not the text's title."""
    meta = _meta(
        "一、起草依据\n1.《中华人民共和国药品管理法》\n"
        "2.《某市人民政府办公室关于印发某市药品安全事件应急预案的通知》\n"
        "二、主要内容\n本预案适用于本区药品安全事件的应对处置。\n"
    )
    assert meta.title != "某市药品安全事件应急预案"


def test_an_autonomous_prefectures_short_name_with_zizhizhou_is_written_in_full():
    """恩施自治州… signs with the short name and 自治州: the issuer keeps the official full name."""
    meta = _meta(
        "关于加强药品零售监管的通告\n为加强药品零售监管，现通告如下。\n一、药品零售企业应当凭处方销售处方药。\n"
        "恩施自治州市场监督管理局\n2022年3月1日\n"
    )
    assert meta.issuer == "恩施土家族苗族自治州市场监督管理局"


def test_joint_issuers_joined_with_yu_or_he_are_each_an_issuer() -> None:
    # written for this test: a report of a joint notice whose issuers are joined with 与 and 和
    meta = _meta(
        "日前，宁晋县质监局与县卫生局联合印发《关于加强医用计量器具管理的通知》，"
        "并对全县卫生院的血压计进行检定。\n"
    )
    assert meta.issuers == ["宁晋县质量技术监督局", "宁晋县卫生局"]
    meta = _meta(
        "近日，深圳市卫生健康委和深圳市市场监管局联合印发《深圳市中药制剂使用工作指南》，"
        "自印发之日起施行。\n"
    )
    assert meta.issuers == ["深圳市卫生健康委员会", "深圳市市场监督管理局"]
