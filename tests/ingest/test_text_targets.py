"""Numeric commitments in running text: golden sentences, non-targets, and the seeds."""

from __future__ import annotations

from functools import cache

import pytest
from policykg.ingest.measures import build_measures
from policykg.ingest.normalize import normalize
from policykg.ingest.pipeline import extract_file
from policykg.ingest.read import read_source
from policykg.ingest.record import Measure
from policykg.ingest.structure import parse_blocks
from policykg.ingest.text_targets import text_targets

from tests.conftest import seed

PERIOD = "2021-2025"


def _targets(text: str, statement: str = "commitment", period: str | None = PERIOD):
    prefix = "（一）重点任务。"  # the sentence sits in a measure, after its title
    m = Measure(id="d:1", ordinal="1", text=prefix + text, statement=statement, start=10,
                end=10 + len(prefix + text))  # fmt: skip
    return m, text_targets([m], [], period)


# sentence → (indicator, value, value_text, comparator, unit, year, baseline, cumulative) each
GOLDEN = [
    # a part of this year with a modal after it looks ahead (not a report of the half-year)
    ("今年上半年，某县将在城区大型药店设立4个过期药品回收服务点。",
     [("设立过期药品回收服务点", 4, "4个", None, "个", None, None, False)]),
    # a level reached with 实现, as with 达到; a range of years used (利用…的时间), as 用
    ("各类执法人员年度培训比例实现100%。",
     [("各类执法人员年度培训比例", 100, "100%", ">=", "%", None, None, False)]),
    ("省局将利用3~5年的时间，推进基层监管能力建设。",
     [("推进基层监管能力建设", None, "3~5年", "<=", None, None, None, False)]),
    # a window opening the clause with a month's end, the city's campaign after it
    ("8月底至10月30日，我市将全面开展景区食品安全专项整治。",
     [("景区食品安全专项整治", None, "8月底至10月30日", None, None, None, None, False)]),
    # a problem curbed within the time given for it
    ("用一年时间，使违法使用禁用兽药问题得到有效遏制。",
     [("使违法使用禁用兽药问题得到有效遏制", None, "一年", "<=", None, None, None, False)]),
    # a year's end ahead with 到 and no 前, the subject before its modal: by then
    ("到2027年底，各乡镇卫生院要设立过期药品回收箱。",
     [("各乡镇卫生院要设立过期药品回收箱", None, "到2027年底", "<=", None, 2027, None, False)]),
    # a deadline's clause doing an act to an object too long for one task (A将组织人员对…进行摸底
    # 调查): the act
    ("9月15日前，县市场监管部门将组织执法人员对辖区内各旅游景区（点）及周边所有食品销售单位进行摸底调查，建立主体台账。",
     [("摸底调查", None, "9月15日前", "<=", None, None, None, False)]),
    # a campaign's window opened by a month's end, or by a month of this year and closed by a
    # holiday of the next (not a deadline 8月底 and a task 至…)
    ("某县将于8月底至10月30日全面开展景区食品安全专项整治。",
     [("景区食品安全专项整治", None, "8月底至10月30日", None, None, None, None, False)]),
    ("县农业农村局决定从今年5月上旬至明年春节前，在全县开展畜禽屠宰专项整治行动。",
     [("畜禽屠宰专项整治行动", None, "今年5月上旬至明年春节前", None, None, None, None, False)]),
    # a subject and its disposal 将/把 before the time limit it cuts: the limit is the indicator
    ("某县将食品经营许可办理时限由20个工作日压缩至8个工作日。",
     [("食品经营许可办理时限", 8, "8个工作日", "<=", "工作日", None, 20, False)]),
    ("该局还将把药品零售许可审批时限缩短为7个工作日。",
     [("药品零售许可审批时限", 7, "7个工作日", "<=", "工作日", None, None, False)]),
    # the share of a whole a quantity must reach, between the quantity and its share
    ("上半年完成抽检批次至少应为全年任务总数的60%，三季度末分别至少应为全年计划的85%。",
     [("上半年完成抽检批次", 60, "60%", ">=", "%", None, None, False),
      ("三季度末", 85, "85%", ">=", "%", None, None, False)]),
    # (or the act made public so soon after it)
    ("各乡镇要在方案印发后10个工作日内，在政府网站主动公开本辖区包保责任清单。",
     [("主动公开本辖区包保责任清单", 10, "10个工作日内", "<=", "工作日", None, None, False)]),
    # a time limit after the event that starts it: the report due, in the next clause
    ("各县局应在完成案件调查后的15个工作日内，书面向市局报告。",
     [("书面向市局报告", 15, "15个工作日内", "<=", "工作日", None, None, False)]),
    ("年底前，农贸市场快检覆盖率95%以上的目标全部实现。",  # a bound before 目标 is the goal
     [("农贸市场快检覆盖率", 95, "95%以上", ">=", "%", None, None, False)]),
    # levels aimed at a year's end, their rises over the year before (同比) listed with 分别
    ("力争到2031年末，全省中药材种植面积达到300万亩，产值达到90亿元，同比分别增长20%、25%。",
     [("全省中药材种植面积", 300, "300万亩", ">=", "万亩", 2031, None, False),
      ("产值", 90, "90亿元", ">=", "亿元", 2031, None, False),
      ("同比分别增长", 20, "20%", None, "%", 2031, None, False),
      ("同比分别增长", 25, "25%", None, "%", 2031, None, False)]),
    # a level from a year on (YEAR及以后年度): that year
    ("2031年及以后年度，全县献血人次达到常住人口的1%以上。",
     [("全县献血人次", 1, "1%以上", ">=", "%", 2031, None, False)]),
    # an amount the sector is to reach, after 实现 (实现主营业务收入N亿元)
    ("到2030年，全省药品工业实现主营业务收入900亿元。",
     [("全省药品工业实现主营业务收入", 900, "900亿元", None, "亿元", 2030, None, False)]),
    # an area to grow (种植…万亩), a level developed to (发展到), a share of things with its own
    # bound (50%以上的…) that reach what follows
    ("2031年全市计划种植道地药材12万亩，种植规模发展到20万亩。",
     [("种植道地药材", 12, "12万亩", None, "万亩", 2031, None, False),
      ("种植规模", 20, "20万亩", ">=", "万亩", 2031, None, False)]),
    # a herd and a flock counted (万头, 万羽); 2031年内 is no window before a province's name
    ("2031年内蒙古将实施畜牧业提升计划，力争生猪出栏达到200万头，家禽出栏达到3000万羽。",
     [("生猪出栏", 200, "200万头", ">=", "万头", 2031, None, False),
      ("家禽出栏", 3000, "3000万羽", ">=", "万羽", 2031, None, False)]),
    # a volume of blood to collect (万毫升)
    ("2031年全县要完成无偿献血采血量120万毫升。",
     [("完成无偿献血采血量", 120, "120万毫升", None, "万毫升", 2031, None, False)]),
    # a timetable, each year heading its clause
    ("工作进度：2031年，完成甲、乙2个县的试点任务；2032年，争取再新增5个以上的县开展试点。",
     [("完成甲、乙", 2, "2个", None, "个", 2031, None, False),
      ("新增的县开展试点", 5, "5个以上", ">=", "个", 2032, None, False)]),
    ("到2031年，全省60%以上的乡镇建成农产品快检室。",
     [("全省的乡镇建成农产品快检室", 60, "60%以上", ">=", "%", 2031, None, False)]),
    # an amount after its indicator without a verb (产值N亿元); approximate levels (约, 左右)
    ("到2031年，全省中药材产量40万吨，产值80亿元。",
     [("全省中药材产量", 40, "40万吨", None, "万吨", 2031, None, False),
      ("产值", 80, "80亿元", None, "亿元", 2031, None, False)]),
    ("力争种植面积稳定在200万亩左右、中药材产量约60万吨。",
     [("种植面积", 200, "200万亩左右", None, "万亩", None, None, False),
      ("中药材产量", 60, "约60万吨", None, "万吨", None, None, False)]),
    # a count whose examples stand between its verb and 等 (建成甲、乙等N个X): X is counted
    ("建成黄芪、党参等8个道地药材示范基地。",
     [("道地药材示范基地", 8, "8个", None, "个", None, None, False)]),
    # beds per head (张); the year striven for written 确保实现YEAR
    ("每千人口公立中医类医院床位数达到0.6张。",
     [("每千人口公立中医类医院床位数", 0.6, "0.6张", ">=", "张", None, None, False)]),
    ("确保实现2031年全省中药材种植面积200万亩以上。",
     [("全省中药材种植面积", 200, "200万亩以上", ">=", "万亩", 2031, None, False)]),
    # a year's plan with its subject between (2031年我县计划…), broken down after 其中 over the
    # clauses that follow
    ("2031年我县计划完成药品抽检总批次60批，其中零售环节抽检40批，中药饮片抽检10批，化妆品抽检10批。",
     [("完成药品抽检总批次", 60, "60批", None, "批", 2031, None, False),
      ("零售环节抽检", 40, "40批", None, "批", 2031, None, False),
      ("中药饮片抽检", 10, "10批", None, "批", 2031, None, False),
      ("化妆品抽检", 10, "10批", None, "批", 2031, None, False)]),
    # the least word between a count verb and its count (确定至少N家X)
    ("全市确定至少2家药品零售企业作为监测哨点。",
     [("确定药品零售企业作为监测哨点", 2, "2家", ">=", "家", None, None, False)]),
    ("到2025年，全省药品抽检合格率稳定在99%以上。",
     [("全省药品抽检合格率", 99, "99%以上", ">=", "%", 2025, None, False)]),
    ("支持符合条件的创新药临床试验审评审批时限缩短至30个工作日。",
     [("创新药临床试验审评审批时限", 30, "30个工作日", "<=", "工作日", None, None, False)]),
    ("提高申报资料质量，第二类医疗器械首次注册平均周期压缩至六个月内。",
     [("第二类医疗器械首次注册平均周期", 6, "六个月内", "<=", "月", None, None, False)]),
    ("优化新药的入院流程，逐步实现由30个工作日缩减至15个工作日。",
     [("新药的入院流程", 15, "15个工作日", "<=", "工作日", None, 30, False)]),
    ("设立药品上市许可持有人药物警戒哨点20个、医疗器械不良事件监测哨点30个。",
     [("设立药品上市许可持有人药物警戒哨点", 20, "20个", None, "个", None, None, False),
      ("医疗器械不良事件监测哨点", 30, "30个", None, "个", None, None, False)]),
    ("“十四五”期间，制修订药品、医疗器械、化妆品标准100个，其中药品标准75个。",
     [("制修订药品、医疗器械、化妆品标准", 100, "100个", None, "个", 2025, None, True),
      ("药品标准", 75, "75个", None, "个", 2025, None, True)]),
    ("省级每年培训20000名专业技术人员、1000名企业负责人和质量管理人员。",
     [("培训专业技术人员", 20000, "20000名", None, "名", None, None, False),
      ("培训企业负责人和质量管理人员", 1000, "1000名", None, "名", None, None, False)]),
    ("疫苗生产企业派驻检查覆盖率达到100%。",
     [("疫苗生产企业派驻检查覆盖率", 100, "100%", ">=", "%", None, None, False)]),
    ("不良反应报告县（市、区）覆盖率不低于90%。",
     [("不良反应报告县（市、区）覆盖率", 90, "不低于90%", ">=", "%", None, None, False)]),
    ("到“十四五”期末，每万人口执业药师数达到4.5人。",
     [("每万人口执业药师数", 4.5, "4.5人", ">=", "人", 2025, None, False)]),
    ("到2023年末，累计培养200名优秀检查组长。",
     [("培养优秀检查组长", 200, "200名", None, "名", 2023, None, True)]),
    ("药品、化妆品不良反应报告质量抽样评估分别达到96分、95分以上。",
     [("药品不良反应报告质量抽样评估", 96, "96分", ">=", "分", None, None, False),
      ("化妆品不良反应报告质量抽样评估", 95, "95分以上", ">=", "分", None, None, False)]),
    ("行政审批事项办理时限较法定时限压缩50%以上。",
     [("行政审批事项办理时限较法定时限压缩", 50, "50%以上", ">=", "%", None, None, False)]),
    ("符合要求的，5个工作日内完成技术审评。",
     [("完成技术审评", 5, "5个工作日内", "<=", "工作日", None, None, False)]),
    ("对15个品种开展上市后安全性评价研究。",
     [("开展上市后安全性评价研究", 15, "15个品种", None, "品种", None, None, False)]),
    ("拥有3-5个走向国际的领军品牌。",
     [("拥有走向国际的领军品牌", None, "3-5个", None, "个", None, None, False)]),
    ("第二类医疗器械注册审评时限压缩至法定时限的50%。",
     [("第二类医疗器械注册审评时限", 50, "50%", "<=", "%", None, None, False)]),
    ("每年组织培训2000人次。",
     [("组织培训", 2000, "2000人次", None, "人次", None, None, False)]),
    ("药品、医疗器械、化妆品生产企业年度报告执行率100%。",
     [("药品、医疗器械、化妆品生产企业年度报告执行率", 100, "100%", None, "%", None, None, False)]),
    # two rates that rise alike (均比上年提高): one change of each
    ("全市绿色防控覆盖率和统防统治覆盖率均比上年提高3个百分点以上。",
     [("全市绿色防控覆盖率比上年提高", 3, "3个百分点以上", ">=", "百分点", None, None, False),
      ("统防统治覆盖率比上年提高", 3, "3个百分点以上", ">=", "百分点", None, None, False)]),
    # one coverage verb, several shares: each names what it covers after it
    ("到2025年，快检服务覆盖全市100%农贸市场和90%以上社区，覆盖100%的乡镇。",
     [("农贸市场", 100, "100%", None, "%", 2025, None, False),
      ("社区", 90, "90%以上", ">=", "%", 2025, None, False),
      ("乡镇", 100, "100%", None, "%", 2025, None, False)]),
    ("监督检查覆盖辖区内100%的学校食堂、95%以上的养老机构食堂。",
     [("学校食堂", 100, "100%", None, "%", None, None, False),
      ("养老机构食堂", 95, "95%以上", ">=", "%", None, None, False)]),
    # the act right before its count (每季度至少巡查一次; a report to a body), a weekday's report
    ("各网格每季度至少巡查一次。", [("巡查", 1.0, "一次", ">=", "次", None, None, False)]),
    ("协管员每月向镇监管所汇报一次工作情况。",
     [("向镇监管所汇报", 1.0, "一次", None, "次", None, None, False)]),
    ("信息员每周五上报本周宴席备案表。", [("上报本周宴席备案表", None, "每周五", None, None, None, None, False)]),
    # a closure's window, the day closing it in its month, and what it is done to
    ("县政府决定于2021年3月1日至3月3日，对全县农贸市场实行临时性休市。",
     [("临时性休市", None, "2021年3月1日至3月3日", None, None, 2021, None, False)]),
    ("县指挥部决定从2月8日至10日对城区活禽市场进行休市消毒。",
     [("休市消毒", None, "2月8日至10日", None, None, None, None, False)]),
    # a test every N days for the people it covers: the interval the value, a range none
    ("对于其他接触进口食品的从业人员，每7天进行一次核酸检测。",
     [("其他接触进口食品的从业人员", 7.0, "每7天进行一次", None, "天", None, None, False)]),
    ("搬运人员每3至5天进行一次核酸检测。", [("搬运人员", None, "每3至5天进行一次", None, "天", None, None, False)]),
    ("对冷链从业人员每两周实行1次核酸检测。", [("冷链从业人员", 2.0, "每两周实行1次", None, "周", None, None, False)]),
    # half a year's length after its campaign's clause; a notice given so long ahead
    ("专项行动自2023年5月开始，为期半年。", [("专项行动自2023年5月开始", 0.5, "半年", None, "年", 2023, None, False)]),
    ("货主须提前24小时向监管仓报备。", [("向监管仓报备", 24.0, "24小时", None, "小时", None, None, False)]),
    ("举办者应在活动7个工作日前，向所在地县局报告。",
     [("向所在地县局报告", 7.0, "7个工作日", None, "个工作日", None, None, False)]),
    # a deadline to name or appoint (明确, 聘任) is one to complete
    ("各乡镇于11月底前明确村级协管员。", [("明确村级协管员", None, "11月底前", "<=", None, None, None, False)]),
    # half a month; the campaign its last 的 names; a 整顿 that opens
    ("开展为期半个月的农村集市食品安全专项检查。",
     [("农村集市食品安全专项检查", 0.5, "半个月", None, "个月", None, None, False)]),
    ("联合开展为期60天的整治农资市场秩序的“春雷”行动。", [("“春雷”行动", 60, "60天", None, "天", None, None, False)]),
    ("为期一个月的保健食品专项整顿拉开帷幕。", [("保健食品专项整顿", 1, "一个月", None, "个月", None, None, False)]),
    # a range whose ends are written in Chinese numerals counts things (not grades); a range of
    # years to take
    ("力争引进一至两个国内知名乳品加工企业落户我市。",
     [("引进国内知名乳品加工企业落户我市", None, "一至两个", None, "个", None, None, False)]),
    ("每个乡镇建设三至五个快检室。", [("建设快检室", None, "三至五个", None, "个", None, None, False)]),
    ("争取用3至5年时间，建立起覆盖全市的检测体系。",
     [("建立起覆盖全市的检测体系", None, "3至5年", "<=", None, None, None, False)]),
    # a window said to be a phase or a week; a campaign named back to, its window after a comma;
    # a window after a lead-in, or before the place it runs in, or before 联合开展
    ("3月至5月为企业自查阶段，6至9月为监督检查阶段。",
     [("企业自查阶段", None, "3月至5月", None, None, None, None, False),
      ("监督检查阶段", None, "6至9月", None, None, None, None, False)]),
    ("省食安办确定9月1日至7日为今年的食品安全宣传周。",
     [("食品安全宣传周", None, "9月1日至7日", None, None, None, None, False)]),
    ("此次专项整治行动，从9月1日-10月20日，分阶段分区域推进。",
     [("专项整治行动", None, "9月1日-10月20日", None, None, None, None, False)]),
    ("根据方案，5月至10月，在全市范围开展食品安全科普宣传进社区活动。",
     [("食品安全科普宣传进社区活动", None, "5月至10月", None, None, None, None, False)]),
    ("决定从3月1日至5月1日在全县食品生产企业(包括小作坊)开展食品添加剂专项整治。",
     [("食品添加剂专项整治", None, "3月1日至5月1日", None, None, None, None, False)]),
    ("市局决定于2031年6月-12月联合开展打击非法渔具专项整治工作。",
     [("打击非法渔具专项整治工作", None, "2031年6月-12月", None, None, 2031, None, False)]),
    # a body's regular assessment without a count, coverage every few years, a bound before
    # the whole it is a share of
    ("县级及以上机关每季度实施内部评估。",
     [("内部评估", None, "每季度", None, None, None, None, False)]),
    ("对机关食堂抽查比例不低于食堂总数的30%，每三年实现评估全覆盖。",
     [("机关食堂抽查比例", 30, "30%", ">=", "%", None, None, False),
      ("实现评估全覆盖", None, "每三年", None, None, None, None, False)]),
    # a report due within hours, to the bodies named after the limit (the verb last)
    ("发生疑似中毒事件后，要按照有关规定2小时内逐级向上级政府和卫生部门报告。",
     [("逐级向上级政府和卫生部门报告", 2, "2小时内", "<=", "小时", None, None, False)]),
    # sampling by the quantity handled: the quantity is the interval
    ("各收储库点每入仓300吨，要进行一次抽检。",
     [("进行一次抽检", 300, "每入仓300吨", None, "吨", None, None, False)]),
    # a list's lead-in is no glossary entry: what follows still commits
    ("检查方式包括：日常检查和专项检查等，各区局每季度开展专项检查。",
     [("专项检查", None, "每季度", None, None, None, None, False)]),
    # a quota to fulfil, in 斤
    ("要全力以赴完成今年粮食收购3.5亿斤。",
     [("完成今年粮食收购", 3.5, "3.5亿斤", None, "亿斤", None, None, False)]),
    # a score striven for keeps its bound (not a scoring table's weight)
    ("到2030年，群众对食品安全的满意度评分达到85分以上。",
     [("群众对食品安全的满意度评分", 85, "85分以上", ">=", "分", 2030, None, False)]),
    # a timetable's year, its subject before the verb; the modal before the verb is no part of
    # the indicator
    ("2031年，全县规模养殖场总数达到60个；2033年，规模养殖场达到90个。",
     [("全县规模养殖场总数", 60, "60个", ">=", "个", 2031, None, False),
      ("规模养殖场", 90, "90个", ">=", "个", 2033, None, False)]),
    ("到2031年，全县肉牛年出栏量力争达到2万头。",
     [("全县肉牛年出栏量", 2.0, "2万头", ">=", "万头", 2031, None, False)]),
    # states reached by a year (基本统一); a year's subject before its verb of completion
    ("到2031年，区域市场规则基本统一。",
     [("区域市场规则基本统一", None, "到2031年", "<=", None, 2031, None, False)]),
    ("某区2031年基本达到示范区创建标准，2033年全市全域达到示范区创建标准。",
     [("达到示范区创建标准", None, "2031年", "<=", None, 2031, None, False),
      ("全市全域达到示范区创建标准", None, "2033年", "<=", None, 2033, None, False)]),
    # firms and products to develop, counted after the verb; a total of the same thing
    # (累计达…) after the year's new ones
    ("今年新发展中药饮片龙头企业3家，累计达25家，研发并投产5个新产品。",
     [("新发展中药饮片龙头企业", 3, "3家", None, "家", None, None, True),
      ("新发展中药饮片龙头企业", 25, "25家", ">=", "家", None, None, True),
      ("投产新产品", 5, "5个", None, "个", None, None, True)]),
    # a deadline's task after the means it goes by (依托…); a system linked up by a date
    ("2031年9月底前，依托市级平台，逐步推进监测、预警等应用。",
     [("逐步推进监测、预警等应用", None, "2031年9月底前", "<=", None, 2031, None, False)]),
    ("2031年6月底前，县级监管平台与市级平台初步联通。",
     [("县级监管平台与市级平台初步联通", None, "2031年6月底前", "<=", None, 2031, None, False)]),
    # a level per category after a distributing verb, each value after its label, one bound closing
    ("试点企业单位产品能耗分别控制在甲类80克/吨、乙类60克/吨以内。",
     [("试点企业单位产品能耗", 80, "80克/吨", "<=", "克/吨", None, None, False),
      ("试点企业单位产品能耗", 60, "60克/吨以内", "<=", "克/吨", None, None, False)]),
    # a filing due so long before an event, where it is filed: the filing is what is timed
    ("举办者应在活动举办前5日内（节假日除外）到街道服务站申报备案。",
     [("到街道服务站申报备案", 5, "5日内", "<=", "日", None, None, False)]),
    # an activity held in a window, before or after its name (定于…举行; 将于…中旬至…底开展)
    ("经研究，我市定于10月11日~20日举行2031年药品安全宣传周活动。",
     [("2031年药品安全宣传周活动", None, "10月11日~20日", None, None, 2031, None, False)]),
    ("今年全县“科普宣传月”活动将于10月中旬至11月底开展。",
     [("全县“科普宣传月”活动", None, "10月中旬至11月底", None, None, None, None, False)]),
    # a time limit cut by so many days
    ("变更备案时限缩减10个工作日。",
     [("变更备案时限缩减", 10, "10个工作日", None, "工作日", None, None, False)]),
    # records kept so long by a modal's duty
    ("入库记录和相关票据应至少留存3年。",
     [("入库记录和相关票据应至少留存", 3, "3年", None, "年", None, None, False)]),
    # a quarter of the year's schedule as the label of its task
    ("第三季度前：完成追溯平台与省级平台对接。",
     [("完成追溯平台与省级平台对接", None, "第三季度前", "<=", None, None, None, False)]),
    # a campaign's length said as its means
    ("力争通过6个月的集中整治，全面规范苗种生产秩序。",
     [("集中整治", 6, "6个月", None, "个月", None, None, False)]),
    # a plan's or a pilot's term
    ("试点期为自方案印发之日起2年。", [("试点期", 2, "2年", None, "年", None, None, False)]),
    # firms and centres drawn in, a yearly count striven for
    ("力争集聚15家以上区域研发中心。",
     [("集聚区域研发中心", 15, "15家以上", ">=", "家", None, None, False)]),
    # a limit counted from a starting event: what is done in the time, not the event
    ("卫生监督机构应当自收到线索之日起5日内作出是否立案的决定。",
     [("作出是否立案的决定", 5, "5日内", "<=", "日", None, None, False)]),
    ("对复核结果有异议的，自收到结果之日起10个工作日内，可向上级机关申请复议。",
     [("可向上级机关申请复议", 10, "10个工作日内", "<=", "工作日", None, None, False)]),
    # …the class of case before it where the task is a bare decision; a start after an act (自…后)
    ("情节复杂的案件，应当自立案之日起60日内作出决定。",
     [("情节复杂的案件", 60, "60日内", "<=", "日", None, None, False)]),
    ("卫生监督机构应当自作出处罚决定后5日内将结果报告县卫健局。",
     [("结果报告县卫健局", 5, "5日内", "<=", "日", None, None, False)]),
    # …or from a decision, the duty going on with 并在: the act after the limit
    ("县市场监管局应作出移送决定，并在作出决定后的48小时内向县公安局移送。",
     [("向县公安局移送", 48, "48小时内", "<=", "小时", None, None, False)]),
    # a rate held under a bound written as a bare number
    ("到2030年，万车死亡率控制在1.2以内。",
     [("万车死亡率", 1.2, "1.2以内", "<=", None, 2030, None, False)]),
    # units counted after 为 or 实现 and sites rebuilt: the units and what they get or reach
    ("到2026年，为600家以上村卫生室配置冷藏箱，实现600家以上村卫生室信息化。",
     [("村卫生室配置冷藏箱", 600, "600家以上", ">=", "家", 2026, None, False),
      ("村卫生室信息化", 600, "600家以上", ">=", "家", 2026, None, False)]),
    ("到2026年，新建和改造40家乡镇卫生院冷链设施。",
     [("改造乡镇卫生院冷链设施", 40, "40家", None, "家", 2026, None, False)]),
    # a plan's dated states: an industrial chain grown, a long list of systems basically built
    ("到2030年，培育形成以中药饮片为核心的完整产业链。",
     [("培育形成以中药饮片为核心的完整产业链", None, "到2030年", "<=", None, 2030, None, False)]),
    ("到2030年，基本建成能够有效应对重大突发事件的药品应急指挥体系、应急检验体系和应急物资储备体系。",
     [("基本建成能够有效应对重大突发事件的药品应急指挥体系、应急检验体系和应急物资储备体系", None, "到2030年",
       "<=", None, 2030, None, False)]),
    # a sampling's results in the genre's formula are no targets; the sentence's own goal is
    ("在全年快检不少于20000批次的基础上，合格48批、不合格2批，合格率96%。",
     [("全年快检", 20000, "不少于20000批次", ">=", "批次", None, None, False)]),
    # a modal alone before the limit: the report after it is what is done in the time
    ("发生疑似食物中毒的学校，必须在20分钟内向所在地乡镇卫生院以及负责学校卫生工作的有关部门报告。",
     [("向所在地乡镇卫生院以及负责学校卫生工作的有关部门报告", 20, "20分钟内", "<=", "分钟", None, None, False)]),
    # shares each written before the state they measure, listed after 实现
    ("定点经营网点实行实名购买，实现100%购买可登记、100%流向可查询。",
     [("购买可登记", 100, "100%", None, "%", None, None, False),
      ("流向可查询", 100, "100%", None, "%", None, None, False)]),
    # two limits of one report, each with its own task after it; minutes are a time unit
    ("发生较大事件的，县卫健局20分钟内向县政府电话报告、2小时内书面报告。",
     [("向县政府电话报告", 20, "20分钟内", "<=", "分钟", None, None, False),
      ("书面报告", 2, "2小时内", "<=", "小时", None, None, False)]),
    # a project's month of completion told ahead, no 前: the month as written
    ("该冷链物流中心将于10月底完工并投入试运营。",
     [("完工并投入试运营", None, "10月底", "<=", None, None, None, False)]),
    ("某县疫苗配送中心预计今年11月正式投用。",
     [("正式投用", None, "今年11月", "<=", None, None, None, False)]),
    ("该仓储项目7月将全面建成。",
     [("该仓储项目全面建成", None, "7月", "<=", None, None, None, False)]),
    # a plan of the place before a period's end is no part of the indicator
    ("全省计划在“十四五”末实现中药材产业综合产值800亿元的发展目标。",
     [("中药材产业综合产值", 800, "800亿元", None, "亿元", 2025, None, False)]),
    # events held (场), the period of a yearly count no part of the indicator
    ("举办药品安全知识讲座每年不少于2场。",
     [("举办药品安全知识讲座", 2, "不少于2场", ">=", "场", None, None, False)]),
    # 实现 with only the subject and the year before it: the things counted after the value
    ("到2028年，全市要实现6种以上常用短缺药品本地储备。",
     [("常用短缺药品本地储备", 6, "6种以上", ">=", "种", 2028, None, False)]),
    # a level held (巩固在), as 保持在
    ("到2027年，全县儿童免疫规划疫苗接种率巩固在95%以上。",
     [("全县儿童免疫规划疫苗接种率", 95, "95%以上", ">=", "%", 2027, None, False)]),
    # the list's next count opening its clause: the things counted after it
    ("到2028年，全市要实现6种以上常用药品本地储备，3个以上新品种完成或进入临床试验。",
     [("常用药品本地储备", 6, "6种以上", ">=", "种", 2028, None, False),
      ("新品种完成或进入临床试验", 3, "3个以上", ">=", "个", 2028, None, False)]),
    # a digest's bracketed headline before the sentence is no glossary entry
    ("【某省：建成医药产业高地】，省政府提出到2029年要实现5个以上新药上市。",
     [("新药上市", 5, "5个以上", ">=", "个", 2029, None, False)]),
]  # fmt: skip


