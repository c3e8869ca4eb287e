"""policykg: a knowledge graph of cross-provincial drug-regulation policy in China.

The stages of the data flow live in folders at the repository root — ingest/ (text in,
ExtractionRecord out, no database), graph/ (model, writer, stores, export), api/ (HTTP) and
evaluation/ (the extractor's scorer) — and import as ``policykg.<folder>``. The wheel puts
them inside this package (pyproject's ``sources`` mapping), so ``policykg`` is the only
top-level name a user's site-packages receives. In a source checkout (editable install,
``pytest`` from the repository) they stay beside this folder: ``STAGES`` are found there
by extending this package's search path to exactly those folders.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import sys
from pathlib import Path

STAGES = ("ingest", "graph", "api", "evaluation")

_HERE = Path(__file__).resolve().parent
_CHECKOUT = _HERE.parent


class _CheckoutStages(importlib.abc.MetaPathFinder):
    """Finds ``policykg.<stage>`` in the checkout's top-level folder of that name.

    Only the stage names are mapped (not the whole repository root), so tests/,
    bench/ or tools/ never become importable as ``policykg.tests``.
    """

    def find_spec(self, fullname, path=None, target=None):  # noqa: ANN001
        prefix, _, stage = fullname.partition(".")
        if prefix != __name__ or stage not in STAGES:
            return None
        folder = _CHECKOUT / stage
        return importlib.util.spec_from_file_location(
            fullname, folder / "__init__.py", submodule_search_locations=[str(folder)]
        )


if not (_HERE / "ingest").is_dir() and (_CHECKOUT / "ingest" / "__init__.py").is_file():
    sys.meta_path.append(_CheckoutStages())
