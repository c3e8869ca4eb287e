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
    ("全市药品安全事故总量低于全国平均水平。",
     [("全市药品安全事故总量", "低于全国平均水平", None, None, None)]),
    ("使上市器械的质量达到国际先进水平。",
     [("使上市器械的质量", "达到国际先进水平", None, None, None)]),
    ("各县要于今年12月底前完成集中采购。", [("完成集中采购", "今年12月底前", None, "<=", None)]),
    ("市级改革于9月底前完成。", [("市级改革完成", "9月底前", None, "<=", None)]),
    ("争取2026年底前完成全部检查。", [("完成全部检查", "2026年底前", None, "<=", 2026)]),
    ("2025年上半年完成平台建设。", [("完成平台建设", "2025年上半年", None, "<=", 2025)]),
    ("各镇每月5日前报送监管信息。", [("报送监管信息", "每月5日前", None, "<=", None)]),
    ("动员部署阶段（2024年3月）。", [("动员部署阶段", "2024年3月", None, None, 2024)]),
    ("集中整治阶段（2024年4月至9月）。", [("集中整治阶段", "2024年4月至9月", None, None, 2024)]),
    ("专项培训（2024年1月-6月）", [("专项培训", "2024年1月-6月", None, None, 2024)]),
    ("两地每年召开一次联席会议。", [("联席会议", "一次", 1.0, None, None)]),
    ("对协管员实行工作考核，每年进行一至二次。", [("对协管员实行工作考核", "一至二次", None, None, None)]),
    ("每月向县局报送工作信息三条以上。", [("每月向县局报送工作信息", "三条以上", 3.0, ">=", None)]),
    ("2027年实现全市智慧监管全覆盖。", [("实现全市智慧监管全覆盖", "2027年", None, "<=", 2027)]),
    ("全省将于今年10月底前，将本地区的短缺药品清单纳入监测平台。",
     [("将本地区的短缺药品清单纳入监测平台", "今年10月底前", None, "<=", None)]),
    ("推动企业自2027年3月1日起全面执行新标准。",
     [("全面执行新标准", "自2027年3月1日起", None, None, 2027)]),
    # one task, several deadlines in turn
    ("市、县两级机构改革工作，原则上分别于2026年上半年和年底前完成。",
     [("市、县两级机构改革工作", "2026年上半年", None, "<=", 2026),
      ("市、县两级机构改革工作", "年底前", None, "<=", None)]),
    ("市局每年至少开展一次专项检查。", [("专项检查", "一次", 1.0, ">=", None)]),
    # a duration to do a task in
    ("用半年时间，在全市范围内集中开展网络售药整治。",
     [("在全市范围内集中开展网络售药整治", "半年", None, "<=", None)]),
    # not targets: a rule's effective date, a cited rule's revision date, a past year-end,
    # a bare 第一次
    ("新修订的《某某规范》自2027年3月1日起施行。", []),
    ("按照《某某办法》（2019年5月修订）执行。", []),
    ("2023年末，全省共有药品生产企业200家。", []),
    ("第一次会议审议通过了工作规则。", []),
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
    ],
)
def test_section_titles_tell_goals_from_achievements(path, statement):
    assert statement_of(path) == statement


# written for this test: a work plan's stage, its year in brackets, a range to select
STAGE = (
    "关于开展示范创建工作的通知\n各县（市、区）人民政府：\n一、工作安排\n"
    "第一阶段：试点阶段（2027年）。各县（市、区）要选择2~3个乡镇开展示范乡镇创建工作，以点带面。\n"
)


def test_a_stage_label_frames_its_tasks_and_its_year(tmp_path):
    path = tmp_path / "stage.txt"
    path.write_text(STAGE, encoding="utf-8")
    found = [(t.value_text, t.value, t.unit, t.year) for t in extract_file(path).targets]
    assert ("2~3个", None, "个", 2027) in found
