"""The policy's title, as GB/T 9704-2012 lays an official document out (§7.3.3: 发文机关 +
关于 + 事由 + 文种, over the 主送机关), and a catalogue line that runs title and number
together (Entry). ingest/metadata.py composes them with the number, issuers and dates.

Title rule: a notice that publishes its issuer's text (关于印发《X》的通知) records the
policy's title X — the document number, issuer and date stay the notice's; a notice that
forwards (转发) another body's document keeps its own title. News headlines (front
matter, a page's <title>), index and classification lines and titles of cited documents
are never the title. Conflicting readings keep the better one and add a warning.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from policykg.ingest import docnumber
from policykg.ingest.cndate import find_dates
from policykg.ingest.heads import (
    CITED_CHAIN,
    HEAD_LINES,
    cited,
    full_title,
    head_zone,
    kinds,
    rx,
    title_like,
)
from policykg.ingest.patterns import document_patterns
from policykg.ingest.signature import RunOnSignature, split_issuers
from policykg.ingest.webmeta import PageLabels, unlabelled_title

# --------------------------------------------------------------------------- entry line


@dataclass(frozen=True)
class Entry:
    """A catalogue line: 标题 + 发文字号 (+ 成文日期) run together, as yearbooks, 汇编 and
    law databases list a document (•X关于…的实施意见X政发〔2014〕11号2014年1月21日)."""

    title: str
    number: str
    date: str | None


BULLET = re.compile(r"^[•·●○◆■□▪\-*\s]+")


def find_entry(lines: list[str]) -> Entry | None:
    """The first head line that is a title followed by its number (and date)."""
    for line in lines[: head_zone(lines)][:HEAD_LINES]:
        line = BULLET.sub("", line)
        for m in docnumber.NUMBER.finditer(line):
            agency = docnumber.cut_run_on(m["agency"])
            title = line[: m.start()] + m["agency"][: len(m["agency"]) - len(agency)]
            if not agency or not title or not title_like(title.strip()):
                continue
            rest = line[m.end() :].lstrip(" ，,")
            dates = find_dates(rest[:16])
            date = dates[0].iso if dates and dates[0].start == 0 else None
            return Entry(title.strip(), docnumber.written(m, agency), date)
    return None


# --------------------------------------------------------------------------- title


# Bodies issuing a document cited in a chain (根据《A》；B、C印发《D》): D is cited too.
_CITED_ISSUER = re.compile(CITED_CHAIN.pattern + r"[\u4e00-\u9fff、]{2,40}$")


def _wrapped(line: str) -> str | None:
    if _LISTED_CITATION.match(line):
        return None  # 起草依据 / 5.《某市关于印发X的通知》: a basis cited in a list, no title
    m = rx("wrapper_title").search(line)
    if not m or rx("forward_title").search(line[: m.start() + 4]) or cited(line, m.start()):
        return None
    title = m["title"].strip(
        "《》〈〉 "
    )  # 〈〉: a title nested in a 《》 title (…印发〈X〉的通知》)
    if "《" not in m.group() and m.group().endswith(("，", "。")):
        return None  # 将于…前发布抽检报告，…: a clause of running text, no title in 《》
    opened = line[m.start("title") - 1 : m.start("title")] == "《"
    if opened and "》" not in line[m.start("title") : m.end()] and "》" in line[m.end() :]:
        # 印发《关于建立…制度的通知》: the 《》 runs past the 的通知 the pattern stopped at; the
        # text it names is a notice read elsewhere, not one this notice wraps (no …制度)
        return None
    sentence = re.split(r"[。！？!?]", line[: m.start()])[-1]
    if re.search(_CITED_ISSUER, sentence):
        return None  # 根据《A》；B印发《C》，…: C is cited beside A, not the text's title
    if re.search(r"[，,；;：:]", title):
        return None  # …平台发布，向社会公开征求意见 / 颁布日期：…: a clause or a label, no title
    if re.search(r"的(?:公告|通告)(?:[（(][^（）()]*[）)])?$", title):
        return None  # X关于发布…清单的公告: the 公告 is the document (its number, 2025年第12号)
    core = re.sub(r"（[^（）]*）$", "", title)
    kind = next((k for k in kinds() if core.endswith(k)), None)
    if (
        kind
        and kind in document_patterns()["kinds_with_subject"]
        and not core.endswith("的" + kind)
    ):
        return None  # X发布夏季…安全提示: a headline of a tip, no title (关于…的提示 is one)
    if kind or re.search(r"（\d{4}\D+\d{4}年）$", title):
        return title
    return None


# A document cited as an item of a numbered list (the 起草依据 of a 起草说明: 1.《某法》 … 5.《X》)
_LISTED_CITATION = re.compile(
    r"^\s*(?:\d{1,2}\s*[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,2}、)\s*《"
)


# A reprint's note of the original title under its own headline (（原标题：X）).
_ORIGINAL_TITLE = re.compile(r"^\s*[（(]\s*原标题\s*[:：]\s*(?P<title>[^（()）]{4,90})[）)]\s*$")
ATTACHMENT = re.compile(r"^附\s*(?:件\s*\d*\s*)?[:：.．]")  # 附件1：X / 附：X


# A law database's or a government site's heading: the title in 《》 with the document's
# number in brackets after it (《Y》（某政办发〔2020〕3号）, 《Y》（某部令第8号）, a page count
# after them) or before it (某政办发〔2015〕52号《Y》)
_NUMBERED_TITLE = re.compile(
    r"^《(?P<a>[^《》]{4,80})》\s*[（(][^（）()《》]{2,40}?号\s*[）)]\s*(?:第\s*\d+\s*页)?\s*$"
    r"|^[^《》\s，。]{2,30}?号\s*《(?P<b>[^《》]{4,80})》\s*$"
)
_BRACKETED_NUMBER = re.compile(r"》\s*[（(](?P<number>[^（）()《》]{2,40}?号)\s*[）)]")


def heading_number(lines: list[str]) -> str | None:
    """The document number in a heading 《Y》（某政办发〔2020〕3号）, in its canonical form."""
    for line in lines[:3]:
        m = _BRACKETED_NUMBER.search(line) if _NUMBERED_TITLE.match(line) else None
        if m and docnumber.NUMBER.fullmatch(m["number"].strip()):
            return docnumber.canonical(m["number"])
    return None


def find_title(
    lines: list[str],
    labels: PageLabels,
    front_matter: dict[str, Any],
    cells: frozenset[str] = frozenset(),
    entry: Entry | None = None,
    reported: tuple[list[str], str | None] | None = None,
    run_on: RunOnSignature | None = None,
) -> str | None:
    """The policy's title; table cells (a list of files, an indicator table) are not titles,
    nor is an attachment line (附件：X关于…的通知: the document it carries, GB/T 9704 §7.3.4)."""
    if lines and not lines[0].lstrip().startswith("附件"):  # 某某实施方案.docx heading the page:
        lines = [_FILE_NAME.sub("", lines[0]), *lines[1:]]  # a shared file's name (not an annex)
    annexed = _annexed(lines[:HEAD_LINES])  # (read before the attachment lines are dropped)
    lines = [ln for ln in lines if ln not in cells and not ATTACHMENT.match(ln)]
    # 标题：X above the 主送机关: X; 【栏目】X on a line of its own: X
    lines = [x if (x := unlabelled_title(ln)) is not ln else _untagged(ln) for ln in lines]
    head = lines[:HEAD_LINES]
    for line in head:  # a reprint gives the text's own title: (原标题：X)
        if (m := _ORIGINAL_TITLE.match(line)) and not re.search(r"[。，,；;]", m["title"]):
            if reported and reported[1] and rx("headline_report").match(m["title"]):
                continue  # （原标题：X印发…方案）: the original news headline, not the policy's
            return m["title"].strip()  # named a title by the page: any 文种 (…的公示)
    if annexed:
        return annexed
    if reported and reported[1] and any(_EXPLAINS.match(ln) for ln in head[:6]):
        return reported[1]  # a 政策解读 page: the policy it explains, as its lead names it
    candidates = [labels.get("title") or ""]
    for line in head[:3]:  # a page's heading: 《Y》 with its number in brackets, or after it
        if m := _NUMBERED_TITLE.match(line):
            title = (m["a"] or m["b"]).strip()
            if wrapped := _wrapped(title):  # (…关于印发〈X〉的通知: X, as below)
                return wrapped
            if title_like(title):
                return title
    # (a title wrapped before its bracket, 关于印发X / (2019—2030年)实施方案的通知: one line, so
    # that no candidate holds its head alone, 某局关于印发X, X ending in a kind word)
    head = _bracket_tails_joined(head)
    for i, line in enumerate(head):  # each line, then it joined to the next (a wrapped title)
        nxt = head[i + 1] if i + 1 < len(head) else None
        if nxt is not None and nxt.startswith(("（", "(")):
            candidates += [line + nxt, line]  # a title wrapped before its bracket: （2023—2025年）
        else:
            candidates += [line, line + nxt] if nxt is not None else [line]
    titled = next((ln for ln in head[:3] if len(ln) <= 90 and title_like(ln)), None)
    for line in candidates:
        if reported and reported[1] and rx("headline_report").match(line):
            continue  # X印发Y清单: a news headline; the lead names the policy in 《》
        if titled and len(line) > 100:
            continue  # the text's own title line above: a paragraph's 印发《Y》 reports Y
        if title := _wrapped(line):
            return _own_line(title, head)
    if run_on and run_on.title:  # the published text's own title, under the signature
        return run_on.title
    for line in head[: head_zone(head)]:
        m = rx("notice_title").search(line)
        if m and not rx("forward_title").search(line[: m.start() + 2]):
            title = (m["a"] or m["b"] or m["c"]).strip()
            # (A制定了《X》: X written out in full, of any kind — 《某省…目录》 too; 《实施方案》 is
            # the notice's short name for it)
            if full_title(title) if m["c"] else title_like(title):
                return _own_line(title, head)
    if title := _above_addressee(head):
        return title
    if entry:
        return entry.title
    zone = lines[: head_zone(lines)] or lines[:HEAD_LINES]
    joined = [a + b for a, b in zip(zone, zone[1:], strict=False) if len(a) + len(b) <= 90]
    # a title opening on one line (关于…) and ending on the next (…的公示) is read whole
    # before its second line alone, which is a title's tail, not a title
    opened = [
        a + b
        for a, b in zip(zone, zone[1:], strict=False)
        if len(a) + len(b) <= 90 and _OPENS.match(a) and not title_like(a) and not split_issuers(a)
    ]
    for line in [*opened, *zone, *joined, labels.get("title") or ""]:
        if reported and reported[1] and rx("headline_report").match(line):
            continue  # X出台Y方案: a headline; the report names the policy itself in 《》
        if line and title_like(line) and not _looks_like_notice_of_other(line):
            return line[1:-1] if line.startswith("《") and line.endswith("》") else line
    if reported and reported[1]:
        return reported[1]
    title = front_matter.get("title")
    return str(title).strip() if title and title_like(str(title)) else None


def _untagged(line: str) -> str:
    """A page's heading after a site's column tag (【食药方案】某县…应急预案: the title after it)."""
    tagged = _COLUMN_TAG.match(line.strip())
    return line.strip()[tagged.end() :] if tagged else line


# A column's tag in 【】 opening a page's heading, the heading a document's name after it (its
# kind word last: 预案, 方案, 通知 …); a commentary's tag (【解读】) is read by _EXPLAINS below
_COLUMN_TAG = re.compile(
    r"【(?!(?:文字|政策|图文|图片|视频)?解读)[\u4e00-\u9fff]{2,6}】"
    r"(?=[\u4e00-\u9fff（）()\d—-]{6,60}(?:预案|方案|规划|计划|办法|细则|规定|意见|通知|通告|公告)$)"
)


# A page explaining a policy (政策解读, since 2016 published with each policy): its heading is
# the page's (【文字解读】X, 政策解读：X, 关于《X》的解读), the policy is the one its lead reports
_EXPLAINS = re.compile(
    r"^(?:[【\[](?:文字|政策|图文|图片|视频)?解读[】\]]|(?:文字|政策|图文)?解读\s*[:：]|图解\s*[:：])"
    r"|解读$"
)


_BRACKET_TAIL = re.compile(r"^[（(][^（）()]{1,24}[）)][^，,。；;：:]{1,40}$")


def _bracket_tails_joined(head: list[str]) -> list[str]:
    out: list[str] = []
    for line in head:
        if (
            out
            and _BRACKET_TAIL.match(line)
            and len(out[-1]) + len(line) <= 90
            and not re.search(r"[，,。；;：:]$", out[-1])
        ):
            out[-1] += line
        else:
            out.append(line)
    return out


# A heading that is only its issuer and 文种 (某指挥部通告, 某局公告): the page's, when the
# document's own title (issuer line, then 关于…的通告) follows in the head
_BARE_KIND = re.compile(r"[^，。；：:\s]{2,40}?(?:通告|公告|通知)")


def with_subject(title: str | None, lines: list[str]) -> str | None:
    """某指挥部通告 over the lines 某指挥部 / 关于…的通告: the title with its subject, its issuer
    written before it (GB/T 9704: 发文机关 + 关于 + 事由 + 文种)."""
    if not title or "关于" in title or not _BARE_KIND.fullmatch(title):
        return title
    head = lines[:HEAD_LINES]
    for k, line in enumerate(head[1:], 1):
        if line.startswith("关于") and line.endswith(title[-2:]) and title_like(line):
            above = re.sub(r"\s+", "", head[k - 1])
            if title.startswith(above) and split_issuers(head[k - 1]) == [above]:
                return above + line
    return title


# A document-sharing page heads the text with its file's name (某某实施方案.docx)
_FILE_NAME = re.compile(r"\s*\.(?:docx?|wps|pdf|xlsx?|txt)\s*$", re.I)


def _annexed(head: list[str]) -> str | None:
    """A 印发 notice naming its text by kind alone (现将实施分工方案印发给你们): the title on its
    附件说明 line (附件：X…实施分工方案) that ends with that kind."""
    kinds_named = [m["kind"] for ln in head if (m := rx("notice_kind_only").search(ln))]
    for line in head if kinds_named else []:
        m = rx("annex_note").match(line.strip())
        if m and m["title"].endswith(tuple(kinds_named)) and title_like(m["title"]):
            return m["title"].strip()
    return None


# A place's level word alone opening a title (县食品药品安全…计划: the county's own) and the
# dashes a title's years are written with
_LEVEL_WORDS = "省市县区州旗盟"
_DASHES = re.compile(r"[―—–－‐-]")


def _own_line(cited: str, head: list[str]) -> str:
    """The published text's own title line where the notice's formula cites it with a slip
    (a character doubled or dropped: 《2019年—2020年年…安排》 over the line 2019年—2020年…安排):
    the text's own line is its title; the formula only refers to it. A notice whose title
    drops the place from the text's name (市政府办公厅关于印发疫苗安全事件应急预案的通知, over
    《宁波市疫苗安全事件应急预案》) cites it: the place's full name is its title."""
    from policykg.ingest.places import is_place_name

    named = [c for ln in head for c in [ln.strip("《》"), *re.findall(r"《([^《》]{4,60})》", ln)]]
    for line in named:
        # (the notice may keep the place's level alone, 县X over 《某某自治县X》, and write
        # another dash in the years: (2011―2015) over (2011-2015))
        for kept in (0, 1) if cited[:1] in _LEVEL_WORDS else (0,):
            place = line[: len(line) - len(cited) + kept]
            if (
                _DASHES.sub("-", line).endswith(_DASHES.sub("-", cited[kept:]))
                and 2 <= len(place) <= 9
                and place.endswith(cited[:kept])
                and is_place_name(place)
            ):
                return line
    if any(ln.strip("《》") == cited for ln in head):
        return cited  # the text's own line as cited: another near it is no slip (洛阳… over 新乡…)
    for line in (ln.strip("《》") for ln in head):
        if line.startswith("附件"):
            continue  # 附件 + the title run together: the annex heading, not the title
        if line != cited and abs(len(line) - len(cited)) <= 2 and len(cited) >= 8:
            ops = difflib.SequenceMatcher(None, cited, line, autojunk=False).get_opcodes()
            changed = sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in ops if tag != "equal")
            if changed <= 2 and title_like(line):
                return line
    return cited


