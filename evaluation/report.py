"""The evaluation's report: per entity type tp/fp/fn with precision, recall and F1
(`TypeScore`), the shares that are not P/R/F1 (`Ratio`: roles, values, targets found,
metadata fields), one document's scores, the micro-averaged `Report`, and the terminal
table `policykg evaluate` prints (`format_report`).

Kept apart from the scoring (evaluation/score.py, evaluation/type_scores.py) because this
is what callers read, store as JSON and print; it knows nothing of gold or records.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, Field, computed_field

# the entity types scored, in the order a report lists them
TYPES = (
    "document", "measures", "statements", "responsibility", "target_responsibility", "targets",
    "departments", "programs", "topics", "regions", "references",
)  # fmt: skip


class TypeScore(BaseModel):
    tp: int = 0
    fp: int = 0
    fn: int = 0
    recall_only: bool = False  # partially annotated: unmatched extractions are not counted
    missed: list[str] = Field(default_factory=list)  # gold items not found
    spurious: list[str] = Field(default_factory=list)  # extracted items matching no gold item

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: TypeScore) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn


class Ratio(BaseModel):
    """right of `of` (role accuracy: pairs found whatever their role; value accuracy:
    targets found whatever their value)."""

    right: int = 0
    of: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def share(self) -> float:
        return self.right / self.of if self.of else 1.0

    def add(self, other: Ratio) -> None:
        self.right, self.of = self.right + other.right, self.of + other.of


class DocumentScore(BaseModel):
    source: str
    types: dict[str, TypeScore]
    accuracy: dict[str, float] = Field(default_factory=dict)  # document fields: share correct
    ratios: dict[str, Ratio] = Field(default_factory=dict)  # see Report.ratios

    @computed_field  # type: ignore[prop-decorator]
    @property
    def overall(self) -> TypeScore:
        return total_score(self.types.values())


class Report(BaseModel):
    documents: list[DocumentScore]
    types: dict[str, TypeScore]  # micro-averaged over the documents that score the type
    overall: TypeScore
    # roles: responsibility pairs found (any role) with the right role; values: gold targets
    # found by indicator and year (any value) with the right value; targets_found: the share
    # of gold targets found that way; document_fields: metadata fields right of those stated.
    ratios: dict[str, Ratio] = Field(default_factory=dict)


def total_score(scores: Iterable[TypeScore]) -> TypeScore:
    total = TypeScore()
    for s in scores:
        total.add(s)
    return total


# --------------------------------------------------------------------------- printing

_SHORT = {"target_responsibility": "t_resp", "responsibility": "resp", "statements": "stmt"}
_RATIO_LABELS = {
    "roles": "responsibility roles right (of pairs found)",
    "targets_found": "targets found (indicator + year, any value)",
    "values": "target values right (of targets found)",
    "document_fields": "metadata fields right (of those stated)",
}


def format_report(report: Report, title: str | None = None) -> str:
    """The report as the terminal table of `policykg evaluate` (and CI's summary)."""
    lines = [f"== {title} ({len(report.documents)} documents)"] if title else []
    lines.append(f"{'type':<22}{'P':>7}{'R':>7}{'F1':>7}{'tp':>7}{'fp':>7}{'fn':>7}")
    for name, s in [*report.types.items(), ("overall", report.overall)]:
        label = name + ("*" if s.recall_only else "")
        lines.append(f"{label:<22}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
                     f"{s.tp:>7}{s.fp:>7}{s.fn:>7}")  # fmt: skip
    lines.append("* recall only (partially annotated: extra extractions not counted)")
    for key, label in _RATIO_LABELS.items():
        if r := report.ratios.get(key):
            lines.append(f"{label:<48}{r.share:>7.3f}  ({r.right}/{r.of})")
    lines.append("")
    columns = [t for t in TYPES if t in report.types]
    lines.append(
        f"{'F1 per document':<28}" + "".join(f"{_SHORT.get(t, t)[:7]:>8}" for t in columns)
    )
    for doc in report.documents:
        cells = [doc.types.get(t) for t in columns]
        lines.append(f"{doc.source[:27]:<28}" + "".join(
            f"{'-' if c is None else format(c.f1, '.3f') + ('*' if c.recall_only else ''):>8}"
            for c in cells))  # fmt: skip
    return "\n".join(lines) + "\n"
