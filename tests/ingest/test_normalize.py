"""Normalization: markup, script, character folding, line contract, scrape repair, offsets."""

from __future__ import annotations

import html
import random
import re
from collections import Counter
from functools import cache
from pathlib import Path

import opencc
import pytest
from policykg.ingest.dropped_text import DUP_MIN_CJK
from policykg.ingest.normalize import NormalizedText, normalize
from policykg.ingest.read import SourceText, read_source

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"
HANZI = re.compile(r"[\u4e00-\u9fff]")
CC = opencc.OpenCC("t2s")


@cache
def seed(prefix: str) -> NormalizedText:
    return normalize(read_source(next(CORPUS.glob(f"{prefix}_*.txt"))))


def norm(text: str, fmt: str = "text") -> NormalizedText:
    return normalize(SourceText(path=f"t.{fmt}", text=text, encoding="utf-8", format=fmt))


def sentences(text: str) -> list[str]:
    out = []
    for line in text.split("\n"):
        if not line.startswith("\t"):
            out += [s for s in re.findall(r"[^。！？；]+[。！？；]?", line) if s.strip()]
    return out


# --- character folding: golden table -------------------------------------------------

FOLDING = [
    ("１２３ＡＢｃ", "123ABc"),
    ("合格率９９．５％以上", "合格率99.5%以上"),
    ("“互联网＋药品流通”", "“互联网+药品流通”"),
    ("1．加快法规制度建设。", "1．加快法规制度建设。"),  # heading dot is not a decimal point
    ("(一)打造协同创新生态", "（一）打造协同创新生态"),
    ("(責任單位:市藥品監管局、市衛生健康委)", "（责任单位：市药品监管局、市卫生健康委）"),
    (
        "各區人民政府,市政府有關委、辦、局,各有關單位:",
        "各区人民政府，市政府有关委、办、局，各有关单位：",
    ),
    ("委托研发生产企业(CDMO),鼓励", "委托研发生产企业（CDMO），鼓励"),
    ("投入1,000万元,用于", "投入1,000万元，用于"),
    ("发布日期:2021-11-10 09:56", "发布日期：2021-11-10 09:56"),
    ("详见http://www.nmpa.gov.cn网站", "详见http://www.nmpa.gov.cn网站"),
    ("see (CAR-T) cells, ok: yes", "see (CAR-T) cells, ok: yes"),
    ("　　一、总体要求　", "一、总体要求"),
    ("名  词  解  释", "名词解释"),
    ("指  标", "指标"),
    ("浙里办 浙政钉", "浙里办 浙政钉"),
    ("数据\u200b共享\ufeff平台", "数据共享平台"),
    ("建设Ȑ数字药监ȑ综合集成平台", "建设数字药监综合集成平台"),
    ("政府 “十四五” 规划", "政府“十四五”规划"),
    ("1. “四个最严”", "1. “四个最严”"),
    ("（1） 约束性指标", "（1）约束性指标"),
    ("安全吗?是的!", "安全吗？是的！"),
    ("各区人民政府 , 市政府 : 各单位", "各区人民政府，市政府：各单位"),
    # a full stop typed half-width between two sentences; decimals and addresses stay
    ("负责指导工作.第五条 乡镇政府负责", "负责指导工作。第五条 乡镇政府负责"),
    ("抽检合格率99.5%，见www.nmpa.gov.cn", "抽检合格率99.5%，见www.nmpa.gov.cn"),
    # a PDF copy: a half-width stop before a bracket; a line break's space inside a bracket
    ("健全追溯制度. (市商务局负责)", "健全追溯制度。（市商务局负责）"),
    ("（市卫生健康委牵头，市农业农 村委配 合）", "（市卫生健康委牵头，市农业农村委配合）"),
    ("第一章 总则", "第一章 总则"),
    # a zero typed as the letter O inside a number; a code keeps its letter
    ("建设1O个示范基地，通过ISO9001认证", "建设10个示范基地，通过ISO9001认证"),
]


