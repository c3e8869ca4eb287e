"""Score ExtractionRecords against gold annotations (pure: no database, no extractor).

`score(gold, record)` compares one document; `evaluate(golds, records)` pairs documents by
source file name and micro-averages. Each entity type gets tp/fp/fn, precision, recall and
F1, plus the gold items it missed and the extracted items it could not match (for the
extractor's engineers). Matching rules are in tests/gold/README.md, in short:

- measures: a gold measure matches an extracted measure whose text contains its key (letters
  and digits only, NFKC); one-to-one; among several candidates the one sharing most
  responsibility tuples, then the first. `statements` scores (key, statement) on the pairs.
- responsibility: (key, mention, role) against the matched measure's departments; the
  mention must be equal, or the canonical name. A wrong role is one fp and one fn.
- targets: (indicator, year, value); indicators compared on letters and digits, equal or one
  containing the other; a gold year of null accepts any year; value within 1e-6 or equal
  value_text. `target_responsibility` like responsibility, for gold targets with departments.
- departments: canonical names (a division named as written also matches by mention);
  programs: names without quotes/brackets, containment either way; topics and regions: sets
  (commitment measures and targets); references: doc number or title; document: per field.

A type outside the gold's `scope` is scored for recall only when the gold lists items for it
(partial annotation), and not at all otherwise.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from policykg.evaluation.gold import BROADER, TOPIC_KEYS, GoldDocument, GoldReference, load_gold
from policykg.ingest.record import DocumentInfo, ExtractionRecord
from pydantic import BaseModel, Field, computed_field

__all__ = ["DocumentScore", "Ratio", "Report", "TypeScore", "evaluate", "load_gold", "score"]

TYPES = (
    "document", "measures", "statements", "responsibility", "target_responsibility", "targets",
    "departments", "programs", "topics", "regions", "references",
)  # fmt: skip
SCOPE_OF = {"statements": "measures", "target_responsibility": "responsibility"}
EPSILON = 1e-6


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
        return _total(self.types.values())


class Report(BaseModel):
    documents: list[DocumentScore]
    types: dict[str, TypeScore]  # micro-averaged over the documents that score the type
    overall: TypeScore
    # roles: responsibility pairs found (any role) with the right role; values: gold targets
    # found by indicator and year (any value) with the right value; targets_found: the share
    # of gold targets found that way; document_fields: metadata fields right of those stated.
    ratios: dict[str, Ratio] = Field(default_factory=dict)


def _total(scores: Iterable[TypeScore]) -> TypeScore:
    total = TypeScore()
    for s in scores:
        total.add(s)
    return total


# --------------------------------------------------------------------------- normalizing


def norm(text: str | None) -> str:
    """Letters and digits only, after NFKC (whitespace, punctuation and quotes go)."""
    text = unicodedata.normalize("NFKC", text or "").replace("○", "〇")
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


def _program_forms(name: str) -> set[str]:
    """A program name without brackets and quotes: with and without the bracketed words."""
    plain = norm(name)
    bare = norm(re.sub(r"[（(［\[【〔][^）)］\]】〕]*[）)］\]】〕]", "", name))
    return {f for f in (plain, bare) if f}


def _contains_either(a: str, b: str, minimum: int = 2) -> bool:
    short, long_ = sorted((a, b), key=len)
    return len(short) >= minimum and short in long_


# --------------------------------------------------------------------------- matching


def _match(golds: Sequence, extracted: Sequence, tests: Sequence[Callable]) -> dict[int, int]:
    """One-to-one greedy matching: each test is a pass (strictest first), gold in order."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for test in tests:
        for gi, g in enumerate(golds):
            if gi in pairs:
                continue
            for ei, e in enumerate(extracted):
                if ei not in used and test(g, e):
                    pairs[gi] = ei
                    used.add(ei)
                    break
    return pairs


def _set_score(gold: set[str], found: set[str]) -> TypeScore:
    return TypeScore(tp=len(gold & found), fp=len(found - gold), fn=len(gold - found),
                     missed=sorted(gold - found), spurious=sorted(found - gold))  # fmt: skip