@pytest.mark.parametrize("sentence,expected", GOLDEN, ids=[g[0][:16] for g in GOLDEN])
def test_golden_sentences(sentence, expected):
    m, targets = _targets(sentence)
    got = [(t.indicator, t.value, t.value_text, t.comparator, t.unit, t.year, t.baseline,
            t.cumulative) for t in targets]  # fmt: skip
    assert got == expected
    for t in targets:  # evidence: the sentence, and a span that holds the value as written
        assert t.text == sentence
        local = m.text[t.start - m.start : t.end - m.start]
        assert t.value_text in local


NOT_TARGETS = [
    # a sampling's results in the genre's formula, whatever is said of the failures after it
    "对蔬菜抽检60批次，合格57批、不合格3批，合格率95%，不合格产品将依法处置。",
    # a project's forecast and size as a report describes it
    "该冷链仓储中心总建筑面积3.2万平方米，预计年收益可达800万元。",
    # the terms of a grant or a reward: what it pays, no goal
    "对新获批的产品，给予研发投入最高20%且不超过800万元的资金支持。",
    "举报奖励金额最高不超过30万元，最低不少于100元。",
    # a bound reached as the condition a rule opens with
    "就餐人数达到80人以上的，举办者应当提前报告。",
    "一次性就餐人数达500人以上者，乡镇政府应当派员指导。",
    "每起案件的奖励原则上不超过3万元。",
    # a results report's rise over last year
    "2031年，该局热线接收信息总量4200件，较上年增长12.5%。",
    "本标准将风险分为一至二级。",  # a range of grades in Chinese numerals is no count
    "“十三五”期间，全省药品抽检合格率达到99.2%。",  # the past
    "2020年，药品不良反应报告数分别达1260份/百万人口、265份/百万人口。",  # a past year
    "截至目前，已建成不良反应监测哨点医院116家。",
    "根据国办发〔2021〕16号文件要求，制定本方案。",  # a document number
    "本方案实施期为2022—2026年，远景展望至2035年。",  # year ranges and years
    "2021年11月1日起施行。",  # a date
    "第1个国家级重点实验室落户我市。",  # an ordinal
    "计算公式：抽检合格批次数/抽检总批次数×100%。",  # a formula
    "深化促进医药产业发展的“1+3+N”服务措施。",  # a name made of numbers
    "建设一批中医药产业园，打造三个作用。",  # Chinese numerals that count nothing
    "即利用3年时间，推动工作开展。",  # a bare duration
    # a class's bound with another condition joined by 或者 before its 的
    "对日死亡30头以上或者死亡率超过正常范围的，由县动物卫生监督所派人到现场核查。",
    # 实现 with the level's name after the value is not read (no indicator before it to take)
    "到2030年实现20万亩的中药材种植总规模。",
    "全市共有药品生产企业137家。",  # a statement, no commitment verb
    # a results report's figures: a tally broken down after 其中, a rise over a past year's
    # same period, what monitoring showed, what was set up
    "完成餐饮单位检查2415家，其中学校食堂368家。",
    "畜禽产品抽检合格率98.2%，比2019年同期提高1.5个百分点。",
    "经抽样监测，结果显示蔬菜农药残留抽检合格率达到97.1%。",
    "全市已建立农村集体聚餐申报点312个。",
    "网络订餐投诉处理率达到96%，比上年同期增长12%。",
    # the bounds of the classes a rule treats differently (…人以下的活动由A…, …以上的由B…)
    "参加人数在80人以下（含80人）的活动由社区信息员指导，300人以上的活动由县局派员指导。",
    "年销售额在500万元以下的小型企业实行简化检查。",
    # bounds written after a bare attribute, chained with 、 (what a class of units measures)
    "对年屠宰量5万头以上、从业人员100人以上的屠宰企业实施驻场监管。",
    "推进日供水500吨以上和服务人口5000人以上农村水源保护区的划定工作。",  # before its noun
    # bodies closed by their count (等N个成员单位), and a list of examples as a subject
    "联席会议由省药监局、省卫健委等12个成员单位组成。",
    # 发展 inside a body's name or as a noun (发展改革委, 产业发展的…) counts nothing
    "会商机制由省医保局牵头，省发展改革委、省药监局等9个部门组成。",
    "涵盖药品监管和医药产业发展的18个相关部门。",
    "《甲标准》等3项地方标准正在征求意见。",
    "制定区领导食品安全工作职责提醒清单12张。",  # sheets made, no level
    # the staff each kind of unit names (食堂确定1名…管理员): a staffing quota
    "每个行政村确定1至2名协管员，学校食堂确定1名食品安全管理员。",
    # each unit's establishment or staffing: a quota of the structure (as 设主任1名)
    "每个乡镇设置1个药品监管分所，每个村配备1名协管员。",
    # a scoring table's points: an item's weight, a deduction, the failing condition a
    # deduction names
    "村（社区）建立食品安全工作台账，制度上墙； 5分",
    "未制定工作方案的扣2分，组织不健全的扣3分。",
    "每年研究药品安全工作少于2次，每少1次扣1分。",
    # the half-year's ongoing work is no deadline (继续加强…、深化…)
    "下半年，某省将继续加强药品监管、深化审评审批制度改革。",
    # the year's outcome forecast (预计今年…达…): figures expected, no level committed to
    "预计今年全市中药材种植面积达8万亩，中药产业产值将突破15亿元，增速达9%以上。",
    # statistics of two past years' levels (由2012年的…增加至2021年的…): a report of the past
    "据统计，全州蒙医医疗机构和床位数由2013年的12家、600张，分别增加至2022年的30家、1500张。",
    # a survey's finding (根据…普查结果，…达到…)
    "根据第四次全国中药资源普查结果，某省中药资源物种总数达到5000种。",
    # the members of a scheme counted as its scope (参与创建的6个城市): who takes part
    "参与创建的6个城市要结合实际制定创建方案。",
]


