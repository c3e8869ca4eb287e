"""Scraped run-on lines (a whole section on one line) split where an inline heading opens
(…。（二）…, …工作方案一、总体要求…), and a short heading run into its sub-heading split off.
Read by normalize.py after debris is dropped; separate because it is the one step that cuts
lines rather than joining or dropping them. Its heading markers and sentence ends are also
read by dropped_text.
"""

from __future__ import annotations

import re

from policykg.ingest.line_contract import Line

SENT_END = "。；！？"
_CLOSERS = "）〕】」』"
_NUM = "一二三四五六七八九十百零〇"
# A heading/list marker at the start of a piece of text.
MARKER = (
    rf"(?:[{_NUM}]+、(?![{_NUM}]+[、级])|（[{_NUM}]+）|（\d{{1,2}}）|\d{{1,2}}(?:[．.](?![\d．.])|、(?!\d))"
    rf"|专栏\s?\d{{1,2}}|附件\s?(?:\d{{1,2}}|[：:])|第[{_NUM}\d]+[章节条部])"
)
# (also a title run into its first heading, the 文种 word then 一、: …工作方案一、总体要求…)
# (spaces a page left between the sentence end and the marker go with the cut: …协办。 6、…)
_INLINE_HEADING = re.compile(
    rf"(?<=[{SENT_END}{_CLOSERS}])[ \t\u3000]*(?={MARKER})"
    r"|(?<=方案|意见|通知|办法|规划|计划|细则|要点|规定)(?=一、)"
)
_HEADING_CHAIN = re.compile(
    rf"^{MARKER}[^{SENT_END}，,：:\s]{{1,30}}?(?=（[{_NUM}]+）|\d{{1,2}}[．.]|第[{_NUM}\d]+条)"
)

RUN_ON_MIN = 300  # a line this long holding several sentences is scraped run-on text


def split_run_on(lines: list[Line]) -> list[Line]:
    """Put inline headings of scraped run-on lines on lines of their own."""
    out: list[Line] = []
    for line in lines:
        if line.kind != "text" or len(line.text) < RUN_ON_MIN:
            out.append(line)
            continue
        found = [m for m in _INLINE_HEADING.finditer(line.text) if m.start() > 0]
        starts = [0, *[m.end() for m in found]]
        for s, e in zip(starts, [*[m.start() for m in found], len(line.text)], strict=True):
            piece = Line(line.text[s:e], line.offs[s:e])
            # "一、现状与形势（一）“十三五”时期…": a short heading directly followed by a sub-heading
            # (a rule's chapter by its first article: 第五章监督检查第三十五条…).
            while m := _HEADING_CHAIN.match(piece.text):
                out.append(Line(piece.text[: m.end()], piece.offs[: m.end()]))
                piece = Line(piece.text[m.end() :], piece.offs[m.end() :])
            out.append(piece)
    return out
