"""Document metadata as GB/T 9704-2012 lays an official document out.

版头: 发文机关标志 (XX文件), 发文字号 (own line, before the title), 签发人.
主体: 标题, 主送机关 (各…：), 正文, 发文机关署名 (one line per issuer for joint documents)
and 成文日期 (Arabic or Chinese numerals) under it. 版记: 印发机关和印发日期 (…印发).
Web pages add a labelled block (ingest/webmeta.py). Province: ingest/province.py.

The policy's title and a catalogue entry line: ingest/titles.py.
The issuers (each clue's reading) and the 成文日期 under them: ingest/issuers.py.
An issuer's canonical name: ingest/issuer_names.py.
A 成文日期 no signature gives, and the publication date: ingest/doc_dates.py.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policykg.ingest import docnumber
from policykg.ingest.cndate import DATE, parse_date
from policykg.ingest.doc_dates import find_published
from policykg.ingest.heads import (
    HEAD_LINES,
    HEADER_CHARS,
    find_addressee,
    find_kind,
    head_lines,
    head_zone,
)
from policykg.ingest.issuer_names import canonical_issuer, with_listed_place, with_title_place
from policykg.ingest.issuers import TAIL_CHARS, find_issuers_and_date, same_issuers, title_subject
from policykg.ingest.patterns import document_patterns
from policykg.ingest.places import full_autonomous_name
from policykg.ingest.province import infer_province
from policykg.ingest.reports import find_order, lead_issuers, reported_policy, with_issuer
from policykg.ingest.signature import issuer_lines_above, printed, run_on_signature
from policykg.ingest.titles import Entry, find_entry, find_title, heading_number, with_subject
from policykg.ingest.vocab import Province
from policykg.ingest.webmeta import PageLabels, page_labels


@dataclass
class Metadata:
    title: str | None = None
    province: Province | None = None
    level: str | None = None  # national | provincial | local (prefecture, county)
    issuer: str | None = None  # joint documents: the issuers joined with 、
    issuers: list[str] = field(default_factory=list)
    doc_number: str | None = None
    issued_date: str | None = None
    published_date: str | None = None
    addressee: str | None = None
    printed_by: str | None = None
    printed_date: str | None = None
    index_number: str | None = None
    subject: str | None = None
    kind: str | None = None
    period: str | None = None
    warnings: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- number


# A law database's label table (【文 号】 | X | 【颁布日期】 | …), whose cells a scrape may shift.
_BRACKET_LABEL = re.compile(r"【[^【】]{1,8}】")


def find_doc_number(
    lines: list[str], labels: PageLabels, warnings: list[str], entry: Entry | None = None
) -> str | None:
    """The document's own number, only where GB/T 9704 or the page's labels put it."""
    zone = lines[: head_zone(lines)]
    own = next((n for ln in zone if (n := docnumber.is_number_line(ln))), None)
    if own is None and zone:
        own = (
            docnumber.run_on_head_number(zone[0])
            or docnumber.number_before_title(zone[0])
            or docnumber.number_then_addressee(zone[0])
        )
    if own is None and entry:
        own = entry.number
    if own is None:  # a 公告's year number: under its title, or in brackets after it
        # (a line of its own: within the head's first lines, a two-line title above it)
        own = next((n for ln in zone[:6] if (n := docnumber.announcement_number(ln))), None)
    if own is None:  # …or right under its title further down a page (a forum's chrome above)
        own = next(
            (n for above, ln in itertools.pairwise(zone)
             if re.search(r"(?:通告|公告)\s*$", above) and (n := docnumber.announcement_number(ln))),
            None,
        )  # fmt: skip
    if own is None:
        own = next(
            (n for ln in lines[:HEAD_LINES] if (n := docnumber.titled_announcement(ln))), None
        )
    if own is None:  # a reprint's title line closing with its number in brackets
        own = next((n for ln in zone[:3] if (n := docnumber.titled_number(ln))), None)
    label = labels.get("doc_number")
    labelled = docnumber.canonical(label) if label and docnumber.NUMBER.search(label) else None
    if own is None and labelled is None:  # a database page's 【label】 table, cells shifted
        labelled = next((n for ln in lines[:HEAD_LINES] if _BRACKET_LABEL.search(ln)
                         for cell in ln.split("|") if (n := docnumber.is_number_line(cell))),
                        None)  # fmt: skip
    if own and labelled and not own.endswith("号"):  # a clipped number line (X〔20232), the
        return labelled  # page's label whole
    if own and labelled and own != labelled:
        warnings.append(
            f"document number: the head says {own}, the page's label says {labelled}; kept {own}"
        )
    return own or labelled


def _reported_number(lines: list[str], title: str) -> str | None:
    """The number a lead gives in brackets after the policy it reports (…印发了《Y》（某政发
    〔2023〕47号，以下简称《方案》）): Y's own number."""
    for line in lines[:HEAD_LINES]:
        at = line.find("《" + title + "》")
        if at >= 0 and (m := _BRACKETED.match(line, at + len(title) + 2)):
            return docnumber.is_number_line(m["number"])
    return None


