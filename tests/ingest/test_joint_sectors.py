"""A sector named bare after 会同/联合 is that level's body (the rule book: sector short forms in
a 会同 list → the level's 厅/委/局), issue 10, stop 37.

Every document here was written for the test, in the genre (no held-out or seed text).
"""

from __future__ import annotations

import pytest
from policykg.ingest.pipeline import extract_file

CASES = [
    # a county's bureau joined by sectors: the county's bureaus (卫健: 局 in a county, 委 above;
    # 食药: the vocabulary's full name)
    (
        "长丰县开展专项检查\n近日，长丰县市场监管局联合公安、卫健、食药等部门开展专项检查。\n",
        {
            ("长丰县公安局", "support"),
            ("长丰县卫健局", "support"),
            ("长丰县食品药品监督管理局", "support"),
        },  # fmt: skip
    ),
    # a province's bureau: the province's 厅, and 局 where the province has a bureau
    (
        "药品追溯工作方案\n一、工作任务\n省药监局要会同工信、医保等部门推进药品追溯体系建设。\n",
        {("省工信厅", "support"), ("省医保局", "support")},
    ),
    # a body's own name among the sectors (检察院, 法院): the level's body, no unit added
    (
        "农资打假工作方案\n一、工作任务\n县农业农村局会同公安、检察院、法院等部门开展农资打假。\n",
        {("县公安局", "support"), ("县检察院", "support"), ("县法院", "support")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_a_sector_after_huitong_is_the_levels_body(tmp_path, text: str, expected: set) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    record = extract_file(path)
    names = {(d.name, d.role) for m in record.measures for d in m.departments}
    assert expected <= names


def test_a_plain_list_of_sectors_stays_generic(tmp_path) -> None:
    # 农业、公安等部门要…: sectors listed bare with no 会同 before them are generic bodies
    path = tmp_path / "doc.txt"
    path.write_text("专项整治方案\n一、工作要求\n农业、公安等部门要加强协作。\n", encoding="utf-8")
    names = {d.name for m in extract_file(path).measures for d in m.departments}
    assert {"农业", "公安"} <= names