@pytest.mark.parametrize(("raw", "expected"), FOLDING, ids=range(len(FOLDING)))
def test_character_folding(raw: str, expected: str):
    result = norm(raw)
    assert result.text == expected
    assert_chars_map_back(result)


# --- line contract -------------------------------------------------------------------

LINES = [
    ("  正文一  \n\n\n\n正文二 \n", "正文一\n\n正文二"),
    (
        "\t序号\n\t指  标\n\t\n\n\n\t1\n\t药品抽检\n（%）\n\n说明",
        "\t序号\n\t指标\n\t\n\n\t1\n\t药品抽检\n（%）\n\n说明",
    ),
    ("\t  单元格  \n", "\t单元格"),
    ("\t第一列\t第二段\n", "\t第一列 第二段"),  # only a leading TAB marks a cell
    ("\r\n一、总体要求\r\n（一）指导思想\r\n", "一、总体要求\n（一）指导思想"),
    (
        "[bookmark: _Toc73266729]一、发展背景\n[bookmark: _Hlk1][bookmark: _Toc2]（一）成效",
        "一、发展背景\n（一）成效",
    ),
]


@pytest.mark.parametrize(("raw", "expected"), LINES, ids=range(len(LINES)))
def test_line_contract(raw: str, expected: str):
    result = norm(raw)
    assert result.text == expected
    assert all(line == line.rstrip(" ") for line in result.text.split("\n"))
    assert_chars_map_back(result)


# --- script ----------------------------------------------------------------------------


def test_traditional_seed_is_converted():
    result = seed("002")
    assert result.script == "traditional"
    assert "上海市人民政府办公厅" in result.text
    assert "（责任单位：市药品监管局、市卫生健康委" in result.text
    assert "（一）打造协同创新生态。" in result.text
    assert "(" not in result.text and "," not in result.text and ":" not in result.text
    assert "藥" not in result.text and "監" not in result.text
    assert any(w.startswith("converted Traditional") for w in result.warnings)


@pytest.mark.parametrize("prefix", ["000", "001", "003", "004"])
def test_simplified_seeds_stay_simplified(prefix: str):
    assert seed(prefix).script == "simplified"


def test_a_few_traditional_characters_do_not_make_a_text_traditional():
    result = norm(
        "上海市人民政府辦公廳关于加强药品监管能力建设的实施意见，现印发给你们，请认真执行。"
    )
    assert result.script == "simplified"
    assert "上海市人民政府办公厅" in result.text


# --- HTML and Markdown -------------------------------------------------------------------


def test_html_seed_is_stripped():
    result = seed("001")
    assert result.source.format == "html"
    assert (
        result.front_matter["title"] == "上海：推进生物医药产业数字化转型 强化全生命周期数字化监管"
    )
    assert result.front_matter["author"] == "新浪财经"
    assert "date" in result.front_matter
    assert not re.search(r"</?[a-zA-Z][^>]*>", result.text)
    for junk in ("cms-style", "appendQr", "---", "headimg", "&#", "&nbsp;", "\u3000"):
        assert junk not in result.text
    lines = result.text.split("\n")
    assert "沪府办发〔2022〕9号" in lines
    assert "一、总体要求" in lines
    assert "（一）加强法规标准能力建设" in lines
    assert "1．加快法规制度建设。" in result.text
    assert "（责任部门：市药品监管局、市司法局）" in result.text
    # the news lead quotes items 14 and 15; the body keeps them whole
    item14 = next(line for line in lines if line.startswith("14．"))
    assert "推进新一代信息技术与生物医药产业深度融合" in item14
    assert "（责任部门：" in item14
    assert result.text.count("推进新一代信息技术与生物医药产业深度融合") == 1


