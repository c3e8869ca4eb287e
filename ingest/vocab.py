"""Vocabularies and reference data: provinces, regions, departments, topics, indicators.

The data lives in data/reference/ and data/taxonomy/ (installed as policykg/_data); each
file's header documents its fields. This module validates the files (pydantic, extra keys
forbidden, cross-file integrity) and serves them from cached loaders. Every loader takes
an optional path, so a test or a user can point it at another file; a broken file raises
`InputError` naming the file and the field.

Besides the loaders it holds the reference semantics of the files: expanding the
department vocabulary for one province (`department_lexicon`, `resolve_department`,
`find_departments`) and the synonym/pattern/exclude matcher shared by topics and
indicators (`match_topics`, `match_indicator`). Everything works on Simplified text.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from policykg.errors import InputError
from policykg.resources import data_path

ProvinceKind = Literal["province", "municipality", "autonomous_region", "sar"]
Level = Literal["national", "provincial", "municipal", "district", "division"]

#: The topic keys DESIGN.md requires (more are welcome).
DESIGN_TOPIC_KEYS: tuple[str, ...] = (
    "udi", "drug_traceability", "vaccine_oversight", "pharmacovigilance", "mah_system",
    "device_registrant", "tcm", "cosmetics", "ai_medical_devices", "brain_computer_interface",
    "cell_gene_therapy", "rare_disease", "blood_products", "special_drugs", "inspector_workforce",
    "smart_regulation", "review_approval_reform", "generic_consistency", "clinical_trials",
    "online_sales", "emergency_response", "standards", "credit_regulation", "testing_capacity",
    "regulatory_science", "lot_release", "pics", "international", "yangtze_river_delta",
    "chengdu_chongqing", "regional_cooperation",
)  # fmt: skip


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --------------------------------------------------------------------------- provinces


class Province(_Strict):
    code: str = Field(pattern=r"^\d{6}$")
    name: str
    name_en: str
    short: str
    short_alt: tuple[str, ...] = ()
    kind: ProvinceKind
    aliases: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = Field(min_length=1)
    doc_number_prefixes: tuple[str, ...] = ()
    mainland_system: bool = True

    @property
    def names(self) -> tuple[str, ...]:
        """Full name and aliases, longest first (for finding the province in text)."""
        return tuple(sorted({self.name, *self.aliases}, key=len, reverse=True))


class _ProvinceFile(_Strict):
    provinces: tuple[Province, ...]


# --------------------------------------------------------------------------- regions


class Region(_Strict):
    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    name_en: str
    members: tuple[str, ...] = Field(min_length=2)
    triggers: tuple[str, ...] = Field(min_length=1)
    topic: str


class _RegionFile(_Strict):
    regions: tuple[Region, ...]


# --------------------------------------------------------------------------- matching rules


class ExcludeRule(_Strict):
    """Drops a hit of a look-alike; exactly one of inside/before/after/near."""

    inside: tuple[str, ...] = ()
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    near: tuple[str, ...] = ()
    within: int = Field(0, ge=0)
    terms: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _one_kind(self) -> ExcludeRule:
        given = [k for k in ("inside", "before", "after", "near") if getattr(self, k)]
        if len(given) != 1:
            raise ValueError(
                f"give exactly one of inside/before/after/near (got {given or 'none'})"
            )
        return self


class Pattern(_Strict):
    """One term of every group within `within` characters; group 0's term is the anchor."""

    all: tuple[tuple[str, ...], ...] = Field(min_length=2)
    within: int | None = Field(None, ge=1)


class _Matchable(_Strict):
    synonyms: tuple[str, ...] = ()
    patterns: tuple[Pattern, ...] = ()
    exclude: tuple[ExcludeRule, ...] = ()


class Topic(_Matchable):
    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name_zh: str
    name_en: str
    broader: tuple[str, ...] = ()


class _TopicFile(_Strict):
    topics: tuple[Topic, ...]


