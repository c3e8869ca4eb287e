"""Who signed a document and when, as GB/T 9704-2012 lays it out: 发文机关署名 (one line per
issuer of a joint document) with the 成文日期 under it (§7.3.5), the 发文机关标志 at the top
(XX文件, §7.2.2) and the 版记's 印发机关和印发日期 (§7.4.2) — also where a scraped page ran
署名, 成文日期 and the published text's title together into one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from policykg.ingest.cndate import find_dates, parse_date
from policykg.ingest.heads import HEAD_LINES, title_like
from policykg.ingest.patterns import document_patterns
from policykg.ingest.places import TOWNSHIP, place_of


@cache
def _issuer_line() -> re.Pattern[str]:
    p = document_patterns()
    return re.compile(f"{p['issuer_body']}{p['issuer_suffix']}")


def split_issuers(line: str) -> list[str] | None:
    """A signature or mark line: one or several issuing bodies, nothing else."""
    # (A会同B印发…: two issuers, 会同 never inside a name; nor 联合 after a body's last letter,
    # A局联合B、C发布了…, where a name's 联合会 is no joiner; nor 与/和 there: A局与B局联合发文)
    parts = [
        p
        for p in re.split(r"[\s、，]+|(?<=[委局厅办府部署院])(?:会同|联合(?!会)|与|和)", line)
        if p
    ]
    if not parts or len(line) > 80 or re.search(r"[。；：:！？]", line):
        return None
    # (a place set apart from the body's name by a space: 某某县 应对…指挥部 is one name)
    parts = _rejoin_places(parts, line)
    parts = _shared_place(parts)
    ok = all(_issuer_line().fullmatch(p) for p in parts)
    return parts if ok else None


# A level's own body written bare after a body of the same place (某市委、市政府 →
# 某市政府): the place of the one before is its place too.
_LEVEL_BODY = re.compile(r"(?:省|自治区|市|州|盟|县|区|旗)(?:委|人民政府|政府|纪委)")
_PLACE_OPENING = re.compile(
    r"(?:中共)?(?P<place>[\u4e00-\u9fff]{1,8}?(?:自治区|省|市|自治州|州|盟|县|区|旗))"
)


# A committee and its government run together (某市委市政府): two issuers.
_RUN_TOGETHER = re.compile(
    r"(?P<a>(?:中共)?(?P<place>[\u4e00-\u9fff]{2,8}?(?P<level>[省市州县区盟旗]))委)(?P=level)(?P<b>(?:人民)?政府)"
)


def _shared_place(parts: list[str]) -> list[str]:
    out: list[str] = []
    for part in [q for p in parts for q in _apart(p)]:
        before = _PLACE_OPENING.match(out[-1]) if out else None
        if before and _LEVEL_BODY.fullmatch(part) and before["place"].endswith(part[0]):
            part = before["place"][:-1] + part
        out.append(part)
    return out


def _apart(part: str) -> list[str]:
    m = _RUN_TOGETHER.fullmatch(part)
    return [m["a"], m["place"] + m["b"]] if m else [part]


def _rejoin_places(parts: list[str], line: str) -> list[str]:
    """Parts split at a space after a bare place name (某某县 + 应对…指挥部), joined again."""
    out: list[str] = []
    for part in parts:
        if out and _BARE_PLACE.fullmatch(out[-1]) and not _issuer_line().fullmatch(out[-1]):
            between = line[line.index(out[-1]) + len(out[-1]) : line.index(part)]
            if between.strip() == "":
                out[-1] += part
                continue
        out.append(part)
    return out


_BARE_PLACE = re.compile(r"[\u4e00-\u9fff]{1,6}(?:省|自治区|市|自治州|州|盟|县|自治县|区|旗)")


def issuer_lines_above(lines: list[str], title: str | None) -> list[str]:
    """The issuers of a title opening with 关于, each alone on a line right above it (a joint
    heading: 甲局 / 乙局 / 关于…的公示); none when the title names its issuer itself."""
    if not title or not title.startswith("关于"):
        return []
    at = next(
        (i for i, ln in enumerate(lines) if ln.startswith("关于") and title.startswith(ln)), 0
    )
    names: list[str] = []
    for line in reversed(lines[max(0, at - 4) : at]):
        if split_issuers(line) != [line]:
            break
        names.insert(0, line)
    return names


# A note on the seal after a signature (GB/T 9704 §7.3.5.3): （代章） — an office stamps for the
# body it serves, which is the issuer —, or （印章）/（盖章） where a copy shows no seal.
_SEAL_NOTE = re.compile(r"\s*[（(](?:代章|印章|盖章)[）)]\s*$")
# …or a line of its own under the signature naming the body whose seal stands for it (某联席会议
# 办公室 / （某管理局代章） / date): the signature is above it
_SEAL_LINE = re.compile(r"\s*[（(][\u4e00-\u9fff]{2,30}?(?:代章|印章|盖章)[）)]\s*")
# 署名 and 成文日期 on one line, a space between or none (a scrape joined them; a table's bar may close
# the line): 某省某局办公室 2016年2月22日 |
_ONE_LINE = re.compile(
    r"(?P<who>[\u4e00-\u9fff（）()、]{4,60}?)[ \u3000]*"
    r"(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零一二][〇○零一二三四五六七八九]{3}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)"
    r"\s*[|｜]?"
)


def stamped_for(lines: list[str]) -> bool:
    """A signature stamped by an office on behalf of its body (某某委员会办公室（代章）)."""
    return any(re.search(r"[（(]代章[）)]\s*$", ln) for ln in lines[:HEAD_LINES])


# The head of a long body's name on a signature line of its own (a place or level, then words,
# no punctuation: 某省食品安全工作 / 领导小组办公室)
_NAME_HEAD = re.compile(
    r"(?:中共)?[\u4e00-\u9fff]{1,8}?(?:省|自治区|市|自治州|州|盟|县|区|旗)[\u4e00-\u9fff]{2,16}"
)


def signature(lines: list[str]) -> tuple[list[str], str | None] | None:
    """Issuer lines followed by the 成文日期 line (the last such block wins in a tail)."""
    found = None
    for i, line in enumerate(lines):
        one = _ONE_LINE.fullmatch(line.strip())
        names = split_issuers(one["who"]) if one else None
        if one and names and (iso := parse_date(one["date"])):
            j = (
                i - 1
            )  # (a joint signature's names above: 中共某省委办公厅 / 某省人民政府办公厅 date)
            while j >= 0 and (above := split_issuers(_SEAL_NOTE.sub("", lines[j]))):
                names = above + names
                j -= 1
            found = (names, iso)  # 某局办公室 2016年2月22日 (a table's bar after)
            if i < HEAD_LINES:
                return found
            continue
        iso = parse_date(line)
        if not iso:
            continue
        issuers: list[str] = []
        j = i - 1
        if j >= 0 and _SEAL_LINE.fullmatch(lines[j]):
            j -= 1
        while j >= 0 and (names := split_issuers(_SEAL_NOTE.sub("", lines[j]))):
            issuers = names + issuers
            j -= 1
        place = lines[j].strip() if issuers and j >= 0 else ""
        if re.fullmatch(document_patterns()["place_line"], place) and split_issuers(
            place + issuers[0]
        ):
            issuers[0] = place + issuers[0]  # 辽宁省 / 食品药品监督管理局: a broken signature
        elif _NAME_HEAD.fullmatch(place) and split_issuers(place + issuers[0]) == [
            place + issuers[0]
        ]:
            # 某市新冠肺炎疫情防控工作 / 领导小组办公室: a long name broken before its kind
            issuers[0] = place + issuers[0]
        if issuers:
            found = (issuers, iso)
            if found and i < HEAD_LINES:  # in the head, the first block is the notice's
                return found
    return found


def undated_signature(tail: list[str]) -> list[str]:
    """A signature without its 成文日期 (a tip or warning posted by its body, a news item's
    credit in brackets: （某县卫生健康局）): one body alone on the line after the text's last
    sentence, only a page's short debris (a share button, a counter, a link) after it."""
    for i in range(len(tail) - 1, max(0, len(tail) - 5), -1):
        credit = _CREDIT.fullmatch(tail[i].strip())
        names = split_issuers(credit["who"]) if credit else None
        after = tail[i + 1 :]
        if (
            names
            and len(names) == 1
            and (place_of(names[0]) or TOWNSHIP.match(names[0]))  # a site's 客服中心: no
            and tail[i - 1].rstrip().endswith(("。", "！", "!"))
            and all(len(x) <= 40 and not x.endswith(("。", "！")) for x in after)
        ):
            return names
    return []