def test_a_plans_rise_and_breakdown_stay_targets():
    # the forms a results report uses, in a plan: the year aimed at, the year's workload
    _, rise = _targets("到2025年，农产品抽检合格率比2020年提高2个百分点。")
    assert [(t.value, t.unit, t.year) for t in rise] == [(2, "百分点", 2025)]
    _, tally = _targets("全年完成食品抽检6000批次，其中农产品2000批次。")
    assert [(t.value, t.unit) for t in tally] == [(6000, "批次"), (2000, "批次")]


def test_a_reported_goal_by_a_plan_periods_end_looks_ahead(tmp_path):
    # (written for the test: a report of a province's goal by the end of a plan period)
    doc = tmp_path / "report.txt"
    doc.write_text(
        "某省提出，到“十四五”末，实现道地药材种植面积300万亩的发展目标。\n", encoding="utf-8"
    )
    got = [(t.indicator, t.value, t.year) for t in extract_file(doc).targets]
    assert got == [("道地药材种植面积", 300, 2025)]


def test_a_reported_level_in_sheets_or_copies_looks_ahead(tmp_path):
    # (written for the test: a report of the levels a notice sets, no modal word; 张 and 份
    # are counted as 家 is)
    doc = tmp_path / "report.txt"
    doc.write_text(
        "记者从某市卫健委获悉，各级医院每月点评处方量不少于200张，病区医嘱单抽查不少于50份。\n",
        encoding="utf-8",
    )
    got = [(t.indicator, t.value, t.value_text) for t in extract_file(doc).targets]
    assert got == [
        ("各级医院每月点评处方量", 200, "不少于200张"),
        ("病区医嘱单抽查", 50, "不少于50份"),
    ]