class Indicator(_Matchable):
    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    name_en: str
    unit: str | None = None
    measure: Literal[
        "rate", "count", "per_capita", "score", "level", "incidents", "amount", "hours"
    ]
    direction: Literal["higher", "lower", "none"] = "higher"
    topics: tuple[str, ...] = Field(min_length=1)
    examples: tuple[str, ...] = ()


class _IndicatorFile(_Strict):
    indicators: tuple[Indicator, ...]


# --------------------------------------------------------------------------- departments


class DepartmentEntry(_Strict):
    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    kind: str
    level: Level
    name: str
    name_by_kind: dict[ProvinceKind, str] = Field(default_factory=dict)
    names_by_province: dict[str, str] = Field(default_factory=dict)
    level_by_kind: dict[ProvinceKind, Level] = Field(default_factory=dict)
    stems: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    instances: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    patterns: tuple[str, ...] = ()
    parent: str | None = None
    collective: bool = False
    provinces: tuple[str, ...] = ()


class _DepartmentFile(_Strict):
    departments: tuple[DepartmentEntry, ...]


class DepartmentName(_Strict):
    """A department resolved for one province: what the graph's Department node holds."""

    key: str  # the departments.yaml entry it came from
    name: str  # canonical full name
    kind: str
    level: Level
    parent: str | None = None  # canonical name of the body it belongs to
    collective: bool = False


# --------------------------------------------------------------------------- loading


def _load[M: BaseModel](path: Path, model: type[M]) -> tuple[M, Any]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise InputError(f"{path}: cannot read the vocabulary file ({e.strerror or e})") from e
    except yaml.YAMLError as e:
        raise InputError(f"{path}: not valid YAML: {e}") from e
    try:
        return model.model_validate(raw), raw
    except ValidationError as e:
        raise InputError(f"{path}: {_describe(e, raw)}") from e


def _describe(error: ValidationError, raw: Any) -> str:
    """'provinces[3] (code 310000).kind: Input should be …' for the first few errors."""
    parts = []
    for err in error.errors()[:5]:
        where, node = "", raw
        for step in err["loc"]:
            if isinstance(step, int):
                where += f"[{step}]"
                node = node[step] if isinstance(node, list) and step < len(node) else None
                ident = next(
                    (
                        f"{k} {node[k]}"
                        for k in ("key", "code")
                        if isinstance(node, dict) and k in node
                    ),
                    None,
                )
                if ident:
                    where += f" ({ident})"
            else:
                where += f".{step}" if where else str(step)
                node = node.get(step) if isinstance(node, dict) else None
        parts.append(f"{where or 'file'}: {err['msg']}")
    more = len(error.errors()) - len(parts)
    return "; ".join(parts) + (f" (and {more} more)" if more > 0 else "") + "; fix the file"


def _fail(path: Path, where: str, message: str) -> InputError:
    return InputError(f"{path}: {where}: {message}; fix the file")


def _duplicates(values: list[str]) -> list[str]:
    seen: set[str] = set()
    dup: set[str] = set()
    for v in values:
        (dup if v in seen else seen).add(v)
    return sorted(dup)


@cache
def provinces(path: Path | None = None) -> tuple[Province, ...]:
    """The 34 provincial-level divisions (data/reference/provinces.yaml)."""
    path = path or data_path("reference", "provinces.yaml")
    data, _ = _load(path, _ProvinceFile)
    for field in ("code", "name"):
        dup = _duplicates([getattr(p, field) for p in data.provinces])
        if dup:
            raise _fail(path, f"provinces.{field}", f"duplicate values {dup}")
    owner: dict[str, str] = {}
    for i, p in enumerate(data.provinces):
        for form in {p.name, p.short, *p.short_alt, *p.aliases}:
            if owner.setdefault(form, p.code) != p.code:
                raise _fail(
                    path, f"provinces[{i}] (code {p.code})", f"{form!r} also names {owner[form]}"
                )
    return data.provinces


