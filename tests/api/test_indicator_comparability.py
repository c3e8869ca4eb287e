"""Indicators are compared only when they measure the same thing (issue 13.6).

Rules stated here:
* every indicator of data/taxonomy/indicators.yaml carries a definition, a unit (of a known
  kind, agreeing with what it measures) and a direction;
* a target stands beside the other targets of its indicator (`comparable: true`) only when
  its unit is of the indicator's kind, its figure is the province's own (not that of some of
  its cities), and — for an indicator of national scope — its name says 国家; otherwise the
  API says why not (golden table of targets written for the test, then the seeds);
* /indicators/{key}/targets flags, /compare sets aside, the matrix counts an indicator once
  per cell however many years set it.
"""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient
from policykg.api.comparability import judge, unit_kind, units_file
from policykg.ingest import vocab
from policykg.ingest.patterns import targets_patterns

# what each `measure` of an indicator reads its unit as
MEASURE_KIND = {"rate": "percent", "count": "count", "incidents": "count",
                "per_capita": "per_capita", "score": "score", "level": "grade",
                "amount": "money", "hours": "duration", "duration": "duration"}  # fmt: skip


def ok(resp) -> dict:
    assert resp.status_code == 200, resp.text
    return resp.json()


# ------------------------------------------------------------------ the taxonomy


def test_every_indicator_has_a_definition_a_unit_and_a_direction() -> None:
    for ind in vocab.indicators():
        assert ind.definition and len(ind.definition) >= 30, f"{ind.key}: write its definition"
        assert ind.unit and unit_kind(ind.unit), f"{ind.key}: unit {ind.unit} has no kind"
        assert unit_kind(ind.unit) == MEASURE_KIND[ind.measure], (ind.key, ind.unit, ind.measure)
        assert ind.direction in ("higher", "lower", "none"), ind.key


def test_every_unit_the_extractor_writes_has_a_kind() -> None:
    p = targets_patterns()
    written = set(p["units"]) | set(p["unit_aliases"].values())
    assert not {u for u in written if unit_kind(u) is None}, "add them to data/taxonomy/units.yaml"
    assert units_file().kinds["percent"] == ("%",)


def test_a_review_time_and_its_percentage_cut_are_two_indicators() -> None:
    from policykg.ingest.matching import match_indicator

    # names written for the test, of the kinds provincial plans use
    assert match_indicator("医疗器械注册审评平均时限较法定时限压缩比例") == "review_time_reduction"
    assert match_indicator("第三类医疗器械首次注册平均周期") == "review_duration"
    assert match_indicator("进入国家创新医疗器械特别审查程序的产品") == (
        "innovative_devices_special_review"
    )
    assert match_indicator("培育创新医疗器械产品") == "innovative_devices_cultivated"


# ------------------------------------------------------------------ the rule, golden table

GOLDEN = [
    # (indicator key, name as written, value as written, unit) → comparable, reason contains
    ("review_time_reduction", "药品注册审评时限压缩比例", "40%", "%", True, None),
    ("review_time_reduction", "二类器械注册审评时限缩短", "三个月内", "月", False, "duration"),
    ("review_duration", "注册审评平均时限", "60个工作日", "工作日", True, None),
    ("review_duration", "注册审评平均时限", "4个月", "月", True, None),  # both durations
    ("adr_reports_per_million", "药品不良反应报告数", "800", None, True, None),  # header unit
    ("sampling_batches", "药品抽检批次", "5000批次", "批次", False, "count"),
    ("cosmetics_standards_developed", "化妆品地方标准", "6个", "个", True, None),  # 个 ~ 项
    ("testing_capability_level", "药品检验机构能力达标", "A（省）", None, True, None),
    ("testing_capability_level", "药品检验机构能力达标", "B（3个市）", None, False, "part"),
    ("cma_device_test_items", "医疗器械CMA检验项目", "600（市）", "项", False, "part"),
    ("inspection_rectification_rate", "各设区市飞行检查整改完成率", "100%", "%", False, "各设区市"),
    ("innovative_devices_special_review", "进入国家创新医疗器械特别审查程序", "20个", "个", True, None),
    ("innovative_devices_special_review", "进入省级创新医疗器械特别审查程序", "20个", "个", False, "国家"),
    ("key_laboratories", "国家药监局重点实验室", "2个", "个", True, None),
    (None, "培育经典品牌", "10个", "个", None, None),  # no canonical indicator: nothing to say
]  # fmt: skip


@pytest.mark.parametrize(("key", "written", "value", "unit", "comparable", "reason"), GOLDEN)
def test_when_a_target_can_stand_beside_the_others(
    key, written, value, unit, comparable, reason
) -> None:
    verdict = judge(key, written, value, unit)
    assert verdict.comparable is comparable, verdict
    if reason:
        assert reason in (verdict.reason or ""), verdict
    else:
        assert verdict.reason is None, verdict


