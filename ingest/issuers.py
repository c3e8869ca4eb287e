"""Who issued a document, and its 成文日期 where the issuers' signature or lead gives it.

Each clue names the issuers its own way — the signature (发文机关署名), the issuer's mark
(发文机关标志), the title (发文机关 + 关于 + 事由 + 文种), the line over a broken title, a
notice's formula, a page's label, a reprint's lead — and they are weighed here, in one
order, with a warning where they disagree. Separate from ingest/metadata.py (which composes
the whole record) so that the clues and the order they are weighed in read in one place; the
issuer's canonical name, asked once the province is known, is ingest/issuer_names.py's.
"""

from __future__ import annotations

import re

from policykg.ingest import docnumber
from policykg.ingest.cndate import find_dates, first_date
from policykg.ingest.doc_dates import date_without_signature
from policykg.ingest.heads import HEAD_LINES, HEADER_CHARS, title_like
from policykg.ingest.reports import formula_issuer
from policykg.ingest.signature import (
    RunOnSignature,
    issuer_lines_above,
    mark,
    signature,
    split_issuers,
    stamped_for,
    tail_date,
    undated_signature,
)
from policykg.ingest.titles import ATTACHMENT, BULLET, find_entry
from policykg.ingest.webmeta import PageLabels

TAIL_CHARS = 1500  # signature, 成文日期 and 版记 of a document without a wrapper notice


# A web page's label before a headline ("政策解读：", "图解:"); the title follows it.
_LABEL = re.compile(r"^[^：:]{1,12}[：:]\s*")
# A reprint's lead opening with the date (2019年12月26日，X关于发布…的通告).
_LEAD_DATE = re.compile(
    r"^[\d〇○零一二三四五六七八九十]{4}年[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日[，,]\s*"
)


def title_subject(lines: list[str], named: bool = False) -> list[str]:
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
        # (a government's own notice, no 关于: 某市人民政府加强…管理通告)
        own = _GOVERNMENT_TITLE.match(line)
        if not m and own and title_like(line) and (names := split_issuers(own["who"])):
            return names
        if not m:
            continue
        if not m.group().endswith("关于") and not title_like(line):
            continue  # X印发的《…》 in a report's sentence: not a title line
        publishes = re.match(r"(?:印发|转发|颁布|发布)", line[m.end() :])
        if (publishes or named or title_like(line)) and (names := split_issuers(m["who"])):
            return names
    return []


_GOVERNMENT_TITLE = re.compile(
    r"(?P<who>[\u4e00-\u9fff]{2,16}?人民政府(?:办公厅|办公室)?)"
    r"(?=[\u4e00-\u9fff“”、]{4,60}(?:通告|公告|决定|命令)$)"
)


def _issuer_over_title(lines: list[str]) -> list[str]:
    """The issuer written on its own line over a 关于… title (GB/T 9704 §7.3.3's 发文机关 of
    the title, broken off by the page: 某省人民政府办公厅 / 关于印发…的通知)."""
    for line in lines[:HEAD_LINES]:
        if line.startswith("关于") and title_like(line):
            return issuer_lines_above(lines, line)
    return []


def same_issuers(a: list[str], b: list[str]) -> bool:
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
        ("title", title_subject(lines)),
        ("issuer line over the title", _issuer_over_title(lines)),
        ("notice's formula", formula_issuer(lines)),
        ("page label", split_issuers(labels.get("issuer") or "") or []),
        ("reprint's lead", reported[0] if reported else []),
        ("undated signature", undated_signature(tail)),
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
        elif not same_issuers(issuers, names):
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
