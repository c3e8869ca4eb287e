"""Extraction throughput on a corpus, and its floor: one plain `jieba.lcut` pass.

Both run in this process on the same texts in the same run, so `extract_vs_jieba` and
`ingest_vs_jieba` are ratios of one machine at one moment (bench/README.md). Apart from
the rest of `python -m bench` because these two need no database and no process of their
own.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any


def jieba_floor(texts: list[str]) -> float:
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()  # the dictionary load is a one-off cost, not part of the floor
    start = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    return time.perf_counter() - start


def extraction(paths: list[Path]) -> tuple[float, list[Any]]:
    from policykg.ingest.pipeline import extract_file

    extract_file(paths[0])  # warm-up: model and vocabulary caches
    start = time.perf_counter()
    records = [extract_file(p) for p in paths]
    return time.perf_counter() - start, records