@pytest.mark.parametrize("sentence", NOT_TARGETS, ids=[s[:12] for s in NOT_TARGETS])
def test_not_targets(sentence):
    assert _targets(sentence)[1] == []


def test_background_measures_give_no_targets():
    assert _targets("建成药物警戒哨点20个。", statement="background")[1] == []
    assert _targets("设立药物警戒哨点20个。", statement="commitment")[1] != []


def test_a_reported_campaign_launch_outside_any_measure_gives_its_length():
    # (a news lead: the launch is told, no measure holds it; its length is still the target)
    text = "近日，某县市场监管局开展了为期两个月的校园周边食品安全专项整治。\n"
    blocks = parse_blocks(text)
    (t,) = text_targets([], blocks, None, text)
    assert (t.indicator, t.value, t.unit, t.value_text) == (
        "校园周边食品安全专项整治",
        2,
        "个月",
        "两个月",
    )
    assert text[t.start : t.end] in t.text
    # …but not one the report tells of a past year
    past = "去年，某县市场监管局开展了为期两个月的校园周边食品安全专项整治。\n"
    assert text_targets([], parse_blocks(past), None, past) == []


def test_a_campaign_launched_where_it_runs_gives_its_length():
    # (为期…的X在…展开: the campaign told where it is launched, the list of its products kept)
    text = "今天，为期三天的全省酒精、消毒剂专项整治行动在省市县同步展开。\n"
    (t,) = text_targets([], parse_blocks(text), None, text)
    assert (t.indicator, t.value_text) == ("全省酒精、消毒剂专项整治行动", "三天")


