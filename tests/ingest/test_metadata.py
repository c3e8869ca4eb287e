"""Golden table: document metadata of the five seeds."""

from __future__ import annotations

import pytest
from policykg.ingest.pipeline import extract_file

from tests.conftest import seed

GOLDEN = [
    # prefix, province, code, title, doc_number, issuer, issued, published, kind, script
    ("000", "上海市", "310000", "《上海市药品安全和高质量发展“十四五”规划》主要目标和重点任务分工方案",
     None, None, None, None, "分工方案", "simplified"),
    ("001", "上海市", "310000", "关于全面加强药品监管能力建设的实施意见",
     "沪府办发〔2022〕9号", "上海市人民政府办公厅", "2022-06-02", "2022-06-09", "实施意见", "simplified"),
    ("002", "上海市", "310000", "上海市全面深化药品医疗器械监管改革促进医药产业高质量发展的若干措施",
     None, "上海市人民政府办公厅", "2025-10-23", None, "若干措施", "traditional"),
    ("003", "浙江省", "330000", "浙江省药品安全“十四五”规划",
     None, None, None, None, "规划", "simplified"),
    ("004", "重庆市", "500000", "重庆市药品安全及高质量发展“十四五”规划（2021—2025年）",
     "渝府办发〔2021〕117号", "重庆市人民政府办公厅", "2021-11-01", "2021-11-10", "规划", "simplified"),
]  # fmt: skip


@pytest.mark.parametrize(
    "prefix,province,code,title,number,issuer,issued,published,kind,script",
    GOLDEN,
    ids=[g[0] for g in GOLDEN],
)
def test_seed_metadata(
    prefix, province, code, title, number, issuer, issued, published, kind, script
):
    doc = extract_file(seed(prefix)).document
    assert (doc.province, doc.province_code) == (province, code)
    assert doc.title == title
    assert doc.doc_number == number
    assert doc.issuer == issuer
    assert (doc.issued_date, doc.published_date) == (issued, published)
    assert doc.kind == kind
    assert doc.script == script


def test_document_ids_are_stable_and_distinct():
    ids = [extract_file(seed(p)).document.id for p, *_ in GOLDEN]
    assert len(set(ids)) == 5
    assert ids[1] == "310000:沪府办发〔2022〕9号"
    assert ids == [extract_file(seed(p)).document.id for p, *_ in GOLDEN]


def test_a_text_without_a_title_has_none(tmp_path) -> None:
    """A file name is not a title: an untitled text (a news fragment) leaves title empty."""
    path = tmp_path / "report_2031_draft.txt"
    path.write_text(
        "近日，某市召开药品安全工作会议，会议要求各单位加强日常监督检查。\n"
        "会议强调，要压实企业主体责任，确保群众用药安全。\n",
        encoding="utf-8",
    )
    record = extract_file(path)
    assert record.document.title is None
    assert record.document.source == "report_2031_draft.txt"
