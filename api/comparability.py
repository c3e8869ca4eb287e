"""Whether a target can be put beside the other targets of its indicator (issue 13.6).

An indicator (data/taxonomy/indicators.yaml) has one definition, unit and direction; a
target tracks it when its name matches. A name match is not enough to compare: a
percentage cut of review time and a review time in months share words, and a figure set for
five cities is not the province's. The rule reads data/taxonomy/units.yaml (unit kinds, the
words of part-of-province and national scope) and answers, for one target, comparable or
not with the reason — so /indicators/{key}/targets, /targets and /compare flag or set aside
what does not measure the same thing instead of lining it up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from policykg.ingest import vocab
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from policykg.errors import InputError
from policykg.resources import data_path


class _Words(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: tuple[str, ...] = ()


class _Part(_Words):
    value: str

    @field_validator("value")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as e:
            raise ValueError(f"not a valid regular expression ({e})") from e
        return value


class UnitsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kinds: dict[str, tuple[str, ...]]
    part_of_province: _Part
    national: _Words


@cache
def units_file(path: Path | None = None) -> UnitsFile:
    path = path or data_path("taxonomy", "units.yaml")
    try:
        data = UnitsFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError) as e:
        raise InputError(f"{path}: cannot read the units file ({e})") from e
    except ValidationError as e:
        where = ", ".join(".".join(map(str, err["loc"])) + ": " + err["msg"] for err in e.errors())
        raise InputError(f"{path}: {where}") from e
    seen: dict[str, str] = {}
    for kind, units in data.kinds.items():
        for unit in units:
            if unit in seen:
                raise InputError(f"{path}: kinds: {unit} is under both {seen[unit]} and {kind}")
            seen[unit] = kind
    return data


def unit_kind(unit: str | None) -> str | None:
    """percent, duration, count … of a unit as written; None if not in the vocabulary."""
    if not unit:
        return None
    return next((k for k, units in units_file().kinds.items() if unit in units), None)


@dataclass(frozen=True)
class Verdict:
    comparable: bool | None  # None: no canonical indicator to compare against
    reason: str | None = None


@cache
def judge(indicator_key: str | None, written: str | None, value_text: str | None,
          unit: str | None) -> Verdict:  # fmt: skip
    """Can this target (indicator as written, value as written, unit) stand beside the
    indicator's other targets? Rules in the order of data/taxonomy/units.yaml."""
    ind = vocab.indicator_by_key(indicator_key) if indicator_key else None
    if ind is None:
        return Verdict(None)
    rules = units_file()
    want = unit_kind(ind.unit)
    got = unit_kind(unit) if unit else want
    if unit and unit != ind.unit and got != want:
        return Verdict(False, f"unit {unit} ({got or 'unknown kind'}) does not measure what "
                              f"{ind.key} measures ({ind.unit}, {want})")  # fmt: skip
    name = written or ""
    part = re.search(rules.part_of_province.value, value_text or "")
    said = (
        part.group(0) if part else next((w for w in rules.part_of_province.name if w in name), None)
    )
    if said:
        return Verdict(False, f"set for part of the province ({said}), not for the province "
                              "as a whole")  # fmt: skip
    if ind.scope == "national" and not any(w in name for w in rules.national.name):
        return Verdict(False, f"{ind.key} counts entries of a national procedure or list; "
                              f"this target does not say 国家")  # fmt: skip
    return Verdict(True)
