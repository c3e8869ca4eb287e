"""A fingerprint of the extractor: its code and its data files.

Stored on each Document, so re-ingesting an unchanged file after the extractor or its
vocabularies changed re-extracts it instead of keeping stale facts.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from policykg.resources import data_path

_INGEST = Path(__file__).parent


@cache
def extractor_version() -> str:
    digest = hashlib.sha256()
    files = sorted(_INGEST.glob("*.py"))
    for folder in ("patterns", "reference", "taxonomy"):
        files += sorted(data_path(folder).glob("*.yaml"))
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
