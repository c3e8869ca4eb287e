"""The benchmark's synthetic corpus: N documents, each under the province it claims, all distinct.

(No timings here: bench/run.py measures, tests only keep the generator from rotting.)
"""

from __future__ import annotations

from pathlib import Path

from policykg.ingest.metadata import extract_metadata
from policykg.ingest.normalize import normalize
from policykg.ingest.pipeline import document_id
from policykg.ingest.read import read_source

from bench.corpus import generate


def test_generated_documents_are_distinct_and_moved(tmp_path: Path):
    paths = generate(12, tmp_path)
    assert len(paths) == 12 == len(list(tmp_path.iterdir()))
    ids = []
    for path in paths:
        normalized = normalize(read_source(path))
        meta = extract_metadata(normalized.text, normalized.front_matter, str(path))
        code = path.name.split("_")[1]  # 00007_500000_002.txt: document 7, 重庆市, from seed 002
        assert meta.province is not None and meta.province.code == code, path.name
        assert meta.title, path.name
        ids.append(document_id(meta, str(path)))
    assert len(set(ids)) == len(ids)
    assert generate(12, tmp_path / "again")[5].read_text() == paths[5].read_text()  # deterministic
