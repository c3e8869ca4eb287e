"""The vocabulary files read, validated and cached: one loader per file.

Each loader (`provinces`, `regions`, `topics`, `indicators`, `departments`, `laws`) reads
its YAML into the models of ingest/vocab_models.py, then checks what a model alone cannot:
unique keys and names, references to other files (a region's provinces and topic, an
indicator's topics, a department's parent), hierarchies without cycles. A broken file raises
`InputError` naming the file and the field. Separate from the models (what one entry may
hold) and from the look-ups (ingest/vocab_lookups.py, which only read the loaded data).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from policykg.ingest.vocab_models import (
    DepartmentEntry,
    Indicator,
    Law,
    Province,
    Region,
    Topic,
    _DepartmentFile,
    _IndicatorFile,
    _LawFile,
    _Matchable,
    _ProvinceFile,
    _RegionFile,
    _TopicFile,
)
from pydantic import BaseModel, ValidationError

from policykg.errors import InputError
from policykg.resources import data_path, load_yaml

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


def _load[M: BaseModel](path: Path, model: type[M]) -> tuple[M, Any]:
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
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
        if d.successor is not None and d.successor not in by_key:
            raise _fail(path, where + ".successor", f"no department entry {d.successor!r}")
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
def laws(path: Path | None = None) -> tuple[Law, ...]:
    """National laws and regulations by canonical title (data/reference/laws.yaml)."""
    path = path or data_path("reference", "laws.yaml")
    data, _ = _load(path, _LawFile)
    owner: dict[str, str] = {}
    for i, law in enumerate(data.laws):
        for name in law.names:
            if owner.setdefault(name, law.title) != law.title:
                raise _fail(path, f"laws[{i}]", f"{name!r} also names {owner[name]}")
    return data.laws