def test_html_blocks_tables_and_entities():
    page = (
        "<html><head><title>标题</title><style>p{color:red}</style></head><body>"
        "<h1>关于印发&lt;方案&gt;的通知</h1><p>　　一、总体要求&nbsp;</p><!-- 注释 -->"
        "<p>第一段<br>第二行</p><script>var x = '<p>no</p>';</script>"
        "<table><tr><th>序号</th><th><p>指标</p></th><th></th></tr>"
        "<tr><td>1</td><td>抽检合格率<br>（%）</td><td>99.5</td></tr></table>"
        "<ul><li>甲项</li><li>乙项</li></ul></body></html>"
    )
    result = norm(page, "html")
    assert result.text == (
        "关于印发<方案>的通知\n一、总体要求\n第一段\n第二行\n"
        "\t序号\n\t指标\n\t\n\n\t1\n\t抽检合格率\n（%）\n\t99.5\n\n甲项\n乙项"
    )
    s, e = result.to_source(result.text.index("<方案>"), result.text.index("<方案>") + 4)
    assert page[s:e] == "&lt;方案&gt;"


def test_markdown():
    doc = (
        "---\ntitle: 测试文件\ndate: 2024-01-02\n---\n# 一、总体要求\n\n"
        "**加强**药品监管，见[通知](http://x.cn)。*重点*任务：`追溯`\n- 列表项\n> 引用\n\n"
        "| 序号 | 指标 |\n|:--|--:|\n| 1 | 药品 |\n"
    )
    result = norm(doc, "markdown")
    assert result.front_matter == {"title": "测试文件", "date": "2024-01-02"}
    assert result.text == (
        "一、总体要求\n\n加强药品监管，见通知。重点任务：追溯\n列表项\n引用\n\n\t序号\n\t指标\n\n\t1\n\t药品"
    )
    assert_chars_map_back(result)


def test_front_matter_only_at_the_start_and_only_yaml_mappings():
    assert norm("正文\n---\ntitle: x\n---\n").front_matter == {}
    assert norm("---\n仅仅是分隔线\n---\n正文").front_matter == {}


# --- tables (seed 000) -----------------------------------------------------------------


def test_tab_cells_preserved():
    result = seed("000")
    source_cells = [line for line in result.source.text.split("\n") if line.startswith("\t")]
    cells = [line for line in result.text.split("\n") if line.startswith("\t")]
    assert len(cells) == len(source_cells) > 100
    assert "\t序号\n\t指标名称\n\t指标要求\n\t责任部门\n\t时间节点\n\n\t1\n" in result.text
    assert "\t100%" in cells
    assert not re.search(r"\n{3,}", result.text)
    assert not result.warnings


# --- run-on scraped text and duplicates (seed 004) ----------------------------------------


def test_run_on_inline_headings_get_their_own_lines():
    lines = seed("004").text.split("\n")
    for heading in ("一、现状与形势", "（三）主要目标。", "二、指导思想、基本原则和主要目标"):
        assert heading in lines
    for start in (
        "专栏2监管体系建设工程",
        "（一）“十三五”时期药品安全工作主要成效。",
        "3．监督检查协同。",
    ):
        assert any(line.startswith(start) for line in lines), start
    inline = re.compile(r"[。；！？]([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|专栏\d)")
    assert not [line for line in lines if inline.search(line)]


def test_run_on_items_cut_where_spaces_stand_before_the_marker():
    # a law database's page: the items of a work plan on one line, a space after each full stop
    items = "".join(
        f"{n}、加强第{n}项食品安全工作，落实属地管理责任，完善日常监督检查制度。 此项工作由县市场监管局负责。 "
        for n in range(1, 9)
    )
    text = normalize(SourceText(path="t.txt", text=items, encoding="utf-8", format="text")).text
    lines = text.split("\n")
    assert [ln[:2] for ln in lines if ln] == [f"{n}、" for n in range(1, 9)]


def test_run_on_scrape_duplicates_removed():
    result = seed("004")
    long = Counter(s for s in sentences(result.text) if len(HANZI.findall(s)) >= DUP_MIN_CJK)
    assert [s for s, n in long.items() if n > 1] == []
    # every long sentence of the source survives (possibly cut by a heading line break)
    folded = squash(result.text)
    for sentence in sentences(result.source.text):
        assert squash(sentence) in folded, sentence
    (warning,) = [w for w in result.warnings if "duplicated sentences" in w]
    removed = int(re.search(r"removed (\d+) duplicated sentences", warning).group(1))
    assert removed >= 80
    assert len(result.text) < 0.8 * len(result.source.text)
    # duplicated headings went with their chunk
    assert result.text.count("（二）基本原则。") == 1


