"""Packaging: the wheel installs one top-level name, and the package has no import cycle."""

from __future__ import annotations

import ast
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # pip builds through hatchling exactly as `pip install policykg` would.
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
        timeout=600,
    )
    (built,) = out.glob("policykg-*.whl")
    return built


def test_wheel_has_one_top_level_package(wheel: Path):
    names = zipfile.ZipFile(wheel).namelist()
    tops = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    assert tops == {"policykg"}
    for stage in ("ingest", "graph", "api", "evaluation"):
        assert f"policykg/{stage}/__init__.py" in names
    assert "policykg/_queries/topics.cypher" in names
    assert "policykg/_queries/neo4j/api_search.cypher" in names  # an engine's own version
    assert any(name.startswith("policykg/_data/taxonomy/") for name in names)


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel unpacked as site-packages would hold it."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
         str(wheel)],
        check=True,
        timeout=600,
    )  # fmt: skip
    return target


def test_the_type_checker_passes_on_the_whole_package(installed: Path):
    """mypy over the installed layout (policykg.ingest, policykg.graph, … resolved as users
    import them), with the settings of pyproject's [tool.mypy]."""
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"),
         "--cache-dir", str(installed.parent / "mypy-cache"), "-p", "policykg"],
        capture_output=True, text=True, cwd=installed, timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "Success" in done.stdout


def test_wheel_imports_outside_the_checkout(wheel: Path, tmp_path: Path):
    """Installed from the wheel alone (no checkout on sys.path), the stages import."""
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        timeout=600,
    )
    keep = f"[p for p in sys.path if p not in ('', {str(ROOT)!r})]"
    code = (
        f"import sys; sys.path = {keep}; sys.path.insert(0, {str(target)!r}); "
        "import policykg.ingest.record, policykg.graph.model, policykg.api; "
        "import policykg.ingest.record as r; print(r.__file__)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().startswith(str(target / "policykg" / "ingest"))


def _imports(path: Path, package: str) -> set[str]:
    """First-party modules a file imports anywhere (TYPE_CHECKING imports count: a cycle hidden
    behind TYPE_CHECKING is still a cycle of the design)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.startswith("policykg"):
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("policykg"))
    return found


def _module_files() -> dict[str, Path]:
    modules: dict[str, Path] = {}
    for folder, prefix in (
        ("policykg", "policykg"),
        ("ingest", "policykg.ingest"),
        ("graph", "policykg.graph"),
        ("api", "policykg.api"),
        ("evaluation", "policykg.evaluation"),
    ):
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT / folder).with_suffix("")
            parts = [p for p in rel.parts if p != "__init__"]
            modules[".".join([prefix, *parts])] = path
    return modules


def test_no_import_cycle_between_modules():
    modules = _module_files()
    graph = {
        name: {dep for dep in _imports(path, name) if dep in modules and dep != name}
        for name, path in modules.items()
    }
    # Package __init__ files are excluded as targets: importing a submodule runs them, but an
    # edge into a package's own __init__ from its children is how Python packages work.
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(node: str, stack: list[str]) -> bool:
        state[node] = 1
        for dep in sorted(graph[node]):
            if modules[dep].name == "__init__.py" and node.startswith(dep + "."):
                continue
            if state.get(dep) == 1:
                cycle.extend(stack[stack.index(dep) :] + [dep] if dep in stack else [node, dep])
                return True
            if state.get(dep) is None and visit(dep, [*stack, dep]):
                return True
        state[node] = 2
        return False

    for name in sorted(graph):
        if state.get(name) is None and visit(name, [name]):
            break
    assert not cycle, " -> ".join(cycle)


def test_stages_import_only_through_the_policykg_namespace():
    """No module imports a bare `ingest`, `graph` or `api` (the names the wheel does not install)."""
    offenders = []
    for path in [*ROOT.glob("*/**/*.py")]:
        if ".venv" in path.parts or "node_modules" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            mods = []
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                mods = [node.module]
            elif isinstance(node, ast.Import):
                mods = [a.name for a in node.names]
            offenders += [
                f"{path.relative_to(ROOT)}: {m}"
                for m in mods
                if m.split(".")[0] in {"ingest", "graph", "api", "evaluation"}
            ]
    assert not offenders
