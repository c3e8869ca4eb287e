"""One program, one name (issue 13.7): the base a program name denotes, variants of one base
merged, and namings that are no program at all.

The rules are data (data/patterns/programs.yaml, sections "one program, one name" and
"namings that are no program"; the province's names from data/reference/provinces.yaml):
regulators' names written one way, the issuing province's own name or level in front
dropped, a leading verb dropped; within a document a name ending exactly one longer name of
the same kind is that program unless the longer one adds a level (国家…). A naming is no
program when its kind word names a field of study (生物工程等相关专业人才), when it is
something the province connects with (对接国家…平台), or when it is only a place and a kind
word (在重庆试点). graph/model.py keys Program nodes by `canonical`, so every document of a
province that writes a variant reaches the same node.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

from policykg.ingest.full_width import wide
from policykg.ingest.patterns import pattern_file
from policykg.ingest.vocab import Province, province_by_code, provinces

_CLAUSE_END = "，。；：！？\n"


def _rules() -> dict[str, Any]:
    return pattern_file("programs.yaml")


def _key(name: str) -> str:
    """No quotes or spaces, brackets full-width (the key form of ingest/program_kinds.key_of)."""
    return re.sub(r"[\s“”\"'‘’《》「」『』]", "", wide(name))


@cache
def _owner_words(code: str | None) -> tuple[str, ...]:
    """The issuing province's own names and level words, longest first (浙江省, 浙江, 省级,
    本省 …); none for a national document."""
    province = province_by_code(code) if code else None
    if province is None:
        return ()
    levels = [p for p in province.prefixes if len(p) > 1]
    single = [p for p in province.prefixes if len(p) == 1]
    owned = [d + p for d in _rules()["owner_determiners"] for p in single]
    return tuple(sorted({*province.names, *levels, *owned}, key=len, reverse=True))


@cache
def _leading_verbs() -> tuple[str, ...]:
    return tuple(sorted((w for w in _rules()["stop_words"] if len(w) > 1), key=len, reverse=True))


def _kind_word(name: str) -> str | None:
    return next(
        (w for w in sorted(_rules()["kinds"], key=len, reverse=True) if name.endswith(w)), None
    )


def canonical(name: str, province: Province | str | None = None) -> str:
    """The base a program name denotes in a document of `province` (a Province or its code):
    its first clause when a name cell runs on and that clause ends with a kind word,
    regulators' names in one form, the province's own name or level and a leading verb
    dropped from the front (never down to less than two characters before the kind word)."""
    code = province.code if isinstance(province, Province) else province
    return _canonical(name, code)


@lru_cache(maxsize=1 << 16)  # a document asks the same names many times (str in, str out)
def _canonical(name: str, code: str | None) -> str:
    out = _key(name)
    clause = re.split("[，；。]", out)[0]  # a table's name cell that runs on: 推进…改革，构建…
    if clause != out and _kind_word(clause):
        out = clause
    for written, form in _agency_forms():
        if written in out:
            out = out.replace(written, form)
            tail = form[-2:]  # 国家药监局监管科学 → 国家药品监管监管科学 → 国家药品监管科学
            out = out.replace(form + tail, form)
    kind = _kind_word(out) or ""
    changed = True
    while changed:  # 浙江省 then 省级, a verb then the owner: strip while something goes
        changed = False
        for word in (*_owner_words(code), *_leading_verbs()):
            if out.startswith(word) and len(out) - len(word) > len(kind) + 1:
                out, changed = out[len(word) :], True
                break
    return out


@cache
def _agency_forms() -> list[tuple[str, str]]:
    """Regulators' written names and their one form, the longest written name first."""
    return sorted(_rules()["agency_forms"].items(), key=lambda kv: -len(kv[0]))


def _adds_a_level(head: str) -> bool:
    return any(head.endswith(w) or head.startswith(w) for w in _rules()["level_words"])


def merge_variants(bases: Iterable[str]) -> dict[str, str]:
    """base → the base of the program it names, within one document: a name ending exactly
    one longest name (of the same kind word, since the tail holds it) is that program,
    unless the longer adds a level. Bases that stand alone map to themselves."""
    bases = sorted(set(bases), key=len, reverse=True)
    longest = [b for b in bases if not any(o != b and o.endswith(b) for o in bases)]
    out = {b: b for b in bases}
    for b in bases:
        kind = _kind_word(b)
        if b in longest or not kind or len(b) - len(kind) < _rules()["tail_min_core"]:
            continue
        ends = [o for o in longest if o.endswith(b)]
        if len(ends) == 1 and not _adds_a_level(ends[0][: -len(b)]):
            out[b] = ends[0]
    return out


def no_program_because(text: str, start: int, end: int, name: str, code: str | None) -> str | None:
    """Why the naming at text[start:end] is no program (None when it is one)."""
    rules = _rules()
    if re.match(rules["discipline_after"], text[end : end + 8]):
        return "a field of study"
    clause_start = max(text.rfind(c, 0, start) for c in _CLAUSE_END) + 1
    clause = text[clause_start:start]
    verbs = tuple(rules["connect_verbs"])
    if any(v in clause for v in verbs):
        return "connected with, not built"
    if text[start - 1 : start] == "与" and text[end:].lstrip("”").startswith(verbs):
        return "connected with, not built"
    core = canonical(name, code)
    kind = _kind_word(core)
    core = core[: -len(kind)] if kind else core
    if len(_without_places(core)) < 2:
        return "only a place"
    return None


@lru_cache(maxsize=4096)  # pure in the core: each call sorted every province's names again
def _without_places(core: str) -> str:
    for p in provinces():
        for n in sorted({*p.names, p.name}, key=len, reverse=True):
            core = core.replace(n, "")
    return core
