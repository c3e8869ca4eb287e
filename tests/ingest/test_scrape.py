"""Scraped-page debris removed before extraction, with the offset map kept exact.
Texts written for these tests; none is copied from a document."""

from __future__ import annotations

import pytest
from policykg.ingest.normalize import NormalizedText, normalize
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


def test_garbled_characters_are_removed_and_counted():
    result = norm("省药监局锟斤拷负责\ufffd\ufffd疫苗监管。")
    assert result.text == "省药监局负责疫苗监管。"
    _maps_back(result, "负责疫苗监管。")
    assert any("garbled" in w for w in result.warnings)


def test_clean_text_is_untouched():
    text = "一、总体要求\n（一）目标。到2025年，药品抽检合格率达到99%以上。"
    result = norm(text)
    assert result.text == text
    assert not any("cleaned" in w for w in result.warnings)