@cache
def _province_index() -> Mapping[str, Province]:
    index: dict[str, Province] = {}
    for p in provinces():
        for form in (p.code, p.name, p.short, *p.short_alt, *p.aliases):
            index[form] = p
    return MappingProxyType(index)


def province_by_name(text: str) -> Province | None:
    """The province a full name, alias, abbreviation or code names (上海市/上海/沪/310000)."""
    return _province_index().get(text.strip())


def province_by_code(code: str) -> Province | None:
    return next((p for p in provinces() if p.code == code), None)


@cache
def regions(path: Path | None = None) -> tuple[Region, ...]:
    """Cooperation regions (data/reference/regions.yaml), checked against provinces and topics."""
    path = path or data_path("reference", "regions.yaml")
    data, _ = _load(path, _RegionFile)
    dup = _duplicates([r.key for r in data.regions])
    if dup:
        raise _fail(path, "regions.key", f"duplicate keys {dup}")
    codes = {p.code for p in provinces()}
    topic_by_key = {t.key: t for t in topics()}
    for i, r in enumerate(data.regions):
        where = f"regions[{i}] (key {r.key})"
        unknown = [c for c in r.members if c not in codes]
        if unknown:
            raise _fail(path, where + ".members", f"unknown province codes {unknown}")
        topic = topic_by_key.get(r.topic)
        if topic is None:
            raise _fail(path, where + ".topic", f"no topic {r.topic!r} in topics.yaml")
        missing = [t for t in r.triggers if t not in topic.synonyms]
        if missing:
            raise _fail(path, where + ".triggers", f"not synonyms of topic {r.topic}: {missing}")
    return data.regions


@cache
def topics(path: Path | None = None) -> tuple[Topic, ...]:
    """The topic taxonomy (data/taxonomy/topics.yaml): keys unique, hierarchy valid, acyclic."""
    path = path or data_path("taxonomy", "topics.yaml")
    data, _ = _load(path, _TopicFile)
    keys = [t.key for t in data.topics]
    dup = _duplicates(keys)
    if dup:
        raise _fail(path, "topics.key", f"duplicate keys {dup}")
    missing = [k for k in DESIGN_TOPIC_KEYS if k not in keys]
    if missing:
        raise _fail(path, "topics.key", f"topic keys required by DESIGN.md are missing: {missing}")
    known = set(keys)
    for i, t in enumerate(data.topics):
        unknown = [b for b in t.broader if b not in known or b == t.key]
        if unknown:
            raise _fail(path, f"topics[{i}] (key {t.key}).broader", f"unknown topic keys {unknown}")
        _check_rules(path, f"topics[{i}] (key {t.key})", t)
    parents = {t.key: t.broader for t in data.topics}
    for t in data.topics:
        if t.key in _ancestors(t.key, parents):
            raise _fail(path, f"topics (key {t.key}).broader", "the hierarchy has a cycle")
    return data.topics


@cache
def indicators(path: Path | None = None) -> tuple[Indicator, ...]:
    """Canonical indicators (data/taxonomy/indicators.yaml); their topics must exist."""
    path = path or data_path("taxonomy", "indicators.yaml")
    data, _ = _load(path, _IndicatorFile)
    dup = _duplicates([ind.key for ind in data.indicators])
    if dup:
        raise _fail(path, "indicators.key", f"duplicate keys {dup}")
    known = {t.key for t in topics()}
    for i, ind in enumerate(data.indicators):
        unknown = [k for k in ind.topics if k not in known]
        if unknown:
            raise _fail(
                path, f"indicators[{i}] (key {ind.key}).topics", f"unknown topic keys {unknown}"
            )
        _check_rules(path, f"indicators[{i}] (key {ind.key})", ind)
    return data.indicators


