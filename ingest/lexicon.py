"""The department vocabulary expanded for one province: surface form → canonical body.

data/reference/departments.yaml describes bodies by templates (`{province}药品监督管理局`,
stems written after the province's prefixes, division aliases written after their
parent). This module expands it for the province of a document, so that 市药监局 in a
Chongqing document and 市药品监管局 in a Shanghai one each resolve to their own
province's regulator, and checks that no surface form names two bodies.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache, lru_cache
from types import MappingProxyType

from policykg.ingest.full_width import HALF_WIDTH, wide
from policykg.ingest.vocab import (
    DepartmentEntry,
    DepartmentName,
    Province,
    departments,
    province_by_code,
    provinces,
)

from policykg.errors import InputError
from policykg.resources import data_path

_BLANKS = re.compile(r"[\s\u3000]+")  # compiled once: every surface of a province passes here
# What `wide` or _BLANKS would change (full_width.HALF_WIDTH: what `wide` widens): a surface
# holding none of it only loses its quotes (almost every surface: one scan, not two)
_NOT_PLAIN = re.compile(rf"{HALF_WIDTH.pattern}|[\s\u3000]")


_QUOTES = "“”\"'‘’《》「」"  # stripped from a mention's ends
# Any character _norm_mention may change or strip (each pattern a single character, so a
# search of several forms joined finds one iff a form holds one)
_CHANGED = re.compile(rf"{_NOT_PLAIN.pattern}|[{re.escape(_QUOTES)}]")


def _norm_mention(text: str) -> str:
    if _NOT_PLAIN.search(text) is not None:
        text = _BLANKS.sub("", wide(text))
    return text.strip(_QUOTES)


def _applies(d: DepartmentEntry, p: Province) -> bool:
    if d.provinces:
        return p.code in d.provinces
    return d.level == "national" or p.mainland_system


def _canonical(d: DepartmentEntry, p: Province, parent: str | None, place: str = "") -> str:
    template = d.names_by_province.get(p.code) or d.name_by_kind.get(p.kind) or d.name
    return (
        template.replace("{province}", p.name)
        .replace("{parent}", parent or "")
        .replace("{place}", place)
    )


@cache
def _resolved_entries(code: str) -> Mapping[str, DepartmentName]:
    """Each entry (without instances/patterns) resolved for one province, by key."""
    p = province_by_code(code)
    if p is None:
        raise InputError(
            f"unknown province code {code!r}; use a GB/T 2260 code from provinces.yaml"
        )
    by_key = {d.key: d for d in departments()}
    out: dict[str, DepartmentName] = {}

    def resolve(key: str) -> DepartmentName | None:
        if key in out:
            return out[key]
        d = by_key[key]
        if not _applies(d, p) or d.instances or d.patterns:
            return None
        parent = resolve(d.parent) if d.parent else None
        if d.parent and parent is None:
            return None
        out[key] = DepartmentName(
            key=d.key,
            name=_canonical(d, p, parent.name if parent else None),
            kind=d.kind,
            level=d.level_by_kind.get(p.kind, d.level),
            parent=parent.name if parent else None,
            collective=d.collective,
        )
        if d.successor and (successor := resolve(d.successor)) is not None:
            out[key] = out[key].model_copy(update={"successor": successor.name})
        return out[key]

    for d in departments():
        resolve(d.key)
    return MappingProxyType(out)


def _surfaces(
    d: DepartmentEntry,
    p: Province,
    resolved: Mapping[str, DepartmentName],
    memo: dict[str, set[str]] | None = None,
) -> set[str]:
    """memo: surfaces already made for this province, by key (a parent's serve each of its
    divisions; read only)."""
    if memo is not None and d.key in memo:
        return memo[d.key]
    prefixes = (*p.prefixes, p.name, *p.aliases)
    forms = {resolved[d.key].name, *d.aliases}
    forms |= {pre + stem for pre in prefixes for stem in d.stems}
    if d.parent:
        parent = next(e for e in departments() if e.key == d.parent)
        parent_forms = _surfaces(parent, p, resolved, memo)
        forms |= {pf + a for pf in parent_forms for a in d.aliases}
        if not d.collective and parent.level == "provincial":
            forms |= {pre + a for pre in prefixes for a in d.aliases}
    # a form holding nothing _norm_mention changes is its own: one search over all the forms
    # (nearly all plain) instead of a call per form; else each form normalized
    out = forms if _CHANGED.search("".join(forms)) is None else {_norm_mention(f) for f in forms}
    if memo is not None:
        memo[d.key] = out
    return out


@cache
def department_lexicon(code: str) -> Mapping[str, DepartmentName]:
    """Every surface form of every department for one province → the resolved department.

    Raises InputError if the vocabulary maps one surface form to two different bodies.
    """
    p = province_by_code(code)
    if p is None:
        raise InputError(
            f"unknown province code {code!r}; use a GB/T 2260 code from provinces.yaml"
        )
    resolved = _resolved_entries(code)
    lexicon: dict[str, DepartmentName] = {}
    memo: dict[str, set[str]] = {}

    def add(surface: str, dept: DepartmentName) -> None:
        other = lexicon.setdefault(surface, dept)
        if other.name != dept.name:
            raise InputError(
                f"{data_path('reference', 'departments.yaml')}: departments {other.key} and "
                f"{dept.key}: {surface!r} names both {other.name} and {dept.name} in {p.name}; "
                "fix the file"
            )

    for d in departments():
        if d.instances:
            for name in d.instances.get(p.code, ()):
                dept = DepartmentName(key=d.key, name=name, kind=d.kind, level=d.level)
                add(_norm_mention(name), dept)
        elif d.key in resolved:
            dept = resolved[d.key]
            for surface in sorted(_surfaces(d, p, resolved, memo)):
                # (add's test inline, its call only to raise: 110 000 surfaces over 21
                # provinces, where a call each cost a sixth of the build)
                other = lexicon.setdefault(surface, dept)
                if other is not dept and other.name != dept.name:
                    add(surface, dept)
    return MappingProxyType(lexicon)


def resolve_national(mention: str) -> DepartmentName | None:
    """A national body (or a division of one) in a document whose province is unknown."""
    mainland = next(p for p in provinces() if p.mainland_system)
    hit = resolve_department(mention, mainland.code)
    if hit is None:
        return None
    levels = {d.key: d.level for d in departments()}
    parent = next((d.parent for d in departments() if d.key == hit.key), None)
    national = hit.level == "national" or levels.get(parent or "") == "national"
    return hit if national else None


def body_and_unit(
    name: str, code: str | None, unit_rx: re.Pattern[str]
) -> tuple[DepartmentName, str] | None:
    """A unit the vocabulary does not know under a body it does (国家卫生健康委办公厅,
    省药监局各检查分局): the body resolved (in province `code`, or nationally when None) and
    the unit written after it, the longest body first; None when no cut gives both.

    Written once because an issuer's canonical name (issuer_names.canonical_issuer, units that
    issue: 办公厅, …司) and a mentioned department (canonical_departments.resolve, divisions and field
    units) read the same shape with their own unit patterns. May raise InputError, as
    resolve_department does, for a province outside the department system."""
    for cut in range(len(name) - 2, 1, -1):
        head, unit = name[:cut], name[cut:]
        if not unit_rx.fullmatch(unit):
            continue
        body = resolve_department(head, code) if code is not None else resolve_national(head)
        if body is not None:
            return body, unit
    return None


@lru_cache(maxsize=8192)  # pure: 8,400 calls, 3,100 (mention, code) pairs (fingerprint)
def resolve_department(mention: str, code: str) -> DepartmentName | None:
    """One mention (as written, e.g. 市药监局) in a document of province `code`, or None.

    Exact surface forms first, then the open-class patterns (巴南区政府, 两江新区管委会).
    """
    text = _norm_mention(mention)
    hit = department_lexicon(code).get(text)
    if hit is not None:
        return hit
    p = province_by_code(code)
    assert p is not None  # department_lexicon checked the code
    for d in departments():
        if not d.patterns or not _applies(d, p):
            continue
        for rx in d.patterns:
            m = re.fullmatch(rx, text)
            if m:
                return DepartmentName(
                    key=d.key,
                    name=_canonical(d, p, None, m["place"]),
                    kind=d.kind,
                    level=d.level_by_kind.get(p.kind, d.level),
                    collective=d.collective,
                )
    return None


@cache
def _bare_division_aliases(code: str) -> frozenset[str]:
    """Division aliases as written without prefix (监测中心, 药检所): ambiguous in running text."""
    resolved = _resolved_entries(code)
    levels = {d.key: d.level for d in departments()}
    return frozenset(
        _norm_mention(a)
        for d in departments()
        if d.level == "division"
        and d.key in resolved
        and not d.provinces  # local units (万州食品药品检验所) are distinctive
        and levels.get(d.parent or "") == "provincial"  # national ones carry 国家药监局
        for a in d.aliases
        if _norm_mention(a) != resolved[d.key].name
    )


@cache
def _lexicon_by_first_char(code: str, divisions: bool) -> Mapping[str, tuple[str, ...]]:
    skip = frozenset() if divisions else _bare_division_aliases(code)
    index: dict[str, list[str]] = {}
    for surface in department_lexicon(code):
        if surface not in skip:
            index.setdefault(surface[0], []).append(surface)
    # (in no order: its readers, _surface_heads and _lexicon_by_first_pair, make sets of it)
    return MappingProxyType({c: tuple(s) for c, s in index.items()})


@cache
def _surface_heads(code: str, divisions: bool) -> re.Pattern[str]:
    """Where a surface of the first-character index can start: a few hundred pairs."""
    index = _lexicon_by_first_char(code, divisions)
    heads = {s[:2] for surfaces in index.values() for s in surfaces}
    if not heads:
        return re.compile("(?!)")  # an empty lexicon: no surface starts anywhere
    return re.compile("|".join(map(re.escape, sorted(heads, key=len, reverse=True))))


# The lengths a surface opening with a pair of characters can have, longest first. Trying
# surfaces longest first, one at a time, takes the same one as asking, per length, whether
# the text's next n characters are a surface of the index (of one length only one can be,
# and it opens with the text's pair), with one lookup per length.
Lengths = tuple[int, ...]


@cache
def _lexicon_by_first_pair(
    code: str, divisions: bool
) -> tuple[dict[str, Lengths], dict[str, Lengths], frozenset[str]]:
    """The first-character index split by the first two characters: (pair → the lengths of
    the surfaces opening with that pair, then 1 when its first character is a surface;
    character → (1,) when it is one; every surface of the index). The surfaces of a common
    first character (省, 市, 国 …) are many, and most do not go on with the text's next one."""
    # (the lengths only, and one set of the surfaces: was a frozenset of each pair's surfaces
    # of each length, 12 600 sets per province to build, ~20 ms a province)
    known = frozenset(
        s for surfaces in _lexicon_by_first_char(code, divisions).values() for s in surfaces
    )
    lengths: dict[str, set[int]] = {}
    singles: dict[str, Lengths] = {}
    for s in known:
        if len(s) >= 2:
            lengths.setdefault(s[:2], set()).add(len(s))
        else:  # (a surface has a first character)
            singles[s] = (1,)
    pairs = {h: (*sorted(ns, reverse=True), *singles.get(h[0], ())) for h, ns in lengths.items()}
    return pairs, singles, known


