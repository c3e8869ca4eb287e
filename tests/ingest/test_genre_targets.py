"""Golden table: targets of running text without a number in digits (issue 10).

Every sentence here was written for the test, in the genre of Chinese work plans and
notices: relative levels (低于全国平均水平), month deadlines without a year (今年12月底前,
9月底前, 年底前), parts of a year (2013年上半年), a day of each month (每月5日前), phases
with their windows (动员部署阶段（2024年3月）), and counts in words (每年召开一次, 一至二次,
两条以上).
"""

from __future__ import annotations

import pytest
from policykg.ingest.pipeline import extract_file
from policykg.ingest.statements import statement_of
from policykg.ingest.word_targets import word_targets

# sentence → [(indicator, value_text, value, comparator, year)]
WORDS = [
    # a regular interval without a count (按月通报) and a report due at the year's end
    ("建立检查台账并按月通报。", [("建立检查台账", "按月", None, None, None)]),
    ("将整改情况作为年底前向县政府报告的内容。", [("向县政府报告的内容", "年底前", None, "<=", None)]),
    # a month and day run together where the page lost 月 (于815日前 = 8月15日前)
    ("请各县局于815日前报市局办公室。", [("报市局办公室", "815日前", None, "<=", None)]),
    # a page that lost 月 before 底 keeps the deadline as written
    ("2026年9底前，各项考核指标全部达标。", [("各项考核指标全部达标", "2026年9底前", None, "<=", 2026)]),
    ("全市疫苗接种异常反应报告发生率低于全国平均水平。",
     [("全市疫苗接种异常反应报告发生率", "低于全国平均水平", None, None, None)]),
    ("推动仿制药质量达到国际先进水平。",
     [("推动仿制药质量", "达到国际先进水平", None, None, None)]),
    ("各区要于今年11月底前完成库存清查。", [("完成库存清查", "今年11月底前", None, "<=", None)]),
    ("市级改革于9月底前完成。", [("市级改革", "9月底前", None, "<=", None)]),
    ("争取2026年底前完成全部检查。", [("完成全部检查", "2026年底前", None, "<=", 2026)]),
    ("2025年上半年完成平台建设。", [("完成平台建设", "2025年上半年", None, "<=", 2025)]),
    ("各街道每月10日前报送抽检台账。", [("报送抽检台账", "每月10日前", None, "<=", None)]),
    # full coverage as the state to reach, written either way
    ("全县实现乡镇卫生院药品追溯全覆盖。", [("乡镇卫生院药品追溯", "全覆盖", None, None, None)]),
    ("村卫生室基本药物配备实现全覆盖。", [("村卫生室基本药物配备", "全覆盖", None, None, None)]),
    # this month's end, a campaign started by it
    ("各县区要在本月底前启动药品安全专项整治。", [("启动药品安全专项整治", "本月底前", None, "<=", None)]),
    ("动员部署阶段（2024年3月）。", [("动员部署阶段", "2024年3月", None, None, 2024)]),
    ("集中整治阶段（2024年4月至9月）。", [("集中整治阶段", "2024年4月至9月", None, None, 2024)]),
    ("专项培训（2024年1月-6月）", [("专项培训", "2024年1月-6月", None, None, 2024)]),
    ("三区每季度召开一次联络员会议。", [("联络员会议", "一次", 1.0, None, None)]),
    ("对药品安全信息员开展业务培训，每年组织二至三次。",
     [("对药品安全信息员开展业务培训", "二至三次", None, None, None)]),
    ("每周向区局上报巡查记录五件以上。", [("每周向区局上报巡查记录", "五件以上", 5.0, ">=", None)]),
    ("2027年实现全市智慧监管全覆盖。", [("实现全市智慧监管全覆盖", "2027年", None, "<=", 2027)]),
    ("本区将于今年10月底前把全部社区药房纳入监测平台。",
     [("把全部社区药房纳入监测平台", "今年10月底前", None, "<=", None)]),
    ("推动企业自2027年3月1日起全面执行新标准。",
     [("全面执行新标准", "自2027年3月1日起", None, None, 2027)]),
    # one task, several deadlines in turn
    ("两级平台对接工作，力争分别于2027年6月底和年底前完成。",
     [("两级平台对接工作", "2027年6月底", None, "<=", 2027),
      ("两级平台对接工作", "年底前", None, "<=", None)]),
    ("市局每年至少开展一次专项检查。", [("专项检查", "一次", 1.0, ">=", None)]),
    # a year-end with its year but no 前, the subject before a verb of completion
    ("完成其他县的评估，2027年底各县基本达到示范县创建标准。",
     [("各县基本达到示范县创建标准", "2027年底", None, "<=", 2027)]),
    # a day of each year, or a month's end (每年2月10日前, 每年1月底之前)
    ("监测机构应当在每年2月10日前对上年度报告进行汇总。",
     [("对上年度报告进行汇总", "每年2月10日前", None, "<=", None)]),
    ("各经营企业应当在每年1月底之前对本企业的自查情况进行总结。",
     [("对本企业的自查情况进行总结", "每年1月底之前", None, "<=", None)]),
    # a duration to do a task in
    ("用三个月时间，对全区医疗器械经营企业开展拉网式检查。",
     [("对全区医疗器械经营企业开展拉网式检查", "三个月", None, "<=", None)]),
    # a day of a month without the year; a frequency with 都要/主持 before the verb
    ("各乡镇要于8月15日前将自查报告报县局。", [("将自查报告报县局", "8月15日前", None, "<=", None)]),
    ("县局将于11月30日前公布抽检结果。", [("公布抽检结果", "11月30日前", None, "<=", None)]),
    ("分管局长每季度都要主持召开一次分析会。", [("分析会", "一次", 1.0, None, None)]),
    # the meeting named first, its count closing the clause
    ("县部门联席会议原则上每半年召开一次，必要时可临时召开。",
     [("县部门联席会议", "每半年召开一次", 1.0, None, None)]),
    # a year-end ahead without 前, its subject before the modal
    ("年底全市将实现药品追溯码扫码全覆盖。",
     [("全市将实现药品追溯码扫码全覆盖", "年底", None, "<=", None)]),
    # a month of the next year, relative to the text's date
    ("明年6月份，市局将对创建单位进行验收评估。",
     [("市局将对创建单位进行验收评估", "明年6月份", None, "<=", None)]),
    ("各县区要于次年1月底前报送年度总结。", [("报送年度总结", "次年1月底前", None, "<=", None)]),
    ("3月，召开了全市工作会议。", []),  # a month of narration, no relative year: no deadline
    # a campaign's time window: its length, or its end as written
    ("此次清查行动为期45天。", [("此次清查行动", "45天", 45.0, None, None)]),
    ("全区化妆品安全科普宣传活动将持续到10月底。",
     [("全区化妆品安全科普宣传活动", "10月底", None, None, None)]),
    # a campaign launched with its length: the campaign is the indicator (the rule book's
    # reading since stop 22), a length and a half (一年半) too
    ("各地开展为期一个月的集中检查。", [("集中检查", "一个月", 1.0, None, None)]),
    ("县局组织开展为期一年半的巩固提升行动。", [("巩固提升行动", "一年半", 1.5, None, None)]),
    # a month written without 个 (为期一月), a campaign given its time (集中…的时间，…开展…)
    ("各乡镇开展为期一月的农资质量检查。", [("农资质量检查", "一月", 1.0, None, None)]),
    ("市政府决定集中三个月的时间，在全市开展一次兽药残留专项整治。",
     [("兽药残留专项整治", "三个月", 3.0, None, None)]),
    # a window from now to next year's end, before the campaign it runs
    ("全区从即日起到明年年底，开展针对农村集市假劣食品的专项整治行动，保障群众健康。",
     [("农村集市假劣食品的专项整治行动", "即日起到明年年底", None, None, None)]),
    # the frequency set for each class of a risk or supervision grade: the class, the interval
    # and the count as written
    ("高风险企业每年至少检查2次，中风险企业每两年至少检查1次。",
     [("高风险企业", "每年至少检查2次", 2.0, ">=", None),
      ("中风险企业", "每两年至少检查1次", 1.0, ">=", None)]),
    ("（一）对于实施甲级监管的检测机构，两年内应完成至少一次全项现场检查。",
     [("实施甲级监管的检测机构", "两年内应完成至少一次", 1.0, ">=", None)]),
    # the campaign's name may list its occasions (中秋、国庆); a window before the length: the length
    ("县局开展为期40天的元旦、春节食品安全专项检查。",
     [("元旦、春节食品安全专项检查", "40天", 40.0, None, None)]),
    ("本次检查从9月1日持续至10月20日，为期50天。", [("本次检查", "50天", 50.0, None, None)]),
    # a frequency whose check and object come before the count (每季度对…检查一次), or whose
    # least count follows the verb (开展不少于一次的…)
    ("每季度对辖区内药品零售企业进行监督检查一次。",
     [("对辖区内药品零售企业进行监督检查", "一次", 1.0, None, None)]),
    ("每周对农贸市场开展不少于一次的快速检测。", [("快速检测", "一次", 1.0, ">=", None)]),
    ("每年对村级协管员、信息员至少进行一次业务培训。", [("业务培训", "一次", 1.0, ">=", None)]),
    # a state striven for within the year: the state, the year's window no date of its own; a
    # thing to be gone (…事故基本消除)
    ("年内力争实现乡镇“快检室”建设全覆盖。", [("乡镇“快检室”建设", "全覆盖", None, None, None)]),
    ("农村重大食物中毒事故基本消除。", [("农村重大食物中毒事故", "基本消除", None, None, None)]),
    # a window opened or closed by a part of the month; a window from now, its body before
    # the verb
    ("从6月上旬到9月底持续开展校园周边食品安全排查。",
     [("校园周边食品安全排查", "6月上旬到9月底", None, None, None)]),
    ("即日起至10月31日，由农业部门集中开展对养殖场的兽药残留监测。",
     [("对养殖场的兽药残留监测", "即日起至10月31日", None, None, None)]),
    # two phases in one sentence, each state by its own year (到YEAR，建立…体系；到YEAR，全面建成…)
    ("到2028年，建立布局合理的现代中药产业体系；到2033年，全面建成中医药强省。",
     [("建立布局合理的现代中药产业体系", "到2028年", None, "<=", 2028),
      ("全面建成中医药强省", "到2033年", None, "<=", 2033)]),
    # each month's report, due by a day of the next month
    ("受委托的县局应当在次月10日前将办理情况报设区市局备案。",
     [("将办理情况报设区市局备案", "次月10日前", None, "<=", None)]),
    # a duration to create in (用N年时间，在全市创建…), and every unit up to standard by a year
    ("用三年时间，在全省创建食品安全示范县。", [("在全省创建食品安全示范县", "三年", None, "<=", None)]),
    ("力争到2034年，各县（市、区）全部达标。", [("各县（市、区）全部达标", "到2034年", None, "<=", 2034)]),
    # a regular meeting without a count, and a daily duty: the interval as written, no value
    ("每季度定期召开药品安全联席会，分析研判形势。", [("药品安全联席会", "每季度", None, None, None)]),
    ("零售药店每日登记购药人员信息。", [("登记购药人员信息", "每日", None, None, None)]),
    # a plan's working period (通过三年(的)努力，打造…); month deadlines of a schedule whose tasks
    # are set up, activated or entered (确定…点位, 激活账号)
    ("通过两年的努力，打造一批规范化的农村家宴中心。",
     [("打造一批规范化的农村家宴中心", "两年", None, "<=", None)]),
    ("4月底前确定示范作坊点位，5月底前在追溯平台激活账号。",
     [("确定示范作坊点位", "4月底前", None, "<=", None), ("在追溯平台激活账号", "5月底前", None, "<=", None)]),
    # a window from a start to an end; a window from now to a day before what it runs
    ("创建活动从今年4月开始，至10月结束。", [("创建活动", "至10月结束", None, None, None)]),
    ("即日至15日药品安全宣传周期间，各地要开展咨询活动。",
     [("药品安全宣传周", "即日至15日", None, None, None)]),
    # a year by which all of a kind comply
    ("到2028年所有村卫生室均配备急救药品。",
     [("所有村卫生室均配备急救药品", "到2028年", None, "<=", 2028)]),
    # not targets: a rule's effective date, a cited rule's revision date, a past year-end,
    # a bare 第一次
    ("新修订的《某某规范》自2027年3月1日起施行。", []),
    ("按照《某某办法》（2019年5月修订）执行。", []),
    ("2023年末，全省共有药品生产企业200家。", []),
    ("第一次会议审议通过了工作规则。", []),
    # a campaign that runs to the year's end
    ("药品网络销售专项检查要持续到年底。", [("药品网络销售专项检查", "年底", None, None, None)]),
    # states reached by a year: each stating clause; one that only improves is none
    ("到2020年底，全县药品安全责任体系全面建成，基层监管网络基本完备，执法能力进一步提升。",
     [("全县药品安全责任体系全面建成", "2020年底", None, "<=", 2020),
      ("基层监管网络基本完备", "2020年底", None, "<=", 2020)]),
    ("到2019年底，全面完成药品零售企业分级分类管理。",
     [("全面完成药品零售企业分级分类管理", "2019年底", None, "<=", 2019)]),
    # a campaign's stated window, and the window before the campaign it opens
    ("专项整治时间为2026年4月至11月。", [("专项整治", "2026年4月至11月", None, None, 2026)]),
    ("宣传月活动定于9月1日至30日。", [("宣传月活动", "9月1日至30日", None, None, None)]),
    ("自6月至10月，在全县开展校园食品专项检查。", [("校园食品专项检查", "6月至10月", None, None, None)]),
    # …with no comma before it, the whole area as its place, or years for its window
    ("县政府要求自4月1日至11月底在全县统一启动中药饮片质量专项整治行动。",
     [("中药饮片质量专项整治行动", "4月1日至11月底", None, None, None)]),
    ("从6月1日至7月1日，全市开展校园周边食品安全专项整治行动。",
     [("校园周边食品安全专项整治行动", "6月1日至7月1日", None, None, None)]),
    ("省政府决定从2027年至2029年在全省开展化妆品安全示范县创建活动。",
     [("化妆品安全示范县创建活动", "2027年至2029年", None, None, None)]),
    # a sentence that opens with the campaign's length; a plan's length is none
    ("为期两个月的专项整治行动以农村集市为重点。", [("专项整治行动", "两个月", 2.0, None, None)]),
    ("为期一年的培训计划已经制定。", []),
    # a deadline whose task is only its verb of completion: the subject before its modal;
    # within a year (2027年年内)
    ("市级检验机构整合工作要在2027年6月底前基本完成，县级整合工作要在2027年年内结束。",
     [("市级检验机构整合工作", "2027年6月底前", None, "<=", 2027),
      ("县级整合工作", "2027年年内", None, "<=", 2027)]),
    ("2027年内完成全部零售药店的检查。", [("完成全部零售药店的检查", "2027年内", None, "<=", 2027)]),
    # a state reached by a plan period's end, its place as subject; one already reached is none
    ("争取到“十四五”末，全省全面建成统一权威的药品监管体系，监管能力明显提升。",
     [("全省全面建成统一权威的药品监管体系", "“十四五”末", None, "<=", None)]),
    # a report sent to a body so often; a check done on something at least so often
    ("各乡镇每季度向县食安办报送一次工作进展。", [("工作进展", "一次", 1.0, None, None)]),
    ("对冷链食品经营户每月巡查不少于两次。", [("对冷链食品经营户每月巡查", "两次", 2.0, ">=", None)]),
    ("县食安办每半年对各乡镇履职情况开展一次考评。", [("考评", "一次", 1.0, None, None)]),
    # a campaign's window written 于…至…期间 before the campaign
    ("市药监局于5月6日至6月20日期间在全市开展疫苗储运专项检查。",
     [("疫苗储运专项检查", "5月6日至6月20日", None, None, None)]),
    # a level of the whole country to reach; coverage of all of a kind (its gloss left out)
    ("全省药品检验检测能力达到全国先进水平。",
     [("全省药品检验检测能力", "达到全国先进水平", None, None, None)]),
    ("示范乡镇创建基本覆盖全部县（市、区）。",
     [("示范乡镇创建", "基本覆盖全部县", None, None, None)]),
    # two levels' deadlines in turn, the task right before 分别, 最迟 before the dates
    ("根据统一部署，市级、县级机构改革分别最迟在9月底、年底前完成。",
     [("市级、县级机构改革", "9月底", None, "<=", None),
      ("市级、县级机构改革", "年底前", None, "<=", None)]),
    # a campaign that will take so long, its subject first
    ("本次专项整治将利用三个月的时间，以校园周边为重点。",
     [("本次专项整治", "三个月", 3.0, None, None)]),
    # a bottom line written 无… (its value the phrase: 无 alone reads as nothing)
    ("确保全年辖区内无重大食品安全事故。",
     [("重大食品安全事故", "无重大食品安全事故", None, None, None)]),
    # a campaign of a hundred days written with a bare 百 (cn2an alone refuses it)
    ("全市开展为期百天的食品安全专项整治行动。",
     [("食品安全专项整治行动", "百天", 100.0, None, None)]),
    # a campaign's cycle (每3年为一个创建周期): its length
    ("示范县创建实行动态管理，每3年为一个创建周期。", [("创建周期", "每3年", 3.0, None, None)]),
]  # fmt: skip