def test_short_legitimate_repeats_are_kept():
    duty = "（责任单位：市药品监管局）"
    para = "加强疫苗全链条追溯监管，推进疫苗生产企业落实质量安全主体责任，实现全程可追溯。"
    doc = "\n".join(
        [
            "一、总体要求",  # table-of-contents entry and heading
            "二、主要任务",
            "一、总体要求",
            f"（一）加强监管。推进检查。{duty}",
            f"（二）完善制度。健全机制。{duty}",
            "二、主要任务",
            f"\t{para}",
            f"\t{para}",
            f"{para}{duty}",
        ]
    )
    result = norm(doc)
    assert result.text.count(duty) == 3
    assert result.text.count("一、总体要求") == 2
    assert result.text.count(para) == 3  # two cells and one paragraph
    assert not any("duplicated" in w for w in result.warnings)


def test_repeated_long_sentence_and_its_chunk_are_removed():
    a = "严格落实药品安全党政同责，健全药品安全责任体系，压实企业主体责任。"
    b = "加强监管。"
    c = "完善省市县三级药品监管机构设置，充实基层监管执法力量，提升监管效能。"
    doc = f"第一段开头。{a}{b}{c}\n第二段开头。{b}{c}结尾的句子在这里。"
    result = norm(doc)
    assert result.text == f"第一段开头。{a}{b}{c}\n第二段开头。结尾的句子在这里。"
    assert "removed 2 duplicated sentences" in result.warnings[0]


def test_a_teaser_cut_off_mid_sentence_is_completed_by_the_full_copy():
    a = "为推动落实药品安全责任，市局召开了全市药品安全工作调度会议，安排部署近期重点工作。"
    b = "会议强调，各单位要进一步提高政治站位，充分认识药品安全工作的重要性；"
    rest = "各级药品监管部门要强化属地监管责任，督促企业落实主体责任。"
    doc = f"{a}\n{b}各\n{a}\n{b}{rest}"
    result = norm(doc)
    assert result.text == f"{a}\n{b}{rest}"
    assert "各各级" not in result.text
    start = result.text.index(rest)
    assert result.to_source(start, start + len(rest)) == (doc.rindex(rest), len(doc))


# --- diagram debris (seed 003) --------------------------------------------------------------


def test_diagram_debris_dropped_structure_kept():
    result = seed("003")
    lines = result.text.split("\n")
    for debris in ("非现", "场智", "控", "政务外网", "核心", "光财"):
        assert debris not in lines
    assert not re.search(r"[\u0100-\u02af]", result.text)
    assert "[bookmark" not in result.text
    (warning,) = [w for w in result.warnings if "diagram debris" in w]
    assert int(re.search(r"dropped (\d+) lines", warning).group(1)) >= 30
    # headings, table cells (with their continuation lines) and the last real paragraph stay
    for heading in ("一、发展背景", "（一）指导思想", "附件3", "名词解释"):
        assert heading in lines
    assert "\t药品重点产品追溯落实率" in lines
    assert "\t重\n大\n改\n革\n\t1\n" in result.text
    assert lines[-1].startswith("20. “新老浙八味”：浙江地区道地药材")


def test_short_legitimate_lines_are_not_debris():
    doc = "\n".join(
        ["上海市人民政府办公厅", "2025年10月23日", "", "目录", "一、总体要求", "二、主要任务"]
        + ["三、保障措施", "附件1", "附件2", "联系人", "张三", "李四"]
    )
    assert norm(doc).text == doc.replace("\n\n", "\n\n")


