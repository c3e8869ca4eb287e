"""The comparison page in a real browser: Debian's headless Chromium driven by Playwright,
against `policykg serve` started on a free port over the seeded store.

Clicks a matrix cell and reads the evidence, reads the indicator table, searches in
Traditional characters, and saves screenshots to tests/artifacts/ (gitignored).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser.support import ARTIFACTS, serving


@pytest.fixture(scope="module")
def server(seeded_store, tmp_path_factory) -> Iterator[str]:
    """`policykg serve` in its own process on the seeded store's folder."""
    with serving(seeded_store, tmp_path_factory.mktemp("serve")) as base:
        yield base


def test_matrix_click_indicators_and_traditional_search(server: str, browser) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1440, "height": 1000}, locale="zh-CN")
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready=true]", timeout=30_000)

    # the header figures come from the API
    assert page.locator("#stats .stat").count() == 4
    assert page.locator("#stats .stat b").first.inner_text() == "5"

    # the matrix: provinces with documents as rows, committing cells coloured
    rows = page.locator("table.matrix tbody tr")
    assert rows.count() == 3
    cell = page.locator('td.cell[data-province="上海市"][data-topic="udi"]')
    assert cell.inner_text().strip().isdigit()
    assert cell.evaluate("n => getComputedStyle(n).backgroundColor") != "rgba(0, 0, 0, 0)"
    cell.click()
    page.wait_for_selector("#evidence .ev", timeout=15_000)
    panel = page.locator("#evidence")
    assert "上海市" in panel.locator("h3").inner_text()
    assert "医疗器械唯一标识" in panel.locator("h3").inner_text()
    assert "承诺" in panel.locator(".badge").first.inner_text()
    first = panel.locator(".ev").first
    assert "唯一标识" in first.locator(".text").inner_text()
    assert first.locator("mark").count() >= 1
    assert "字符" in first.locator(".src").inner_text()  # document › section · span
    page.screenshot(path=str(ARTIFACTS / "comparison_page_matrix.png"))

    # all 34 on demand
    page.check("#all-provinces")
    assert page.locator("table.matrix tbody tr").count() == 34
    page.uncheck("#all-provinces")

    # the indicator table: the same indicator across provinces
    table = page.locator("#indicator-table table.ind")
    heads = table.locator("thead th").all_inner_texts()
    assert "上海市" in heads and "浙江省" in heads
    assert "药品不良反应报告数" in table.inner_text()
    # a figure that is not the province's own is shown apart, with why (issue 13.6)
    apart = table.locator("span.incomparable")
    assert apart.count() >= 1 and "≠" in apart.first.inner_text()
    assert "不可直接比较" in (apart.first.get_attribute("title") or "")

    # search in Traditional characters
    page.fill("#q", "醫療器械唯一標識")
    page.click("#search-form button")
    page.wait_for_selector("#search-results li", timeout=15_000)
    assert "医疗器械唯一标识" in page.locator("#search-summary").inner_text()
    marks = page.locator("#search-results li").first.locator("mark").all_inner_texts()
    assert "医疗器械唯一标识" in marks
    page.screenshot(path=str(ARTIFACTS / "comparison_page.png"), full_page=True)

    assert not problems, problems
    page.close()


def test_timeline_grouped_matrix_and_original_text(server: str, browser) -> None:
    """Issue 13.9 and 13.5 on the page: the diffusion timeline next to the matrix, the
    matrix's topics grouped under their broader topic, provinces without documents not
    drawn as silent, and each evidence item's link to its span in the original file."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1440, "height": 1100}, locale="zh-CN")
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready=true]", timeout=30_000)

    # the timeline of UDI: 上海市 first (2022-06-02, 实施意见, following 国办发〔2021〕16号)
    page.wait_for_selector("#timeline ol.timeline li", timeout=15_000)
    assert page.locator("#timeline-topic").input_value() == "udi"
    items = page.locator("#timeline ol.timeline li")
    first = items.first
    assert first.get_attribute("data-province") == "上海市"
    assert "2022-06-02" in first.inner_text() and "实施意见" in first.inner_text()
    assert "国办发〔2021〕16号" in first.inner_text()
    assert first.locator(".tl-track i.first").count() == 1
    assert {items.nth(i).get_attribute("data-province") for i in range(items.count())} == {
        "上海市",
        "浙江省",
    }
    # another topic on demand
    page.select_option("#timeline-topic", "pharmacovigilance")
    page.wait_for_function(
        "document.querySelector('#timeline-topic').value === 'pharmacovigilance' && "
        "document.querySelectorAll('#timeline ol.timeline li').length > 0"
    )
    page.select_option("#timeline-topic", "udi")
    page.wait_for_selector("#timeline ol.timeline li[data-province='上海市']")

    # the matrix groups topics: UDI sits under 追溯 (traceability) in the group row
    groups = page.locator("table.matrix tr.groups th.group")
    assert groups.count() >= 2
    trace = page.locator("table.matrix tr.groups th.group[data-group='traceability']")
    assert trace.count() == 1
    keys = page.locator("table.matrix thead th.topic").evaluate_all(
        "ns => ns.map(n => n.dataset.topic)"
    )
    start = sum(
        int(groups.nth(i).get_attribute("colspan"))
        for i in range(groups.count())
        if groups.nth(i).get_attribute("data-group") != "traceability"
        and groups.nth(i).evaluate("(n) => n.cellIndex") < trace.evaluate("(n) => n.cellIndex")
    )
    span = int(trace.get_attribute("colspan"))
    assert "udi" in keys[start : start + span] and keys[start] == "traceability"

    # provinces without documents are not drawn as silent
    page.check("#all-provinces")
    assert page.locator('td.cell[data-province="北京市"].nodocs').count() > 0
    assert page.locator('td.cell[data-province="北京市"].silent').count() == 0
    page.uncheck("#all-provinces")

    # evidence: departments in the written order, and the link to the original text
    page.locator('td.cell[data-province="上海市"][data-topic="udi"]').click()
    page.wait_for_selector("#evidence .ev a.srclink", timeout=15_000)
    assert "依据文件" in page.locator("#evidence .docs").inner_text()
    page.screenshot(path=str(ARTIFACTS / "comparison_page_timeline.png"), full_page=True)
    link = page.locator("#evidence .ev a.srclink").first
    href = link.get_attribute("href")
    assert href.startswith("/source?") and href.endswith("#span")
    source = browser.new_page(viewport={"width": 1200, "height": 900}, locale="zh-CN")
    source.goto(server + href)
    mark = source.locator("mark#span")
    assert mark.count() == 1 and "唯一标识" in mark.inner_text()
    assert mark.evaluate(
        "(n) => { const r = n.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }"
    )
    source.screenshot(path=str(ARTIFACTS / "source_span.png"))
    source.close()

    assert not problems, problems
    page.close()
