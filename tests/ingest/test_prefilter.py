"""A guarded regex (ingest/prefilter.py) skips texts it cannot match and finds exactly what
the regex finds on every other text. Sentences written for the test in the genre."""

from __future__ import annotations

import re

import pytest
from policykg.ingest.patterns import pattern_file, targets_patterns
from policykg.ingest.prefilter import Rules, guarded, needed_literals

SENTENCES = [
    "领导小组办公室设在市市场监管局，主要职责为统筹协调全市药品安全工作。",
    "由市药监局牵头，会同市卫生健康委、市医保局负责落实，地方政府负总责。",
    "成立药品安全专项整治工作领导小组，组长由分管副市长担任，成员单位包括市公安局、市财政局。",
    "到2027年底，全省药品安全追溯体系全面建成，不发生区域性、系统性药品安全事件。",
    "各地要于2025年6月30日前完成辖区内零售药店的检查，每季度召开一次联席会议。",
    "专项行动为期3个月，分为动员部署阶段（2024年3月）、集中整治阶段（2024年4月—5月）。",
    "药品不良反应监测能力保持全国领先，基层医疗机构实现监测全覆盖。",
    "公示时间为2024年5月6日至2024年5月15日。",
    "省、市、县三级改革工作分别于2025年上半年、9月底和年底前完成。",
    "要求各单位利用2周时间，组织全员培训。",
    "加强药品监管能力建设，提升监管效能。",
    "",
]


def test_needed_literals_of_a_rule_written_for_the_test() -> None:
    rx = re.compile(r"(?P<ind>[^，。]{2,20}?)(?:要|应)?(?:实现|达到)(?P<word>全覆盖|全联通)[，。]?")
    needs = needed_literals(rx)
    assert ("达到", "实现") in needs or ("实现", "达到") in needs
    may = lambda text: all(any(s in text for s in alts) for alts in needs)  # noqa: E731
    assert may("基层医疗机构实现全覆盖") and may("数据平台达到全联通")
    assert not may("基层医疗机构实现覆盖") and not may("基层医疗机构全面覆盖")


@pytest.mark.parametrize(
    "pattern",
    [r"a?b", r"[^x]+", r"(?=全覆盖)\w+", r"(?i)abc", r"x{0,3}y?", r"(?:甲|[^乙])丙?"],
)
def test_no_literal_is_needed_where_a_match_can_lack_it(pattern: str) -> None:
    needs = needed_literals(re.compile(pattern))
    # a string each of these patterns matches that holds none of the guard's strings
    sample = {"a?b": "b", "[^x]+": "q", "(?=全覆盖)\\w+": "全覆盖", "(?i)abc": "ABC",
              "x{0,3}y?": "", "(?:甲|[^乙])丙?": "丁"}[pattern]  # fmt: skip
    assert re.compile(pattern).search(sample)
    assert guarded(pattern).search(sample) is not None
    assert all(any(s in sample for s in alts) for alts in needs)


def test_a_text_without_the_rules_words_is_not_searched() -> None:
    g = guarded(r"(?P<ind>[^，。]{2,30}?)(?:实现|达到)全覆盖")
    assert g.search("加强药品监管能力建设，提升监管效能。") is None
    assert list(g.finditer("加强药品监管能力建设，提升监管效能。")) == []
    m = g.search("基层医疗机构实现全覆盖")
    assert m is not None and m["ind"] == "基层医疗机构"


def test_every_target_and_assignment_rule_finds_the_same_with_and_without_its_guard() -> None:
    rules = [x for v in targets_patterns().values() if isinstance(v, list) for x in v]
    rules = [x for x in rules if isinstance(x, str)]
    assignments = pattern_file("departments.yaml")["assignments"]
    rules += [v for v in assignments.values() if isinstance(v, str)]
    rules += [p["regex"] for k in ("posts", "post_after", "roster") for p in assignments[k]]
    assert rules
    for pattern in rules:
        try:
            rx = re.compile(pattern)
        except re.error:
            continue  # a word list, not a regex
        g = guarded(rx)
        for s in SENTENCES:
            assert [m.span() for m in g.finditer(s)] == [m.span() for m in rx.finditer(s)]
            for pos in range(-2, len(s), 7):
                a, b = g.match(s, pos), rx.match(s, pos)
                assert (a and a.span()) == (b and b.span())
                for end in (pos + 5, pos + 20, len(s)):  # a window: [pos, end)
                    got = [m.span() for m in g.finditer(s, pos, end)]
                    assert got == [m.span() for m in rx.finditer(s, pos, end)]
                    a, b = g.search(s, pos, end), rx.search(s, pos, end)
                    assert (a and a.span()) == (b and b.span())


def test_rules_among_leave_out_only_rules_that_find_nothing() -> None:
    kinds = [v for v in targets_patterns().values() if isinstance(v, list) and v]
    kinds = [v for v in kinds if all(isinstance(x, str) for x in v)]
    kinds.append([p["regex"] for p in pattern_file("departments.yaml")["assignments"]["posts"]])
    for kind in kinds:
        try:
            rules = Rules(guarded(x) for x in kind)
        except re.error:
            continue  # a word list, not a regex
        assert list(rules) == [*rules] and len(rules) == len(kind)
        for s in SENTENCES:
            for pos, end in ((0, len(s) + 5), (-2, len(s)), (3, len(s) - 2), (7, 12)):
                shown = rules.among(s, pos, end)
                assert shown == [rules[i] for i in rules.indices(s, pos, end)]
                assert rules.indices(s, pos, end) == sorted(set(rules.indices(s, pos, end)))
                for rule in rules:
                    if rule not in shown:
                        assert list(rule.rx.finditer(s, pos, end)) == []
