"""A document over spaCy's default 1,000,000-character limit is extracted, and one file's
failure never stops the others (issue 15 item 6)."""

from __future__ import annotations

import random
from pathlib import Path

from policykg.ingestion import ingest_paths
from tests.conftest import seed

WORDS = ["加强", "药品", "医疗器械", "化妆品", "监管", "追溯", "检查", "检验", "能力", "建设",
         "风险", "防控", "信息化", "标准", "审评", "人才", "队伍", "质量", "安全", "体系"]  # fmt: skip


def _long_plan(path: Path, chars: int) -> Path:
    """A plan of numbered measures written for the test, every sentence different (the
    normaliser drops repeated sentences, so a repeated text would not be long)."""
    rng = random.Random(7)
    lines = ["河南省药品安全发展规划", "一、重点任务"]
    i = 0
    while sum(len(line) for line in lines) < chars:
        i += 1
        body = "".join(rng.choice(WORDS) for _ in range(14))
        lines.append(f"{i}．{body}，第{i}项措施由省药品监管局负责。")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_a_text_over_a_million_characters_is_ingested_with_the_others(empty_store, tmp_path):
    long = _long_plan(tmp_path / "long_plan.txt", 1_200_000)
    summary = ingest_paths(empty_store, [long, seed("001")])
    assert summary.failed == []
    assert sorted(summary.added) == sorted([str(long), str(seed("001"))])
    measures = empty_store.read(
        "MATCH (d:Document {source: 'long_plan.txt'})-[:CONTAINS]->(m:Measure) RETURN count(m)"
    )
    assert measures.rows[0][0] > 10_000