_BRACKETED = re.compile(r"\s*[（(](?P<number>[^，,；;）)]{4,30})")


def find_period(title: str | None, text: str) -> str | None:
    for source in (title or "", text[:HEADER_CHARS]):
        m = re.search(document_patterns()["explicit_period"], source)
        if m and int(m["to"]) > int(m["from"]):
            return f"{m['from']}-{m['to']}"
        for name, period in document_patterns()["periods"].items():
            if name in source:
                return period
    m = re.search(document_patterns()["annual_period"], title or "")
    return f"{m['year']}-{m['year']}" if m and find_kind(title) else None


# --------------------------------------------------------------------------- all


# A page's part number after a title a site split over pages (…的通知（3）, …的意见（上）): a
# 文种 closes a title, so a bare small number or 上/中/下 after it is the page's
_PAGE_PART = re.compile(r"(?<=[知见案则法告报定划要例])\s*[（(](?:\d{1,2}|[上中下])[）)]$")

# An edition's year or issue after the title (…暂行办法（2006年）, …抽检结果公告（2017年第1期）,
# …公告（200701）, a law site's version …条例（2025）): the page's or database's edition label,
# no part of the title (a year range, 规划（2021-2025年）, and a revision, 办法（2019年修订）, are kept)
_EDITION = re.compile(
    r"(?<=[知见案则法告报定划要例])\s*[（(](?:(?:19|20)\d{2}\s*年?(?:\s*第\s*\d{1,3}\s*期)?"
    r"|(?:19|20)\d{4}|第\s*\d{1,3}\s*期)[）)]$"
)

# A rule's issuing written in brackets after its title (…管理办法（2014年7月2日省食品安全委员会
# 办公室印发）): the date and the issuer; a meeting that adopted it (…常务会议通过) is no issuer.
_ISSUING_NOTE = re.compile(
    r"[（(]\s*(?P<date>[\d\s]{4,8}年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零一二三四五六七八九十]{4}年"
    r"[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)\s*(?P<issuer>[\u4e00-\u9fff、]{2,40}?)"
    r"(?:印发|发布|公布)\s*[）)]$"
)

# A local regulation's passage note opening its text (（2031年7月30日某省第十一届人民代表大会
# 常务委员会第十六次会议通过…）): the standing committee that passed it issues it (地方性法规,
# 《立法法》), on that day; a government's 常务会议 adopting its own rules is no issuer (above).
_PASSAGE_NOTE = re.compile(
    rf"^\s*[（(]\s*(?P<date>{DATE.pattern})\s*"
    r"(?P<body>[\u4e00-\u9fff]{2,20}?)第[一二三四五六七八九十]+届人民代表大会常务委员会"
    r"第[一二三四五六七八九十百]+次会议通过"
)

HEAD_PASSAGE_LINES = 6  # the note stands under the title, before 第一章 / 第一条


def _passage_note(lines: list[str]) -> tuple[str, str] | None:
    """The committee and the day of a regulation's passage note in the head, if any."""
    for line in lines:
        if m := _PASSAGE_NOTE.match(line):
            return m["body"] + "人民代表大会常务委员会", re.sub(r"\s+", "", m["date"])
    return None


# A law database's line under the title with the number and the date in brackets
# (（某府办函〔2008〕20号 二〇〇八年一月三十一日）): the document's own number and date
# (the number and the date as docnumber and cndate read them anywhere)
_NUMBER_AND_DATE = re.compile(
    rf"^\s*[（(]\s*(?P<number>{docnumber.NUMBER.pattern})\s*(?P<date>{DATE.pattern})\s*[）)]\s*$"
)


def _number_and_date(lines: list[str]) -> tuple[str, str | None] | None:
    """The number and the date of a bracketed line in the head, if any."""
    for line in lines:
        if m := _NUMBER_AND_DATE.match(line):
            return docnumber.canonical(m["number"]), parse_date(re.sub(r"\s+", "", m["date"]))
    return None


