"""The pydantic models of the vocabulary files (data/reference/, data/taxonomy/).

One model per entry kind (Province, Region, Topic, Indicator, DepartmentEntry, Law) and one
per file (`_ProvinceFile`, …), all frozen with extra keys forbidden, so a misspelt field is
an error, not a silent default. Separate from the loaders (ingest/vocab_loaders.py) because
these say what one entry may hold, while the loaders check what the files hold together
(unique keys, references between files); most callers import them through ingest/vocab.py.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

ProvinceKind = Literal["province", "municipality", "autonomous_region", "sar"]
Level = Literal["national", "provincial", "municipal", "district", "division"]


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
    division_words: tuple[str, ...] = ()
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
    # what is measured, in what unit, whose figure (issue 13.6: targets are put side by
    # side only when they measure the same thing); required of every entry by
    # tests/api/test_indicator_comparability.py, optional here so a new entry still loads
    definition: str | None = None
    unit: str | None = None
    measure: Literal[
        "rate", "count", "per_capita", "score", "level", "incidents", "amount", "hours",
        "duration",
    ]  # fmt: skip
    direction: Literal["higher", "lower", "none"] = "higher"
    scope: Literal["national"] | None = None  # the things counted are in a national list
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
    successor: str | None = None  # key of the body that took over (institutional reforms)


class _DepartmentFile(_Strict):
    departments: tuple[DepartmentEntry, ...]


# --------------------------------------------------------------------------- laws


class Law(_Strict):
    title: str = Field(min_length=2)
    aliases: tuple[str, ...] = ()
    bare: bool = True  # also recognised without 《》

    @property
    def names(self) -> tuple[str, ...]:
        return (self.title, *self.aliases)


class _LawFile(_Strict):
    laws: tuple[Law, ...]


class DepartmentName(_Strict):
    """A department resolved for one province: what the graph's Department node holds."""

    key: str  # the departments.yaml entry it came from
    name: str  # canonical full name
    kind: str
    level: Level
    parent: str | None = None  # canonical name of the body it belongs to
    collective: bool = False
    successor: str | None = None  # canonical name of the body that took over its functions
