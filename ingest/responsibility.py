"""Responsibility statements → department mentions with roles.

Handles the forms the genre uses: （责任单位：A、B）, （牵头单位：A；配合单位：B）,
"A牵头，B、C配合", and the task-division shorthand "A会B、C" (A leads, B and C
support). Mentions keep their exact surface form and offset; resolving them to a
canonical department is ingest/canonical_departments.py's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from policykg.ingest.bodies import is_generic
from policykg.ingest.memo import memoized_list
from policykg.ingest.patterns import responsibility_patterns
from policykg.ingest.prefilter import Guarded, guarded


@dataclass(frozen=True)
class Mention:
    text: str  # as written
    role: str  # lead | support | responsible
    start: int  # offset in the document's normalized text
    end: int


@dataclass(frozen=True)
class Statement:
    label: str
    start: int
    end: int
    mentions: tuple[Mention, ...]


@cache
def _rx(name: str) -> Guarded:
    # guarded: find_statements runs five lazy-run rules over every passage; most passages
    # hold no label and no bracketed role, and skip them on a substring test
    return guarded(responsibility_patterns()[name])


def _label_role(label: str) -> str | None:
    for word, role in responsibility_patterns()["labels"].items():
        if word in label:
            return role
    return None


@memoized_list()  # pure in (text, offset); each enricher asks it of the same measures
def find_statements(text: str, offset: int = 0) -> list[Statement]:
    """Every responsibility statement in a passage: （责任单位：…）, （A牵头，B配合）,
    （A、B按职责分工负责）, and an unbracketed 责任单位：… closing an item or on its own line."""
    out: list[Statement] = []
    taken: list[tuple[int, int]] = []
    for name in ("statement", "label_line"):
        for m in _rx(name).finditer(text):
            # (责任领导：某某；责任单位：A: a person's field first, the bodies' label after it)
            person = _rx("other_labels").search(m["label"]) is not None
            role = None if person else _label_role(m["label"])
            if (role is None and not person) or _overlaps(m.span(), taken):
                continue
            mentions = parse_body(m["body"], offset + m.start("body"), default_role=role)
            if mentions:
                taken.append(m.span())
                out.append(
                    Statement(m["label"], offset + m.start(), offset + m.end(), tuple(mentions))
                )
    for name in ("unlabelled", "bodies_only", "cut_at_end"):
        for m in _rx(name).finditer(text):
            if _overlaps(m.span(), taken):
                continue
            mentions = parse_body(m["body"], offset + m.start("body"))
            # a generic body counts too: 各乡镇（街道）, 各县（市、区） end in a bracket, not a suffix
            if mentions and all(
                _rx("body_suffix").search(x.text) or is_generic(x.text) for x in mentions
            ):
                taken.append(m.span())
                out.append(Statement("", offset + m.start(), offset + m.end(), tuple(mentions)))
    return sorted(out, key=lambda s: s.start)


def is_field_line(text: str) -> bool:
    """A line holding only another field of an item's statement (完成时限：2024年底前, 责任领导：
    某某) — it follows the 牵头单位 / 配合单位 lines and names no body and no task. (Not
    公示时间：…, a notice's own procedure, read by the targets.)"""
    label = re.match(r"\s*([^：:，,。；;]{2,8})\s*[:：]", text)
    fields = (*responsibility_patterns()["deadline_columns"], "领导", "责任人", "联系人")
    return bool(
        label
        and label.group(1).endswith(fields)
        and len(text.strip()) <= 40
        and not re.search(r"[。；;](?=.)", text.strip())
    )


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in taken)