def _pair_score(golds, extracted, pairs, label_gold, label_extracted) -> TypeScore:
    matched = set(pairs.values())
    return TypeScore(
        tp=len(pairs), fn=len(golds) - len(pairs), fp=len(extracted) - len(matched),
        missed=[label_gold(g) for i, g in enumerate(golds) if i not in pairs],
        spurious=[label_extracted(e) for i, e in enumerate(extracted) if i not in matched],
    )  # fmt: skip


def _tuples(departments) -> list[tuple[str, str, str]]:
    """Distinct (mention, name, role) of gold or extracted department mentions."""
    return list(dict.fromkeys((norm(d.mention), norm(d.name), d.role) for d in departments or []))


def role_ratio(pairs_of: list[tuple[str, list, list | None]]) -> Ratio:
    """Of the gold (mention, name) pairs found on their measure whatever the role, how many
    have the right role."""
    ratio = Ratio()
    for _, gold_deps, found_deps in pairs_of:
        gold, found = _tuples(gold_deps), _tuples(found_deps)
        pairs = _match(gold, found, [lambda g, e: g[0] == e[0], lambda g, e: g[1] == e[1]])
        ratio.of += len(pairs)
        ratio.right += sum(gold[gi][2] == found[ei][2] for gi, ei in pairs.items())
    return ratio


def _responsibility(pairs_of: Sequence[tuple[str, Any, Any]]) -> TypeScore:
    """Score (label, gold departments, extracted departments or None = unmatched) triples."""
    total = TypeScore()
    for label, gold_deps, found_deps in pairs_of:
        gold, found = _tuples(gold_deps), _tuples(found_deps)
        pairs = _match(gold, found, [
            lambda g, e: g[0] == e[0] and g[2] == e[2],
            lambda g, e: g[1] == e[1] and g[2] == e[2],
        ])  # fmt: skip
        s = _pair_score(gold, found, pairs, lambda t, at=label: f"{at}: {t[0]} ({t[2]})",
                        lambda t, at=label: f"{at}: {t[0]} → {t[1]} ({t[2]})")  # fmt: skip
        total.add(s)
        total.missed += s.missed
        total.spurious += s.spurious
    return total


# --------------------------------------------------------------------------- per type


def _measures(gold: GoldDocument, record: ExtractionRecord) -> tuple[dict[str, TypeScore], Ratio]:
    texts = [norm((m.title or "") + m.text) for m in record.measures]
    keys = [norm(g.key) for g in gold.measures]

    def agreement(gi: int, ei: int) -> int:
        found = _tuples(record.measures[ei].departments)
        return sum(any(f[2] == t[2] and (f[0] == t[0] or f[1] == t[1]) for f in found)
                   for t in _tuples(gold.measures[gi].departments))  # fmt: skip

    def label(m) -> str:
        return f"{m.id} {m.text[:24]}"

    pairs: dict[int, int] = {}
    for gi, key in enumerate(keys):
        candidates = [ei for ei, t in enumerate(texts) if key in t and ei not in pairs.values()]
        if candidates:  # most shared responsibility tuples first, then document order
            pairs[gi] = max(candidates, key=lambda ei: (agreement(gi, ei), -ei))
    measures = _pair_score(gold.measures, record.measures, pairs, lambda g: g.key, label)

    statements = TypeScore()
    for gi, g in enumerate(gold.measures):
        found = record.measures[pairs[gi]].statement if gi in pairs else None
        if found == g.statement:
            statements.tp += 1
            continue
        statements.fn += 1
        statements.missed.append(f"{g.key}: {g.statement}")
        if found:
            statements.fp += 1
            statements.spurious.append(f"{g.key}: {found}")
    for ei, m in enumerate(record.measures):
        if ei not in pairs.values():
            statements.fp += 1
            statements.spurious.append(f"{label(m)}: {m.statement}")

    triples = [(g.key, g.departments, record.measures[pairs[gi]].departments if gi in pairs
                else None) for gi, g in enumerate(gold.measures)]  # fmt: skip
    triples += [(label(m), [], m.departments) for ei, m in enumerate(record.measures)
                if ei not in pairs.values()]  # fmt: skip
    return {"measures": measures, "statements": statements,
            "responsibility": _responsibility(triples)}, role_ratio(triples)  # fmt: skip


