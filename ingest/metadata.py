"""Document metadata as GB/T 9704-2012 lays an official document out.

版头: 发文机关标志 (XX文件), 发文字号 (own line, before the title), 签发人.
主体: 标题, 主送机关 (各…：), 正文, 发文机关署名 (one line per issuer for joint documents)
and 成文日期 (Arabic or Chinese numerals) under it. 版记: 印发机关和印发日期 (…印发).
Web pages add a labelled block (ingest/webmeta.py). Province: ingest/province.py.

The policy's title and a catalogue entry line: ingest/titles.py.
A 成文日期 no signature gives, and the publication date: ingest/doc_dates.py.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policykg.ingest import docnumber
from policykg.ingest.cndate import find_dates, first_date, parse_date
from policykg.ingest.doc_dates import date_without_signature, find_published
from policykg.ingest.heads import (
    HEAD_LINES,
    HEADER_CHARS,
    find_addressee,
    find_kind,
    head_lines,
    head_zone,
    title_like,
)
from policykg.ingest.lexicon import (
    body_and_unit,
    expanded_below_province,
    resolve_department,
    resolve_national,
)
from policykg.ingest.patterns import document_patterns
from policykg.ingest.places import full_autonomous_name, is_place_name, place_of
from policykg.ingest.province import infer_province
from policykg.ingest.reports import (
    find_order,
    formula_issuer,
    lead_issuers,
    reported_policy,
    with_issuer,
)
from policykg.ingest.signature import (
    RunOnSignature,
    issuer_lines_above,
    mark,
    printed,
    run_on_signature,
    signature,
    split_issuers,
    stamped_for,
    tail_date,
)
from policykg.ingest.titles import (
    ATTACHMENT,
    BULLET,
    Entry,
    find_entry,
    find_title,
    heading_number,
    with_subject,
)
from policykg.ingest.vocab import Province
from policykg.ingest.webmeta import PageLabels, page_labels

from policykg.errors import InputError

TAIL_CHARS = 1500  # signature, 成文日期 and 版记 of a document without a wrapper notice


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


# --------------------------------------------------------------------------- issuers, dates


# A web page's label before a headline ("政策解读：", "图解:"); the title follows it.
_LABEL = re.compile(r"^[^：:]{1,12}[：:]\s*")
# A reprint's lead opening with the date (2019年12月26日，X关于发布…的通告).
_LEAD_DATE = re.compile(
    r"^[\d〇○零一二三四五六七八九十]{4}年[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日[，,]\s*"
)


def _title_subject(lines: list[str], named: bool = False) -> list[str]:
    """The issuer a title names: GB/T 9704 §7.3.3 composes a title of 发文机关 + 关于 + 事由 +
    文种, so "X关于…的意见" (a title line) and "X关于印发/转发…" name X as the issuer."""
    for line in lines[:HEAD_LINES]:
        if ATTACHMENT.match(line):
            continue  # the attachment's own issuer, not this document's
        line = entry.title if (entry := find_entry([line])) else BULLET.sub("", line)
        line = _LEAD_DATE.sub("", _LABEL.sub("", line))
        if (num := docnumber.NUMBER.match(line.strip())) and num["agency"]:
            line = line.strip()[
                num.end() :
            ]  # 某办发〔2018〕27号《X关于印发…》: a reprint's heading
        line = line.strip().removeprefix("《")  # 《X关于印发〈…〉的通知》: the title in 《》
        # (X转发Y…的通知 / X印发…的通知: a forwarding or issuing notice names X without 关于)
        m = re.match(r"(?P<who>.+?)(?:关于|(?=转发|印发))", line)
        # (a work plan's title opens with its body and its year, no 关于: X2025年…检查方案)
        yearly = re.match(
            r"(?P<who>[^，,。；;：:\s]{4,40}?)(?=(?:19|20)\d{2}年[^，,。；;]{2,60}$)", line
        )
        if not m and yearly and title_like(line) and (names := split_issuers(yearly["who"])):
            return names
        if not m:
            continue
        if not m.group().endswith("关于") and not title_like(line):
            continue  # X印发的《…》 in a report's sentence: not a title line
        publishes = re.match(r"(?:印发|转发|颁布|发布)", line[m.end() :])
        if (publishes or named or title_like(line)) and (names := split_issuers(m["who"])):
            return names
    return []


def _issuer_over_title(lines: list[str]) -> list[str]:
    """The issuer written on its own line over a 关于… title (GB/T 9704 §7.3.3's 发文机关 of
    the title, broken off by the page: 某省人民政府办公厅 / 关于印发…的通知)."""
    for line in lines[:HEAD_LINES]:
        if line.startswith("关于") and title_like(line):
            return issuer_lines_above(lines, line)
    return []


def _same(a: list[str], b: list[str]) -> bool:
    return "".join(a) == "".join(b) or all(any(x in y or y in x for y in b) for x in a)


def _fuller(a: list[str], b: list[str]) -> bool:
    """b names a's bodies each with the place above them written before (天津市西青区人民政府
    办公室 for a signature's 西青区人民政府办公室): the full names."""
    return len(a) == len(b) and all(
        y.endswith(x) and len(y) > len(x) and _PLACE_PREFIX.fullmatch(y[: -len(x)])
        for x, y in zip(a, b, strict=True)
    )