def parse_body(
    body: str, offset: int = 0, default_role: str | None = "responsible"
) -> list[Mention]:
    """Parse 'A、B' / 'A会B、C' / 'A牵头，B配合' / '牵头单位：A；配合单位：B'. Without a
    `default_role`, only the clauses a role label opens give bodies."""
    mentions: list[Mention] = []
    # clauses: 牵头单位：A；配合单位：B, also with a comma before the next label
    # (labels also after a space: 牵头单位：A 配合单位：B)
    for clause, cstart in _split_keep(body, r"[；;。]|[，,\s](?=[^，,：:；;\s]{2,8}[:：])"):
        label = re.match(r"\s*([^：:]{2,8}?)(?:单位|部门)?\s*[:：]\s*", clause)
        role = default_role
        if label and _rx("other_labels").search(label.group(1)):
            continue  # 完成时限：2024年底前: another field of the statement, no body
        if label and _label_role(label.group(1)):
            role = _label_role(label.group(1)) or role
            cstart += label.end()
            clause = clause[label.end() :]
        if role is None:
            continue  # the person a 责任领导 label names
        mentions += _parse_clause(clause, offset + cstart, role)
    # 按职责分工负责 shares the work among the listed bodies: each is responsible for its part,
    # also where another body leads (A牵头，B、C按职责分工负责 → A lead, B and C responsible)
    mentions = [
        Mention(m.text, "responsible", m.start, m.end) if m.role == "shared" else m
        for m in mentions
    ]
    return _dedupe(mentions)


def _parse_clause(clause: str, offset: int, role: str) -> list[Mention]:
    pieces = list(_split_keep(clause, responsibility_patterns()["with_support"]))
    if len(pieces) > 1:  # A会B、C
        lead, lstart = pieces[0]
        led = _names(lead, offset + lstart, "lead")
        for piece, pstart in pieces[1:]:
            led += _names(piece, offset + pstart, "support")
        return led
    masked = _mask_inner(clause)
    parts: list[tuple[str, int, str | None]] = []
    for _, pstart in _split_keep(masked, r"[，,]"):
        part = clause[pstart : pstart + len(_piece_at(masked, pstart, r"[，,]"))]
        parts.append((part, pstart, _marked_role(part)))
    # A support list broken by a comma after a lead (A牵头，B、C，D配合): the unmarked
    # pieces between the lead and the closing 配合 are the supporting bodies too
    marks = [r for _, _, r in parts]
    out: list[Mention] = []
    for i, (part, pstart, marked) in enumerate(parts):
        part_role = marked or role
        if marked is None and "lead" in marks[:i] and _next_mark(marks, i) == "support":
            part_role = "support"
        elif (
            marked is None
            and not any(marks[:i])
            and "、" in part
            and marks[i + 1 :]
            and (_next_mark(marks, i) == "support")
        ):
            part_role = "support"  # A、B，C、D配合: one member list broken by a comma
        out += _names(part, offset + pstart, part_role)
    return out


def _marked_role(part: str) -> str | None:
    """The role word closing a piece (A牵头 / B、C配合 / D按职责分工负责), if any."""
    return next(
        (role for role in ("lead", "support", "shared") if _end_rx(role).search(part)), None
    )


@cache
def _end_rx(role: str) -> re.Pattern[str]:
    return re.compile(responsibility_patterns()[f"{role}_marker"] + r"\s*$")


def _next_mark(marks: list[str | None], i: int) -> str | None:
    return next((r for r in marks[i + 1 :] if r is not None), None)


def _names(part: str, offset: int, role: str) -> list[Mention]:
    out = []
    masked = _mask_inner(part)
    for _, nstart in _split_keep(masked, responsibility_patterns()["separators"]):
        name = part[nstart : nstart + len(_piece_at(masked, nstart))]
        name_role = role
        if own := _rx("own_role").search(name):  # A（牵头）: the body's own role
            name_role = _label_role(own["role"]) or role
            name = name[: own.start()]
        cleaned, lead_trim = _clean(name)
        if not cleaned:
            continue
        if re.search(responsibility_patterns()["not_a_name"], cleaned):
            continue  # the document's rule for its lists (排名第一位的为牵头单位，下同)
        start = offset + nstart + lead_trim
        out.append(Mention(cleaned, name_role, start, start + len(cleaned)))
    return out


