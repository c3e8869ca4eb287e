"""What scrapers and web pages add to a document's text, removed before extraction.

Applied by ingest.normalize on every line, with the character map kept (a removed
character simply has no normalized counterpart; `NormalizedText.to_source` stays exact):

- pinyin glosses injected after characters: 發(fā), 落实（shí）;
- variant characters OpenCC's t2s leaves alone (陜 → 陕, 衞 → 卫 …), one for one;
- garbled characters: U+FFFD, 锟斤拷 and 烫烫烫 runs (mojibake); spaces lost to ? (公? 安? 部);
- page chrome, as whole lines (打印本页, 关闭窗口, 分享到, 版权所有, ICP备, 网站地图 …) or
  cut out of a line that also holds text (【字体：大 中 小】【打印】; a headline and byline
  run into the report's first paragraph);
- commentary lines a news site inserts (【编者按】…, 记者 names, 文/图 credits);
- a headline repeated on the next line (a page's <h1> followed by the same title).

Every kind removed is counted in one warning, so a reader knows the text was cleaned.
The patterns are data: data/patterns/document.yaml.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from policykg.ingest.markup import Mapped
from policykg.ingest.patterns import document_patterns
from policykg.ingest.prefilter import Guarded, guarded

TITLE_MAX = 90


@cache
def _rx(name: str) -> Guarded:
    # guarded: clean_chars and cut_inline scan every line; few hold a gloss or debris
    return guarded(document_patterns()[name])


@cache
def _variants() -> dict[str, str]:
    return dict(document_patterns()["variants"])


def clean_chars(buf: Mapped, stats: Counter[str]) -> Mapped:
    """Pinyin glosses, garbled characters and variant characters of one line."""
    for name in ("pinyin_gloss", "garbled"):
        rx = _rx(name)
        found = sum(len(m.group()) for m in rx.finditer(buf.text))
        if found:
            stats[name] += found
            buf = buf.sub(rx, "")
    if "?" in buf.text and (lost := _rx("lost_spaces")).search(buf.text):
        stats["lost_spaces"] += len(lost.findall(buf.text))
        buf = buf.sub(lost, " ")
    table = _variants()
    if not table.keys().isdisjoint(buf.text):  # some character is a variant (tested in C)
        stats["variant"] += sum(ch in table for ch in buf.text)
        buf = Mapped("".join(table.get(ch, ch) for ch in buf.text), buf.offs)
    return buf


def chrome_kind(text: str) -> str | None:
    """'chrome' or 'commentary' when the whole (normalized) line is one, else None."""
    if _rx("debris_lines").fullmatch(text):
        return "chrome"
    if _rx("commentary_lines").fullmatch(text):
        return "commentary"
    return None


def cut_inline(buf: Mapped, stats: Counter[str]) -> Mapped:
    rx = _rx("debris_inline")
    if rx.search(buf.text):
        stats["chrome"] += len(rx.findall(buf.text))
        buf = buf.sub(rx, "")
    if "来源" in buf.text and (byline := _rx("byline_runin").match(buf.text)):
        stats["chrome"] += 1  # a headline and byline run into the report's first paragraph
        buf = buf[byline.end() :]
    return buf


def repeated_headline(text: str, previous: str | None) -> bool:
    """The same short title-like line twice in a row."""
    return (
        previous is not None
        and text == previous
        and len(text) <= TITLE_MAX
        and not re.search("[。；]", text)
    )


def warning(stats: Counter[str]) -> str | None:
    labels = {
        "pinyin_gloss": "characters of pinyin glosses",
        "garbled": "garbled characters",
        "variant": "variant characters replaced",
        "lost_spaces": "runs of ? read as spaces",
        "chrome": "lines or fragments of page chrome (navigation, share, print, copyright)",
        "commentary": "commentary lines inserted by the publisher",
        "headline": "repeated headlines",
    }
    parts = [f"{stats[k]} {v}" for k, v in labels.items() if stats[k]]
    return "cleaned scraped text: " + "; ".join(parts) if parts else None