_PLACE_PREFIX = re.compile(r"[\u4e00-\u9fff]{2,10}?(?:省|自治区|市|自治州|州|盟|地区)")


def find_issuers_and_date(
    lines: list[str],
    text: str,
    labels: PageLabels,
    warnings: list[str],
    reported: tuple[list[str], str | None] | None = None,
    run_on: RunOnSignature | None = None,
) -> tuple[list[str], str | None]:
    tail = [ln.strip() for ln in text[-TAIL_CHARS:].split("\n") if ln.strip()]
    head_sig = signature(lines)
    sig = head_sig or (signature(tail) if len(text) > HEADER_CHARS else None)
    if sig is None and run_on:
        sig = (run_on.issuers, run_on.date)
    readings = [
        ("signature", sig[0] if sig else []),
        ("issuer's mark", mark(lines)),
        ("title", _title_subject(lines)),
        ("issuer line over the title", _issuer_over_title(lines)),
        ("notice's formula", formula_issuer(lines)),
        ("page label", split_issuers(labels.get("issuer") or "") or []),
        ("reprint's lead", reported[0] if reported else []),
    ]
    if head_sig and stamped_for(lines):  # the office stamps for its body (代章): the body the
        readings.insert(0, readings.pop(2))  # title names issues, where the title names one
    issuers: list[str] = []
    chosen = ""
    for clue, names in readings:
        if not names:
            continue
        if not issuers:
            issuers, chosen = names, clue
        elif _fuller(issuers, names):
            issuers = names  # a signature drops the place above it (西青区… / 天津市西青区…)
        elif not _same(issuers, names):
            warnings.append(
                f"issuer: the {chosen} says {'、'.join(issuers)}, the {clue} says "
                f"{'、'.join(names)}; kept the {chosen}"
            )
    issued = sig[1] if sig else None
    if issued is None and issuers:  # "…办公厅2021年11月1日" run together in scraped pages
        for m in re.finditer(re.escape(issuers[-1]), text[:HEADER_CHARS]):
            dates = find_dates(text[m.end() : m.end() + 16])
            if dates and dates[0].start == 0:
                issued = dates[0].iso
                break
    if issued is None and issuers and issuers[0] in text[:HEADER_CHARS]:
        # a lead "2019年12月26日，X关于发布…的通告" (or a report's "2020年3月30日，X、Y印发了
        # 《…》"); (a head without X has no such lead: no pattern compiled for the issuer)
        lead = re.search(
            rf"(?P<date>\S{{6,16}}日)[，,]\s*{re.escape(issuers[0])}"
            r"(?:关于|[^。；;《》]{0,24}?(?:印发|出台|发布|下发|颁布)了?《)",
            text[:HEADER_CHARS],
        )
        issued = first_date(lead["date"]) if lead else None
    if issued is None:
        issued = date_without_signature(lines, text)
    if issued is None and not sig:
        issued = tail_date(text)
    label_date = first_date(labels.get("issued") or "")
    if issued and label_date and issued != label_date:
        warnings.append(
            f"issued date: the signature says {issued}, the page's label says {label_date}; "
            f"kept {issued}"
        )
    return issuers, issued or label_date


# --------------------------------------------------------------------------- all