def _targets(
    gold: GoldDocument, record: ExtractionRecord
) -> tuple[dict[str, TypeScore], dict[str, Ratio]]:
    def value_ok(g, e) -> bool:
        if g.value is not None and e.value is not None and abs(g.value - e.value) <= EPSILON:
            return True
        return norm(g.value_text) == norm(e.value_text)

    def test(exact_indicator: bool, exact_year: bool, value: bool = True):
        def check(g, e) -> bool:
            gi, ei = norm(g.indicator), norm(e.indicator)
            same = gi == ei if exact_indicator else _contains_either(gi, ei)
            year = g.year == e.year if exact_year else g.year is None or g.year == e.year
            return same and year and (not value or value_ok(g, e))

        return check

    targets = record.targets
    pairs = _match(gold.targets, targets, [test(True, True), test(True, False), test(False, True),
                                           test(False, False)])  # fmt: skip
    # found whatever the value (values right first, so a right reading is not displaced)
    both = ((True, True), (True, False), (False, True), (False, False))
    tests = [test(a, b, v) for v in (True, False) for a, b in both]
    found = _match(gold.targets, targets, tests)
    ratios = {
        "targets_found": Ratio(right=len(found), of=len(gold.targets)),
        "values": Ratio(right=sum(value_ok(gold.targets[g], targets[e]) for g, e in found.items()),
                        of=len(found)),
    }  # fmt: skip
    scores = {"targets": _pair_score(
        gold.targets, targets, pairs,
        lambda g: f"{g.indicator} {g.year or ''} {g.value_text}",
        lambda e: f"{e.indicator} {e.year or ''} {e.value_text}",
    )}  # fmt: skip
    annotated = [(gi, g) for gi, g in enumerate(gold.targets) if g.departments is not None]
    if annotated:
        scores["target_responsibility"] = _responsibility([
            (g.indicator, g.departments, targets[pairs[gi]].departments if gi in pairs else None)
            for gi, g in annotated
        ])  # fmt: skip
    return scores, ratios


def _departments(gold: GoldDocument, record: ExtractionRecord) -> TypeScore:
    def by_name(g, e) -> bool:
        return norm(g.name) == norm(e.name)

    def by_mention(g, e) -> bool:  # a division named as written, e.g. 器械注册处
        return g.level == "division" and norm(g.name) in {norm(m) for m in e.mentions}

    pairs = _match(gold.departments, record.departments, [by_name, by_mention])
    return _pair_score(gold.departments, record.departments, pairs, lambda g: g.name,
                       lambda e: f"{e.name} ({'、'.join(e.mentions)})")  # fmt: skip


def _programs(gold: GoldDocument, record: ExtractionRecord) -> TypeScore:
    golds = [_program_forms(p) for p in gold.programs]
    found = [_program_forms(p.name) for p in record.programs]
    pairs = _match(golds, found, [
        lambda g, e: bool(g & e),
        lambda g, e: any(_contains_either(a, b, 4) for a in g for b in e),
    ])  # fmt: skip
    return _pair_score(gold.programs, record.programs, pairs, str, lambda p: p.name)


def closed_topics(keys: Iterable[str]) -> set[str]:
    """The known topic keys among `keys`, with their broader keys added."""
    keys = {k for k in keys if k in TOPIC_KEYS}  # keys beyond the gold vocabulary are not judged
    return keys | {BROADER[k] for k in keys if k in BROADER}


def committed_topics(record: ExtractionRecord) -> set[str]:
    """Topic keys of the record's commitment measures and targets (closed under BROADER)."""
    keys = [t.key for m in record.measures if m.statement == "commitment" for t in m.topics]
    return closed_topics(keys + [t.key for target in record.targets for t in target.topics])


def _references(gold: GoldDocument, record: ExtractionRecord) -> TypeScore:
    def forms(r: str | GoldReference) -> tuple[set[str], set[str]]:  # (titles, numbers)
        if isinstance(r, str):
            return {norm(r)}, {norm(r)}
        return {norm(r.title)} - {""}, {norm(r.doc_number)} - {""}

    def test(g, e) -> bool:
        titles, numbers = forms(g)
        return norm(e.title) in titles or norm(e.doc_number) in numbers

    def label(r: str | GoldReference) -> str:
        return r if isinstance(r, str) else r.doc_number or r.title or ""

    pairs = _match(gold.references, record.references, [test])
    return _pair_score(gold.references, record.references, pairs, label,
                       lambda e: " ".join(filter(None, (e.title, e.doc_number))))  # fmt: skip