@pytest.mark.parametrize("sentence,expected", WORDS, ids=[s[:20] for s, _ in WORDS])
def test_word_targets(sentence, expected):
    found = [
        (t.indicator, t.value_text, t.value, t.comparator, t.year) for t in word_targets(sentence)
    ]
    assert found == expected


@pytest.mark.parametrize(
    "path,statement",
    [
        (["主要目标", "药品监管成效明显提高"], "commitment"),  # a goal, not an achievement
        (["工作成效"], "background"),
        (["过去五年监管成效显著"], "background"),
        (["充分认识加强药品监管的重要意义"], "background"),
        # a work report's review is background; its plans for next year are commitments
        (["工作开展情况"], "background"),
        (["存在的问题"], "background"),
        (["下一步工作打算"], "commitment"),
    ],
)
def test_section_titles_tell_goals_from_achievements(path, statement):
    assert statement_of(path) == statement


# written for this test: a work plan's stage, its year in brackets, a range to select
STAGE = (
    "关于开展示范创建工作的通知\n各县（市、区）人民政府：\n一、工作安排\n"
    "第二阶段：推广阶段（2027年）。各区要遴选2~3家药店开展规范化建设，逐步推开。\n"
)


def test_a_stage_label_frames_its_tasks_and_its_year(tmp_path):
    path = tmp_path / "stage.txt"
    path.write_text(STAGE, encoding="utf-8")
    found = [(t.value_text, t.value, t.unit, t.year) for t in extract_file(path).targets]
    assert ("2~3家", None, "家", 2027) in found


