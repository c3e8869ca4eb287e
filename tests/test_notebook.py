"""notebooks/explore.ipynb runs clean from top to bottom (a real kernel, the real corpus)."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


def test_notebook_is_committed_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code, "the notebook has no code cells"
    assert all(not c.outputs and c.execution_count is None for c in code)


def test_notebook_runs_clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # The kernel is the interpreter running the tests ("python3" resolves to it through
    # ipykernel), started in the repository so the packages import even when not installed.
    monkeypatch.setenv(
        "PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    )
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.delenv("NEO4J_URI", raising=False)
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}
    )
    client.execute()  # raises CellExecutionError, with the cell and traceback, on any error
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 2  # the heat map and the network figure
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "done in" in text and "graphml" in text
    nbformat.write(nb, tmp_path / "explore.executed.ipynb")  # kept for looking at on failure
