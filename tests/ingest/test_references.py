"""References: cited laws and policies, canonical titles, document numbers, not itself."""

from __future__ import annotations

import pytest
from policykg.ingest.references import find_references

from tests.ingest.seeds import record

# (text, [(title, doc_number)])
FOUND = [
    ("为贯彻落实《国务院办公厅关于全面加强药品监管能力建设的实施意见》（国办发〔2021〕16号），",
     [("国务院办公厅关于全面加强药品监管能力建设的实施意见", "国办发〔2021〕16号")]),
    ("全面落实《中华人民共和国药品管理法》和《医疗器械监督管理条例》，",
     [("中华人民共和国药品管理法", None), ("医疗器械监督管理条例", None)]),
    ("适时制定与药品管理法、疫苗管理法等配套的政府规章。",
     [("中华人民共和国药品管理法", None), ("中华人民共和国疫苗管理法", None)]),
    ("贯彻实施2020年版《中华人民共和国药典》。", [("中华人民共和国药典", None)]),
    ("根据国办发〔2021〕16号文件精神，", [(None, "国办发〔2021〕16号")]),
    ("深入实施《浙江省化妆品产业高质量发展实施方案》（2020-2025年），",
     [("浙江省化妆品产业高质量发展实施方案", None)]),
    # journals are not policies; a practice standard named in running text is not a citation
    ("以《中国新药与临床杂志》《中国医疗器械杂志》期刊品牌为依托，", []),
    ("同步开展注册核查与药品生产质量管理规范符合性检查。", []),
]  # fmt: skip


@pytest.mark.parametrize("text,expected", FOUND, ids=[f[0][:14] for f in FOUND])
def test_find_references(text, expected):
    found = find_references(text)
    assert [(r.title, r.doc_number) for r in found] == expected
    for r in found:
        assert text[r.start : r.end]


def test_seed_references():
    assert [(r.title, r.doc_number) for r in record("001").references] == [
        ("国务院办公厅关于全面加强药品监管能力建设的实施意见", "国办发〔2021〕16号")
    ]  # its own title and 沪府办发〔2022〕9号 are not references
    titles = [r.title for r in record("003").references]
    assert titles.count("医疗器械监督管理条例") == 1  # cited twice, one reference
    assert "中华人民共和国疫苗管理法" in titles
    chongqing = {r.title for r in record("004").references}
    assert "成渝地区双城经济圈建设规划纲要" in chongqing
    assert not any("重庆市药品安全及高质量发展" in (t or "") for t in chongqing)  # itself
    plan = record("000").references  # the task table cites the plan it divides
    assert "上海市药品安全和高质量发展“十四五”规划" in {r.title for r in plan}
