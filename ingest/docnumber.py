"""发文字号: finding a document's own number, and telling it from the numbers it cites.

GB/T 9704-2012 §7.2.4: the 发文字号 is 发文机关代字 + 年份 + 发文顺序号, the year in
〔〕 (六角括号), on its own line under the issuer's mark (发文机关标志), before the title.
Typed and scraped documents use other brackets — [] ［］ （） () 【】 〈〉 — which are
normalised to 〔〕 here (the scorer drops brackets, so both forms compare equal).

A number counts as the document's OWN only where the genre puts it:
- a line of the head that is the number (optionally followed by 签发人：…, or alone in
  brackets as law databases print it under the title), before the body;
- a web page's metadata label (发文字号 / 文号), inline or in the next table cell;
- in a scraped run-on head, right after the notice title (…的通知渝府办发〔2021〕117号各区…).
A number inside （…） within a sentence, after 《》 or in running text is a citation, never
the identity.
"""

from __future__ import annotations

import re

from policykg.ingest.prefilter import guarded

# 代字: hanzi, sometimes a Latin letter or digit inside (国药监械注〔2024〕1号 has none,
# but 京卫医〔2019〕2号 and 浙药监发〔2021〕12号 are typical; letters appear in 鲁药监A…).
_AGENCY = r"[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z]{0,11}"
_OPEN, _CLOSE = r"[〔\[［（(【〈<《﹝〖]", r"[〕\]］）)】〉>》﹞〗]"
# guarded: searched in every head line and title candidate, it tries a 代字 of up to twelve
# characters at every start; a line without 号 (most) skips it
NUMBER = guarded(
    rf"(?P<agency>(?:{_AGENCY})?)\s*{_OPEN}\s*(?P<year>(?:19|20)\d{{2}})\s*{_CLOSE}\s*"
    r"(?:第\s*)?(?P<seq>\d{1,5})\s*号"
)
# Words a greedy agency match may swallow in run-on text ("…的通知渝府办发").
_RUN_ON_CUT = re.compile(r"^.*(?:通知|意见|规划|方案|办法|措施|决定|批复|的函|规定|细则|要点)")
_SIGNER = re.compile(r"\s*签发人[:：].*$")


# 公告/通告 of ministries and national bureaus are numbered by year: 2023年第132号, written
# on a line of its own under the title or in brackets after it (…的公告（2023年第132号）).
ANNOUNCEMENT = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年\s*第\s*(?P<seq>\d{1,4})\s*号")
_ANNOUNCEMENT_AFTER_TITLE = re.compile(
    rf"(?<=[告])\s*[（(]\s*{ANNOUNCEMENT.pattern}\s*[）)]\s*。?\s*$"
)


# A people's congress standing committee numbers its 公告 by its term (届次), the sequence in
# Chinese numerals: 〔十三届〕第七十六号, （第十四届）第5号.
_SESSION = re.compile(
    r"[〔\[［（(【]\s*第?(?P<term>[一二三四五六七八九十]+)届\s*[〕\]］）)】]\s*"
    r"第\s*(?P<seq>[一二三四五六七八九十百零〇\d]+)\s*号"
)


# …and a headquarters' or a government's 通告 by its sequence alone, in brackets on its own line
# under the title: （第21号）
_SEQUENCE_ONLY = re.compile(r"[（(]\s*(?P<di>第)?\s*(?P<seq>\d{1,4})\s*号\s*[）)]")


def announcement_number(line: str) -> str | None:
    """The number of a 公告/通告, if the line is that number or a title ending with it."""
    if m := _SESSION.fullmatch(line.strip()):
        return f"〔{m['term']}届〕第{m['seq']}号"
    if m := _SEQUENCE_ONLY.fullmatch(line.strip()):
        return f"{m['di'] or ''}{int(m['seq'])}号"  # as written: （第3号） or （3号）
    body = line.strip().strip("（()）")
    m = ANNOUNCEMENT.fullmatch(body) or _ANNOUNCEMENT_AFTER_TITLE.search(line)
    return f"{m['year']}年第{int(m['seq'])}号" if m else None


def titled_announcement(line: str) -> str | None:
    """The number in brackets after a 公告/通告 title (…的公告（2023年第132号）)."""
    m = _ANNOUNCEMENT_AFTER_TITLE.search(line)
    return f"{m['year']}年第{int(m['seq'])}号" if m else None


def without_announcement_number(title: str) -> str:
    """…的公告（2023年第132号） → …的公告: the number is not part of the title."""
    return _ANNOUNCEMENT_AFTER_TITLE.sub("", title)


def canonical(raw: str) -> str:
    """渝府办发[2021]117号 / 渝府办发（2021）第117号 → 渝府办发〔2021〕117号."""
    m = NUMBER.search(raw)
    if not m:
        return raw.strip()
    return written(m, m["agency"])