_CREDIT = re.compile(r"[（(]?(?P<who>[\u4e00-\u9fff]{4,30})[）)]?")


def mark(lines: list[str]) -> list[str]:
    """发文机关标志: "XX人民政府办公厅文件" (or the issuers on the lines above "文件")."""
    suffix = document_patterns()["mark_suffix"]
    for i, line in enumerate(lines[:6]):
        if line.endswith(suffix) and (names := split_issuers(line[: -len(suffix)].strip())):
            return names
        if line == suffix:
            names = [n for ln in lines[max(0, i - 3) : i] for n in (split_issuers(ln) or [])]
            if names:
                return names
    return []


def printed(tail: str) -> tuple[str | None, str | None]:
    """版记: "XX办公厅 2024年3月9日印发"."""
    suffix = document_patterns()["printed_suffix"]
    for line in reversed(tail.split("\n")):
        line = line.strip()
        if not line.endswith(suffix):
            continue
        dates = find_dates(line)
        if dates and dates[-1].end == len(line) - len(suffix):
            who = line[: dates[-1].start].strip()
            return (who if split_issuers(who) else None), dates[-1].iso
    return None, None


@dataclass(frozen=True)
class RunOnSignature:
    """署名 + 成文日期 (+ the published text's title) run into the text after a 印发 notice's
    closing formula: "…现印发给你们，请认真贯彻执行。 XX局2026年1月14日XX工作方案 为…"."""

    issuers: list[str]
    date: str
    title: str | None


# The notice's closing sentence: its formula, then the rest of the sentence.
_FORMULA_END = re.compile(r"(?:印发给你们|转发给你们)[^。]{0,80}。(?:特此通知。)?\s*")


def run_on_signature(text: str) -> RunOnSignature | None:
    """The signature a scraped page ran into the line after the notice's formula; the
    title after the date counts when it is a title (it ends with a 文种)."""
    for m in _FORMULA_END.finditer(text):
        rest = text[m.end() : m.end() + 160]
        dates = find_dates(rest[:70])
        if not dates or "\n" in rest[: dates[0].start]:
            continue
        names = split_issuers(rest[: dates[0].start].strip())
        if not names:
            continue
        after = rest[dates[0].end :]
        head = re.split(r"[\s。；]", after, maxsplit=1)[0]
        return RunOnSignature(names, dates[0].iso, head if head and title_like(head) else None)
    return None


def tail_date(text: str) -> str | None:
    """A 成文日期 that ends the text on the line of its last sentence (a page that lost the
    signature's line breaks): "…落到实处。 二○一○年七月十五日"."""
    body = text.rstrip(" \t\n|")
    dates = find_dates(body[-20:])
    if not dates or dates[-1].end != len(body[-20:]):
        return None
    before = body[: len(body) - 20 + dates[-1].start].rstrip()
    return dates[-1].iso if before.endswith(("。", "！")) else None
