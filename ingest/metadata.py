"""Document metadata: province, policy title, issuer, document number, dates, kind.

News pages and notices wrap the policy (上海市人民政府办公厅印发《…实施意见》的通知);
the title recorded is the policy's own, not the headline. What cannot be decided is
left empty with a warning, never guessed silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from policykg.ingest.patterns import document_patterns
from policykg.ingest.vocab import Province, provinces

HEADER_CHARS = 3000  # metadata sits in the first lines; the body cites other documents


@dataclass
class Metadata:
    title: str | None = None
    province: Province | None = None
    issuer: str | None = None
    doc_number: str | None = None
    issued_date: str | None = None
    published_date: str | None = None
    kind: str | None = None
    period: str | None = None
    warnings: list[str] = field(default_factory=list)


@cache
def _rx(name: str) -> re.Pattern[str]:
    return re.compile(document_patterns()[name])


def _iso(m: re.Match[str]) -> str | None:
    try:
        return date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()
    except ValueError:
        return None


def _header_lines(text: str) -> list[str]:
    return [ln.strip() for ln in text[:HEADER_CHARS].split("\n") if ln.strip()]


def find_title(lines: list[str], front_matter: dict[str, Any]) -> str | None:
    kinds = document_patterns()["kinds"]
    for line in lines[:40]:
        m = _rx("wrapper_title").search(line)
        if m and any(m["title"].endswith(k) or m["title"].rstrip("）)").endswith(k) or
                     re.search(r"（\d{4}\D+\d{4}年）$", m["title"]) for k in kinds):  # fmt: skip
            return m["title"].strip("《》 ")
    for line in lines[:40]:
        if len(line) > 90 or "。" in line or line.startswith(("—", "（", "(")):
            continue
        core = re.sub(r"（[^（）]*）$", "", line)
        if any(core.endswith(k) for k in kinds) and not core.endswith("的通知"):
            return (
                line.strip() if not (line.startswith("《") and line.endswith("》")) else line[1:-1]
            )
    title = front_matter.get("title")
    return str(title).strip() if title else None


def find_kind(title: str | None) -> str | None:
    if not title:
        return None
    core = re.sub(r"（[^（）]*）$", "", title.rstrip("》"))
    return next((k for k in document_patterns()["kinds"] if core.endswith(k)), None)


def find_period(title: str | None, text: str) -> str | None:
    for source in (title or "", text[:HEADER_CHARS]):
        m = re.search(document_patterns()["explicit_period"], source)
        if m and int(m["to"]) > int(m["from"]):
            return f"{m['from']}-{m['to']}"
        for name, period in document_patterns()["periods"].items():
            if name in source:
                return period
    return None


def find_doc_number(text: str) -> str | None:
    """The document's own number: in the header, not inside a citation （国办发〔2021〕16号）."""
    for m in _rx("doc_number").finditer(text[:HEADER_CHARS]):
        before = text[max(0, m.start() - 2) : m.start()]
        if "（" in before or "》" in before:
            continue
        # the prefix is greedy over hanzi: "…的通知渝府办发〔2021〕117号" → "渝府办发〔2021〕117号"
        return re.sub(r"^.*(?:通知|意见|规划|方案|办法|措施|的)", "", m["number"])
    return None


def find_issuer_and_date(lines: list[str], text: str) -> tuple[str | None, str | None]:
    """The signature block: an issuing body on its own line followed by the date."""
    for i, line in enumerate(lines[:-1]):
        issuer = _rx("issuer").fullmatch(line)
        date_m = _rx("date").fullmatch(lines[i + 1])
        if issuer and date_m:
            return issuer["issuer"], _iso(date_m)
    header = text[:HEADER_CHARS]
    m = re.search(document_patterns()["issuer"] + r"(?:关于)?印发", header)
    issuer = m["issuer"] if m else None
    if issuer:  # "…办公厅2021年11月1日" run together in scraped pages
        d = re.search(re.escape(issuer) + r"\s*" + document_patterns()["date"], header)
        if d:
            return issuer, _iso(d)
    for label in document_patterns()["issued_labels"]:
        d = re.search(label + r"[:：]?\s*" + document_patterns()["date"], header)
        if d:
            return issuer, _iso(d)
    return issuer, None


def find_published(text: str, front_matter: dict[str, Any]) -> str | None:
    for label in document_patterns()["published_labels"]:
        for rx in ("iso_date", "date"):
            m = re.search(label + r"[:：]?\s*" + document_patterns()[rx], text[:HEADER_CHARS])
            if m:
                return _iso(m)
    raw = front_matter.get("date")
    if isinstance(raw, date):
        return raw.isoformat()[:10]
    if raw:
        from email.utils import parsedate_to_datetime

        try:
            return parsedate_to_datetime(str(raw)).date().isoformat()
        except (TypeError, ValueError):
            m = _rx("iso_date").search(str(raw))
            return _iso(m) if m else None
    return None


def find_province(
    title: str | None, issuer: str | None, doc_number: str | None, text: str
) -> tuple[Province | None, str | None]:
    """Province from the issuer, title or document number, else the most named one."""
    for source in (issuer, title):
        if source:
            hit = _first_province(source)
            if hit:
                return hit, None
    if doc_number:
        for p in provinces():
            if p.short and doc_number.startswith(p.short):
                return p, None
    counts = {p.code: _count_mentions(p, text) for p in provinces()}
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] == 0:
        return None, "province not stated in title, issuer or document number; left empty"
    best = next(p for p in provinces() if p.code == ranked[0][0])
    warning = None
    if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
        warning = (
            f"province inferred from mentions ({best.name}), but others are named nearly as often"
        )
    return best, warning


def _names(p: Province) -> list[str]:
    return sorted({p.name, *p.aliases}, key=len, reverse=True)


def _first_province(text: str) -> Province | None:
    best: tuple[int, Province] | None = None
    for p in provinces():
        for name in _names(p):
            if len(name) < 2:
                continue
            pos = text.find(name)
            if pos >= 0 and (best is None or pos < best[0]):
                best = (pos, p)
    return best[1] if best else None


def _count_mentions(p: Province, text: str) -> int:
    return sum(text.count(name) for name in _names(p) if len(name) >= 2)


def extract_metadata(text: str, front_matter: dict[str, Any], source: str) -> Metadata:
    lines = _header_lines(text)
    meta = Metadata()
    meta.title = find_title(lines, front_matter)
    meta.doc_number = find_doc_number(text)
    meta.issuer, meta.issued_date = find_issuer_and_date(lines, text)
    meta.published_date = find_published(text, front_matter)
    meta.kind = find_kind(meta.title)
    meta.period = find_period(meta.title, text)
    meta.province, warning = find_province(meta.title, meta.issuer, meta.doc_number, text)
    if warning:
        meta.warnings.append(warning)
    if not meta.title:
        meta.warnings.append(f"no policy title found; using the file name {Path(source).name}")
    return meta
