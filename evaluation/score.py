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

This module puts a document's scores together (the scope above) and averages them; each
type's rule is in evaluation/type_scores.py, the pairing they share in
evaluation/matching.py, the report's models and its table in evaluation/report.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from policykg.evaluation.gold import GoldDocument, load_gold
from policykg.evaluation.matching import set_score
from policykg.evaluation.report import TYPES, DocumentScore, Ratio, Report, TypeScore, total_score
from policykg.evaluation.type_scores import (
    closed_topics,
    committed_topics,
    score_departments,
    score_document,
    score_measures,
    score_programs,
    score_references,
    score_targets,
)
from policykg.ingest.record import DocumentInfo, ExtractionRecord

__all__ = ["DocumentScore", "Ratio", "Report", "TypeScore", "evaluate", "load_gold", "score"]

SCOPE_OF = {"statements": "measures", "target_responsibility": "responsibility"}


# --------------------------------------------------------------------------- API


def score(gold: GoldDocument, record: ExtractionRecord) -> DocumentScore:
    """Score one document's extraction against its gold annotation."""
    document, accuracy, stated = score_document(gold, record)
    measures, roles = score_measures(gold, record)
    targets, target_ratios = score_targets(gold, record)
    found: dict[str, TypeScore] = {
        "document": document,
        **measures,
        **targets,
        "departments": score_departments(gold, record),
        "programs": score_programs(gold, record),
        "topics": set_score(closed_topics(gold.topics), committed_topics(record)),
        "regions": set_score(
            set(gold.regions),
            {r for m in record.measures if m.statement == "commitment" for r in m.regions},
        ),  # fmt: skip
        "references": score_references(gold, record),
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
    return Report(
        documents=documents, types=types, overall=total_score(types.values()), ratios=ratios
    )