@cache
def departments(path: Path | None = None) -> tuple[DepartmentEntry, ...]:
    """The department vocabulary (data/reference/departments.yaml), integrity-checked."""
    path = path or data_path("reference", "departments.yaml")
    data, _ = _load(path, _DepartmentFile)
    dup = _duplicates([d.key for d in data.departments])
    if dup:
        raise _fail(path, "departments.key", f"duplicate keys {dup}")
    by_key = {d.key: d for d in data.departments}
    codes = {p.code for p in provinces()}
    for i, d in enumerate(data.departments):
        where = f"departments[{i}] (key {d.key})"
        if d.parent is not None and d.parent not in by_key:
            raise _fail(path, where + ".parent", f"no department entry {d.parent!r}")
        if d.level == "division" and d.parent is None:
            raise _fail(path, where + ".parent", "a division needs a parent")
        for field in ("provinces", "names_by_province", "instances"):
            unknown = [c for c in getattr(d, field) if c not in codes]
            if unknown:
                raise _fail(path, f"{where}.{field}", f"unknown province codes {unknown}")
        templates = [d.name, *d.name_by_kind.values(), *d.names_by_province.values()]
        if d.parent is None and any("{parent}" in t for t in templates):
            raise _fail(path, where + ".name", "{parent} needs a parent")
        if not d.patterns and any("{place}" in t for t in templates):
            raise _fail(path, where + ".name", "{place} needs patterns")
        for j, rx in enumerate(d.patterns):
            try:
                compiled = re.compile(rx)
            except re.error as e:
                raise _fail(
                    path, f"{where}.patterns[{j}]", f"invalid regular expression ({e})"
                ) from e
            if "place" not in compiled.groupindex:
                raise _fail(path, f"{where}.patterns[{j}]", "needs a named group (?P<place>…)")
        if not (d.stems or d.aliases or d.instances or d.patterns or d.level == "national"):
            raise _fail(
                path, where, "no stems, aliases, instances or patterns: nothing can match it"
            )
    for d in data.departments:  # parent chains end
        chain, node = [d.key], d
        while node.parent is not None:
            if node.parent in chain:
                raise _fail(path, f"departments (key {d.key}).parent", "parent chain has a cycle")
            chain.append(node.parent)
            node = by_key[node.parent]
    return data.departments


def _check_rules(path: Path, where: str, item: _Matchable) -> None:
    if not item.synonyms and not item.patterns and not isinstance(item, Topic):
        raise _fail(path, where + ".synonyms", "no synonyms or patterns: nothing can match it")
    if any(not s.strip() for s in item.synonyms):
        raise _fail(path, where + ".synonyms", "empty synonym")
    dup = _duplicates(list(item.synonyms))
    if dup:
        raise _fail(path, where + ".synonyms", f"duplicate synonyms {dup}")


def _ancestors(key: str, parents: Mapping[str, tuple[str, ...]]) -> set[str]:
    out: set[str] = set()
    todo = list(parents.get(key, ()))
    while todo:
        k = todo.pop()
        if k not in out:
            out.add(k)
            todo.extend(parents.get(k, ()))
    return out


@cache
def topic_ancestors(key: str) -> frozenset[str]:
    """All broader topics of a topic (transitively)."""
    return frozenset(_ancestors(key, {t.key: t.broader for t in topics()}))


@cache
def topic_narrower(key: str) -> frozenset[str]:
    """All narrower topics of a topic (transitively), for include_narrower queries."""
    return frozenset(t.key for t in topics() if key in topic_ancestors(t.key))


# --------------------------------------------------------------------------- departments: expansion

_WIDE = str.maketrans({"(": "（", ")": "）", ":": "：", ";": "；", ",": "，"})


def _wide(text: str) -> str:
    """Half-width brackets and punctuation to full width (same length, offsets kept)."""
    return text.translate(_WIDE)


