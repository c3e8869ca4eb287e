"""Lint Cypher with Neo4j's own front end, from Python.

A development tool, used by the tests only (the application never imports it): a fast,
server-free check that a named query or a Neo4j DDL statement passes Neo4j 5's own Cypher
parser and semantic analysis (the tests also run every query on a real Neo4j), shipped on npm as ``@neo4j-cypher/language-support``. ``tools/cypher-lint``
pins it (package-lock.json) and wraps it in ``lint.mjs``; this module installs it on
first use (``npm ci``) and runs it in a subprocess::

    from tools.cypher_lint import LintQuery, lint
    [result] = lint([LintQuery("q", "MATCH (t:Topic {key: $topic}) RETURN t.key", ("topic",))])
    result.errors    # () -> Neo4j accepts it;  result.warnings: unknown labels/properties, ...

Named query files are read by graph/queries.py (the one header parser); `lint_named`
lints them with the parameters their header declares.

Raises `CypherLintUnavailable` when Node.js/npm or the tool directory is absent (tests
skip), `CypherLintError` when the tool itself fails (install error, crash, bad output).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policykg.graph.queries import NamedQuery

log = logging.getLogger(__name__)

TOOL_DIR = Path(__file__).resolve().parent / "cypher-lint"
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


# --------------------------------------------------------------------------- named queries


def named_lint_query(query: NamedQuery) -> LintQuery:
    """A named query as the lint sees it: the whole file (its header comments are Cypher
    comments, so positions are file lines) and the parameters its header declares."""
    return LintQuery(query.name, query.source_text(), tuple(p.name for p in query.params))


def lint_named(queries: Iterable[NamedQuery], **kwargs: Any) -> list[LintResult]:
    """Lint named queries (graph/queries.py's registry) with Neo4j's front end."""
    return lint([named_lint_query(q) for q in queries], **kwargs)
