"""What the head of an official document looks like (GB/T 9704-2012): where the head ends,
what a title line is (发文机关 + 关于 + 事由 + 文种, never a sentence, a breadcrumb or a number
line), its 文种, and the 主送机关 that closes it. Shared by ingest/metadata.py,
ingest/issuers.py and ingest/reports.py.
"""

from __future__ import annotations

import re
from functools import cache

from policykg.ingest import docnumber
from policykg.ingest.patterns import document_patterns
from policykg.ingest.prefilter import Guarded, guarded
from policykg.ingest.province import first_province, is_national_issuer

HEADER_CHARS = 3000  # metadata sits in the first lines; the body cites other documents
HEAD_LINES = 40
_BODY_START = re.compile(
    r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章条节]|（一）|1[．.、])"
)
_NEWS_LINE = re.compile(r"^(?:当前位置|首页|来源|作者|责任编辑|编辑|浏览次数|点击)|[>＞»]")


@cache
def rx(name: str) -> Guarded:
    # guarded: the head's rules open with lazy runs ((?P<who>…{2,64}?)印发《…) that the engine
    # tries at every start of every head line; a line without their literals skips them
    return guarded(document_patterns()[name])


def kinds() -> list[str]:
    return document_patterns()["kinds"]


def head_lines(text: str) -> list[str]:
    lines = [ln.strip() for ln in text[:HEADER_CHARS].split("\n") if ln.strip()]
    return lines[:HEAD_LINES]


# Documents cited one after the other (根据《A》；《B》，… / 根据《A》；B印发《C》): what a text
# cites, not what it is or reports (ingest/reports.py, ingest/titles.py)
CITED_CHAIN = re.compile(
    r"(?:按照|根据|依据|依照|遵照|贯彻落实|贯彻|落实)(?:[\s；;、，,和及与]*《[^《》]{2,80}》)+[\s；;、，,和及与]*"
)


def head_zone(lines: list[str]) -> int:
    """Lines before the body: the first numbered heading ends the head."""
    return next((i for i, ln in enumerate(lines) if _BODY_START.match(ln)), len(lines))


def full_title(title: str) -> bool:
    """A title written out (关于…, or naming its province or a central body first), not the
    short name a notice gives the text it publishes (制定了《实施方案》)."""
    return (
        title.startswith("关于")
        or bool(re.match(r"(?:19|20)\d{2}\s*年", title))
        or bool(first_province(title[:8]) or is_national_issuer(title[:6].split("关于")[0]))
    )


def cited(line: str, at: int) -> bool:
    """Inside 《…》 that a sentence goes on after: a document the text cites (《X关于印发…的
    通知》（X发〔2013〕24号）下发后…), never the document's own title."""
    left = line[:at]
    if left.count("《") <= left.count("》"):
        return False
    close = line.find("》", at)
    return close >= 0 and bool(line[close + 1 :].strip())


_SECTION_NUMBER = re.compile(r"^\s*\d{1,2}(?:[.．]\d{1,2})+(?![\d.．])")
_ITEM_NUMBER = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[、.．](?!\d)")


_SETS_UP = re.compile(r"建立|出台|印发|制定|实行|推行|启动")


def title_like(line: str) -> bool:
    if len(line) > 90 or "。" in line or line.startswith(("—", "（", "(", "为", "根据")):
        return False
    if re.match(r"[-–]?\s*[·•]", line):
        return False  # - ·X方案: an item of a page's list of related links, not the title
    if re.search(r"https?://|www\.|\.(?:com|cn|net)\b", line):
        return False  # a page's address line (官网：http://…/主要职责), not a title
    if _SECTION_NUMBER.match(line) or _ITEM_NUMBER.match(line):
        return False  # 2.1.3 指挥部职责, 1、开展…: a numbered heading or item, not a title
    # a title nested in a title is bracketed <…> on web pages; a lone > is a breadcrumb
    if _NEWS_LINE.search(
        re.sub(r"<[\u4e00-\u9fff][^<>]{0,60}>", "", line)
    ) or docnumber.NUMBER.search(line):
        return False
    core = re.sub(r"（[^（）]*）$", "", line.strip("《》"))
    kind = next((k for k in kinds() if core.endswith(k)), None)
    if kind is None or 0 < len(core) - len(kind) <= 2:
        return False  # (主要职责, 工作要点 alone: a section's heading, no policy's title)
    if kind in document_patterns()["kinds_with_subject"]:
        return core.endswith("的" + kind)  # 关于…的公示; a bare …成果公示 is a link or a menu
    # (某省建立…联席会议制度: a news headline; the rule's own title names no act)
    return not (kind.endswith("制度") and _SETS_UP.search(core))


def find_kind(title: str | None) -> str | None:
    if not title:
        return None
    core = re.sub(r"（[^（）]*）$", "", title.rstrip("》"))
    return next((k for k in kinds() if core.endswith(k)), None)


def find_addressee(lines: list[str]) -> str | None:
    for line in lines[: head_zone(lines)]:
        if m := rx("addressee").match(line):
            return m["to"]
    return None