def test_fragment_runs_are_debris():
    doc = "正文第一段。\n" + "\n".join(["非现", "场智", "控", "", "药品", "安全", "公众", "健康"])
    result = norm(doc)
    assert result.text == "正文第一段。"
    assert any("dropped 7 lines of diagram debris" in w for w in result.warnings)


# --- offsets ------------------------------------------------------------------------------


def squash(text: str) -> str:
    """What normalization does to characters, minus line/space layout."""
    text = CC.convert(text)
    text = text.translate({c: c - 0xFEE0 for c in range(0xFF10, 0xFF5B) if chr(c).isalnum()})
    text = text.translate(str.maketrans("％＋＞＜／．()，,:;!?", "%+></.（）,,：；！？"))
    text = text.replace(".", "。")  # (a half-width full stop between sentences becomes 。)
    text = re.sub(r"^[Oo]$", "0", text)  # (a zero typed as the letter O inside a number)
    return re.sub(r"[\s\u3000\u200b\ufeff]", "", text).replace("，", ",")


def assert_chars_map_back(result: NormalizedText) -> None:
    src = result.source.text
    offs = result.offsets
    assert len(offs) == len(result.text) + 1
    assert all(0 <= a <= b <= len(src) for a, b in zip(offs, offs[1:], strict=False))
    if result.source.format != "text":
        return
    for i, ch in enumerate(result.text):
        if ch not in "\n\t ":
            s, e = result.to_source(i, i + 1)
            assert squash(src[s:e]) == squash(ch), (i, ch, src[s:e])


@pytest.mark.parametrize("prefix", ["000", "002", "003", "004"])
def test_offsets_plain_text_seeds(prefix: str):
    result = seed(prefix)
    assert_chars_map_back(result)
    src = result.source.text
    # sentence spans: the source slice, converted and folded, is the normalized sentence
    spans = [m.span() for m in re.finditer(r"[^。；\n]+[。；]?", result.text)]
    rng = random.Random(prefix)
    spans += [(a, a + rng.randint(1, 15)) for a in rng.sample(range(len(result.text) - 20), 300)]
    checked = 0
    for start, end in spans:
        piece = result.text[start:end]
        if "\n" in piece:
            continue
        s, e = result.to_source(start, end)
        # a span may straddle text dropped in between (a duplicate, an artefact)
        if e - s > 3 * len(piece) + 40:
            continue
        raw = re.sub(r"\[bookmark:[^\]]*\]", "", src[s:e])
        assert squash(raw) == squash(piece), (start, end, piece, src[s:e])
        checked += 1
    assert checked > 200


def test_offsets_html_seed_point_into_the_element_text():
    result = seed("001")
    src = result.source.text
    assert_chars_map_back(result)
    lines = result.text.split("\n")
    pos = 0
    for line in lines:
        s, e = result.to_source(pos, pos + len(line))
        pos += len(line) + 1
        if not line:
            continue
        element_text = html.unescape(re.sub(r"<[^>]*>", "", src[s:e]))
        assert squash(element_text) == squash(line) or "duplicated" in str(result.warnings)
        # the span starts right after an opening tag (and its indentation), inside the element
        before = src[:s].rstrip(" \u3000\n")
        assert before.endswith(">"), line
    item = "（一）加强法规标准能力建设"
    s, e = result.to_source(result.text.index(item), result.text.index(item) + len(item))
    assert src[s:e] == item
    assert src[e : e + 4] == "</p>"
    one = "1．加快法规制度建设。"
    s, e = result.to_source(result.text.index(one), result.text.index(one) + len(one))
    assert src[s:e] == one


def test_to_source_rejects_spans_outside_the_text():
    result = norm("一、总体要求")
    assert result.to_source(0, 0) == (0, 0)
    assert result.to_source(0, len(result.text)) == (0, len("一、总体要求"))
    with pytest.raises(ValueError):
        result.to_source(0, len(result.text) + 1)


@pytest.mark.parametrize("prefix", ["000", "002", "003", "004"])
def test_normalizing_twice_changes_nothing(prefix: str):
    once = seed(prefix).text
    assert norm(once).text == once