def _news_targets(tmp_path, text: str) -> list[tuple[str, str]]:
    """(indicator, value as written) of a news page's text extracted whole."""
    path = tmp_path / "news.txt"
    path.write_text(text, encoding="utf-8")
    return [(t.indicator, t.value_text) for t in extract_file(path).targets]


def test_a_reported_instruction_with_its_day_gives_the_deadline(tmp_path):
    text = "某市开展专项检查\n\n昨日，某市工商局向各商场下达通知，要求各超市在3月15日前设立临期食品专柜。\n"
    assert _news_targets(tmp_path, text) == [("设立临期食品专柜", "3月15日前")]


def test_a_reported_cut_of_time_limits_commits_to_them(tmp_path):
    # (a news report of an approval reform: no body is assigned, the cut limits are the goals)
    text = (
        "某市压缩许可时限\n\n为优化营商环境，某市将食品经营许可办理时限由20个工作日压缩至"
        "10个工作日，现场核查时限由原来的10个工作日缩短为5个工作日。\n"
    )
    assert _news_targets(tmp_path, text) == [
        ("食品经营许可办理时限", "10个工作日"),
        ("现场核查时限", "5个工作日"),
    ]


def test_glossary_entry_is_no_commitment():
    text = "“双百尖兵”工程：即利用3年时间，培养200名优秀检查组长。"
    m = Measure(id="d:1", ordinal="1", text=text, statement="commitment", start=0, end=len(text))
    assert text_targets([m], [], PERIOD) == []