# written for this test: a yearly plan names its year in the title only; its title wraps
# over two lines above the 主送机关
YEARLY = (
    "2027年度全镇农村集体聚餐\n食品安全保障工作方案\n各村（居）、镇直有关单位：\n"
    "一、工作目标\n全镇农村集体聚餐备案率达到100%。各村每年1月20日前对上一年度聚餐情况进行"
    "汇总分析。\n"
)


def test_a_goals_nature_written_after_its_value_is_its_binding(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(
        "某某市“十五五”药品安全规划\n二、主要目标\n到2030年，药品抽检合格率稳定在98%以上（约束性），"
        "执业药师配备率达到90%（预期性指标），零售药店信息化追溯率达到100%。\n",
        encoding="utf-8",
    )
    found = [(t.indicator, t.binding) for t in extract_file(path).targets]
    assert found == [
        ("药品抽检合格率", "binding"),
        ("执业药师配备率", "expected"),
        ("零售药店信息化追溯率", None),
    ]


def test_a_plans_goals_under_their_label_are_targets(tmp_path):
    # 工作目标：到2027年… on one line: the plan's goals, not a glossary entry
    path = tmp_path / "goals.txt"
    path.write_text(
        "某县药品安全提升行动方案\n为提升药品安全水平，制定本方案。\n"
        "工作目标：到2027年，全县药品抽检合格率达到99%以上，药品不良反应报告乡镇覆盖率达到100%。\n",
        encoding="utf-8",
    )
    found = {(t.indicator, t.value_text, t.year) for t in extract_file(path).targets}
    assert found == {
        ("全县药品抽检合格率", "99%以上", 2027),
        ("药品不良反应报告乡镇覆盖率", "100%", 2027),
    }


def test_a_yearly_plans_targets_take_its_year(tmp_path):
    path = tmp_path / "yearly.txt"
    path.write_text(YEARLY, encoding="utf-8")
    record = extract_file(path)
    assert record.document.title == "2027年度全镇农村集体聚餐食品安全保障工作方案"
    found = {(t.value_text, t.year) for t in record.targets}
    assert ("100%", 2027) in found
    assert ("每年1月20日前", 2027) in found  # recurring: the year reported on is no past


# written for this test: an industrial plan's goals — counts of firms above a threshold, an
# area in 万亩, and a later value of the same indicator
INDUSTRY = (
    "一、发展目标\n到2028年，全省中药材种植面积稳定在300万亩左右，产值超过20亿元的龙头企业8家，"
    "年销售额达5亿元的企业30个。道地药材基地覆盖率年内达60%，到2028年达90%。\n"
)


def test_counts_above_a_threshold_areas_and_later_values(tmp_path):
    path = tmp_path / "industry.txt"
    path.write_text(INDUSTRY, encoding="utf-8")
    found = {(t.value_text, t.year) for t in extract_file(path).targets}
    assert {("300万亩左右", 2028), ("8家", 2028), ("30个", 2028), ("90%", 2028)} <= found
    assert ("20亿元", 2028) not in found and ("5亿元", 2028) not in found  # thresholds
    by_value = {t.value_text: t.indicator for t in extract_file(path).targets}
    assert "20亿元" in by_value["8家"] and "2028" not in by_value["8家"]
    assert by_value["90%"] == by_value["60%"]


def test_a_count_whose_thing_is_qualified_by_a_value_names_the_whole_thing(tmp_path):
    found = [
        (t.indicator, t.value_text)
        for t in _targets(
            tmp_path,
            "某市医药产业发展方案\n一、发展目标\n到2028年，培育4家以上年营业收入超5亿元的医药流通企业。\n",
        )
    ]
    assert found == [("培育年营业收入超5亿元的医药流通企业", "4家以上")]


def _targets(tmp_path, text: str):
    """The targets of `text` extracted as a document would be."""
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return extract_file(path).targets


def test_the_parts_of_a_rule_are_no_target(tmp_path):
    targets = _targets(
        tmp_path,
        "某某市化妆品安全工作方案\n一、主要任务\n"
        "（一）修订制度。修订后的《某某市化妆品监督管理细则》分总则、职责、附则5章38条，"
        "各区要认真组织学习。到2027年，化妆品抽检合格率达到98%以上。\n",
    )
    found = [(t.indicator, t.value_text) for t in targets]
    assert found == [("化妆品抽检合格率", "98%以上")]


def test_counts_to_create_and_years_of_each_value(tmp_path):
    targets = _targets(
        tmp_path,
        "某某省推进药店分级管理\n本报讯 近日，某某省药品监督管理局印发《药店分级管理工作方案》，"
        "要求到2027年配送率达到100%，到2028年全省有800家零售药店符合分级管理要求，"
        "提出2027年要在全省建成首批40家示范药店。得分达到90分以上的评为示范药店。\n"
        "2026年上半年，全省新增二级零售药店120家。\n",
    )
    found = [(t.indicator, t.value_text, t.year) for t in targets]
    # a report of a goal set is read; the year before each value is its year; a status's
    # criterion and a half-year's figures are no targets
    assert found == [("配送率", "100%", 2027), ("有零售药店符合分级管理要求", "800家", 2028),
                     ("建成示范药店", "40家", 2027)]  # fmt: skip


def test_a_past_count_is_no_target(tmp_path):
    targets = _targets(
        tmp_path,
        "某某市药品安全工作要点\n一、主要任务\n（一）完善标准。两年来开展了8项地方标准制定，"
        "其余5项地方标准力争年底前完成制定。\n",
    )
    found = [(t.indicator, t.value_text) for t in targets]
    assert ("开展了", "8项") not in found and all(v != "8项" for _, v in found)


def test_dash_led_goal_lines_are_goals_even_without_their_heading(tmp_path):
    # a page cut before 主要目标: the dash-led lines are goals by their form, and a line
    # broken inside a 《》 title is one line
    targets = _targets(
        tmp_path,
        "——医疗器械经营企业执行《医疗器械经营质量\n管理规范》达到100%；\n"
        "——县级疾控机构冷链设备配备率达到95%；\n"
        "——化妆品不良反应报告数不少于150份/百万人口。\n"
        "五、保障措施\n（一）加强领导。各地要加强组织领导。\n",
    )
    found = [(t.indicator, t.value_text) for t in targets]
    assert found == [
        ("医疗器械经营企业执行《医疗器械经营质量管理规范》", "100%"),
        ("县级疾控机构冷链设备配备率", "95%"),
        ("化妆品不良反应报告数", "不少于150份/百万人口"),
    ]


def test_a_dash_line_without_a_value_is_no_goal(tmp_path):
    targets = _targets(tmp_path, "——进一步加强药品安全监管。\n——不断完善监管制度。\n")
    assert targets == []


def test_a_reported_campaign_its_issuer_length_and_phases(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(
        "汉中市开展药品网络销售专项整治\n近日，汉中市市场监督管理局印发《汉中市药品网络销售专项"
        "整治工作方案》，从即日起开展为期三个月的专项整治工作。\n根据安排，整治分为两个阶段："
        "第一阶段为排查摸底阶段（4月-5月）。第二阶段为总结提升阶段（6月）。要求各县区市场监督"
        "管理局对整治情况进行汇总，形成工作总结。\n",
        encoding="utf-8",
    )
    record = extract_file(path)
    found = [(t.indicator, t.value_text) for t in record.targets]
    assert found == [
        ("专项整治工作", "三个月"),
        ("排查摸底阶段", "4月-5月"),
        ("总结提升阶段", "6月"),
    ]
    roles = {(d.mention, d.role) for m in record.measures for d in m.departments}
    # the bureau that issues the plan runs the campaign; the instructed bureaus report
    assert roles == {
        ("汉中市市场监督管理局", "responsible"),
        ("各县区市场监督管理局", "responsible"),
    }


def test_a_campaign_started_then_given_its_length(tmp_path):
    targets = _targets(
        tmp_path,
        "某某市化妆品专项整治工作方案\n一、工作安排\n（一）整治工作从6月份正式启动，为期4个月，"
        "各区要认真组织实施。\n",
    )
    assert [(t.indicator, t.value_text, t.value) for t in targets] == [("整治工作", "4个月", 4.0)]


def test_a_windows_end_and_the_phases_named_after_their_days(tmp_path):
    targets = _targets(
        tmp_path,
        "某某市开展开学季食品安全检查\n本次检查从9月1日开始到9月20日截止，分两个阶段进行。"
        "9月1日至10日，在开学期间，将对学校食堂进行检查；9月11日至20日，在军训期间，将对"
        "周边餐饮店进行检查。\n",
    )
    found = [(t.indicator, t.value_text) for t in targets]
    # (本次检查 names back to the check the headline launched: 开展开学季食品安全检查)
    assert found == [("开学季食品安全检查", "到9月20日截止"), ("开学期间", "9月1日至10日"),
                     ("军训期间", "9月11日至20日")]  # fmt: skip


def test_a_notices_announced_window_is_a_target(tmp_path):
    targets = _targets(
        tmp_path,
        "关于某某县食品安全示范县名单的公示\n现将名单予以公示。如有异议，请在公示期内反映。\n"
        "公示时间：2026年3月2日至3月16日（15天）\n",
    )
    assert [(t.indicator, t.value_text, t.year) for t in targets] == [
        ("公示时间", "2026年3月2日至3月16日", 2026)
    ]


def test_a_reported_policys_points_are_read(tmp_path):
    # 《Y》指出，要…: the policy's point, as 《Y》要求 is; a count after a quoted qualifier
    targets = _targets(
        tmp_path,
        "某某省印发食品安全工作安排\n近日，某某省食品安全委员会印发《某某省2026年食品安全重点"
        "工作安排》。\n《工作安排》指出，要开展小餐饮整治，培育“放心”小餐饮示范店200家。\n",
    )
    assert [(t.indicator, t.value_text) for t in targets] == [("培育“放心”小餐饮示范店", "200家")]


def test_a_reported_policys_requirement_after_its_issuing(tmp_path):
    # 印发了《…》，要求…: the issuing is told in the past, the requirement is the policy's
    targets = _targets(
        tmp_path,
        "某某省部署药品安全专项整治\n近日，为加强中药饮片监管，某某省药监局印发了《关于开展"
        "中药饮片专项整治的通知》，要求自4月1日至11月底在全省开展中药饮片专项整治行动。\n",
    )
    assert [(t.indicator, t.value_text) for t in targets] == [
        ("中药饮片专项整治行动", "4月1日至11月底")
    ]


def test_a_level_striven_for_without_a_year(tmp_path):
    # a report of a plan: 力求…达到100% is a goal, as 力争 is
    targets = _targets(
        tmp_path,
        "据悉，该方案将全县药店按乡镇划分区域，力求抽检覆盖率达到100%的目标。\n",
    )
    assert [(t.value_text, t.value) for t in targets] == [("100%", 100.0)]
    assert "抽检覆盖率" in targets[0].indicator


def test_a_shared_level_over_a_list_of_rates(tmp_path):
    # written for this test: one level for two rates listed with 、; a count of the items a
    # later rate covers (…的12个品种的…覆盖率) is part of that rate, not a target
    targets = _targets(
        tmp_path,
        "一、工作目标\n到2028年，全市药品抽检合格率、疫苗储运温控达标率稳定在98%以上，建成智慧"
        "药房示范店30家。纳入重点监管的12个品种的追溯覆盖率100%。\n",
    )
    found = [(t.indicator, t.value, t.comparator, t.year) for t in targets]
    assert ("全市药品抽检合格率", 98.0, ">=", 2028) in found
    assert ("疫苗储运温控达标率", 98.0, ">=", 2028) in found
    assert ("建成智慧药房示范店", 30.0, None, 2028) in found
    assert not any(t.value == 12.0 for t in targets)
    assert any(t.value == 100.0 and "追溯覆盖率" in t.indicator for t in targets)


def test_a_rate_per_population(tmp_path):
    # written for this test: a rate per 10万 (value, unit /10万, comparator from 以下)
    targets = _targets(
        tmp_path, "一、年度目标\n2027年，全区群体性食物中毒报告发生率控制在3/10万以下。\n"
    )
    assert [(t.indicator, t.value, t.unit, t.comparator) for t in targets] == [
        ("全区群体性食物中毒报告发生率", 3.0, "/10万", "<=")
    ]


STATES = [
    # a bottom line written after what must not happen, in quotes (零发生 as 不发生)
    ("重大药品安全事故“零发生”。", [("重大药品安全事故", "零发生")]),
    # 不出现 as 不发生; a bottom line held (坚守…的底线)
    ("确保全年不出现重大食物中毒事件。", [("重大食物中毒事件", "不出现")]),
    ("强化学校食堂监管，坚守不出现食物中毒的底线。", [("食物中毒", "不出现")]),
    # what must not happen may be a poisoning or a wave of public opinion, not only an 事件
    ("各区要加强舆情监测，确保全年不发生重大负面舆情。", [("重大负面舆情", "不发生")]),
    ("落实校长陪餐制度，确保不发生群体性食物中毒。", [("群体性食物中毒", "不发生")]),
    # full coverage whose 'subject' is only its date: the task is the clause before it
    ("建立化妆品追溯体系，2028年底前实现全覆盖。", [("建立化妆品追溯体系", "全覆盖")]),
    # a state realised by a year, without a number (a number is read as a value instead)
    ("建设化妆品追溯平台，到2029年实现全市化妆品全程可追溯。", [("实现全市化妆品全程可追溯", "到2029年")]),
    ("到2029年，实现全市化妆品抽检覆盖率95%。", []),
    ("到2029年，全县药品零售企业全部纳入远程监管。", [("全县药品零售企业全部纳入远程监管", "到2029年")]),
    # a rank relative to the country or a region that ends its clause
    ("全省药品智慧监管水平全国领先。", [("全省药品智慧监管水平", "全国领先")]),
    ("力争全市药品安全工作保持全国先进行列。", [("全市药品安全工作", "全国先进行列")]),
    ("医药产业发展水平达到中部领先、国内一流。", [("医药产业发展水平", "中部领先、国内一流")]),
    ("疫苗抽检合格率位居全国前列。", [("疫苗抽检合格率", "全国前列")]),
    # not: a benchmark in a list, what is built to be so, the vague 走在全国前列, a slogan
    ("对标国际先进、国内领先，支持高校开展监管科学研究。", []),
    ("基本建成国内领先、国际一流的检验检测高地。", []),
    ("推动全县药品监管工作走在全国前列。", []),
    ("围绕“两个全国领先”的目标，推动改革。", []),
]  # fmt: skip


@pytest.mark.parametrize("sentence,expected", STATES, ids=[s[:16] for s, _ in STATES])
def test_qualitative_states(sentence, expected):
    found = [(t.indicator, t.value_text) for t in word_targets(sentence)]
    assert found == expected


def test_a_time_limit_for_an_items_task(tmp_path):
    # written for this test: a directive to take N time (要求…利用 N 时间) gives the length
    # (value, unit, no year; 即利用3年时间 glossing a program is none); a sentence
    # without its own subject that elaborates an item's heading takes the heading as the task
    targets = _targets(
        tmp_path,
        "一、工作安排\n二是集中开展业务培训。\n要求全系统利用2周时间，认真学习新修订的管理办法。\n"
        "三是开展风险排查。各单位要利用1个月左右的时间，完成风险隐患自查。\n",
    )
    assert [(t.indicator, t.value, t.value_text, t.unit, t.year) for t in targets] == [
        ("集中开展业务培训", 2.0, "2周", "周", None),
        ("开展风险排查", 1.0, "1个月左右", "个月", None),
    ]


def test_a_notices_window_starting_with_its_year(tmp_path):
    # written for this test: 公示时间自…至…: one window with its year, not its end as a phase
    targets = _targets(
        tmp_path,
        "关于某某县食品安全示范县名单的公示\n现将名单予以公示。公示时间自2026年3月2日至3月16日，"
        "公示期间由县食安办受理来信来访。\n",
    )
    assert [(t.indicator, t.value_text, t.year) for t in targets] == [
        ("公示时间", "2026年3月2日至3月16日", 2026)
    ]


def test_a_deadline_whose_verb_follows_the_thing_handed_in(tmp_path):
    # written for this test: 于…前将X，以书面形式反馈…: the verb of the task in the next clause
    targets = _targets(
        tmp_path,
        "关于征求某某办法意见的通知\n现向社会公开征求意见。请各单位于2026年6月30日前将修改意见和"
        "建议，以书面形式反馈至市局。\n",
    )
    assert [(t.value_text, t.year) for t in targets] == [("2026年6月30日前", 2026)]
    assert "修改意见和建议" in targets[0].indicator


def test_a_bound_after_an_inclusive_bracket_and_a_long_list_of_rates(tmp_path):
    # written for this test: 85分（含85分）以上 is at least 85; a list of rates too long to be
    # one indicator keeps its last item, the one the level is written for
    targets = _targets(
        tmp_path,
        "二、工作目标\n到2028年，考核总得分在85分（含85分）以上。城区农贸市场蔬菜农药残留检出率、"
        "水产品（鱼、虾）禁用药物残留抽检超标率及散装白酒甲醇抽检超标率控制在2%以内。\n",
    )
    found = [(t.indicator, t.value, t.comparator) for t in targets]
    assert ("考核总得分", 85.0, ">=") in found
    assert ("散装白酒甲醇抽检超标率", 2.0, "<=") in found


def test_a_month_deadline_gives_its_year_to_the_sentences_values(tmp_path):
    # written for this test: 2027年6月底前 (and a page's 2027年6底前) frames the values after it
    for head in ("2027年6月底前", "2027年6底前"):
        targets = _targets(tmp_path, f"二、创建目标\n{head}，全县农产品抽检合格率达到98%以上。\n")
        assert (98.0, 2027) in [(t.value, t.year) for t in targets]


def test_a_notices_window_up_to_a_day_or_without_its_year(tmp_path):
    targets = _targets(
        tmp_path,
        "关于某某药店诚信示范店名单的公示\n现将名单予以公示，公示时间截至2026年5月1日。\n"
        "征求意见时间4月10日到4月20日。\n",
    )
    assert [(t.indicator, t.value_text, t.year) for t in targets] == [
        ("公示时间", "2026年5月1日", 2026), ("征求意见时间", "4月10日到4月20日", None),
    ]  # fmt: skip


def test_counted_subjects_that_all_do_what_is_committed(tmp_path):
    targets = _targets(
        tmp_path,
        "某市药品零售监管工作方案\n一、主要任务\n"
        "12家药品批发企业全部建立冷链追溯系统。30家连锁药店、150家单体药店均配备执业药师。\n",
    )
    assert [(t.indicator, t.value) for t in targets] == [
        ("药品批发企业", 12), ("连锁药店", 30), ("单体药店", 150),
    ]  # fmt: skip


def test_amounts_without_a_verb_and_yearly_rates_per_thousand(tmp_path):
    # an area written right after its indicator, and rates per thousand people with the year
    # between the bound and the number (达到每年…, 不低于每年…)
    targets = _targets(
        tmp_path,
        "某某市食品安全规划任务分工\n一、主要目标\n"
        "道地药材种植基地面积12万公顷，抽检合格率达到97%及以上。"
        "食品抽检量达到每年5份/千人，其中农药残留的抽检量不低于每年3份/千人。\n",
    )
    found = {(t.indicator, t.value_text, t.value, t.unit, t.comparator) for t in targets}
    assert ("道地药材种植基地面积", "12万公顷", 12, "万公顷", None) in found
    assert ("食品抽检量", "每年5份/千人", 5, "份/千人", ">=") in found
    assert ("农药残留的抽检量", "不低于每年3份/千人", 3, "份/千人", ">=") in found


def test_a_campaign_named_by_its_length_before_what_is_required_in_it(tmp_path):
    targets = _targets(
        tmp_path,
        "某某县化妆品专项检查工作方案\n一、工作安排\n在为期两个月的化妆品经营环节专项检查工作中，"
        "各乡镇要逐户开展排查。\n",
    )
    assert [(t.indicator, t.value_text) for t in targets] == [
        ("化妆品经营环节专项检查工作", "两个月")
    ]


def test_a_meetings_numbered_demands_give_targets_without_their_numbers(tmp_path):
    targets = _targets(
        tmp_path,
        "某市召开药品安全工作会议\n3月4日，某市召开全市药品安全工作会议。会议要求，一是各县区要在6月底前"
        "完成药品零售企业全覆盖检查；二是全年药品抽检合格率要达到98%以上。\n",
    )
    found = {(t.indicator, t.value_text) for t in targets}
    assert found == {("完成药品零售企业全覆盖检查", "6月底前"), ("全年药品抽检合格率", "98%以上")}


def test_a_reports_required_levels_are_targets(tmp_path):
    # written for this test: a news report giving the levels a plan requires (提出了…的要求),
    # one approached (接近) and one to reach
    targets = _targets(
        tmp_path,
        "某省食品安全重点工作安排\n"
        "今年在防范风险方面，某省将加强景区食品安全管理，扩大抽检覆盖面，提出了抽检量接近"
        "5批次/千人，不合格食品核查处置完成率达到100%的要求。\n",
    )
    found = [(t.indicator, t.value_text, t.comparator) for t in targets]
    assert found == [("抽检量", "5批次/千人", None), ("不合格食品核查处置完成率", "100%", ">=")]


def test_a_reported_policys_levels_written_with_da_are_targets(tmp_path):
    # written for this test: a news report of an opinion's requirements, its levels written
    # with 达 (not 达到) after a long clause
    targets = _targets(
        tmp_path,
        "我县强化零售药店监管\n日前，我县出台了《关于加强零售药店监管工作的实施意见》。\n"
        "实施意见提出进一步健全零售药店管理机制，对经营面积在100平方米以上的药店要进行分级管理，"
        "开展现场检查，分级管理率达98%以上、现场检查率达100%。\n",
    )
    found = {(t.indicator, t.value_text) for t in targets}
    assert found == {("分级管理率", "98%以上"), ("现场检查率", "100%")}


def test_a_meetings_call_gives_its_levels_and_deadlines(tmp_path):
    # written for this test: a meeting report's demands (会议要求：一是…) are no glossary
    # entry; a share before its noun (30%药店达到…), and deadlines of moving out and of
    # opening an office (迁出, 挂牌)
    targets = _targets(
        tmp_path,
        "某区召开食品药品安全工作会议\n"
        "会议要求：一是年底前全区30%药品零售企业达到规范药房标准。二是年底前将3家企业的原料药"
        "生产线全部迁出城区。\n另悉，区食品药品监管所将于9月底前挂牌对外办公。\n",
    )
    found = {(t.value_text, t.indicator) for t in targets}
    assert ("30%", "年底前全区药品零售企业达到规范药房标准") in found
    assert {v for v, _ in found} == {"30%", "年底前", "9月底前"}


def test_a_bottom_line_in_the_framing_section_is_a_target(tmp_path):
    # 总体要求 frames the plan (vision), but the bottom line it holds the year to (确保不发生…)
    # is a commitment; the guiding words around it give no target
    targets = _targets(
        tmp_path,
        "某某县2027年药品安全工作实施方案\n一、总体要求\n以人民为中心，坚持问题导向，强化源头治理，"
        "确保不发生区域性、系统性药品安全事件。\n二、重点任务\n（一）加强疫苗监管。\n",
    )
    assert [(t.indicator, t.value_text) for t in targets] == [
        ("区域性、系统性药品安全事件", "不发生")
    ]


def test_a_state_by_the_end_of_the_plan_period_the_text_belongs_to(tmp_path):
    # a text of the 十三五 period aims at its end (the past marker 十三五 does not apply);
    # the period gives the year; what was already reached by then is no target
    targets = _targets(
        tmp_path,
        "某某省药品安全规划实施意见\n一、主要目标\n争取到“十三五”末，全省全面建成药品追溯体系。"
        "到“十三五”末，全省已建成药品检验机构12个。\n",
    )
    assert [(t.indicator, t.value_text, t.year) for t in targets] == [
        ("全省全面建成药品追溯体系", "“十三五”末", 2020)
    ]


def test_a_rate_per_population_written_before_its_number_and_a_level_broken_through(tmp_path):
    # 每千人4批次 is 4 批次/千人; 突破 a level is to exceed it
    targets = _targets(
        tmp_path,
        "某某省药品安全规划\n一、主要目标\n到2027年，药品抽检量达到每千人4批次，"
        "全省医药工业营业收入突破800亿元。\n",
    )
    assert [(t.indicator, t.value, t.unit, t.comparator, t.year) for t in targets] == [
        ("药品抽检量", 4.0, "批次/千人", ">=", 2027),
        ("全省医药工业营业收入", 800.0, "亿元", ">", 2027),
    ]


def test_a_reprints_lead_that_reports_a_campaign_with_its_length(tmp_path):
    # 印发《…》，部署开展为期N的…: the policy's campaign and its length, in the news lead
    targets = _targets(
        tmp_path,
        "甘肃部署药品安全专项整治\n近日，甘肃省人民政府办公厅印发《甘肃省药品安全专项整治工作方案》，"
        "部署在全省开展为期4个月的专项整治。\n",
    )
    assert [(t.indicator, t.value, t.unit) for t in targets] == [("专项整治", 4.0, "个月")]


def test_the_year_striven_for_written_right_after_its_verb(tmp_path):
    # 力争2031年…: the year striven for, as 到2031年
    targets = _targets(
        tmp_path, "某某市药品安全工作方案\n一、工作目标\n力争2031年药品抽检不合格率低于1%。\n"
    )
    assert [(t.indicator, t.value, t.comparator, t.year) for t in targets] == [
        ("药品抽检不合格率", 1.0, "<", 2031)
    ]


def test_counts_written_in_ten_thousands_keep_their_magnitude_in_the_unit(tmp_path):
    # 1.2万批次 is read as 万元 and 万人次 are: the number as written, 万 in the unit
    targets = _targets(
        tmp_path,
        "某市食品安全工作要点\n一、工作目标\n全年完成食品监督抽检2.5万批次，"
        "其中食用农产品抽检不少于8000批次，发放宣传资料10万份以上。\n",
    )
    assert [(t.indicator, t.value, t.unit, t.comparator) for t in targets] == [
        ("完成食品监督抽检", 2.5, "万批次", None),
        ("食用农产品抽检", 8000.0, "批次", ">="),
        ("发放宣传资料", 10.0, "万份", ">="),
    ]


def test_a_level_compared_with_a_past_periods_end_is_a_target_of_this_period(tmp_path):
    # 比“十三五”末提高… names its baseline: no past report, and not the baseline's year
    targets = _targets(
        tmp_path,
        "某市“十四五”食品安全规划\n一、主要目标\n到“十四五”末，全市食品抽检合格率比“十三五”末"
        "提高1个百分点。\n二、发展基础\n“十三五”期间，全市食品抽检合格率提高3个百分点。\n",
    )
    assert [(t.value, t.unit, t.year) for t in targets] == [(1.0, "百分点", 2025)]


def test_a_time_limits_task_is_what_is_done_within_it(tmp_path):
    # the verb phrase after the limit names the task; with none, the phrase before does
    targets = _targets(
        tmp_path,
        "某县药品投诉举报处理办法\n一、工作要求\n接到投诉后，执法人员应在2小时内赶赴现场。"
        "自受理之日起15个工作日内作出处理决定。抽检报告应在7个工作日内出具。\n",
    )
    assert [(t.indicator, t.value_text) for t in targets] == [
        ("赶赴现场", "2小时内"),
        ("作出处理决定", "15个工作日内"),
        ("抽检报告", "7个工作日内"),
    ]


def test_a_window_takes_the_one_year_its_sentence_names(tmp_path):
    targets = _targets(
        tmp_path,
        "某市药品安全检查通知\n一、工作安排\n为保障2026年春节期间用药安全，市药监局于1月20日至2月28日"
        "期间在全市开展药品安全大检查。\n",
    )
    assert [(t.value_text, t.year) for t in targets] == [("1月20日至2月28日", 2026)]


def test_a_period_end_striven_for_after_the_last_periods_name(tmp_path):
    # 力争“十三五”末 in a text of that period: its end ahead, the past period's name no marker
    targets = _targets(
        tmp_path,
        "全市食品安全“十三五”规划\n"
        "力争“十三五”末全市蔬菜抽检合格率稳定保持在98%以上，"
        "餐饮量化分级覆盖率达到80%，放心肉菜超市创建基本覆盖全部乡镇。\n",
    )
    found = [(t.indicator, t.value_text, t.year) for t in targets]
    assert found == [
        ("全市蔬菜抽检合格率", "98%以上", 2020),
        ("餐饮量化分级覆盖率", "80%", 2020),
        ("放心肉菜超市创建", "基本覆盖全部乡镇", 2020),
    ]


def test_a_campaign_named_back_to_with_its_length_is_one_target(tmp_path):
    # a report's lead gives the campaign and its length; the next sentence names it back
    # (本次检查) with its window and the same length: one target, the campaign's
    targets = _targets(
        tmp_path,
        "某县开展节日食品安全检查\n县市场监督管理局从1月5日起开展为期40天的元旦、春节食品安全"
        "专项检查。\n本次专项检查从1月5日持续至2月13日，为期40天。\n",
    )
    assert [(t.indicator, t.value_text) for t in targets] == [
        ("元旦、春节食品安全专项检查", "40天")
    ]


def test_a_campaign_named_back_to_in_its_own_sentence_takes_its_name(tmp_path):
    # a news item launches a campaign by its theme and names it back (此次整治行动) with its
    # length in the same sentence: the campaign's name is the indicator
    targets = _targets(
        tmp_path,
        "某区开展节前食品安全整治\n本报讯 日前，某区“查隐患、保安全”为主题的食品安全集中整治行动"
        "启动，此次整治行动为期一个月，全面排查各类隐患。\n",
    )
    assert [(t.indicator, t.value_text) for t in targets] == [("食品安全集中整治行动", "一个月")]


def test_a_campaign_named_back_to_from_an_earlier_sentence(tmp_path):
    targets = _targets(
        tmp_path,
        "某县部署农资打假\n日前，县农业农村局在全县开展“护农”农资打假专项行动，重点检查种子和化肥。"
        "此次行动从3月上旬开始到5月底结束，为期约80天。\n",
    )
    assert [(t.indicator, t.value_text, t.value) for t in targets] == [
        ("“护农”农资打假专项行动", "80天", 80.0)
    ]


def test_a_campaigns_window_and_its_length_in_one_clause(tmp_path):
    # (scraped reprints drop the 的 after the length: 开展为期2个月X)
    targets = _targets(
        tmp_path,
        "某市开展冷链食品检查\n某市市场监管局决定从即日起至8月底在全市开展为期2个月冷链食品安全专项检查，"
        "覆盖全部冷库。\n",
    )
    assert [(t.indicator, t.value_text) for t in targets] == [
        ("冷链食品安全专项检查", "即日起至8月底"),
        ("冷链食品安全专项检查", "2个月"),
    ]


def test_a_campaigns_length_at_its_launch_and_in_the_time_it_takes(tmp_path):
    launched = _targets(
        tmp_path,
        "某市启动整治\n4月2日，某市印发《某市农村集体聚餐规范提升行动方案》，标志着为期两年的农村集体聚餐"
        "规范提升行动全面启动。\n",
    )
    assert [(t.indicator, t.value) for t in launched] == [("农村集体聚餐规范提升行动", 2.0)]
    taken = _targets(
        tmp_path,
        "某省检查婴幼儿食品\n5月1日起，省市场监管局利用4个月的时间，在全省范围内组织开展婴幼儿辅助食品专项检查。\n",
    )
    assert [(t.indicator, t.value, t.unit) for t in taken] == [
        ("婴幼儿辅助食品专项检查", 4.0, "个月")
    ]


def test_a_count_with_its_result_complement(tmp_path):
    targets = _targets(
        tmp_path,
        "某区餐饮质量提升方案\n一、工作目标\n到2026年底，全区打造出4个管理规范的放心餐饮示范街区。\n",
    )
    assert [(t.indicator, t.value, t.year) for t in targets] == [
        ("打造出管理规范的放心餐饮示范街区", 4.0, 2026)
    ]


def test_a_mechanisms_rhythm_and_shares_of_classes(tmp_path):
    rhythm = _targets(
        tmp_path,
        "某县联动机制\n一、工作机制\n两局要建立联动机制：每月一次线索通报、每季度一次联合督查、每半年一次工作总结。\n",
    )
    assert [(t.indicator, t.value_text, t.value) for t in rhythm] == [
        ("线索通报", "每月一次", 1.0),
        ("联合督查", "每季度一次", 1.0),
        ("工作总结", "每半年一次", 1.0),
    ]
    shares = _targets(
        tmp_path,
        "某市试点方案\n一、工作目标\n力争全市90%的学校食堂、40%的养老机构食堂和20%的农家乐参与投保。\n",
    )
    assert [(t.indicator, t.value) for t in shares] == [
        ("学校食堂参与投保", 90.0),
        ("养老机构食堂参与投保", 40.0),
        ("农家乐参与投保", 20.0),
    ]


def test_a_rules_bounds_a_past_years_level_and_a_defined_class(tmp_path):
    targets = _targets(
        tmp_path,
        "某区监管办法\n一、监管要求\n（一）快检室面积不得少于12平方米。\n"
        "（二）对同一药店年度飞行检查原则上不超过1次。\n"
        "（三）全区案件查处数量、罚没金额不低于上年水平。\n"
        "（四）大型餐馆（指用餐面积500平方米以上，或者座位300座以上）视频监控覆盖率达到100%。\n",
    )
    assert [(t.indicator, t.value_text, t.comparator) for t in targets] == [
        ("快检室面积", "不得少于12平方米", ">="),
        ("同一药店年度飞行检查", "不超过1次", "<="),
        ("全区案件查处数量", "不低于上年水平", None),
        ("罚没金额", "不低于上年水平", None),
        ("大型餐馆视频监控覆盖率", "100%", ">="),
    ]


def test_sums_that_name_a_class_of_what_is_counted(tmp_path):
    # (营业收入超100亿元企业3家: the count is the value; a list of them goes on over commas)
    targets = _targets(
        tmp_path,
        "某省医药产业方案\n一、发展目标\n提出的目标是，2030年，培育营业收入超200亿元企业2家，"
        "超80亿元企业4—6家，超20亿元企业12家；形成10亿元级医药大品种6个。\n",
    )
    assert [(t.indicator, t.value_text, t.year) for t in targets] == [
        ("培育营业收入超200亿元企业", "2家", 2030),
        ("超80亿元企业", "4—6家", 2030),
        ("超20亿元企业", "12家", 2030),
        ("形成10亿元级医药大品种", "6个", 2030),
    ]


def test_a_plan_periods_goals_reported_with_their_year(tmp_path):
    # (“十三五”期间…，到2020年…: the period is ahead, not past; 预期目标为…: goals set)
    targets = _targets(
        tmp_path,
        "某省推进中药产业发展\n日前，某省出台实施意见。意见要求，“十三五”期间，重点推进中药制造业升级，"
        "到2020年，全省中药产业规模达到900亿元。\n设定2020年的预期目标为新增中药新药30个以上。\n",
    )
    assert [(t.indicator, t.value_text, t.year) for t in targets] == [
        ("全省中药产业规模", "900亿元", 2020),
        ("新增中药新药", "30个以上", 2020),
    ]


def test_how_often_with_the_count_before_what_is_done(tmp_path):
    targets = _targets(
        tmp_path,
        "某镇协管员工作要求\n一、工作要求\n（一）做好日常巡查：要求每周不少于3次巡查，并做好记录。\n"
        "（二）做好宣传：至少每月不少于一次宣传。\n（三）各村协管员需对辖区摊点每月开展入户检查。\n",
    )
    assert [(t.indicator, t.value_text, t.value) for t in targets] == [
        ("每周巡查", "不少于3次", 3.0),
        ("宣传", "不少于一次", 1.0),
        ("对辖区摊点每月开展入户检查", "每月", None),
    ]


def test_a_deadlines_task_after_its_basis_clause(tmp_path):
    targets = _targets(
        tmp_path,
        "某县创建工作安排\n一、时间节点\n一是在9月底前，依据省级评价标准，制定本县创建实施细则，分解任务。\n",
    )
    assert [(t.indicator, t.value_text) for t in targets] == [("制定本县创建实施细则", "9月底前")]


def test_a_duty_list_and_a_reported_level_are_read_for_targets(tmp_path):
    # (X的主要职责有：… is a duty list, no definition; a level set in a report of a plan is read,
    # a review of the past — 今年以来…达到… — is not)
    targets = _targets(
        tmp_path,
        "某县协管员管理\n某县食品安全协管员的主要职责有：宣传食品安全知识，使辖区群众知晓率达到90%。\n"
        "今年以来，全县抽检合格率达到97%以上。\n",
    )
    assert [(t.indicator, t.value_text) for t in targets] == [("辖区群众知晓率", "90%")]
