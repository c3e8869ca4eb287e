"""Cited laws and policies → record.references (Document -[:CITES]-> Reference).

What counts (data/patterns/references.yaml): a 《title》 that ends with a law or policy kind,
with the document number that follows it in brackets (《国务院办公厅关于全面加强药品监管能力
建设的实施意见》（国办发〔2021〕16号） is one Reference); a bare document number; a bare
name of a law from data/reference/laws.yaml (药品管理法). Titles of laws are canonical
(《药品管理法》 = 药品管理法 = 中华人民共和国药品管理法). The document's own title and
number are not references.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from policykg.ingest.patterns import pattern_file
from policykg.ingest.record import Reference
from policykg.ingest.vocab import laws

if TYPE_CHECKING:
    from policykg.ingest.context import Context

_TITLE = re.compile(r"《([^《》\n]{2,80})》")
_QUOTES = "“”\"'‘’「」『』"


@dataclass(frozen=True)
class FoundReference:
    start: int
    end: int
    title: str | None
    doc_number: str | None

    @property
    def key(self) -> str:
        return self.doc_number or self.title or ""


def _rules() -> dict[str, Any]:
    return pattern_file("references.yaml")


@cache
def _number_rx() -> re.Pattern[str]:
    return re.compile(_rules()["doc_number"])


@cache
def _law_titles() -> dict[str, str]:
    """Every way a law is written → its canonical title."""
    return {name: law.title for law in laws() for name in law.names}


@cache
def _bare_names() -> tuple[str, ...]:
    names = [name for law in laws() if law.bare for name in law.names]
    return tuple(sorted(names, key=len, reverse=True))


def _is_policy_title(title: str) -> bool:
    core = re.sub(_rules()["title_qualifier"], "", title).strip(_QUOTES)
    if core.endswith(tuple(_rules()["not_endings"])):
        return False
    return core.endswith(tuple(_rules()["title_endings"]))


def canonical_title(title: str) -> str:
    """A cited title as the graph keys it: quotes trimmed, laws by their official title."""
    title = title.strip().strip(_QUOTES)
    return _law_titles().get(title, title)


def _trim_number(m: re.Match[str]) -> tuple[int, str]:
    """(start, number) with words that precede a bare number cut from its issuer part."""
    issuer, start = m["issuer"], m.start()
    cut = 0
    for word in _rules()["number_lead_words"]:
        pos = issuer.rfind(word)
        if pos >= 0 and len(issuer) - (pos + len(word)) >= 1:
            cut = max(cut, pos + len(word))
    return start + cut, m["number"][cut:]


def find_references(text: str) -> list[FoundReference]:
    """Every cited law or policy in a text, in order; offsets into it."""
    found: list[FoundReference] = []
    covered: list[tuple[int, int]] = []
    for m in _TITLE.finditer(text):
        covered.append((m.start(), m.end()))
        if not _is_policy_title(m[1]):
            continue
        end, number = m.end(), None
        after = re.match(r"\s*（\s*" + _rules()["doc_number"] + r"\s*）", text[end:])
        if after:
            end += after.end()
            number = after["number"]
        found.append(FoundReference(m.start(), end, canonical_title(m[1]), number))
        covered.append((m.start(), end))

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in covered)

    for m in _number_rx().finditer(text):
        start, number = _trim_number(m)
        if free(start, m.end()):
            found.append(FoundReference(start, m.end(), None, number))
            covered.append((start, m.end()))
    for name in _bare_names():
        pos = text.find(name)
        while pos >= 0:
            if free(pos, pos + len(name)):
                found.append(FoundReference(pos, pos + len(name), canonical_title(name), None))
                covered.append((pos, pos + len(name)))
            pos = text.find(name, pos + 1)
    return sorted(found, key=lambda f: f.start)


def _plain(text: str | None) -> str:
    return re.sub(r"[\s《》" + _QUOTES + "]", "", text or "")


def _is_own(ref: FoundReference, title: str | None, number: str | None) -> bool:
    if ref.doc_number and number:
        a, b = _plain(ref.doc_number), _plain(number)
        if a.endswith(b) or b.endswith(a):  # 通知渝府办发〔…〕 is still its own number
            return True
    return bool(ref.title) and _plain(ref.title) == _plain(title)


def _body_start(text: str, title: str | None, number: str | None) -> int:
    """Where the document begins: its own title or number, whichever comes first."""
    found = [text.find(x) for x in (title, number) if x]
    found = [p for p in found if p >= 0]
    return min(found) if found else 0


def enrich(ctx: Context) -> None:
    """record.references: each cited law or policy once (number first, else title)."""
    doc = ctx.record.document
    begin = _body_start(ctx.text, doc.title, doc.doc_number)
    by_key: dict[str, Reference] = {}
    for span in ctx.doc.spans.get("references", []):
        if span.start_char < begin:
            continue  # a web page's sidebar of related documents, before the document
        for ref in find_references(span.text):
            if _is_own(ref, doc.title, doc.doc_number):
                continue
            key = _plain(ref.key)
            known = by_key.get(key)
            if known is None:
                by_key[key] = Reference(title=ref.title, doc_number=ref.doc_number)
            elif known.title is None and ref.title:
                known.title = ref.title
    # a title cited once with its number and once without is one reference
    numbered = {_plain(r.title) for r in by_key.values() if r.doc_number and r.title}
    ctx.record.references = [
        r for r in by_key.values() if r.doc_number or _plain(r.title) not in numbered
    ]