def _norm_mention(text: str) -> str:
    text = re.sub(r"[\s\u3000]+", "", _wide(text))
    return text.strip("“”\"'‘’《》「」")


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
        return out[key]

    for d in departments():
        resolve(d.key)
    return MappingProxyType(out)


def _surfaces(d: DepartmentEntry, p: Province, resolved: Mapping[str, DepartmentName]) -> set[str]:
    prefixes = (*p.prefixes, p.name, *p.aliases)
    forms = {resolved[d.key].name, *d.aliases}
    forms |= {pre + stem for pre in prefixes for stem in d.stems}
    if d.parent:
        parent = next(e for e in departments() if e.key == d.parent)
        parent_forms = _surfaces(parent, p, resolved)
        forms |= {pf + a for pf in parent_forms for a in d.aliases}
        if not d.collective and parent.level == "provincial":
            forms |= {pre + a for pre in prefixes for a in d.aliases}
    return {_norm_mention(f) for f in forms}


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
            for surface in sorted(_surfaces(d, p, resolved)):
                add(surface, resolved[d.key])
    return MappingProxyType(lexicon)


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
    return MappingProxyType({c: tuple(sorted(s, key=len, reverse=True)) for c, s in index.items()})


def find_departments(
    text: str, code: str, *, divisions: bool = False
) -> list[tuple[int, int, DepartmentName]]:
    """Department mentions in running text: longest match, left to right, (start, end, dept).

    Bare division aliases (监测中心, 药检所, 综合处) only count with `divisions=True` — in a
    regulator's own task table; elsewhere they are common nouns (4个食品药品检验所, 网络化妆品
    监测中心) and only their prefixed forms (市药监局器审中心, 省药品检查中心) count.
    """
    wide = _wide(text)
    index = _lexicon_by_first_char(code, divisions)
    lexicon = department_lexicon(code)
    out, i = [], 0
    while i < len(wide):
        for surface in index.get(wide[i], ()):
            if wide.startswith(surface, i):
                out.append((i, i + len(surface), lexicon[surface]))
                i += len(surface)
                break
        else:
            i += 1
    return out


# --------------------------------------------------------------------------- topics and indicators

_SENTENCE_END = re.compile(r"[。；;！!？?\n]")


@dataclass(frozen=True)
class Hit:
    """One surviving match of a topic or indicator in a text."""

    key: str
    matched: str  # the text that matched (a synonym, or the span a pattern covered)
    start: int  # offsets into the text given to the matcher
    end: int
    term: str  # the synonym or the pattern's anchor term
    score: int  # characters matched (synonym length, or the sum of a pattern's terms)


def _is_latin(term: str) -> bool:
    return term.isascii()


def _occurrences(term: str, text: str) -> Iterator[tuple[int, int]]:
    if _is_latin(term):  # case-insensitive; a word edge must not touch another Latin word
        for m in re.finditer(re.escape(term), text, flags=re.IGNORECASE):
            before = text[m.start() - 1] if m.start() else ""
            after = text[m.end()] if m.end() < len(text) else ""
            glued_left = term[0].isalnum() and before.isascii() and before.isalnum()
            glued_right = term[-1].isalnum() and after.isascii() and after.isalnum()
            if not glued_left and not glued_right:
                yield m.start(), m.end()
        return
    start = text.find(term)
    while start >= 0:
        yield start, start + len(term)
        start = text.find(term, start + 1)


def _excluded(rules: tuple[ExcludeRule, ...], term: str, a: int, b: int, text: str) -> bool:
    for rule in rules:
        if rule.terms and term not in rule.terms:
            continue
        if rule.inside:
            if any(s <= a and b <= e for p in rule.inside for s, e in _occurrences(p, text)):
                return True
            continue
        words = rule.before or rule.after or rule.near
        for w in words:
            for s, e in _occurrences(w, text):
                is_before = e <= a and a - e <= rule.within
                is_after = s >= b and s - b <= rule.within
                if (rule.before and is_before) or (rule.after and is_after):
                    return True
                if rule.near and (is_before or is_after):
                    return True
    return False


