"""Each entity type's score for one document: measures (with their statements and
responsibility), targets (with their responsibility and the value and found ratios),
departments, programs, topics (closed under BROADER), references and the document's
metadata fields. evaluation/score.py puts them together and applies the gold's scope.

Kept apart from score.py so that a type's matching rule (tests/gold/README.md) is found in
one place, and from evaluation/matching.py, the pairing they share.
"""

from __future__ import annotations

from collections.abc import Iterable

from policykg.evaluation.gold import BROADER, TOPIC_KEYS, GoldDocument, GoldReference
from policykg.evaluation.matching import (
    contains_either,
    department_tuples,
    match_pairs,
    norm,
    pair_score,
    program_forms,
    responsibility_score,
    role_ratio,
)
from policykg.evaluation.report import Ratio, TypeScore
from policykg.ingest.record import ExtractionRecord

EPSILON = 1e-6


def score_measures(
    gold: GoldDocument, record: ExtractionRecord
) -> tuple[dict[str, TypeScore], Ratio]:
    texts = [norm((m.title or "") + m.text) for m in record.measures]
    keys = [norm(g.key) for g in gold.measures]

    def agreement(gi: int, ei: int) -> int:
        found = department_tuples(record.measures[ei].departments)
        return sum(any(f[2] == t[2] and (f[0] == t[0] or f[1] == t[1]) for f in found)
                   for t in department_tuples(gold.measures[gi].departments))  # fmt: skip

    def label(m) -> str:
        return f"{m.id} {m.text[:24]}"

    pairs: dict[int, int] = {}
    for gi, key in enumerate(keys):
        candidates = [ei for ei, t in enumerate(texts) if key in t and ei not in pairs.values()]
        if candidates:  # most shared responsibility tuples first, then document order
            pairs[gi] = max(candidates, key=lambda ei: (agreement(gi, ei), -ei))
    measures = pair_score(gold.measures, record.measures, pairs, lambda g: g.key, label)

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
            "responsibility": responsibility_score(triples)}, role_ratio(triples)  # fmt: skip


def score_targets(
    gold: GoldDocument, record: ExtractionRecord
) -> tuple[dict[str, TypeScore], dict[str, Ratio]]:
    def value_ok(g, e) -> bool:
        if g.value is not None and e.value is not None and abs(g.value - e.value) <= EPSILON:
            return True
        return norm(g.value_text) == norm(e.value_text)

    def test(exact_indicator: bool, exact_year: bool, value: bool = True):
        def check(g, e) -> bool:
            gi, ei = norm(g.indicator), norm(e.indicator)
            same = gi == ei if exact_indicator else contains_either(gi, ei)
            year = g.year == e.year if exact_year else g.year is None or g.year == e.year
            return same and year and (not value or value_ok(g, e))

        return check

    targets = record.targets
    pairs = match_pairs(gold.targets, targets, [test(True, True), test(True, False), test(False, True),
                                           test(False, False)])  # fmt: skip
    # found whatever the value (values right first, so a right reading is not displaced)
    both = ((True, True), (True, False), (False, True), (False, False))
    tests = [test(a, b, v) for v in (True, False) for a, b in both]
    found = match_pairs(gold.targets, targets, tests)
    ratios = {
        "targets_found": Ratio(right=len(found), of=len(gold.targets)),
        "values": Ratio(right=sum(value_ok(gold.targets[g], targets[e]) for g, e in found.items()),
                        of=len(found)),
    }  # fmt: skip
    scores = {"targets": pair_score(
        gold.targets, targets, pairs,
        lambda g: f"{g.indicator} {g.year or ''} {g.value_text}",
        lambda e: f"{e.indicator} {e.year or ''} {e.value_text}",
    )}  # fmt: skip
    annotated = [(gi, g) for gi, g in enumerate(gold.targets) if g.departments is not None]
    if annotated:
        scores["target_responsibility"] = responsibility_score([
            (g.indicator, g.departments, targets[pairs[gi]].departments if gi in pairs else None)
            for gi, g in annotated
        ])  # fmt: skip
    return scores, ratios


def score_departments(gold: GoldDocument, record: ExtractionRecord) -> TypeScore:
    def by_name(g, e) -> bool:
        return norm(g.name) == norm(e.name)

    def by_mention(g, e) -> bool:  # a division named as written, e.g. 器械注册处
        return g.level == "division" and norm(g.name) in {norm(m) for m in e.mentions}

    pairs = match_pairs(gold.departments, record.departments, [by_name, by_mention])
    return pair_score(gold.departments, record.departments, pairs, lambda g: g.name,
                       lambda e: f"{e.name} ({'、'.join(e.mentions)})")  # fmt: skip


def score_programs(gold: GoldDocument, record: ExtractionRecord) -> TypeScore:
    golds = [program_forms(p) for p in gold.programs]
    found = [program_forms(p.name) for p in record.programs]
    pairs = match_pairs(golds, found, [
        lambda g, e: bool(g & e),
        lambda g, e: any(contains_either(a, b, 4) for a in g for b in e),
    ])  # fmt: skip
    return pair_score(gold.programs, record.programs, pairs, str, lambda p: p.name)


def closed_topics(keys: Iterable[str]) -> set[str]:
    """The known topic keys among `keys`, with their broader keys added."""
    keys = {k for k in keys if k in TOPIC_KEYS}  # keys beyond the gold vocabulary are not judged
    return keys | {BROADER[k] for k in keys if k in BROADER}


def committed_topics(record: ExtractionRecord) -> set[str]:
    """Topic keys of the record's commitment measures and targets (closed under BROADER)."""
    keys = [t.key for m in record.measures if m.statement == "commitment" for t in m.topics]
    return closed_topics(keys + [t.key for target in record.targets for t in target.topics])


def score_references(gold: GoldDocument, record: ExtractionRecord) -> TypeScore:
    def forms(r: str | GoldReference) -> tuple[set[str], set[str]]:  # (titles, numbers)
        if isinstance(r, str):
            return {norm(r)}, {norm(r)}
        return {norm(r.title)} - {""}, {norm(r.doc_number)} - {""}

    def test(g, e) -> bool:
        titles, numbers = forms(g)
        return norm(e.title) in titles or norm(e.doc_number) in numbers

    def label(r: str | GoldReference) -> str:
        return r if isinstance(r, str) else r.doc_number or r.title or ""

    pairs = match_pairs(gold.references, record.references, [test])
    return pair_score(gold.references, record.references, pairs, label,
                       lambda e: " ".join(filter(None, (e.title, e.doc_number))))  # fmt: skip


def score_document(gold: GoldDocument, record: ExtractionRecord) -> tuple[TypeScore, float, Ratio]:
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