# ------------------------------------------------------------------ the API on the seeds


def kinds(rows: list[dict], indicator: dict) -> set[str | None]:
    return {unit_kind(r["unit"] or indicator["unit"]) for r in rows}


def test_indicator_targets_put_side_by_side_only_what_measures_the_same(api: TestClient) -> None:
    used = [r for r in ok(api.get("/indicators", params={"used": True, "limit": 500}))["rows"]]
    assert len(used) >= 40
    flagged = []
    for ind in used:
        body = ok(api.get(f"/indicators/{ind['key']}/targets", params={"limit": 500}))
        assert body["indicator"]["definition"] and body["indicator"]["measure"]
        rows = body["rows"]
        same = [r for r in rows if r["comparable"]]
        assert body["comparable"] == len(same)
        # what stands side by side is of the indicator's one kind of unit
        assert kinds(same, ind) <= {unit_kind(ind["unit"])}, (ind["key"], same)
        for r in rows:
            assert r["comparable"] is not None
            assert (r["not_comparable_because"] is None) == r["comparable"], r
            if not r["comparable"]:
                flagged.append((ind["key"], r["province"], r["value_text"]))
    # 浙江's C（5个市）is its cities' grade, not the province's (a row of its 主要指标表)
    assert ("testing_capability_level", "浙江省", "C（5个市）") in flagged, flagged


def test_a_percentage_cut_is_not_beside_a_duration(api: TestClient) -> None:
    """上海's 50% cut of the review time and its 六个月内 registration cycle (000, 002)."""
    cut = ok(api.get("/indicators/review_time_reduction/targets"))["rows"]
    assert cut and all(unit_kind(r["unit"] or "%") == "percent" for r in cut if r["comparable"])
    assert not [r for r in cut if r["comparable"] and r["unit"] == "月"], cut
    duration = ok(api.get("/indicators/review_duration/targets"))["rows"]
    assert any(r["value_text"] == "六个月内" and r["comparable"] for r in duration), duration


def test_a_national_count_is_not_beside_a_provincial_one(api: TestClient) -> None:
    """上海 counts products in the national special review (国家…特别审查程序, 000);
    浙江 counts innovative devices it cultivates (003): two indicators, never one column."""
    body = ok(api.get("/indicators/innovative_devices_special_review/targets"))
    same = {r["province"] for r in body["rows"] if r["comparable"]}
    assert "上海市" in same and "浙江省" not in same, body["rows"]
    cultivated = ok(api.get("/indicators/innovative_devices_cultivated/targets"))["rows"]
    assert {r["province"] for r in cultivated} == {"浙江省"}, cultivated
    compared = ok(api.get("/compare", params={"provinces": "上海市,浙江省"}))
    keys = {i["indicator_key"] for i in compared["indicators"]}
    assert "innovative_devices_special_review" not in keys and keys, keys
    for ind in compared["indicators"]:
        assert all(t["comparable"] for t in ind["targets"]), ind
        assert len({t["province"] for t in ind["targets"]}) >= 2, ind
        unit = vocab.indicator_by_key(ind["indicator_key"]).unit
        assert len({unit_kind(t["unit"] or unit) for t in ind["targets"]}) == 1, ind
        assert all(not t["comparable"] and t["not_comparable_because"] for t in ind["set_aside"])


def test_the_csv_says_which_rows_are_comparable(api: TestClient) -> None:
    resp = api.get("/indicators/testing_capability_level/targets.csv")
    rows = list(csv.DictReader(io.StringIO(resp.text.lstrip("\ufeff"))))
    assert {r["comparable"] for r in rows} == {"True", "False"}, rows
    assert all(r["not_comparable_because"] for r in rows if r["comparable"] == "False")


def test_the_matrix_counts_an_indicator_once_not_once_per_year(api: TestClient) -> None:
    cells = ok(api.get("/matrix", params={"all_topics": True, "limit": 5000}))["cells"]
    cell = {(c["province"], c["topic"]): c["targets"] for c in cells}
    checked = 0
    for topic in ("pharmacovigilance", "standards", "udi", "innovation"):
        rows = ok(api.get(f"/topics/{topic}/provinces"))["rows"]  # narrower topics included
        for r in rows:
            indicators = {t["indicator_key"] or t["indicator"] for t in r["targets"]}
            assert cell.get((r["province"], topic), 0) == len(indicators), (topic, r["province"])
            checked += len(r["targets"]) > len(indicators)
    # 浙江 sets 药品不良反应报告数 for 2023 and for 2025: one indicator in its cell
    assert checked, "no cell where one indicator has targets for several years"
