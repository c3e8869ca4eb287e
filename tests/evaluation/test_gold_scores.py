"""The extractor against the gold annotations: the bars of the "extraction researchers can
trust" issue. These run the real extractor on the seeds and are expected to fail while the
extractor falls short of a bar; the messages list what it missed.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest
from policykg.evaluation.gold import TOPIC_KEYS, GoldDocument
from policykg.evaluation.score import Report, TypeScore, evaluate, load_gold
from policykg.evaluation.type_scores import closed_topics, committed_topics
from policykg.ingest.pipeline import extract_file
from policykg.ingest.record import ExtractionRecord
from typer.testing import CliRunner

from policykg.cli import app

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "tests" / "gold"
CORPUS = ROOT / "data" / "corpus"


@pytest.fixture(scope="module")
def golds() -> list[GoldDocument]:
    return load_gold(GOLD_DIR)


@pytest.fixture(scope="module")
def records(golds: list[GoldDocument]) -> dict[str, ExtractionRecord]:
    return {g.source: extract_file(CORPUS / g.source) for g in golds}


@pytest.fixture(scope="module")
def report(golds, records) -> Report:
    return evaluate(golds, records)


def _explain(report: Report, kind: str) -> str:
    lines = []
    for doc in report.documents:
        s = doc.types.get(kind)
        if s and (s.missed or s.spurious):
            lines.append(f"{doc.source}: F1 {s.f1:.3f} (tp {s.tp}, fp {s.fp}, fn {s.fn})")
            lines += [f"  missed   {m}" for m in s.missed[:15]]
            lines += [f"  spurious {m}" for m in s.spurious[:15]]
    return "\n".join(lines)


def test_responsibility_f1_at_least_095(report: Report):
    s = report.types["responsibility"]
    assert s.f1 >= 0.95, f"responsibility F1 {s.f1:.3f}\n" + _explain(report, "responsibility")


def test_targets_f1_at_least_09(golds, records):
    scoped = [g for g in golds if "targets" in g.scope]
    assert scoped
    report = evaluate(scoped, records)
    s = report.types["targets"]
    assert s.f1 >= 0.9, f"targets F1 {s.f1:.3f}\n" + _explain(report, "targets")


def test_departments_are_canonicalized(golds, records):
    """Every mention resolves to one department, named canonically; one body = one name."""
    problems = []
    names_of: dict[tuple[str, str], set[str]] = defaultdict(set)  # (province, gold name)
    for g in golds:
        record = records[g.source]
        expected = {d.mention: d.name for m in g.measures for d in m.departments}
        expected |= {d.mention: d.name for t in g.targets for d in t.departments or []}
        found: dict[str, set[str]] = defaultdict(set)
        for item in [*record.measures, *record.targets]:
            for d in item.departments:
                found[d.mention].add(d.name)
        for mention, name in sorted(expected.items()):
            got = found.get(mention, set())
            if len(got) != 1:
                problems.append(f"{g.source}: {mention} → {sorted(got) or 'never found'}")
            elif name != mention and got != {name}:  # a division named as written: any name
                problems.append(f"{g.source}: {mention} → {got.pop()} (expected {name})")
            else:
                names_of[(g.document.province or "", name)] |= got
    problems += [f"{province} {name} extracted as several: {sorted(got)}"
                 for (province, name), got in names_of.items() if len(got) > 1]  # fmt: skip
    assert not problems, "\n".join(problems)


def test_departments_type_scores(report: Report):
    s: TypeScore = report.types["departments"]
    assert s.precision >= 0.95 and s.recall >= 0.95, (
        f"departments P {s.precision:.3f} R {s.recall:.3f}\n" + _explain(report, "departments")
    )


def test_committing_provinces_per_topic(golds, records):
    """Which provinces commit to each topic: the same answer from the gold and the records."""
    scoped = [g for g in golds if "topics" in g.scope]
    wrong = []
    for topic in sorted(TOPIC_KEYS):
        want = {g.document.province for g in scoped if topic in closed_topics(g.topics)}
        got = {records[g.source].document.province for g in scoped
               if topic in committed_topics(records[g.source])}  # fmt: skip
        if want != got:
            wrong.append(f"{topic}: gold {sorted(want)} extracted {sorted(map(str, got))}")
    assert not wrong, "\n".join(wrong)


def test_cli_evaluate_prints_the_report_as_json(tmp_path):
    result = CliRunner().invoke(app, ["evaluate", str(GOLD_DIR), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {d["source"][:3] for d in data["documents"]} >= {"000", "001", "002"}
    assert {"measures", "responsibility", "targets"} <= set(data["types"])
    for s in data["types"].values():
        assert set(s) >= {"tp", "fp", "fn", "precision", "recall", "f1"}


def test_cli_evaluate_table_and_missing_source(tmp_path):
    result = CliRunner().invoke(app, ["evaluate", str(GOLD_DIR / "001_4884b0401ce590b2.json")])
    assert result.exit_code == 0, result.output
    assert "responsibility" in result.output and "001_4884b0401ce590b2.txt" in result.output
    gold = json.loads((GOLD_DIR / "001_4884b0401ce590b2.json").read_text(encoding="utf-8"))
    (tmp_path / "g.json").write_text(json.dumps({**gold, "source": "nowhere.txt"}), "utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(tmp_path), "--corpus", str(tmp_path)])
    assert result.exit_code == 1
    assert "nowhere.txt" in result.output and "--corpus" in result.output