def _pattern_hits(item: _Matchable, key: str, text: str) -> Iterator[Hit]:
    for pattern in item.patterns:
        occ = [
            [(s, e, t) for t in group for s, e in _occurrences(t, text)] for group in pattern.all
        ]
        if not all(occ):
            continue
        for anchor in occ[0]:
            if _excluded(item.exclude, anchor[2], anchor[0], anchor[1], text):
                continue
            best: tuple[int, int, int] | None = None
            for combo in itertools.islice(itertools.product(*occ[1:]), 5000):
                start = min(anchor[0], *(c[0] for c in combo))
                end = max(anchor[1], *(c[1] for c in combo))
                if pattern.within is not None and end - start > pattern.within:
                    continue
                if best is None or end - start < best[1] - best[0]:
                    best = (start, end, sum(len(c[2]) for c in (anchor, *combo)))
            if best is not None:
                yield Hit(key, text[best[0] : best[1]], best[0], best[1], anchor[2], best[2])


def _hits(item: _Matchable, key: str, text: str) -> list[Hit]:
    """Synonym hits and pattern hits of one topic/indicator that no exclude rule drops."""
    found = [
        Hit(key, text[s:e], s, e, syn, len(syn))
        for syn in item.synonyms
        for s, e in _occurrences(syn, text)
        if not _excluded(item.exclude, syn, s, e, text)
    ]
    found.extend(_pattern_hits(item, key, text))
    return found


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            yield start, text[start : m.start()]
        start = m.end()
    if start < len(text):
        yield start, text[start:]


def topic_hits(text: str) -> list[Hit]:
    """Every surviving topic hit in a text, sentence by sentence, offsets into `text`.

    A hit of a broader topic lying inside a hit of one of its narrower topics is dropped.
    """
    out: list[Hit] = []
    for offset, sentence in _sentences(_wide(text)):
        hits = [h for t in topics() for h in _longest_first(_hits(t, t.key, sentence))]
        for h in hits:
            redundant = any(
                h.key in topic_ancestors(o.key) and o.start <= h.start and h.end <= o.end
                for o in hits
            )
            if not redundant:
                out.append(Hit(h.key, h.matched, h.start + offset, h.end + offset, h.term, h.score))
    return sorted(out, key=lambda h: (h.start, -h.score))


def _longest_first(hits: list[Hit]) -> list[Hit]:
    """Overlapping hits of one topic collapse to the longest (药品上市许可持有人, not 持有人)."""
    kept: list[Hit] = []
    for h in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if all(h.end <= k.start or h.start >= k.end for k in kept):
            kept.append(h)
    return kept


def match_topics(text: str) -> list[tuple[str, str]]:
    """(topic key, matched text) for every topic the text addresses, first hit each."""
    seen: dict[str, str] = {}
    for h in topic_hits(text):
        seen.setdefault(h.key, h.matched)
    return list(seen.items())


def rank_indicators(name: str) -> list[Hit]:
    """Indicators whose synonyms/patterns match an indicator name, best first (one hit each)."""
    text = _wide(name)
    best: dict[str, Hit] = {}
    for ind in indicators():
        for h in _hits(ind, ind.key, text):
            if h.key not in best or h.score > best[h.key].score:
                best[h.key] = h
    return sorted(best.values(), key=lambda h: -h.score)


def match_indicator(name: str) -> str | None:
    """The canonical indicator key for an indicator name, or None (no match, or a tie)."""
    ranked = rank_indicators(name)
    if not ranked or (len(ranked) > 1 and ranked[1].score == ranked[0].score):
        return None
    return ranked[0].key


def indicator_by_key(key: str) -> Indicator | None:
    return next((i for i in indicators() if i.key == key), None)


def topic_by_key(key: str) -> Topic | None:
    return next((t for t in topics() if t.key == key), None)