def test_period_named_in_the_sentence_gives_the_year_without_a_document_period():
    _, targets = _targets("“十四五”期间，培育创新医疗器械10个以上。", period=None)
    assert [(t.year, t.cumulative, t.comparator) for t in targets] == [(2025, True, ">=")]


def test_indicator_key_only_for_a_confident_match():
    _, targets = _targets("每百万人口药品不良反应报告数达到900份/百万人以上。")
    assert targets[0].indicator_key == "adr_reports_per_million"
    _, targets = _targets("培育国内一流经典品牌20个。")
    assert targets[0].indicator_key is None


# --- seeds ---------------------------------------------------------------------------------


@cache
def _seed_text_targets(prefix: str):
    norm = normalize(read_source(seed(prefix)))
    blocks = parse_blocks(norm.text)
    measures = [Measure(id=m.ordinal, ordinal=m.ordinal, section=m.section, title=m.title,
                        text=m.text, statement=m.statement, start=m.start, end=m.end)
                for m in build_measures(blocks)]  # fmt: skip
    return norm.text, text_targets(measures, blocks, PERIOD)


def test_seed_003_running_text_targets():
    text, targets = _seed_text_targets("003")
    got = {(t.indicator, t.value_text, t.year) for t in targets}
    assert {
        ("设立药品上市许可持有人药物警戒哨点", "20个", None),
        ("医疗器械不良事件监测哨点", "30个", None),
        ("化妆品不良反应监测评价基地", "2个", None),
        ("药品不良反应监测哨点医院新的/严重的报告比例", "不低于40%", None),
        ("制修订药品、医疗器械、化妆品标准", "100个", 2025),
        ("培训专业技术人员", "20000名", None),  # a cell of the 重大项目 table
        ("申报创新药", "100个", 2025),
    } <= got
    # the glossary's 培养200名优秀检查组长 explains a program; only the commitment counts
    assert [t.year for t in targets if t.indicator == "培养优秀检查组长"] == [2023]
    assert not any("×100%" in t.text for t in targets)  # the statistics formulas
    for t in targets:
        assert t.value_text in text[t.start : t.end] and text[t.start : t.end] in t.text