def canonical_issuer(name: str, province: Province | None) -> str:
    """An issuer as its full official name (国家药监局 → 国家药品监督管理局) when the department
    vocabulary knows it (data/reference/departments.yaml); else as written."""
    if (
        province
        and province.kind != "municipality"  # 天津市西青区…: a district is named with its city
        and name.startswith(province.name)
        and place_of(name[len(province.name) :])
    ):
        name = name[len(province.name) :]  # 某省某市市场监管局: the city's body, named as its own
    try:
        hit = resolve_department(name, province.code) if province else resolve_national(name)
        if hit is None:  # a body's office or department (国家卫生健康委办公厅, 中央网信办秘书局)
            found = body_and_unit(name, province.code if province else None, _ISSUING_UNIT)
            if found is not None:
                return found[0].name + found[1]
    except InputError:  # a province outside the department system (HK, Macao)
        return name
    return hit.name if hit is not None else expanded_below_province(name)


def _of_place(issuer: str, title: str | None) -> str:
    """An issuer written with its level only (市市场监督管理局, from a page's label) in a
    document whose title opens with its place (黑河市关于…): the place's body."""
    place = place_of(title) if title else None
    if place and issuer[:1] == place[-1] and not issuer.startswith(place):
        return place + issuer[1:]
    if title and issuer[:1] in _LEVELS and not place:
        # (市人民政府办公室关于做好2023年某某市…的通知: the one place of the issuer's level the
        # title names is its own)
        named = {
            title[i : i + k]
            for i in range(len(title))
            for k in range(3, 5)
            if title[i + k - 1 : i + k] == issuer[0] and is_place_name(title[i : i + k])
        }
        if len(named) == 1:
            return named.pop() + issuer[1:]
    return issuer


_LEVELS = frozenset("市县区镇乡旗")


# The units of a body that issue in its name (GB/T 9704 发文机关: 办公厅, 秘书局, 综合司)
_ISSUING_UNIT = re.compile(r"办公厅|办公室|秘书局|秘书处|[\u4e00-\u9fff]{1,8}?司")


# A page's part number after a title a site split over pages (…的通知（3）, …的意见（上）): a
# 文种 closes a title, so a bare small number or 上/中/下 after it is the page's
_PAGE_PART = re.compile(r"(?<=[知见案则法告报定划要例])\s*[（(](?:\d{1,2}|[上中下])[）)]$")

# A rule's issuing written in brackets after its title (…管理办法（2014年7月2日省食品安全委员会
# 办公室印发）): the date and the issuer; a meeting that adopted it (…常务会议通过) is no issuer.
_ISSUING_NOTE = re.compile(
    r"[（(]\s*(?P<date>[\d\s]{4,8}年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零一二三四五六七八九十]{4}年"
    r"[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)\s*(?P<issuer>[\u4e00-\u9fff、]{2,40}?)"
    r"(?:印发|发布|公布)\s*[）)]$"
)


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
    meta.title = docnumber.without_announcement_number(title) if title else None
    meta.doc_number = find_doc_number(lines, labels, meta.warnings, entry)
    meta.doc_number = meta.doc_number or heading_number(lines)
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
    if stacked := issuer_lines_above(lines, meta.title):
        # the issuers each on a line of their own above 关于… (a joint 公示's heading): the
        # title is written with them (发文机关 + 关于 + 事由 + 文种), and they issue it
        meta.title = "".join(stacked) + (meta.title or "")
        meta.issuers = meta.issuers or stacked
    if not meta.issuers and meta.title:  # a title wrapped over lines names its issuer whole
        # (the title found: X关于… names X, whatever its 文种)
        meta.issuers = _title_subject([meta.title], named=True) or lead_issuers(lines, meta.title)
    elif meta.title and len(meta.issuers) == 1 and labels.get("issuer"):  # a joint document's
        # first issuer alone (a page's 发布机构 label names its publisher): the lead naming it
        # first with the others
        joint = lead_issuers(lines, meta.title)
        if len(joint) > 1 and _same(meta.issuers, joint[:1]):
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
        full_autonomous_name(canonical_issuer(_of_place(n, meta.title), meta.province))
        for n in meta.issuers
    ]
    meta.issuer = "、".join(meta.issuers) or None
    if not meta.title:
        meta.warnings.append(
            f"no policy title found in {Path(source).name}: the document is stored without one"
        )
    return meta
