"""Golden tables for table flattening forms the structure stage must read alike."""

from __future__ import annotations

import pytest
from policykg.ingest.measures import build_measures
from policykg.ingest.normalize import normalize
from policykg.ingest.read import SourceText
from policykg.ingest.structure import cn_number, parse_blocks, parse_marker

TSV = (
    "二、重点任务分工\n"
    "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
    "（一）完善法规标准体系\n"
    "1\t推动条例修订，完善配套制度。\t省药监局\t省司法厅\t2023年底前\n"
    "2\t发布道地药材标准20个以上。\t省药监局会省中医药局\t省农业农村厅\t2025年底前\n"
)


def _normalized(text: str):
    return normalize(SourceText(path="t.txt", text=text, encoding="utf-8", format="text"))


def test_tab_separated_rows_become_cells_with_exact_offsets():
    n = _normalized(TSV)
    assert "\t省司法厅\n" in n.text
    start = n.text.index("省司法厅")
    s, e = n.to_source(start, start + 4)
    assert TSV[s:e] == "省司法厅"


def test_sub_heading_rows_keep_the_table_header_and_roles():
    blocks = parse_blocks(_normalized(TSV).text)
    rows = [b for b in blocks if b.kind == "row"]
    assert [b.header for b in rows] == [
        ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
    ] * 2
    measures = build_measures(blocks)
    roles = [[(m.text, m.role) for m in d.mentions] for d in measures]
    assert roles == [
        [("省药监局", "lead"), ("省司法厅", "support")],
        [("省药监局", "lead"), ("省中医药局", "support"), ("省农业农村厅", "support")],
    ]


# A reprint's lead narrates an event (who met, toured, deployed); a notice's lead assigns.
# Sentences written for this test.
PREAMBLES = [
    ("省药品监督管理局部署下半年药品流通监管工作", False),
    ("新华社讯 日前，市市场监督管理局组织召开药品零售企业座谈会，通报检查情况。", False),
    ("本地消费讯 6月3日上午，省药品监督管理局组织药品零售企业开展质量安全培训活动。", False),
    ("3月2日，省药品监督管理局一行赴县里调研药品流通监管工作，听取县局工作汇报。", False),
    ("由县市场监督管理局负责，县卫生健康局配合，抓好村卫生室药品质量管理工作。", True),
    ("市药监局会同市卫生健康委组织开展医疗机构制剂专项检查，年底前完成。", True),
]


def test_preamble_narration_of_a_reprint_is_no_measure():
    for text, is_measure in PREAMBLES:
        blocks = parse_blocks(_normalized(text + "\n一、总体要求\n（一）加强监管。\n").text)
        before_outline = [m for m in build_measures(blocks) if m.ordinal.startswith("0p")]
        assert bool(before_outline) is is_measure, text


def test_a_paragraph_assigning_sentence_by_sentence_becomes_one_measure_per_assignment():
    # written for this test: a notice's running text, each sentence assigning other bodies
    text = (
        "一、加强组织领导\n"
        "区人民政府对全区药品安全工作负总责，统一领导本区药品安全监管工作。"
        "区药品安全委员会主任由分管副区长担任，办公室设在区市场监督管理局。"
        "区卫生健康局负责医疗机构药品使用环节的日常监督。\n"
    )
    measures = build_measures(parse_blocks(_normalized(text).text))
    assert len(measures) == 3
    assert [m.text[:6] for m in measures] == ["区人民政府对", "区药品安全委", "区卫生健康局"]
    # an item whose statement form names its bodies stays whole
    item = "一、加强组织领导\n（一）强化抽检。扩大抽检覆盖面。加强结果运用。（责任单位：市药监局、市卫健委）\n"
    assert len(build_measures(parse_blocks(_normalized(item).text))) == 1


def test_a_line_naming_its_item_back_assigns_the_item() -> None:
    # a work plan closes each item with 此项工作由A负责，B协办 on a line of its own: the item is
    # the measure, the line's bodies are its bodies
    text = (
        "一、强化监管\n1.开展农村集体聚餐食品安全专项检查。\n此项工作由镇市场监管所负责，镇卫生院协办。\n"
        "2.加强小作坊日常巡查。\n该项任务由县市场监管局牵头，县农业农村局配合。\n"
    )
    measures = build_measures(parse_blocks(_normalized(text).text))
    assert [(m.text[:6], [(x.text, x.role) for x in m.mentions]) for m in measures] == [
        ("开展农村集体", [("镇市场监管所", "responsible"), ("镇卫生院", "support")]),
        ("加强小作坊日", [("县市场监管局", "lead"), ("县农业农村局", "support")]),
    ]


def test_an_items_closing_sentence_naming_it_back_keeps_the_item_whole() -> None:
    # the closing 此项工作由A、B负责 assigns the whole item: its sentences with their own
    # subjects are not cut into measures of their own
    text = (
        "一、加强信息发布\n（一）完善信息发布制度，及时通报动态。县食安办要组织有关部门开展联合发布，"
        "县农业局要独立开展发布。此项工作由县食安办、县农业局负责，县卫健局协办。\n"
    )
    measures = build_measures(parse_blocks(_normalized(text).text))
    assert len(measures) == 1
    assert measures[0].text.startswith("完善信息发布制度") and measures[0].text.endswith("协办。")


def test_a_source_line_glued_after_a_reports_sentences_leaves_them_a_measure() -> None:
    from policykg.ingest.non_measures import is_noise

    # a page glues its 来源 line to the last paragraph: the sentences stay; chrome alone goes
    assert not is_noise("检查初显成效。下一步，县农业农村局将继续加大检查力度。来源：某某农业网")
    assert is_noise("来源：某某农业网 发布时间：2021-05-14")
    assert is_noise("如因版权和其它问题需要同本网联系的，请在文章刊发后15日内进行。联系电话：010-1")


@pytest.mark.parametrize(
    "written,number",
    [("①", 1), ("⑩", 10), ("１２", 12), ("二十三", 23), ("²", None), ("三a", None)],
)
def test_marker_numbers_of_every_script(written, number) -> None:
    # circled and full-width digits number items too; a superscript is no item number (str's
    # isdigit says yes to all three, int() reads only the decimal ones)
    assert cn_number(written) == number


def test_a_circled_item_marker_is_read() -> None:
    marker, rest = parse_marker("③加强网络销售监测。")
    assert (marker.style, marker.number, rest) == ("circled", 3, "加强网络销售监测。")