def test_seed_004_background_achievements_are_not_targets():
    _, targets = _seed_text_targets("004")
    values = {t.value_text for t in targets}
    assert "16家" not in values and "137家" not in values and "4110批次" not in values
    assert ("审评项目管理人数量占审评队伍", "20%以上", 2025) in {
        (t.indicator, t.value_text, t.year) for t in targets}  # fmt: skip


def test_seed_002_pipeline_targets_have_departments_and_unique_ids():
    record = extract_file(seed("002"))
    assert len(record.targets) == 10
    assert len({t.id for t in record.targets}) == len(record.targets)
    flu = next(t for t in record.targets if "流感疫苗" in t.indicator)
    assert (flu.value, flu.unit, flu.comparator) == (30, "工作日", "<=")
    assert flu.departments and flu.section
    assert all(t.text and t.end > t.start for t in record.targets)


# Targets without a number, and the genre's other ways of writing one (sentences written
# for the test): (indicator, value, value_text, comparator, year).
WORDS = [
    ("确保全年不发生重大药品安全事故。", [("重大药品安全事故", None, "不发生", None, None)]),
    # a labelled window of an assessment, and a window from now to a date
    ("一、考核时间 2024年3月1日至3月15日。", [("考核", None, "2024年3月1日至3月15日", None, 2024)]),
    ("为做好春节期间药品安全监管工作，从即日起至2024年2月底，各乡镇要加强检查。",
     [("春节期间药品安全监管工作", None, "即日起至2024年2月底", None, 2024)]),
    ("自即日起至2024年12月底，在全县开展药品安全专项整治。",
     [("药品安全专项整治", None, "即日起至2024年12月底", None, 2024)]),
    # the body that runs it written between the window and its verb (…，A将在全县开展…)
    ("即日起至11月30日，县市场监管局将在全县范围内开展校园周边食品专项检查。",
     [("校园周边食品专项检查", None, "即日起至11月30日", None, None)]),
    ("从6月中旬到9月底，县卫健局在全县开展饮用水卫生专项督查。",
     [("饮用水卫生专项督查", None, "6月中旬到9月底", None, None)]),
    # a limit after a trigger, its actor named after it, or after its actor: the task done in
    # the time (a trigger with its task and no actor stays the indicator)
    ("在批准许可后20个工作日内，区市场监管局将对新设门店开展现场核查。",
     [("开展现场核查", 20, "20个工作日内", "<=", None)]),
    ("区市场监管局将在2个月内对辖区药店实行全覆盖检查。",
     [("实行全覆盖检查", 2, "2个月内", "<=", None)]),
    ("确保样品到达后5个工作日内完成检验。", [("完成检验", 5, "5个工作日内", "<=", None)]),
    # a campaign's length: and a half, said to last, half a year, reported as run
    ("本轮专项清理为期一年半。", [("本轮专项清理", 1.5, "一年半", None, None)]),
    ("此次集中整治将持续三个月，以城乡结合部为重点。", [("此次集中整治", 3, "三个月", None, None)]),
    ("在全区开展为期半年的农药市场专项整治行动。", [("农药市场专项整治行动", 0.5, "半年", None, None)]),
    ("该局开展的为期3个月的校园食品专项整治取得明显成效。",
     [("校园食品专项整治", 3, "3个月", None, None)]),
    # a window before a long object of 对 and 展开
    ("县药监局决定从5月至8月底对辖区内药店、诊所、村卫生室、个体门诊等“四类机构”药品购进和使用情况展开专项检查。",
     [("专项检查", None, "5月至8月底", None, None)]),
    # a schedule under its label; phases from the plan's issue or with their years
    ("工作步骤：6月15日前完成摸底排查；7月31日前完成集中整治。",
     [("完成摸底排查", None, "6月15日前", "<=", None), ("完成集中整治", None, "7月31日前", "<=", None)]),
    ("自《方案》印发之日至2031年3月底为动员部署阶段，自2031年4月至2031年10月底为集中整治阶段。",
     [("动员部署阶段", None, "《方案》印发之日至2031年3月底", None, 2031),
      ("集中整治阶段", None, "2031年4月至2031年10月底", None, 2031)]),
    # what is made public so often
    ("各村每月公布一次集体聚餐备案情况。", [("集体聚餐备案情况", 1, "一次", None, None)]),
    # a campaign dated after its name, and the phases of a schedule opening their clauses
    ("此次专项检查从4月至10月在全县范围内全面展开。", [("专项检查", None, "4月至10月", None, None)]),
    ("4月-5月，各监管所开展药店自查培训；6月-8月，开展现场检查。",
     [("药店自查培训", None, "4月-5月", None, None), ("现场检查", None, "6月-8月", None, None)]),
    ("牢牢守住不发生区域性药品安全风险的底线。",
     [("区域性药品安全风险", None, "不发生", None, None)]),
    ("到2025年，守住不发生系统性、区域性药品安全风险事件的底线。",
     [("系统性、区域性药品安全风险事件", None, "不发生", None, 2025)]),
    ("2024年6月底前，全面完成药品经营企业换证工作。",
     [("全面完成药品经营企业换证工作", None, "2024年6月底前", "<=", 2024)]),
    # a rule's own effective date is not a target (tests/heldout_real/README.md); a duty
    # from a date is
    ("本规定自2026年3月1日起施行。", []),
    ("自2026年3月1日起全面执行新标准。", [("全面执行新标准", None, "自2026年3月1日起", None, 2026)]),
    ("每年至少组织2次应急演练。", [("组织应急演练", 2, "2次", ">=", None)]),
    # a quarter's least count in Arabic digits, and a plan's least count after it
    ("每季度至少开展1次督查。", [("开展督查", 1, "1次", ">=", None)]),
    ("将校园食堂列入年度监督检查计划，每月至少2次。",
     [("将校园食堂列入年度监督检查计划", 2, "每月至少2次", ">=", None)]),
    # a phase the campaign has entered, then its window
    ("目前，专项行动已经进入巩固提升阶段，从8月1日至9月30日，各地将开展回头看。",
     [("巩固提升阶段", None, "8月1日至9月30日", None, None)]),
    # a deadline with a modal of duty: its subject names the task
    ("各类药品生产企业在2013年6月底前必须赋码。",
     [("各类药品生产企业必须赋码", None, "2013年6月底前", "<=", 2013)]),
    ("药品抽检合格率稳定在百分之九十九以上。", [("药品抽检合格率", 99, "百分之九十九以上", ">=", None)]),
    ("2023年底前的抽检数据纳入年度报告。", []),
    # the year that opens a paragraph frames the sentences after it
    ("到2026年，监管体系更加健全。县级监管机构执法人员持证率达到95%以上。",
     [("县级监管机构执法人员持证率", 95, "95%以上", ">=", 2026)]),
    # a check's least count after its interval (…的监督检查每年不得少于两次)
    ("确保对第三类医疗器械经营企业的监督检查每年不得少于两次。",
     [("第三类医疗器械经营企业的监督检查", 2, "每年不得少于两次", ">=", None)]),
    ("确保对药品批发企业的监督检查每年不得少于一次。",
     [("对药品批发企业的监督检查", 1, "每年不得少于一次", ">=", None)]),
    # a share bound with 在…以下 after a modal: the sentence is a commitment
    ("要确保二级医院门诊患者抗菌药物使用率在20%以下。",
     [("二级医院门诊患者抗菌药物使用率", 20, "20%以下", "<=", None)]),
    # what is sent by a date is the task, not the sending (…的总结请于…前报…)
    ("各乡镇、各有关单位的工作总结请于11月20日前报县食安办。",
     [("工作总结", None, "11月20日前", "<=", None)]),
    ("各地整改报告于6月30日前报送市局。", [("整改报告", None, "6月30日前", "<=", None)]),
    # a scraped page's broken markup before the indicator is no part of it
    ("到2031年，/span>城乡居民健康素养水平达到35%以上。",
     [("城乡居民健康素养水平", 35, "35%以上", ">=", 2031)]),
    # a regular act marked by 定期, no count
    ("县市场监管局将联合县城管局每季度定期开展集中回收活动。",
     [("集中回收活动", None, "每季度", None, None)]),
    # a phase's window with its years (…年…月-…年…月为全面整治阶段)
    ("2031年6月-2032年12月为全面整治阶段，各地要结合实际开展整治。",
     [("全面整治阶段", None, "2031年6月-2032年12月", None, 2031)]),
    # a record kept so long; a notice given so long ahead, to no body named
    ("药品经营企业要建立购销台账，保存5年。", [("建立购销台账", 5, "5年", None, None)]),
    ("举办单位要提前5个工作日申报备案。", [("申报备案", 5, "5个工作日", None, None)]),
    # a regular interval with only a modal before it: what is done so often follows it
    ("药品经营企业应当按季度统计含特殊药品复方制剂的购销数量。",
     [("统计含特殊药品复方制剂的购销数量", None, "按季度", None, None)]),
    # enumerated steps with their windows, no 阶段 word
    ("本次检查分三步：一、单位自查（3月1日至3月20日）；二、抽查复核（3月21日至4月30日）。",
     [("单位自查", None, "3月1日至3月20日", None, None),
      ("抽查复核", None, "3月21日至4月30日", None, None)]),
    # a year opening a plan's province-wide step; a state reached by a year, bare
    ("2031年在全省选取5个县开展试点，其他县陆续推开，力争到2033年全部建成。",
     [("选取县开展试点", 5, "5个", None, 2031), ("全部建成", None, "到2033年", "<=", 2033)]),
    # a half of this year ahead without its year, a modal after it (a report of the half-year
    # done, 下半年共检查…, is none)
    ("下半年，某县卫健局将组织开展全县诊所专项检查。",
     [("全县诊所专项检查", None, "下半年", "<=", None)]),
    ("在今年下半年，某市还要为偏远乡镇配备疫苗冷藏车。",
     [("为偏远乡镇配备疫苗冷藏车", None, "今年下半年", "<=", None)]),
    # the problems of a kind to be zero (做到…问题“零出现”): the problems are the indicator
    ("要全力以赴做到校园食品安全问题“零出现”。",
     [("校园食品安全问题", None, "零出现", None, None)]),
    # what is sent so often, no body named: the thing sent after the count
    ("各试点县每半年报送一次创建工作总结。",
     [("创建工作总结", 1, "一次", None, None)]),
]  # fmt: skip


