"""Scraped-page debris removed before extraction, with the offset map kept exact.
Texts written for these tests; none is copied from a document."""

from __future__ import annotations

import pytest
from policykg.ingest.normalize import NormalizedText, normalize
from policykg.ingest.pipeline import extract_file
from policykg.ingest.read import SourceText


def norm(text: str, fmt: str = "text") -> NormalizedText:
    return normalize(SourceText(path=f"t.{fmt}", text=text, encoding="utf-8", format=fmt))


def _maps_back(result: NormalizedText, piece: str) -> None:
    """Every character of `piece` in the normalized text maps to itself in the source."""
    start = result.text.index(piece)
    for i in range(start, start + len(piece)):
        s, e = result.to_source(i, i + 1)
        assert result.source.text[s:e] in (result.text[i], {"．": "."}.get(result.text[i], "")), i


@pytest.mark.parametrize(
    "written,clean",
    [
        ("各地要抓紧落实（shí）疫苗储存要求。", "各地要抓紧落实疫苗储存要求。"),
        ("省药监局负责发(fā)放许可证。", "省药监局负责发放许可证。"),
        ("银行(háng)业机构参与医保结算。", "银行业机构参与医保结算。"),
        ("推进药品追溯(UDI)体系建设。", "推进药品追溯（UDI）体系建设。"),  # not pinyin
        (
            "市发展改革委员会(huì )负责价格监测。",
            "市发展改革委员会负责价格监测。",
        ),  # a space inside
        ("县局将于（yu）年底前完成检查。", "县局将于年底前完成检查。"),  # the tone dropped
        ("加强进口药品(drug)安全监管。", "加强进口药品（drug）安全监管。"),  # an English word stays
    ],
)
def test_pinyin_glosses_are_removed(written, clean):
    result = norm(written)
    assert result.text == clean
    _maps_back(result, clean[:6])


def test_variant_characters_become_standard():
    result = norm("陜西省药品监督管理局加强衞生监管。")
    assert result.text == "陕西省药品监督管理局加强卫生监管。"
    s, e = result.to_source(0, 1)
    assert result.source.text[s:e] == "陜"


def test_page_chrome_and_commentary_are_dropped():
    page = "\n".join(
        [
            "首页 > 政务公开 > 政策文件",
            "关于加强药品网络销售监管的通知",
            "关于加强药品网络销售监管的通知",
            "发布时间：2024-05-06 【字体：大 中 小】【打印】",
            "【编者按】本文件出台后引起业内广泛关注。",
            "各市药品监督管理局：",
            "为规范药品网络销售行为，现就有关事项通知如下。",
            "分享到：微信 微博",
            "打印本页",
            "关闭窗口",
            "版权所有：某省药品监督管理局",
            "备案号：某ICP备00000000号",
            "网站地图",
        ]
    )
    result = norm(page)
    assert result.text.count("关于加强药品网络销售监管的通知") == 1
    for gone in ("字体", "打印", "编者按", "分享到", "关闭窗口", "版权所有", "ICP备", "网站地图"):
        assert gone not in result.text, gone
    assert "发布时间：2024-05-06" in result.text
    assert "为规范药品网络销售行为，现就有关事项通知如下。" in result.text
    _maps_back(result, "为规范药品网络销售行为")
    assert any("page chrome" in w and "commentary" in w for w in result.warnings)


def test_a_news_portals_channel_bar_is_chrome():
    """要闻国际港澳台财经…: six channel names or more run together are the portal's bar, and
    their place names (港澳台) are no clue to the story."""
    page = "\n".join(
        [
            "要闻国际港澳台财经金融体育娱乐教育旅游",
            "首页 | 新闻 | 政务 | 民生 | 教育 | 视频",
            "某县开展药店专项检查",
            "近日，某县市场监管局对辖区药店开展专项检查。",
        ]
    )
    result = norm(page)
    assert "港澳台" not in result.text and "政务" not in result.text
    assert "近日，某县市场监管局对辖区药店开展专项检查。" in result.text
    _maps_back(result, "近日，某县市场监管局")


def test_garbled_characters_are_removed_and_counted():
    result = norm("省药监局锟斤拷负责\ufffd\ufffd疫苗监管。")
    assert result.text == "省药监局负责疫苗监管。"
    _maps_back(result, "负责疫苗监管。")
    assert any("garbled" in w for w in result.warnings)