def written(m: re.Match[str], agency: str) -> str:
    """A NUMBER match in the canonical form, with `agency` as its 代字."""
    return f"{agency}〔{m['year']}〕{int(m['seq'])}号"


# A page that shows the number as an image keeps its file name (佛府办函〔2022〕162号.png).
# A file named by the number: a scanned page (X〔2021〕5号.jpg), or the notice's attachment
# offered for download under it (X〔2021〕67号附件.docx, 附件1.pdf): the notice's own number
_IMAGE_NAME = re.compile(
    r"(?:附件\s*\d{0,2})?\.(?:png|jpe?g|gif|bmp|webp|docx?|wps|pdf|xlsx?)$", re.I
)
# A reprint's title line ending with the notice's own number in brackets
# (…的通知（闽政办〔2016〕66号）), as 公告 titles carry theirs.
_KINDS_END = r"(?<=通知|意见|方案|规划|办法|决定|批复|的函|规定|细则|要点|措施|计划|公告|通告)"


# A disclosure page's number line may carry the document's date after it
# (X政发〔2016〕44号 2016年7月4日).
_TRAILING_DATE = re.compile(
    r"\s+(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2})$"
)


def is_number_line(line: str) -> str | None:
    """The number, if the line IS a document number (GB/T 9704 head position); law
    databases and 政府公报 print it in brackets on its own line under the title."""
    body = _IMAGE_NAME.sub("", _SIGNER.sub("", line).strip())
    body = _TRAILING_DATE.sub("", body)
    if m := re.fullmatch(r"[（(](.+)[）)]", body):
        body = m.group(1).strip()
    m = NUMBER.fullmatch(body)
    if m is None and (clipped := _CLIPPED.fullmatch(body)):
        return clipped.group()  # the page's own garble, as written (the rule book's reading)
    return canonical(body) if m and m["agency"] else None


# A number line a mirror clipped of its closing bracket and 号 (X政发〔20165 for 〔2016〕5号):
# still the line of the number, kept as written.
_CLIPPED = re.compile(rf"{_AGENCY}〔(?:19|20)\d{{2}}\d{{1,4}}")


def date_on_number_line(line: str) -> str | None:
    """The date written after the number on a number line, as written."""
    m = _TRAILING_DATE.search(line.strip())
    return m["date"] if m and is_number_line(line) else None


def titled_number(line: str) -> str | None:
    """The number in brackets closing a title line (…的通知（闽政办〔2016〕66号）), or after a
    dash (…的通知-晋药监办〔2025〕19号, a news page's heading)."""
    m = re.search(rf"{_KINDS_END}\s*[（(]\s*({NUMBER.pattern})\s*[）)]\s*$", line) or re.search(
        rf"{_KINDS_END}\s*[-—－–]\s*({NUMBER.pattern})\s*$", line
    )
    return canonical(m.group(1)) if m and m["agency"] else None


def run_on_head_number(line: str) -> str | None:
    """In a scraped head run together: the number right after the notice's title."""
    for m in NUMBER.finditer(line):
        before = line[max(0, m.start() - 1) : m.start()]
        if before in "（(《》":
            continue
        agency = cut_run_on(m["agency"])
        if not agency or agency == m["agency"]:
            continue  # not preceded by a title ending: running text, not a head
        return written(m, agency)
    return None


# What follows a number run into the title after it: the title, of some 文种 (…关于…的通知).
_TITLE_AFTER = re.compile(r"[\u4e00-\u9fff][^。；，]{2,80}?(?:关于|印发|转发)[^。；]{2,80}$")


# The 主送机关 after the number, run into one line by a scrape (某发〔2016〕2号 各市局：…)
_ADDRESSEE_AFTER = re.compile(r"\s*各[^。；;：:]{2,120}?[：:]")


def number_then_addressee(line: str) -> str | None:
    """A head run together where the number opens the line and the addressees follow it
    (GB/T 9704: 发文字号, then 主送机关): the document's own number."""
    m = NUMBER.match(line.strip())
    rest = line.strip()[m.end() :] if m else ""
    return written(m, m["agency"]) if m and m["agency"] and _ADDRESSEE_AFTER.match(rest) else None


def number_before_title(line: str) -> str | None:
    """A number written at the head of the title line, no space between (a scrape of a
    notice's head: 市食安委〔2022〕1号某市…关于印发…的通知)."""
    m = NUMBER.match(line.strip())
    rest = line.strip()[m.end() :] if m else ""
    return written(m, m["agency"]) if m and m["agency"] and _TITLE_AFTER.match(rest) else None


def cut_run_on(agency: str) -> str:
    """The 代字 left when a greedy match swallowed the title before it ("…的通知渝府办发"
    → 渝府办发); the whole match when no title ending precedes."""
    return _RUN_ON_CUT.sub("", agency)


def cited_numbers(text: str) -> list[str]:
    """Every number written anywhere (citations included), canonical, in order."""
    return [canonical(m.group()) for m in NUMBER.finditer(text) if m["agency"]]
