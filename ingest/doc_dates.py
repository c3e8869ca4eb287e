"""A document's dates where its signature gives none, and its publication date.

GB/T 9704 puts the 成文日期 under the 发文机关署名; issuers.find_issuers_and_date reads it
there first. Without one, the date stands under the 发文字号 of a published text's head,
under the notice's closing formula or 附件说明, or right after the formula of a notice a page
ran into one line. The publication date (发布日期) is the page's: its label, a labelled line
in the head, or the front matter.
"""

from __future__ import annotations

import re
from typing import Any

from policykg.ingest import docnumber
from policykg.ingest.cndate import find_dates, first_date, parse_date
from policykg.ingest.heads import HEAD_LINES, HEADER_CHARS
from policykg.ingest.patterns import document_patterns
from policykg.ingest.titles import ATTACHMENT
from policykg.ingest.webmeta import PageLabels


def date_without_signature(lines: list[str], text: str) -> str | None:
    """The 成文日期 read where no signature gives it, in this order: under the number, under
    the closing formula or attachment note, after a run-on notice's formula."""
    return _date_under_number(lines) or _date_after_closing(text) or _date_after_formula(text)


def _date_under_number(lines: list[str]) -> str | None:
    """A published text's head: title, 发文字号 on its own line, and the 成文日期 on the next line
    (国办发〔2026〕5号 / 2026年3月2日), where no signature gives the date."""
    head = lines[:HEAD_LINES]
    for line, nxt in zip(head, [*head[1:], ""], strict=False):
        if (on_line := docnumber.date_on_number_line(line)) and (got := parse_date(on_line)):
            return got  # a disclosure page's number line with the date after it
        if docnumber.is_number_line(line) and (got := parse_date(nxt)):
            return got
    return None


_CLOSING = re.compile(r"^特此(?:通知|通告|公告|函告|函复|批复)[。.！]?$")


def _date_after_closing(text: str) -> str | None:
    """A notice's 成文日期 written right under its closing formula (特此通知。 / [issuer] /
    2026年3月6日) or under its 附件说明 (附件：1.X / 2.Y / 2026年3月6日: GB/T 9704 puts the
    attachment note before the signature and date, §7.3.4–7.3.5), where the signature has no
    issuer line the reader knows."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    for i, line in enumerate(lines):
        note = ATTACHMENT.match(line) is not None
        if not (_CLOSING.match(line) or note):
            continue
        for nxt in lines[i + 1 : i + 10]:
            if got := parse_date(nxt):
                return got
            if note and _ATTACHMENT_ITEM.match(nxt) and "。" not in nxt:
                continue  # the attachment note's next item (2.某某名单)
            if len(nxt) > 40 or "。" in nxt or note:
                break
        if not note:
            return None  # the first closing formula is the notice's own
    return None


# A notice's formula closing its text with the 成文日期 right after it, in a page that ran the
# notice into one line (…现转发给你们，请认真组织实施。二〇〇六年七月六日 …): the issuer's signature
# was lost, the date stands.
_FORMULA_END = re.compile(r"(?:印发|转发|发布)给你们[^。\n]{0,30}。\s*")


def _date_after_formula(text: str) -> str | None:
    m = _FORMULA_END.search(text[:HEADER_CHARS])
    dates = find_dates(text[m.end() : m.end() + 16]) if m else []
    return dates[0].iso if dates and dates[0].start == 0 else None


_ATTACHMENT_ITEM = re.compile(r"\d{1,2}\s*[.．、]")


def find_published(labels: PageLabels, text: str, front_matter: dict[str, Any]) -> str | None:
    if got := first_date(labels.get("published") or ""):
        return got
    for label in document_patterns()["published_labels"]:
        m = re.search(label + r"\s*[:：]?\s*", text[:HEADER_CHARS])
        if m and (got := first_date(text[m.end() : m.end() + 24])):
            return got
    raw = front_matter.get("date")
    if raw:
        from email.utils import parsedate_to_datetime

        try:
            return parsedate_to_datetime(str(raw)).date().isoformat()
        except (TypeError, ValueError):
            return first_date(str(raw))
    return None
