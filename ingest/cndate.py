"""Dates as Chinese official documents write them, to ISO strings.

GB/T 9704-2012 writes the 成文日期 in Arabic numerals (2024年3月8日); older documents and
many signatures spell it in Chinese numerals (二〇一〇年七月十五日), typed with whatever
looked like a zero: 〇 (U+3007), ○ (U+25CB, a circle), 零, a Latin O or a digit 0
(二00六年七月六日). Web pages add ISO forms (2024-03-08, 2024/3/8, 2024.03.08). The
zero look-alikes are folded to 〇 here; the numerals themselves are read by cn2an.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from policykg.ingest.cn_numerals import cn2an_value

_ZERO_LIKE = "〇○◯零OoＯｏ0０Ø"
_CN_DIGIT = "一二三四五六七八九十" + _ZERO_LIKE
_CN_YEAR = f"[一二{_ZERO_LIKE}][{_CN_DIGIT}]{{3}}"
_CN_SMALL = "[一二三四五六七八九十〇零]{1,3}"
_AR_YEAR = r"(?:19|20)\d{2}"

DATE = re.compile(
    rf"(?P<y>{_AR_YEAR}|{_CN_YEAR})\s*年\s*(?P<m>\d{{1,2}}|{_CN_SMALL})\s*月"
    rf"\s*(?P<d>\d{{1,2}}|{_CN_SMALL})\s*日"
)
ISO_DATE = re.compile(rf"(?<!\d)(?P<y>{_AR_YEAR})[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}})(?!\d)")


@dataclass(frozen=True)
class FoundDate:
    iso: str
    start: int
    end: int
    chinese: bool  # written in Chinese numerals


def _number(raw: str, *, year: bool = False) -> int | None:
    if raw.isdigit():
        return int(raw)
    text = "".join("〇" if ch in _ZERO_LIKE else ch for ch in raw)
    if year:  # digit by digit: 二〇一〇 → 2010
        text = "".join(str(cn2an_value(ch, "smart")) if ch != "〇" else "0" for ch in text)
        return int(text) if text.isdigit() else None
    try:
        return int(cn2an_value(text.replace("〇", "零"), "smart"))
    except ValueError:
        return None


def _iso(y: str, m: str, d: str) -> tuple[str, bool] | None:
    year, month, day = _number(y, year=True), _number(m), _number(d)
    if year is None or month is None or day is None or not 1949 <= year <= 2100:
        return None
    try:
        return date(year, month, day).isoformat(), not y.isdigit()
    except ValueError:
        return None


def find_dates(text: str, *, iso_forms: bool = True) -> list[FoundDate]:
    """Every valid date in `text`, in order (invalid ones such as 2月30日 are skipped)."""
    out: list[FoundDate] = []
    patterns = (DATE, ISO_DATE) if iso_forms else (DATE,)
    for rx in patterns:
        for m in rx.finditer(text):
            got = _iso(m["y"], m["m"], m["d"])
            if got:
                out.append(FoundDate(got[0], m.start(), m.end(), got[1]))
    return sorted(out, key=lambda f: f.start)


def parse_date(text: str) -> str | None:
    """The ISO form of a text that is one date (surrounding spaces allowed), else None."""
    found = find_dates(text.strip())
    if found and found[0].start == 0 and found[0].end == len(text.strip()):
        return found[0].iso
    return None


def first_date(text: str) -> str | None:
    found = find_dates(text)
    return found[0].iso if found else None
