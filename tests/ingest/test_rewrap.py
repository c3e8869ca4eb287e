"""Fixed-width text (hard line breaks inside sentences and names) is joined back into
paragraphs, with the offset map kept. The text was written for the test."""

from __future__ import annotations

from policykg.ingest.normalize import normalize
from policykg.ingest.pipeline import extract_file
from policykg.ingest.read import read_source

# written for this test: a notice broken every 24 characters, as a fixed-width export is
PARAGRAPH = (
    "一、区人民政府统筹全区疫苗安全工作，各街道办事处落实属地管理责任。"
    "区疫苗管理委员会主任由常务副区长兼任，副主任由区市场监督管理局局长兼任，"
    "办公室设区市场监督管理局。区卫生健康局、区公安分局、区教育局按职责分工负责本行业"
    "的疫苗安全工作，并定期向区疫苗管理委员会报告工作情况。"
)
WIDTH = 24
WRAPPED = "\n".join(PARAGRAPH[i : i + WIDTH] for i in range(0, len(PARAGRAPH), WIDTH))
NOTICE = "关于调整区疫苗管理委员会的通知\n\n" + WRAPPED + "\n二、其他事项另行通知。\n"


def test_wrapped_lines_are_one_paragraph_and_map_to_the_source(tmp_path):
    path = tmp_path / "wrapped.txt"
    path.write_text(NOTICE, encoding="utf-8")
    norm = normalize(read_source(path))
    assert PARAGRAPH in norm.text
    assert "\n二、其他事项另行通知。" in norm.text  # a numbered item keeps its line
    start = norm.text.index("区市场监督管理局")
    a, b = norm.to_source(start, start + len("区市场监督管理局"))
    assert NOTICE[a:b].replace("\n", "") == "区市场监督管理局"


def test_a_body_broken_over_two_lines_gets_its_role(tmp_path):
    path = tmp_path / "wrapped.txt"
    path.write_text(NOTICE, encoding="utf-8")
    roles = {(d.mention, d.role) for m in extract_file(path).measures for d in m.departments}
    assert {
        ("区人民政府", "responsible"),
        ("区市场监督管理局", "lead"),
        ("区公安分局", "responsible"),
    } <= roles


def test_ordinary_short_lines_stay_apart(tmp_path):
    text = "关于开展检查的通知\n\n各县市场监管局：\n现将有关事项通知如下。\n请认真落实。\n"
    path = tmp_path / "short.txt"
    path.write_text(text, encoding="utf-8")
    assert normalize(read_source(path)).text.count("\n") >= 4


def test_a_sentence_broken_once_by_a_reprint_is_joined(tmp_path):
    # a forum copy breaks one line inside a sentence (…、派出所 / 所长某某为副组长，…); a
    # heading line and a numbered item after a full sentence stay apart
    text = (
        "某某镇药品安全工作计划\n"
        "镇政府成立由镇长某某为组长，镇武装部部长王某、派出所\n"
        "所长何某为副组长，党政办、卫生院为成员的领导小组，领导小组办公室设在党政办。\n"
        "二、明确职责\n"
    )
    path = tmp_path / "forum.txt"
    path.write_text(text, encoding="utf-8")
    norm = normalize(read_source(path))
    assert "派出所所长何某为副组长" in norm.text
    assert "\n二、明确职责" in norm.text
    assert norm.text.startswith("某某镇药品安全工作计划\n")


def test_an_attachment_note_and_a_date_of_one_width_stay_lines(tmp_path):
    # written for this test: the titles of an attachment note share one width, as wrapped
    # text does; each is a line of its own, and so is the 成文日期 under them
    titles = [f"某某市药品安全专项整治工作方案附表{n}检查情况汇总表" for n in "一二三四五"]
    text = (
        "附件：" + "\n".join(titles) + "\n二〇二七年三月一日\n附件下载：" + "\n".join(titles) + "\n"
    )
    path = tmp_path / "note.txt"
    path.write_text(text, encoding="utf-8")
    lines = normalize(read_source(path)).text.split("\n")
    assert "二〇二七年三月一日" in lines
    assert titles[1] in lines and sum(line.endswith(titles[4]) for line in lines) == 2
    assert not extract_file(path).measures


def test_a_trailing_bracket_broken_inside_a_name_is_joined(tmp_path):
    # a reprint breaks a line inside the item's bracket of bodies (…（责任单位：县市场监督管 /
    # 理局、县卫生健康局）); the next item stays apart
    path = tmp_path / "plan.txt"
    path.write_text(
        "某某县药品安全工作方案\n一、重点任务\n"
        "（一）加强疫苗监管。严格疫苗储存运输管理。（责任单位：县市场监督管\n"
        "理局、县卫生健康局）\n"
        "（二）加强药店监管。开展零售药店检查。（责任单位：县市场监管局）\n",
        encoding="utf-8",
    )
    found = [[d.mention for d in m.departments] for m in extract_file(path).measures]
    assert found == [["县市场监督管理局", "县卫生健康局"], ["县市场监管局"]]