def _mask_inner(text: str) -> str:
    """`text` with the separators inside a name's own bracket masked: they separate nothing
    (各县（市、区）人民政府; a short-name definition 各区县〔自治县，以下简称区县〕政府), nor
    do a level's 党委、政府 (one body), nor those of a list of levels before 两级/三级
    (市、区两级食品安全办: one generic body) or before the suffix they share (各市、县（市、区）
    政府: the governments of both levels)."""
    inner = re.sub(
        r"[（(〔［][^（）()〔〕［］]{1,12}[）)〕］]",
        lambda b: re.sub(r"[、，,]", "\0", b.group()),
        text,
    )
    inner = _COMMITTEE_AND_GOVERNMENT.sub("\0", inner)
    return _SHARED_SUFFIX.sub(
        lambda b: b.group().replace("、", "\0"),
        _LEVEL_LIST.sub(lambda b: b.group().replace("、", "\0"), inner),
    )


# a level's party committee and government named together (各市（州）党委、政府; 县委、县政府 is
# two named bodies): one body, the genre's bearer of political responsibility
_COMMITTEE_AND_GOVERNMENT = re.compile(r"(?<=党委)、(?=(?:人民)?政府)")


_LEVEL_LIST = re.compile(r"[省市州盟县区旗乡镇](?:、[省市州盟县区旗乡镇])+[两二三四五]级")
# a bare level word is no body: it takes the suffix of the level after it (各市、县政府,
# 各省辖市、县（市、区）政府: a province's name for its prefecture-level cities)
# (each level may carry its own bracket, in any bracket style, or list its kinds: 各州（市）、县〔市、区〕人民政府,
# 州市、县市区人民政府)
_SHARED_SUFFIX = re.compile(
    r"(?:^|(?<=[、，,：:\s]))各?(?:省辖|设区|地级)?[省市州盟县区旗乡镇]{1,3}(?:[（(〔［][^（）()〔〕［］]{1,8}[）)〕］])?"
    r"(?:、[省市州盟县区旗乡镇]{1,3}(?:[（(〔［][^（）()〔〕［］]{1,8}[）)〕］])?)+(?=(?:人民)?政府|党委|部门)"
)


def _piece_at(masked: str, start: int, separators: str = "") -> str:
    """The piece of `masked` that opens at `start`, up to the next separator."""
    rx = re.compile(separators or responsibility_patterns()["separators"])
    m = rx.search(masked, start)
    return masked[start : m.start() if m else len(masked)]


def _clean(name: str) -> tuple[str, int]:
    stripped = name.lstrip()
    lead_trim = len(name) - len(stripped)
    for marker in ("lead_marker", "support_marker", "shared_marker"):
        stripped = re.sub(responsibility_patterns()[marker] + r"\s*$", "", stripped)
    stripped = re.sub(responsibility_patterns()["trailing_words"], "", stripped.rstrip())
    stripped = stripped.strip(' 　\t"“”')
    if len(stripped) < 2 or not re.search(r"[\u4e00-\u9fff]", stripped):
        return "", 0
    return stripped, lead_trim


def _split_keep(text: str, pattern: str) -> list[tuple[str, int]]:
    """Split on a pattern, keeping each piece's offset."""
    out, pos = [], 0
    for m in re.finditer(pattern, text):
        out.append((text[pos : m.start()], pos))
        pos = m.end()
    out.append((text[pos:], pos))
    return [(piece, start) for piece, start in out if piece.strip()]


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    seen: dict[str, Mention] = {}
    rank = {"lead": 0, "support": 2, "responsible": 1}
    for m in mentions:
        if m.text not in seen or rank[m.role] < rank[seen[m.text].role]:
            seen[m.text] = m
    return list(seen.values())


@lru_cache(maxsize=4096)  # pure in the header: asked for every row's every column
def column_kind(header: str) -> str:
    """What a task table's column holds: task / lead / responsible / support / deadline /
    other."""
    patterns = responsibility_patterns()
    header = re.sub(r"\s+", "", header)  # a page pads short headers: 项 目, 责任 单位
    if any(w in header for w in patterns["deadline_columns"]):
        return "deadline"
    if any(w in header for w in patterns["support_columns"]):
        return "support"
    if any(w in header for w in patterns["table_columns"]):
        leads = [w for w, role in patterns["labels"].items() if role == "lead"]
        return "lead" if any(w in header for w in leads) else "responsible"  # 牵头单位
    if any(w in header for w in ("任务", "措施", "事项", "名称", "内容", "项目", "职责")):
        return "task"
    return "other"