def find_departments(
    text: str, code: str, *, divisions: bool = False
) -> list[tuple[int, int, DepartmentName]]:
    """Department mentions in running text: longest match, left to right, (start, end, dept).

    Bare division aliases (监测中心, 药检所, 综合处) only count with `divisions=True` — in a
    regulator's own task table; elsewhere they are common nouns (4个食品药品检验所, 网络化妆品
    监测中心) and only their prefixed forms (市药监局器审中心, 省药品检查中心) count.
    """
    widened = wide(text)
    pairs, singles, known = _lexicon_by_first_pair(code, divisions)
    lexicon = department_lexicon(code)
    starts = _surface_heads(code, divisions)
    out, i = [], 0
    while i < len(widened):
        # jump to the next place a surface can start (its first two characters, or a
        # one-character surface): everywhere else the loop below would find nothing
        if (m := starts.search(widened, i)) is None:
            break
        i = m.start()
        head = widened[i : i + 2]
        for n in pairs.get(head) or singles.get(head[0], ()):
            # 商务部门 / 公安部门 name a kind of body, not the ministry 商务部 / 公安部
            surface = widened[i : i + n]
            if len(surface) == n and surface in known and not widened.startswith("门", i + n):
                out.append((i, i + n, lexicon[surface]))
                i += n
                break
        else:
            i += 1
    return out


