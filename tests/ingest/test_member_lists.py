"""Golden table: a group's member list written apart from the text (issue 10, stop 37).

Every document here was written for the test, in the genre (no held-out or seed text): an
annex captioned …成员单位名单 whose bodies run over lines, a 成员单位： line over its list,
and lists that are not a group's members.
"""

from __future__ import annotations

import pytest
from policykg.ingest.pipeline import extract_file
from policykg.ingest.record import ExtractionRecord

NOTICE = (
    "某某市人民政府办公室关于成立某某市药品安全应急工作组的通知\n"
    "各县（市、区）人民政府，市政府各部门：\n"
    "为做好药品安全突发事件应急处置工作，市政府决定成立市药品安全应急工作组。"
    "各县（市、区）要参照组建本地应急工作组。\n"
    "某某市人民政府办公室\n"
    "2019年3月5日\n"
    "附件：\n"
    "某某市药品安全应急工作组成员单位名单\n"
)

CASES = [
    # an annex's list wrapped over two lines, a bracketed second name kept out
    (
        NOTICE + "市委宣传部、市发展改革委、市公安局、市财政局、市卫生健康委、\n"
        "市市场监管局（市知识产权局）、市医保局\n",
        {
            "市委宣传部",
            "市发展改革委",
            "市公安局",
            "市财政局",
            "市卫生健康委",
            "市市场监管局",
            "市医保局",
        },  # fmt: skip
    ),
    # the page cut the list inside its last name: the names before it are the members
    (
        NOTICE + "市教育局、市公安局、市农业农村局、市林业和草原局\n市生态环境局、市卫生健康\n",
        {"市教育局", "市公安局", "市农业农村局", "市林业和草原局", "市生态环境局"},
    ),
]


@pytest.mark.parametrize(("text", "members"), CASES)
def test_an_annexed_member_list_makes_its_bodies_members(
    tmp_path, text: str, members: set[str]
) -> None:
    record = _extract(tmp_path, text)
    listed = [m for m in record.measures if m.title and m.title.endswith("成员单位名单")]
    assert len(listed) == 1
    [measure] = listed
    assert {(d.mention, d.role) for d in measure.departments} == {(x, "support") for x in members}
    assert measure.statement == "commitment"
    # its evidence is the list as written: the span's text is the document's
    assert text[measure.start : measure.end] == measure.text


def test_a_members_line_over_its_list(tmp_path) -> None:
    record = _extract(
        tmp_path,
        "某某县食品安全委员会工作规则\n一、组成\n县食品安全委员会由县政府分管副县长任主任。\n"
        "成员单位：\n县市场监管局、县教育局、县公安局、县农业农村局\n二、职责\n"
        "县市场监管局负责委员会的日常工作。\n",
    )
    roles = {(d.mention, d.role) for m in record.measures for d in m.departments}
    assert {("县市场监管局", "support"), ("县教育局", "support"), ("县公安局", "support"),
            ("县农业农村局", "support"), ("县市场监管局", "responsible")} <= roles  # fmt: skip


@pytest.mark.parametrize(
    "tail",
    [
        # a copy list is no member list
        "抄送：市委办公室、市人大常委会办公室、市政协办公室\n",
        # a caption over people, not bodies
        "某某市药品安全应急工作组成员名单\n组长：王某某 市政府副市长\n",
        # a list that is running text (a task, not members)
        "附件2\n工作要求\n市场监管部门要会同卫生健康部门开展联合检查。\n",
    ],
)
def test_lists_that_are_not_members_make_no_member_measure(tmp_path, tail: str) -> None:
    record = _extract(tmp_path, NOTICE.rsplit("附件：", 1)[0] + tail)
    assert not [m for m in record.measures if m.ordinal.startswith("members")]


def _extract(tmp_path, text: str) -> ExtractionRecord:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return extract_file(path)
