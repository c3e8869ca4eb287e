"""A fingerprint of what extraction outputs, to prove a speed change changes nothing.

    python -m bench.extract_fingerprint            # sha256, documents, chars, seconds
    python -m bench.extract_fingerprint --each     # also one hash per document

Extracts every text of the bundled corpus (the gold's sources), tests/heldout, every
tests/heldout_*/docs (real, fresh, …), the shared seeds (../shared/seeds, if
present) and a generated bench corpus (bench/corpus.py, 40 documents), and hashes the
canonical JSON of all ExtractionRecords. `extractor_version` is blanked: it hashes the
extractor's code, which a speed change edits by definition. A file the extractor refuses
contributes its error message. The seconds (wall and CPU: the machine may be shared) are
extraction only, after one warm-up file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import tempfile
import time
from pathlib import Path

from policykg.ingest.pipeline import extract_file
from policykg.ingest.read import SUPPORTED_SUFFIXES

from bench.corpus import generate
from policykg.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = [
    ROOT / "data" / "corpus",
    ROOT / "tests" / "heldout",
    *sorted((ROOT / "tests").glob("heldout_*/docs")),  # heldout_real, heldout_fresh, …
    ROOT.parent.parent / "shared" / "seeds",  # /work/wt/<name> → /work/shared/seeds
    ROOT.parent / "shared" / "seeds",
]


def sources(folders: list[Path]) -> list[tuple[str, Path]]:
    out = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for p in sorted(folder.iterdir()):
            if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES:
                label = f"{folder.parent.name}/{folder.name}/{p.name}"
                out.append((label, p))
    return out


def canonical(path: Path) -> tuple[str, int]:
    try:
        record = extract_file(path)
    except InputError as e:
        return json.dumps({"error": str(e).replace(str(path.parent), "")}, ensure_ascii=False), 0
    data = record.model_dump(mode="json")
    data["document"]["extractor_version"] = ""
    return json.dumps(data, ensure_ascii=False, sort_keys=True), record.document.chars


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=40, help="generated bench documents")
    parser.add_argument("--each", action="store_true", help="print one hash per document")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="policykg_fp_") as tmp:
        files = sources(FOLDERS)
        generated = generate(args.docs, Path(tmp) / "bench_corpus")
        files += [(f"bench/{p.name}", p) for p in generated]
        canonical(files[0][1])  # warm-up: models and vocabularies load once
        digest = hashlib.sha256()
        chars = 0
        start, cpu = time.perf_counter(), time.process_time()
        for label, path in files:
            text, n = canonical(path)
            chars += n
            digest.update(label.encode() + b"\0" + text.encode() + b"\0")
            if args.each:
                print(hashlib.sha256(text.encode()).hexdigest()[:16], label)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(
        json.dumps(
            {
                "sha256": digest.hexdigest(),
                "documents": len(files),
                "chars": chars,
                "seconds": round(seconds, 2),
                "cpu_seconds": round(cpu, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
