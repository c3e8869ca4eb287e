"""Where the bundled data files live: inside the wheel, or in the source checkout."""

from __future__ import annotations

from pathlib import Path

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