def _above_addressee(head: list[str]) -> str | None:
    """GB/T 9704 puts the title right above the 主送机关 (a 发文字号 may stand between them); a
    long title wraps over up to four lines (…建设“食品放心 / 工程”工作方案), which are joined
    upwards until a title, a number, a sentence or page furniture. Of the joined readings the
    longest that opens as titles do (X关于…, 关于…) wins, else the longest that is a title."""
    at = next(
        (i for i, ln in enumerate(head[: head_zone(head)]) if rx("addressee").match(ln)), None
    )
    if not at:
        return None
    end = at - 1 if docnumber.NUMBER.search(head[at - 1]) and len(head[at - 1]) <= 30 else at
    title, opened, plain = "", None, None
    for k, line in enumerate(reversed(head[max(0, end - 4) : end])):
        stop = docnumber.NUMBER.search(line) or line.endswith(("。", "：", ":"))
        if k and (stop or title_like(line) or _FURNITURE.search(line) or _COMMA.search(line)):
            break
        tail = re.split(r"\s+", line.strip())[-1]
        before = line.strip()[: -len(tail)].strip()
        if (
            not k
            and tail != line.strip()
            and title_like(tail)
            and _OPENS.match(tail)
            and not split_issuers(before)
        ):
            # debris before the title on its line, a space between (在 X关于…的通告); not the
            # joint issuers that open a joint title (A综合司 B办公厅关于…的通知)
            return tail
        title = line + title
        if len(title) > 90:
            break
        if title_like(title) and not _looks_like_notice_of_other(title):
            if _OPENS.match(title):
                opened = title
            plain = title
    return opened or plain


# How a title opens (GB/T 9704 §7.3.3: 发文机关 + 关于 + 事由 + 文种), and page furniture that
# never is part of a title (a site's slogan, a time, a menu separator).
_OPENS = re.compile(r"^(?:[^，。：:\s]{2,30}?)?关于")
_FURNITURE = re.compile(r"[-|/@>：:]|\s|\d{1,2}:\d{2}")
# (a title has no sentence comma: a line with one above it is text, a slogan or an advert)
_COMMA = re.compile(r"[，,]")


def _looks_like_notice_of_other(line: str) -> bool:
    """A 印发 notice whose wrapped title did not parse is not the policy's title either."""
    return bool(re.search(r"印发.*的通知$", line)) and not rx("forward_title").search(line)