def _document(gold: GoldDocument, record: ExtractionRecord) -> tuple[TypeScore, float, Ratio]:
    s = TypeScore()
    fields = sorted(gold.document.model_fields_set)
    correct = 0
    stated = Ratio()  # fields the document states (gold not null): right of those
    for name in fields:
        want, got = getattr(gold.document, name), getattr(record.document, name, None)
        stated.of += want is not None
        if norm(want) == norm(got):
            correct += 1
            s.tp += want is not None
            stated.right += want is not None
            continue
        if want is not None:
            s.fn += 1
            s.missed.append(f"{name}: {want}")
        if got is not None:
            s.fp += 1
            s.spurious.append(f"{name}: {got}")
    return s, correct / len(fields) if fields else 1.0, stated


# --------------------------------------------------------------------------- API


def score(gold: GoldDocument, record: ExtractionRecord) -> DocumentScore:
    """Score one document's extraction against its gold annotation."""
    document, accuracy, stated = _document(gold, record)
    measures, roles = _measures(gold, record)
    targets, target_ratios = _targets(gold, record)
    found: dict[str, TypeScore] = {
        "document": document,
        **measures,
        **targets,
        "departments": _departments(gold, record),
        "programs": _programs(gold, record),
        "topics": _set_score(closed_topics(gold.topics), committed_topics(record)),
        "regions": _set_score(
            set(gold.regions),
            {r for m in record.measures if m.statement == "commitment" for r in m.regions},
        ),  # fmt: skip
        "references": _references(gold, record),
    }
    has_items = {
        "document": bool(gold.document.model_fields_set), "measures": bool(gold.measures),
        "statements": bool(gold.measures),
        "responsibility": any(m.departments for m in gold.measures),
        "targets": bool(gold.targets), "target_responsibility": "target_responsibility" in found,
        "departments": bool(gold.departments), "programs": bool(gold.programs),
        "topics": bool(gold.topics), "regions": bool(gold.regions),
        "references": bool(gold.references),
    }  # fmt: skip
    types: dict[str, TypeScore] = {}
    for name in TYPES:
        if name not in found:
            continue
        s = found[name]
        if SCOPE_OF.get(name, name) not in gold.scope:
            if not has_items[name]:
                continue  # not annotated: not scored
            s.fp, s.spurious, s.recall_only = 0, [], True
        types[name] = s
    ratios = {"document_fields": stated, "roles": roles, **target_ratios}
    scored = {"document_fields": "document", "roles": "responsibility", "targets_found": "targets",
              "values": "targets"}  # fmt: skip
    ratios = {k: r for k, r in ratios.items() if scored[k] in types}
    return DocumentScore(source=gold.source, types=types, accuracy={"document": accuracy},
                         ratios=ratios)  # fmt: skip


def _empty_record(source: str) -> ExtractionRecord:
    return ExtractionRecord(document=DocumentInfo(id=source, source=source))


def evaluate(
    gold_docs: Iterable[GoldDocument],
    records: Iterable[ExtractionRecord] | Mapping[str, ExtractionRecord],
) -> Report:
    """Score each gold document against the record of its source (none found = empty record).

    Records are paired with gold documents by source file name: the record's
    `document.source`, or the key when `records` is a mapping {source: record}.
    """
    if isinstance(records, Mapping):
        by_source = {Path(k).name: r for k, r in records.items()}
    else:
        by_source = {Path(r.document.source).name: r for r in records}
    documents = [score(g, by_source.get(Path(g.source).name) or _empty_record(g.source))
                 for g in gold_docs]  # fmt: skip
    totals: dict[str, TypeScore] = {}
    for doc in documents:
        for name, s in doc.types.items():
            total = totals.setdefault(name, TypeScore(recall_only=s.recall_only))
            total.add(s)
            total.recall_only = total.recall_only and s.recall_only
    types = {name: totals[name] for name in TYPES if name in totals}
    ratios: dict[str, Ratio] = {}
    for doc in documents:
        for name, r in doc.ratios.items():
            ratios.setdefault(name, Ratio()).add(r)
    return Report(documents=documents, types=types, overall=_total(types.values()), ratios=ratios)


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
