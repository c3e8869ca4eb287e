"""Lint Cypher with Neo4j's own front end, from Python.

Neo4j cannot run on the development machines, so what proves that a named query or a
Neo4j DDL statement is valid for Neo4j 5 is Neo4j's own Cypher parser and semantic
analysis, shipped on npm as ``@neo4j-cypher/language-support``. ``tools/cypher-lint``
pins it (package-lock.json) and wraps it in ``lint.mjs``; this module installs it on
first use (``npm ci``) and runs it in a subprocess::

    from graph.cypher_lint import LintQuery, lint
    [result] = lint([LintQuery("q", "MATCH (t:Topic {key: $topic}) RETURN t.key", ("topic",))])
    result.errors    # () -> Neo4j accepts it;  result.warnings: unknown labels/properties, ...

Raises `CypherLintUnavailable` when Node.js/npm or the tool directory is absent (tests
skip), `CypherLintError` when the tool itself fails (install error, crash, bad output).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

TOOL_DIR = Path(__file__).resolve().parents[1] / "tools" / "cypher-lint"
PACKAGE = "@neo4j-cypher/language-support"


class CypherLintUnavailable(RuntimeError):
    """Node.js, npm or tools/cypher-lint is not available here: the lint cannot run."""


class CypherLintError(RuntimeError):
    """The lint tool failed (npm ci, a crash, unreadable output)."""


@dataclass(frozen=True)
class LintQuery:
    name: str
    query: str
    params: tuple[str, ...] = ()


@dataclass(frozen=True)
class Diagnostic:
    message: str
    line: int  # 1-based, in the query text as given
    col: int  # 1-based

    def __str__(self) -> str:
        return f"{self.line}:{self.col}: {self.message}"


@dataclass(frozen=True)
class LintResult:
    name: str
    errors: tuple[Diagnostic, ...] = ()
    warnings: tuple[Diagnostic, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors

    def vocabulary_warnings(self) -> tuple[Diagnostic, ...]:
        """Warnings about labels, relationship types or properties not in our graph model."""
        return tuple(w for w in self.warnings if "is not present in the database" in w.message)


# --------------------------------------------------------------------------- tool set-up


def node_executable() -> str:
    node = shutil.which("node")
    if node is None:
        raise CypherLintUnavailable(
            "Node.js is not installed (no `node` on PATH): the Neo4j Cypher lint needs "
            "Node.js >= 20 and npm; install them to run it"
        )
    return node


def _pinned_version() -> str:
    manifest = json.loads((TOOL_DIR / "package.json").read_text(encoding="utf-8"))
    return str(manifest["dependencies"][PACKAGE])


def _installed_version() -> str | None:
    installed = TOOL_DIR / "node_modules" / PACKAGE / "package.json"
    if not installed.is_file():
        return None
    return str(json.loads(installed.read_text(encoding="utf-8")).get("version"))


def ensure_tool() -> Path:
    """Check Node.js and install the pinned package (`npm ci`) if missing or stale."""
    node_executable()
    if not (TOOL_DIR / "lint.mjs").is_file():
        raise CypherLintUnavailable(f"{TOOL_DIR} is missing (not a source checkout?)")
    if _installed_version() == _pinned_version():
        return TOOL_DIR
    npm = shutil.which("npm")
    if npm is None:
        raise CypherLintUnavailable(
            f"npm is not installed: cannot install {PACKAGE} into {TOOL_DIR}/node_modules"
        )
    digest = hashlib.sha256(str(TOOL_DIR).encode()).hexdigest()[:12]
    lock_path = Path(tempfile.gettempdir()) / f"policykg-cypher-lint-{digest}.lock"
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one `npm ci` at a time (parallel test workers)
        if _installed_version() != _pinned_version():
            log.info("installing %s into %s (npm ci)", PACKAGE, TOOL_DIR)
            cmd = [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"]
            try:
                done = subprocess.run(
                    cmd, cwd=TOOL_DIR, capture_output=True, text=True, timeout=600, check=False
                )
            except subprocess.TimeoutExpired as e:
                raise CypherLintError(f"`npm ci` in {TOOL_DIR} timed out after 600 s") from e
            if done.returncode != 0:
                raise CypherLintError(
                    f"`npm ci` failed in {TOOL_DIR} (exit {done.returncode}); is the npm "
                    f"registry reachable?\n{done.stderr.strip()[-2000:]}"
                )
    return TOOL_DIR


# --------------------------------------------------------------------------- linting


def load_vocabulary() -> dict[str, list[str]]:
    """Labels, relationship types and property keys of the graph model (vocabulary.json)."""
    data = json.loads((TOOL_DIR / "vocabulary.json").read_text(encoding="utf-8"))
    return {k: list(v) for k, v in data.items() if not k.startswith("_")}


def _diagnostics(items: Iterable[dict[str, Any]]) -> tuple[Diagnostic, ...]:
    return tuple(Diagnostic(str(d["message"]), int(d["line"]), int(d["col"])) for d in items)


def lint(
    queries: Sequence[LintQuery],
    *,
    vocabulary: dict[str, list[str]] | None = None,
    timeout: float = 300.0,
) -> list[LintResult]:
    """Lint the queries with Neo4j 5's Cypher front end; one result per query, same order.

    `vocabulary` overrides tools/cypher-lint/vocabulary.json (keys ``labels``,
    ``relationshipTypes``, ``propertyKeys``).
    """
    if not queries:
        return []
    tool = ensure_tool()
    payload: dict[str, Any] = {
        "queries": [{"name": q.name, "query": q.query, "params": list(q.params)} for q in queries]
    }
    if vocabulary is not None:
        payload["vocabulary"] = vocabulary
    try:
        done = subprocess.run(
            [node_executable(), str(tool / "lint.mjs")],
            cwd=tool,
            input=json.dumps(payload, ensure_ascii=False),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout,
            check=False,
            env={**os.environ, "NODE_NO_WARNINGS": "1"},
        )
    except subprocess.TimeoutExpired as e:
        raise CypherLintError(f"cypher lint timed out after {timeout:.0f} s") from e
    if done.returncode != 0:
        raise CypherLintError(
            f"cypher lint failed (exit {done.returncode}): {done.stderr.strip()[-2000:]}"
        )
    try:
        raw = json.loads(done.stdout)
    except json.JSONDecodeError as e:
        raise CypherLintError(f"cypher lint printed no JSON: {done.stdout[:500]!r}") from e
    if not isinstance(raw, list) or len(raw) != len(queries):
        raise CypherLintError(f"cypher lint returned {raw!r:.200}, expected {len(queries)} items")
    return [
        LintResult(str(r["name"]), _diagnostics(r["errors"]), _diagnostics(r["warnings"]))
        for r in raw
    ]


# --------------------------------------------------------------------------- query files

_HEADER = re.compile(r"^\s*//\s*(name|description|params|example)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\((.*)\))?\s*$")
_NO_PARAMS = {"", "none", "-", "—"}


@dataclass(frozen=True)
class QueryFile:
    """A `queries/<name>.cypher` file: its header and its text (header comments included)."""

    path: Path
    name: str
    description: str
    params: tuple[str, ...]
    param_specs: dict[str, str] = field(default_factory=dict)  # name -> "string, required"
    example: dict[str, Any] | None = None
    text: str = ""

    def lint_query(self) -> LintQuery:
        # The whole file is linted (comments are Cypher comments) so positions are file lines.
        return LintQuery(self.name, self.text, self.params)


def _split_top_level(text: str) -> list[str]:
    parts, depth, current = [], 0, []
    for ch in text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p for p in (s.strip() for s in parts) if p]


def parse_params(spec: str, *, where: str = "params") -> dict[str, str]:
    """`topic (string, required), include_narrower (bool, default true)` -> {name: spec}."""
    if spec.strip().lower() in _NO_PARAMS:
        return {}
    params: dict[str, str] = {}
    for item in _split_top_level(spec):
        m = _PARAM.match(item)
        if m is None:
            raise ValueError(f"{where}: cannot read parameter {item!r}; write `name (type, …)`")
        if m.group(1) in params:
            raise ValueError(f"{where}: parameter {m.group(1)!r} is declared twice")
        params[m.group(1)] = (m.group(2) or "").strip()
    return params


def read_query_file(path: Path) -> QueryFile:
    """Parse the comment header of a named query file; ValueError names file and line."""
    text = path.read_text(encoding="utf-8")
    header: dict[str, tuple[int, str]] = {}
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        m = _HEADER.match(line)
        if m is None:
            if line.lstrip().startswith("//"):
                continue  # other comments are allowed in the header block
            break
        header[m.group(1)] = (lineno, m.group(2))
    for required in ("name", "description", "params"):
        if required not in header:
            raise ValueError(f"{path}: header line `// {required}: …` is missing")
    line_no, spec = header["params"]
    specs = parse_params(spec, where=f"{path}:{line_no}")
    example = None
    if "example" in header:
        line_no, raw = header["example"]
        try:
            example = json.loads(raw)
        except json.JSONDecodeError as e:
            raise ValueError(f"{path}:{line_no}: `// example:` is not JSON: {e}") from e
        if not isinstance(example, dict):
            raise ValueError(f"{path}:{line_no}: `// example:` must be a JSON object")
    return QueryFile(
        path=path,
        name=header["name"][1],
        description=header["description"][1],
        params=tuple(specs),
        param_specs=specs,
        example=example,
        text=text,
    )
