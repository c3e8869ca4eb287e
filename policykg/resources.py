"""Where the bundled data files live: inside the wheel, or in the source checkout."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

import policykg

_PACKAGE = Path(policykg.__file__).parent
_REPO = _PACKAGE.parent


def data_path(*parts: str) -> Path:
    """Path of a file under data/ (installed as policykg/_data)."""
    installed = _PACKAGE / "_data"
    base = installed if installed.is_dir() else _REPO / "data"
    return base.joinpath(*parts)


def queries_path() -> Path:
    """The folder of named queries (installed as policykg/_queries)."""
    installed = _PACKAGE / "_queries"
    return installed if installed.is_dir() else _REPO / "queries"


def load_yaml(text: str) -> Any:
    """yaml.safe_load, parsed by libyaml when PyYAML has it: ~15× faster on the bundled
    vocabularies, which were most of a cold start's own time (issue 14); the same objects
    (tests/ingest/test_yaml_loading.py). A text libyaml refuses is parsed again by the
    pure-Python loader, so that a broken file's error reads as it always did."""
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is not None:
        try:
            return yaml.load(text, Loader=loader)  # noqa: S506 - CSafeLoader is the safe loader
        except yaml.YAMLError:
            pass
    return yaml.safe_load(text)