def extract_metadata(text: str, front_matter: dict[str, Any], source: str) -> Metadata:
    lines = head_lines(text)
    labels = page_labels(lines)
    meta = Metadata(index_number=labels.get("index_number"), subject=labels.get("subject"))
    cells = frozenset(ln.strip() for ln in text[:HEADER_CHARS].split("\n") if ln.startswith("\t"))
    entry = find_entry(lines)
    reported = reported_policy(lines)
    run_on = run_on_signature(text[:HEADER_CHARS])
    title = with_subject(
        find_title(lines, labels, front_matter, cells, entry, reported, run_on), lines
    )
    note = _ISSUING_NOTE.search(title) if title else None
    if title and note:  # 办法（2014年7月2日省食安办印发）: the rule's title, its issuing after it
        title = title[: note.start()].rstrip()
    if title and (part := _PAGE_PART.search(title)):
        title = title[: part.start()]  # …的通知（3）: the page's part of a long text, no title's
    if title and (edition := _EDITION.search(title)):
        title = title[: edition.start()]  # …办法（2006年）: an edition's label
    meta.title = docnumber.without_announcement_number(title) if title else None
    meta.doc_number = find_doc_number(lines, labels, meta.warnings, entry)
    meta.doc_number = meta.doc_number or heading_number(lines)
    if meta.doc_number is None and reported and reported[1] and meta.title == reported[1]:
        meta.doc_number = _reported_number(lines, meta.title)
    order = find_order(lines)
    # (the order's number on a line of its own, （第1号）, is read as the number: the order's
    # head gives it whole)
    if (
        order
        and order.number
        and (meta.doc_number is None or order.number.endswith(meta.doc_number))
    ):
        meta.doc_number = order.number
    meta.issuers, meta.issued_date = find_issuers_and_date(
        lines, text, labels, meta.warnings, reported, run_on
    )
    if note:
        meta.issuers = meta.issuers or [note["issuer"]]
        meta.issued_date = meta.issued_date or parse_date(re.sub(r"\s+", "", note["date"]))
    if (meta.doc_number is None or meta.issued_date is None) and (
        bracketed := _number_and_date(lines[:HEAD_PASSAGE_LINES])
    ):
        meta.doc_number = meta.doc_number or bracketed[0]
        meta.issued_date = meta.issued_date or bracketed[1]
    if not meta.issuers and (passed := _passage_note(lines[:HEAD_PASSAGE_LINES])):
        meta.issuers = [passed[0]]
        meta.issued_date = meta.issued_date or parse_date(passed[1])
    if stacked := issuer_lines_above(lines, meta.title):
        # the issuers each on a line of their own above 关于… (a joint 公示's heading): the
        # title is written with them (发文机关 + 关于 + 事由 + 文种), and they issue it
        meta.title = "".join(stacked) + (meta.title or "")
        meta.issuers = meta.issuers or stacked
    if not meta.issuers and meta.title:  # a title wrapped over lines names its issuer whole
        # (the title found: X关于… names X, whatever its 文种)
        meta.issuers = title_subject([meta.title], named=True) or lead_issuers(lines, meta.title)
    elif meta.title and len(meta.issuers) == 1 and labels.get("issuer"):  # a joint document's
        # first issuer alone (a page's 发布机构 label names its publisher): the lead naming it
        # first with the others
        joint = lead_issuers(lines, meta.title)
        if len(joint) > 1 and same_issuers(meta.issuers, joint[:1]):
            meta.issuers = joint
    meta.title = with_issuer(meta.title, meta.issuers, lines)
    if meta.issued_date is None and entry:
        meta.issued_date = entry.date
    if order and not meta.issuers:
        meta.issuers, meta.issued_date = [order.issuer], meta.issued_date or order.date
    meta.issuer = "、".join(meta.issuers) or None
    meta.published_date = find_published(labels, text, front_matter)
    meta.addressee = find_addressee(lines)
    meta.printed_by, meta.printed_date = printed(text[-TAIL_CHARS:])
    meta.kind = find_kind(meta.title)
    meta.period = find_period(meta.title, text)
    head = "\n".join(lines[: head_zone(lines)])
    reading = infer_province(
        meta.issuers, meta.doc_number, meta.title, head, text, find_addressee(lines)
    )
    meta.province, meta.level = reading.province, reading.level
    meta.warnings += reading.warnings
    meta.issuers = [
        full_autonomous_name(canonical_issuer(with_title_place(n, meta.title), meta.province))
        for n in with_listed_place(meta.issuers, meta.province)
    ]
    meta.issuer = "、".join(meta.issuers) or None
    if not meta.title:
        meta.warnings.append(
            f"no policy title found in {Path(source).name}: the document is stored without one"
        )
    return meta