@cache
def national_surfaces() -> tuple[str, ...]:
    """Every surface form of a national body (or a division of one), as the vocabulary
    writes it: what a national document names without a province."""
    mainland = next(p for p in provinces() if p.mainland_system)
    levels = {d.key: d.level for d in departments()}
    parents = {d.key: d.parent for d in departments()}
    out = []
    for surface, dept in department_lexicon(mainland.code).items():
        national = dept.level == "national" or levels.get(parents.get(dept.key) or "") == "national"
        if national and len(surface) >= 3:
            out.append(surface)
    return tuple(sorted(out, key=len, reverse=True))


def _place_or_district(place: str) -> bool:
    """A place, or a city's district named with its city (厦门市思明区), or a township or
    street (某某镇, 某某街道: the gazetteer stops at counties; their 食安办 is a committee's
    office like the county's)."""
    from policykg.ingest.places import TOWNSHIP, is_place_name, place_of

    if is_place_name(place) or TOWNSHIP.fullmatch(place):
        return True
    city = place_of(place)
    return bool(city and city != place and is_place_name(place[len(city) :]))


@lru_cache(maxsize=4096)  # pure in the name, a scan of every department's stems per call
def expanded_below_province(name: str) -> str:
    """A city's or county's body written short after its place (拉萨市食药局): the place and
    the full name the vocabulary gives that kind of body (食品药品监督管理局), when the short
    name is an abbreviation of it (its characters in the full name's order). A party
    committee's body (昆明市委办公室) is written with 中共, as it signs (中共昆明市委办公室)."""
    from policykg.ingest.places import is_place_name
    from policykg.ingest.vocab import departments

    # (a committee written with its level twice, 某市市委: the place's committee, 某市委)
    name = re.sub(
        r"^(?P<place>[\u4e00-\u9fff]{2,12}?(?P<level>[市州县区盟旗]))(?P=level)委",
        r"\g<place>委",
        name,
    )
    party = _PARTY_BODY.fullmatch(name)
    if party and (is_place_name(party["place"]) or party["place"] in _province_names()):
        return "中共" + name

    for d in departments():
        full = d.stems[0] if d.stems else ""
        for stem in d.stems[1:]:
            place = name[: -len(stem)]
            if name.endswith(stem) and _abbreviates(stem, full) and _place_or_district(place):
                return place + full
    return name


_PARTY_BODY = re.compile(
    r"(?P<place>[\u4e00-\u9fff]{2,12}?(?:自治区|[省市州县区盟旗]))委(?:办公室|办公厅|宣传部|组织部|政法委员会|政法委"
    r"|机构编制委员会办公室|编办|网信办|农村工作领导小组办公室|农办)?"  # (none: the committee)
)


@cache
def _province_names() -> frozenset[str]:
    return frozenset(p.name for p in provinces())


def _abbreviates(short: str, full: str) -> bool:
    """`short` is `full` abbreviated: its characters occur in `full`, in order, ends alike (委
    ends 委员会 alike: 卫健委 for 卫生健康委员会)."""
    it = iter(full)
    ends = (
        short[-1] == full[-1]
        or (short.endswith("委") and full.endswith("委员会"))
        or (short.endswith("办") and full.endswith("办公室"))  # 食安办: 食品安全委员会办公室
    )
    return ends and all(ch in it for ch in short)