@pytest.mark.parametrize("text,expected", WORDS, ids=[t for t, _ in WORDS])
def test_word_targets_and_other_writings(text, expected):
    _, targets = _targets(text, period=None)
    got = [(t.indicator, t.value, t.value_text, t.comparator, t.year) for t in targets]
    assert got == expected


def test_a_goals_list_takes_the_year_of_its_dated_lead_in_or_heading(tmp_path):
    # (sentences written for the test: a plan whose goals are listed under a dated lead-in, and
    # under a dated outline item)
    doc = tmp_path / "plan.txt"
    doc.write_text(
        "某县全民健康素养提升行动方案\n\n一、总体目标\n"
        "到2031年，全县健康促进工作体系基本健全，居民健康素养明显提升。主要实现以下目标：\n"
        "——居民健康素养水平达到30%以上；\n——15岁以上人群吸烟率下降到20%以下。\n"
        "二、具体目标\n（一）到2033年，重点人群健康状况明显改善。\n"
        "——居民健康素养水平达到40%以上。\n",
        encoding="utf-8",
    )
    got = {(t.indicator, t.value_text, t.year) for t in extract_file(doc).targets}
    assert ("居民健康素养水平", "30%以上", 2031) in got
    assert ("15岁以上人群吸烟率", "20%以下", 2031) in got
    assert ("居民健康素养水平", "40%以上", 2033) in got


def test_a_window_written_alone_under_its_labelling_heading_is_a_target(tmp_path):
    # (a notice written for the test: its schedule set out as headed items)
    doc = tmp_path / "notice.txt"
    doc.write_text(
        "某县市场监督管理局关于开展家庭过期药品回收活动的公告\n\n"
        "为防止过期药品污染环境，县市场监督管理局将开展过期药品回收活动。现将有关事项公告如下：\n"
        "一、回收时间\n2031年3月8日—3月18日\n二、回收地点\n各乡镇定点药店。\n"
        "三、集中整治时间\n2031年4月至2032年3月。\n",
        encoding="utf-8",
    )
    got = {(t.indicator, t.value_text, t.year) for t in extract_file(doc).targets}
    assert ("回收时间", "2031年3月8日—3月18日", 2031) in got
    assert ("集中整治时间", "2031年4月至2032年3月", 2031) in got


def test_a_window_under_a_label_that_only_says_time_is_the_titled_activitys(tmp_path):
    # (written for the test: 活动时间 says only that it is a time; the title names the activity;
    # a label on the window's own line, and a stray comma a scraped page left)
    doc = tmp_path / "notice.txt"
    doc.write_text(
        "某街道关于开展2031年食品安全宣传周活动的实施方案\n\n"
        "一、活动时间\n6月10日至6月25日，。\n二、活动时间及地点\n时间：2031年9月5日至2031年9月9日\n"
        "三、报名时间\n3月1日至3月15日\n",
        encoding="utf-8",
    )
    got = {(t.indicator, t.value_text) for t in extract_file(doc).targets}
    assert ("2031年食品安全宣传周活动", "6月10日至6月25日") in got
    assert ("2031年食品安全宣传周活动", "2031年9月5日至2031年9月9日") in got
    assert ("报名时间", "3月1日至3月15日") in got  # a label that names what is timed stays


def test_a_framing_sections_goal_paragraph_keeps_its_year_over_its_sentences(tmp_path):
    # (总体要求 is framing; its dated goals are commitments, and the sentence after the dated one
    # goes on with the same goals: its levels take the year)
    text = (
        "某县食品安全提升行动计划\n一、总体要求\n"
        "到2026年，初步形成覆盖城乡的食品安全监管体系框架。全县食品抽检合格率稳定在97%以上，"
        "食源性疾病暴发事件报告率达100%。坚持以人民为中心。\n"
    )
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    got = [(t.indicator, t.value_text, t.year) for t in extract_file(path).targets]
    assert got == [
        ("初步形成覆盖城乡的食品安全监管体系框架", "到2026年", 2026),
        ("全县食品抽检合格率", "97%以上", 2026),
        ("食源性疾病暴发事件报告率", "100%", 2026),
    ]