def test_a_sharing_sites_watermark_and_a_title_run_into_its_first_heading():
    """A document-sharing site's page-break watermark (its page number, 下载后可任意编辑) is cut
    out of the word it split; a title run into its first heading (…工作方案一、…) is cut
    before the heading on a run-on line."""
    body = "各县要加强生猪屠宰环节监管，落实检疫检验制度。" * 12
    text = (
        "下载后可任意编辑某市生猪屠宰专项整治工作方案一、总体要求"
        + body
        + "二、工作措施各乡镇要配合集2下载后可任意编辑中检查。"
    )
    result = norm(text)
    assert "下载后可任意编辑" not in result.text and "集中检查" in result.text
    assert result.text.startswith("某市生猪屠宰专项整治工作方案\n一、总体要求")
    _maps_back(result, "集中检查。")


def test_clean_text_is_untouched():
    text = "一、总体要求\n（一）目标。到2025年，药品抽检合格率达到99%以上。"
    result = norm(text)
    assert result.text == text
    assert not any("cleaned" in w for w in result.warnings)


PAGE = """<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>某省药品监督管理局关于开展疫苗质量专项检查的通知_通知公告</title></head>
<body>
<div class="topbar">欢迎访问 <a href="/">首页</a></div>
<ul class="nav"><li>首页</li><li>政务公开</li></ul>
<div class="breadcrumb">当前位置：首页 &gt; 通知公告</div>
<div class="side-list"><h3>相关文件</h3><p>关于开展药品检查的通知（湘药监发〔2019〕3号）</p></div>
<div id="zoom" class="TRS_Editor">
<h1>湖南省药品监督管理局关于开展疫苗质量专项检查的通知</h1>
<p>湘药监发〔2023〕12号</p>
<p>各市州市场监督管理局：</p>
<p>为加强疫苗质量监管，决定开展专项检查。镕喆两字为GBK字符。</p>
<p>湖南省药品监督管理局</p><p>2023年4月7日</p>
<div class="bdsharebuttonbox"><a>分享到微信</a></div>
</div>
<footer><p>版权所有 湖南省药品监督管理局</p></footer>
<div class="footer-copyright">地址：长沙市 电话：0731-00000000</div>
</body></html>"""


def test_gb2312_page_declared_in_meta_is_read_as_gb18030(tmp_path):
    from policykg.ingest.metadata import extract_metadata
    from policykg.ingest.read import read_source

    page = tmp_path / "page.html"
    page.write_bytes(PAGE.encode("gb18030"))  # 镕 and 喆 exist in GBK, not in GB2312
    src = read_source(page)
    assert src.encoding == "gb18030"
    result = normalize(src)
    assert "镕喆两字为GBK字符" in result.text
    for chrome in (
        "欢迎访问",
        "当前位置",
        "政务公开",
        "相关文件",
        "湘药监发〔2019〕3号",
        "分享到",
        "版权所有",
        "电话",
    ):
        assert chrome not in result.text, chrome
    meta = extract_metadata(result.text, result.front_matter, str(page))
    assert meta.doc_number == "湘药监发〔2023〕12号"
    assert meta.province.name == "湖南省"
    assert (meta.issuer, meta.issued_date) == ("湖南省药品监督管理局", "2023-04-07")
    start = result.text.index("为加强疫苗质量监管")
    s, e = result.to_source(start, start + 9)
    assert src.text[s:e] == "为加强疫苗质量监管"


def test_a_forums_chrome_is_dropped():
    page = "\n".join(
        [
            "县食品药品安全委员会成立",
            "发表于 2015-06-02 10:21:33",
            "只看该作者",
            "据悉，各乡镇成立食品药品安全委员会。",
            "您需要登录后才可以回帖 登录 | 免费注册",
            "本版积分规则",
            "返回列表",
        ]
    )
    text = norm(page).text
    for gone in ("发表于", "只看该作者", "回帖", "积分规则", "返回列表"):
        assert gone not in text, gone
    assert "据悉，各乡镇成立食品药品安全委员会。" in text


def test_a_headline_and_byline_run_into_the_report_are_cut_from_it(tmp_path):
    # a news page whose headline, byline and first paragraph a scrape put on one line: the
    # report's sentences are read (a paragraph holding 来源： is chrome as a whole)
    line = (
        "消息来源：某某新闻网 多措并举守护舌尖安全 2023年5月6日 10:20:31 来源：某某日报 记者 王小明 "
        "编辑：李华 会议指出，各地要压实包保责任，确保年底前实现包保全覆盖。"
    )
    result = norm(line)
    assert result.text.startswith("会议指出，各地要压实包保责任")
    _maps_back(result, "各地要压实包保责任")
    path = tmp_path / "news.txt"
    path.write_text(line + "\n", encoding="utf-8")
    measures = extract_file(path).measures
    assert [[(d.mention, d.role) for d in m.departments] for m in measures] == [
        [("各地", "responsible")]
    ]
    # a byline line alone stays a byline: nothing follows it to read
    alone = norm("来源：某某日报 记者 王小明 编辑：李华\n各地要压实包保责任。")
    assert "来源：某某日报" in alone.text
