"""Gold annotation files (tests/gold/*.json): the pydantic models and the loader.

A gold file records, by careful reading of one corpus document, what the extractor should
find in it. `evaluation.score` scores an ExtractionRecord against it. The format is described
in tests/gold/README.md.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Literal, get_args

from policykg.ingest import vocab
from policykg.ingest.record import Binding, Comparator, Role, Statement
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    model_validator,
)

from policykg.errors import InputError

# The topic keys of DESIGN.md plus the region topics of data/reference/regions.yaml.
# The topics gold files speak of: DESIGN.md's keys and the cooperation regions.
REGION_KEYS = frozenset(r.key for r in vocab.regions())
TOPIC_KEYS = frozenset(vocab.DESIGN_TOPIC_KEYS) | REGION_KEYS
# narrower → broader: a set of topics is closed under these before comparison.
BROADER = {region: "regional_cooperation" for region in REGION_KEYS}

Scope = Literal[
    "document",
    "measures",
    "responsibility",
    "targets",
    "departments",
    "programs",
    "topics",
    "regions",
    "references",
]
ALL_SCOPES: tuple[Scope, ...] = get_args(Scope)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _vocabulary(known: frozenset[str], what: str):
    def check(keys: list[str]) -> list[str]:
        unknown = sorted(set(keys) - known)
        if unknown:
            raise ValueError(f"unknown {what} key(s) {unknown}; known: {sorted(known)}")
        return keys

    return AfterValidator(check)


Topics = Annotated[list[str], _vocabulary(TOPIC_KEYS, "topic")]
Regions = Annotated[list[str], _vocabulary(REGION_KEYS, "region")]


class GoldResponsibility(Strict):
    mention: str = Field(min_length=1)  # exactly as written (Simplified)
    name: str = Field(min_length=1)  # canonical full name
    role: Role


class GoldMeasure(Strict):
    key: str = Field(min_length=6, max_length=20)  # a distinctive snippet of the measure text
    statement: Statement = "commitment"
    departments: list[GoldResponsibility] = Field(default_factory=list)
    topics: Topics = Field(default_factory=list)


class GoldTarget(Strict):
    indicator: str = Field(min_length=1)
    value: float | None = None
    value_text: str = Field(min_length=1)
    unit: str | None = None
    comparator: Comparator | None = None
    year: int | None = None  # null: the text states no year (any extracted year is accepted)
    baseline: float | None = None
    baseline_year: int | None = None
    binding: Binding | None = None
    cumulative: bool = False
    departments: list[GoldResponsibility] | None = None  # null: not annotated
    topics: Topics = Field(default_factory=list)


class GoldDepartment(Strict):
    name: str = Field(min_length=1)
    kind: str | None = None
    level: str | None = None


class GoldReference(Strict):
    title: str | None = None
    doc_number: str | None = None

    @model_validator(mode="after")
    def _title_or_number(self) -> GoldReference:
        if not (self.title or self.doc_number):
            raise ValueError("a reference needs a title or a doc_number")
        return self


class GoldDocumentInfo(Strict):
    """Only the fields written in the gold file are scored (null = the text gives none)."""

    province: str | None = None
    province_code: str | None = None
    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    issued_date: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    published_date: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    kind: str | None = None
    period: str | None = None
    script: Literal["simplified", "traditional"] | None = None


class GoldDocument(Strict):
    source: str = Field(min_length=1)  # file name of the corpus document
    scope: list[Scope] = Field(default_factory=lambda: list(ALL_SCOPES))
    document: GoldDocumentInfo = Field(default_factory=GoldDocumentInfo)
    measures: list[GoldMeasure] = Field(default_factory=list)
    targets: list[GoldTarget] = Field(default_factory=list)
    departments: list[GoldDepartment] = Field(default_factory=list)
    programs: list[str] = Field(default_factory=list)
    topics: Topics = Field(default_factory=list)
    regions: Regions = Field(default_factory=list)
    references: list[str | GoldReference] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)  # annotator's remarks, not scored

    _path: Path | None = PrivateAttr(default=None)

    @property
    def path(self) -> Path | None:
        """The gold file this document was loaded from."""
        return self._path


def gold_files(paths: list[Path] | Path) -> list[Path]:
    """The gold files named by `paths`: files as given, folders' *.json sorted."""
    out: list[Path] = []
    for p in [paths] if isinstance(paths, Path | str) else paths:
        p = Path(p)
        if p.is_dir():
            out += sorted(p.glob("*.json"))
        elif p.is_file():
            out.append(p)
        else:
            raise InputError(f"{p}: no such gold file or folder")
    return out


def load_gold(path: Path | str) -> list[GoldDocument]:
    """Load one gold file (or every *.json of a folder); malformed input is an InputError."""
    docs = []
    for file in gold_files(Path(path)):
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as e:
            raise InputError(f"{file}: cannot read the gold file: {e}") from e
        except json.JSONDecodeError as e:
            raise InputError(f"{file}: not valid JSON at line {e.lineno}, column {e.colno}: "
                             f"{e.msg}") from e  # fmt: skip
        try:
            doc = GoldDocument.model_validate(data)
        except ValidationError as e:
            first = e.errors()[0]
            field = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in first["loc"])
            raise InputError(f"{file}: field '{field.lstrip('.') or '(root)'}': {first['msg']}"
                             f" ({e.error_count()} error(s); see tests/gold/README.md)") from e  # fmt: skip
        doc._path = file
        docs.append(doc)
    return docs
