"""Text that is not the document, dropped with a warning: page chrome and a headline repeated
by a scrape, runs of word fragments left by a diagram exported as text, and sentences a
scraper duplicated. Read by normalize.py once the lines are folded and classified; separate
because these steps remove whole lines or sentences and count what they removed, where the
other steps keep every character.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from policykg.ingest import scrape
from policykg.ingest.char_folding import CJK_CH
from policykg.ingest.line_contract import Line
from policykg.ingest.run_on_lines import MARKER, SENT_END

_HEADING_START = re.compile(rf"^(?:{MARKER}|[①-⑳]|——|[-•·*]\s)")
_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{4}[-./]\d{1,2}[-./]\d{1,2}")
_SENTENCE = re.compile(rf"[^{SENT_END}]+(?:[{SENT_END}]+[”’」』）]*)?|[{SENT_END}]+")
_WHITESPACE = re.compile(r"\s+")
_SENT_END_CH = re.compile(f"[{SENT_END}]")
DUP_MIN_CJK = 20  # a sentence this long recurring in one document is a scrape duplicate
DEBRIS_MIN_FRAGMENTS = 6


def drop_chrome(lines: list[Line], scraped: Counter[str]) -> list[Line]:
    """Page chrome, inserted commentary and a headline repeated on the next line."""
    out: list[Line] = []
    previous: str | None = None
    for line in lines:
        if line.kind == "text":
            kind = scrape.chrome_kind(line.text)
            if kind is None and scrape.repeated_headline(line.text, previous):
                kind = "headline"
            if kind:
                scraped[kind] += 1
                continue
            previous = line.text
        elif line.kind == "cell":
            previous = None
        out.append(line)
    return out


def _debris_like(text: str) -> bool:
    return (
        len(text) <= 20
        and not re.search(rf"[{SENT_END}：，,;:!?\d]", text)
        and not _HEADING_START.match(text)
        and not _DATE.search(text)
    )


def drop_debris(lines: list[Line], warnings: list[str]) -> list[Line]:
    """Drop runs of word fragments left by diagrams exported as text ("非现", "场智", "控").

    A run is several consecutive short non-cell lines without sentence punctuation,
    digits, heading/list markers or dates, most of them 1-4 characters long. Isolated
    short lines (signatures, dates, headings) never form such a run.
    """
    drop: set[int] = set()
    region: list[int] = []
    for i, line in enumerate([*lines, Line("。", [], "text")]):  # sentinel closes the last run
        if line.kind == "blank":
            continue
        if line.kind == "text" and _debris_like(line.text):
            region.append(i)
            continue
        frags = sum(1 for j in region if len(lines[j].text.replace(" ", "")) <= 4)
        if frags >= DEBRIS_MIN_FRAGMENTS and frags * 2 >= len(region):
            drop.update(region)
        region = []
    if drop:
        warnings.append(
            f"dropped {len(drop)} lines of diagram debris (runs of short word fragments)"
        )
    return [line for i, line in enumerate(lines) if i not in drop]


@lru_cache(maxsize=1 << 14)  # pure in the line (lines repeat: see normalize._LINES)
def _line_sentences(text: str) -> tuple[tuple[int, int, str, bool], ...]:
    """(start, end, key, anchor) of each sentence of a text line, for drop_duplicates."""
    out = []
    found = list(_SENTENCE.finditer(text))
    for m in found:
        key = _WHITESPACE.sub("", m.group())
        if not key:
            continue
        titled = len(found) == 1 and not _SENT_END_CH.search(key)
        anchor = not titled and len(CJK_CH.findall(key)) >= DUP_MIN_CJK
        out.append((m.start(), m.end(), key, anchor))
    return tuple(out)


def drop_duplicates(
    lines: list[Line], quotes: list[tuple[int, int]], warnings: list[str]
) -> list[Line]:
    """Drop sentences a scraper duplicated: any sentence of >= DUP_MIN_CJK hanzi that occurs
    more than once keeps one copy, and the short sentences around a dropped copy go with it
    when the kept copy has the very same neighbours (the duplicated chunk, cut anywhere).

    Kept copy: the first, except that body text wins over an HTML <blockquote> lead that
    quotes it. Table cells, continuation lines and title-like lines (one sentence without
    sentence-end punctuation, e.g. headings and TOC entries) are never touched.
    """
    segs: list[tuple[int, int, int, str, bool] | None] = []
    for li, line in enumerate(lines):
        if line.kind != "text":
            if line.kind != "blank":
                segs.append(None)
            continue
        segs += [(li, *seg) for seg in _line_sentences(line.text)]

    def quoted(i: int) -> bool:
        li, s = segs[i][0], segs[i][1]  # type: ignore[index]
        return any(a <= lines[li].offs[s] < b for a, b in quotes)

    groups: dict[str, list[int]] = {}
    for i, seg in enumerate(segs):
        if seg and seg[4]:
            groups.setdefault(seg[3], []).append(i)
    dropped: dict[int, int] = {}
    keepers: set[int] = set()
    for idxs in groups.values():
        if len(idxs) > 1:
            keep = next((i for i in idxs if not quoted(i)), idxs[0])
            keepers.add(keep)
            dropped.update({i: keep for i in idxs if i != keep})
    todo = list(dropped.items())
    while todo:
        j, k = todo.pop()
        for step in (1, -1):
            j2, k2 = j + step, k + step
            if not (0 <= j2 < len(segs) and 0 <= k2 < len(segs)) or j2 == k2:
                continue
            a, b = segs[j2], segs[k2]
            fresh = j2 not in dropped and j2 not in keepers and k2 not in dropped
            if a and b and not a[4] and a[3] == b[3] and fresh:
                dropped[j2] = k2
                keepers.add(k2)
                todo.append((j2, k2))
    if not dropped:
        return lines
    cut: dict[int, list[tuple[int, int]]] = {}
    for i in dropped:
        li, s, e = segs[i][:3]  # type: ignore[index]
        cut.setdefault(li, []).append((s, e))
    out: list[Line] = []
    chars = 0
    for li, line in enumerate(lines):
        if li not in cut:
            out.append(line)
            continue
        gone = bytearray(len(line.text))  # the cut characters, marked once per cut (a test of
        for s, e in cut[li]:  # every cut per character was quadratic in a long line)
            gone[s:e] = b"\x01" * (e - s)
        kept = [k for k, x in enumerate(gone) if not x]
        chars += len(line.text) - len(kept)
        text = "".join(line.text[k] for k in kept)
        lead = len(text) - len(text.lstrip())
        body = text.strip()
        rest = Line(body, [line.offs[k] for k in kept][lead : lead + len(body)])
        if (
            body
            and out
            and min(s for s, _ in cut[li]) <= lead
            and (whole := _completed(out[-1], rest))
        ):
            out[-1] = whole  # the first copy, cut off mid-sentence, completed by the full one
        elif body:
            out.append(rest)
    note = ""
    if any(quoted(i) for i in dropped):
        note = "; copies quoted in an HTML <blockquote> dropped in favour of the body text"
    warnings.append(
        f"removed {len(dropped)} duplicated sentences ({chars} characters) that repeat text "
        f"found elsewhere in the document (scrape artefact); one copy of each kept{note}"
    )
    return out


def _completed(before: Line, rest: Line) -> Line | None:
    """A first copy cut off mid-sentence (…的重要性；各) above what is left of the full copy
    once its sentences are dropped (各级部门要…): the cut-off words open the rest, which
    completes the paragraph (joined as they stand, they would read 各各级部门)."""
    m = re.search(r"[^。；;！？!?，,：:]{1,12}$", before.text)
    if m is None or m.start() == 0 or not rest.text.startswith(m.group()):
        return None
    return Line(
        before.text[: m.start()] + rest.text, before.offs[: m.start()] + rest.offs, before.kind
    )
