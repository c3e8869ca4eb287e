"""Neo4j compatibility without Neo4j: Neo4j's own Cypher front end checks every named
query (queries/*.cypher) and every Neo4j DDL statement; deliberately bad queries prove
that the check can fail. Skipped (with the reason) only when Node.js is not installed.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from policykg.graph.queries import NamedQuery, parse_query_file
from policykg.graph.stores.neo4j import (
    FULLTEXT_LABELS,
    FULLTEXT_PROPERTIES,
    RANGE_INDEXES,
    REL_RANGE_INDEXES,
    UNIQUE_KEYS,
    Neo4jStore,
)

from policykg.errors import InputError
from tools.cypher_lint import (
    CypherLintUnavailable,
    Diagnostic,
    LintQuery,
    LintResult,
    load_vocabulary,
    named_lint_query,
    node_executable,
)
from tools.cypher_lint import lint as run_lint

ROOT = Path(__file__).resolve().parents[2]
QUERY_FILES = sorted((ROOT / "queries").glob("*.cypher"))
# An engine's own versions (graph/queries.py engine_variants): Neo4j's are linted too.
NEO4J_VARIANTS = sorted((ROOT / "queries" / "neo4j").glob("*.cypher"))

# Constructs a named query may not use: the query must also run on FalkorDB (DESIGN.md).
NOT_PORTABLE = {
    "EXISTS { … } subquery": re.compile(r"\bEXISTS\s*\{", re.I),
    "COUNT { … } subquery": re.compile(r"\bCOUNT\s*\{", re.I),
    "regular expression =~": re.compile(r"=~"),
    "elementId()": re.compile(r"\belementId\s*\(", re.I),
    "shortestPath": re.compile(r"\b(all)?shortestPath\s*\(", re.I),
    "APOC": re.compile(r"\bapoc\.", re.I),
    "CALL db.* procedure": re.compile(r"\bCALL\s+db\.", re.I),
}

# Each must produce at least one error containing the fragment.
BAD_QUERIES: dict[str, tuple[str, tuple[str, ...], str]] = {
    "syntax_error": ("MATCH (n:Measure RETURN n", (), "Invalid input"),
    "unknown_function": ("MATCH (n:Measure) RETURN foo.bar(n) AS x", (), "foo.bar"),
    "undeclared_parameter": ("MATCH (t:Topic {key: $topic}) RETURN t.key", (), "$topic"),
    "falkordb_only_function": ("MATCH (n:Measure) RETURN toJSON(n) AS j", (), "toJSON"),
    "falkordb_fulltext_procedure": (
        "CALL db.idx.fulltext.queryNodes('Measure', 'UDI') YIELD node RETURN node",
        (),
        "db.idx.fulltext.queryNodes",
    ),
    "apoc_not_installed": ("RETURN apoc.text.join(['a', 'b'], ',') AS s", (), "apoc.text.join"),
    "undefined_variable": ("MATCH (m:Measure) RETURN d.title", (), "Variable `d` not defined"),
    "two_statements": ("MATCH (n) RETURN n; MATCH (m) RETURN m", (), "statements"),
    "cypher_25": ("CYPHER 25 MATCH (n:Measure) RETURN n.id", (), "CYPHER 25"),
}
GOOD_QUERY = (
    "MATCH (p:Province)-[:ISSUED]->(:Document)-[:CONTAINS]->(m:Measure)-[:ADDRESSES]->"
    "(t:Topic {key: $topic})\nWHERE m.statement = 'commitment'\n"
    "RETURN p.name AS province, count(m) AS measures ORDER BY measures DESC"
)


def _ddl() -> list[str]:
    # The constructor does no I/O: no Neo4j server is needed for the DDL.
    return Neo4jStore("bolt://localhost:7687", "neo4j", "unused").schema_statements()


@pytest.fixture(scope="module")
def linted() -> dict[str, LintResult]:
    """One Node.js run for everything: query files, DDL, bad and good examples."""
    try:
        node_executable()
    except CypherLintUnavailable as e:
        pytest.skip(str(e))
    queries = [_file_query(p) for p in QUERY_FILES]
    queries += [_file_query(p, f"neo4j/{p.stem}") for p in NEO4J_VARIANTS]
    queries += [LintQuery(f"ddl[{i}]", s) for i, s in enumerate(_ddl())]
    queries += [LintQuery(f"bad:{k}", q, p) for k, (q, p, _) in BAD_QUERIES.items()]
    queries += [LintQuery("good", GOOD_QUERY, ("topic",))]
    started = time.perf_counter()
    results = run_lint(queries)
    elapsed = time.perf_counter() - started
    print(f"\ncypher lint: {len(queries)} statements in {elapsed:.1f} s")
    return {r.name: r for r in results}


def _file_query(path: Path, key: str | None = None) -> LintQuery:
    """The file as graph/queries.py reads it (the one header parser), linted whole."""
    try:
        query = named_lint_query(parse_query_file(path))
        return LintQuery(key, query.query, query.params) if key else query
    except InputError:
        # test_query_file_header reports the header; lint the Cypher anyway
        return LintQuery(path.stem, path.read_text(encoding="utf-8"))


def _problems(result: LintResult) -> tuple[Diagnostic, ...]:
    """Errors, unknown labels/types/properties, and declared parameters never used."""
    unused = tuple(w for w in result.warnings if w.message.startswith("declared parameter"))
    return result.errors + result.vocabulary_warnings() + unused


def _report(problems: tuple[Diagnostic, ...], source: str) -> str:
    lines = [f"{source}:{d}" for d in problems]
    return "Neo4j's Cypher front end rejects it:\n" + "\n".join(lines)


# --------------------------------------------------------------------------- query files


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_query_file_passes_neo4j_front_end(path: Path, linted: dict[str, LintResult]) -> None:
    problems = _problems(linted[path.stem])
    if problems:
        pytest.fail(_report(problems, str(path.relative_to(ROOT))), pytrace=False)


@pytest.mark.parametrize("path", NEO4J_VARIANTS, ids=lambda p: p.stem)
def test_neo4j_variant_passes_neo4j_front_end(path: Path, linted: dict[str, LintResult]) -> None:
    problems = _problems(linted[f"neo4j/{path.stem}"])
    if problems:
        pytest.fail(_report(problems, str(path.relative_to(ROOT))), pytrace=False)


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_query_file_header(path: Path) -> None:
    """The header parses (name = file name, description, params, example; the example
    declares only known parameters and every required one: graph/queries.py checks)."""
    query: NamedQuery = parse_query_file(path)
    assert query.name == path.stem and query.description


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_query_file_is_portable(path: Path) -> None:
    body = "\n".join(
        line for line in path.read_text(encoding="utf-8").splitlines()
        if not line.lstrip().startswith("//")
    )  # fmt: skip
    found = [what for what, rx in NOT_PORTABLE.items() if rx.search(body)]
    assert not found, f"{path}: not portable to FalkorDB (DESIGN.md Backends): {found}"


# --------------------------------------------------------------------------- Neo4j DDL


def test_neo4j_ddl_passes_neo4j_front_end(linted: dict[str, LintResult]) -> None:
    ddl = _ddl()
    assert len(ddl) >= len(UNIQUE_KEYS) + len(RANGE_INDEXES) + 1
    failures = [
        _report(result.errors + result.warnings, stmt)
        for i, stmt in enumerate(ddl)
        if (result := linted[f"ddl[{i}]"]).errors or result.warnings
    ]
    if failures:
        pytest.fail("\n".join(failures), pytrace=False)


def test_neo4j_ddl_shape() -> None:
    ddl = _ddl()
    for label, key in UNIQUE_KEYS.items():
        assert any(
            f"FOR (n:{label}) REQUIRE n.{key} IS UNIQUE" in s and "IF NOT EXISTS" in s for s in ddl
        ), f"no uniqueness constraint for {label}.{key}"
    fulltext = [s for s in ddl if s.startswith("CREATE FULLTEXT INDEX")]
    assert len(fulltext) == 1 and "`fulltext.analyzer`: 'cjk'" in fulltext[0]
    named = [
        re.match(r"CREATE (?:CONSTRAINT|(?:FULLTEXT )?INDEX) (\w+) IF NOT EXISTS ", s) for s in ddl
    ]
    assert all(named), "every statement is named and idempotent (IF NOT EXISTS)"
    names = [m.group(1) for m in named if m]
    assert len(set(names)) == len(names), names


def test_neo4j_ddl_uses_the_graph_vocabulary() -> None:
    vocab = load_vocabulary()
    labels = set(UNIQUE_KEYS) | {lbl for lbl, _ in RANGE_INDEXES} | set(FULLTEXT_LABELS)
    props = set(UNIQUE_KEYS.values()) | {p for _, p in RANGE_INDEXES + REL_RANGE_INDEXES}
    props |= set(FULLTEXT_PROPERTIES)
    assert labels <= set(vocab["labels"]), labels - set(vocab["labels"])
    assert {r for r, _ in REL_RANGE_INDEXES} <= set(vocab["relationshipTypes"])
    assert props <= set(vocab["propertyKeys"]), props - set(vocab["propertyKeys"])


def test_neo4j_keys_match_the_model() -> None:
    model = pytest.importorskip("policykg.graph.model")
    assert model.NODE_KEYS == UNIQUE_KEYS


# --------------------------------------------------------------------------- the check can fail


@pytest.mark.parametrize("case", list(BAD_QUERIES))
def test_bad_query_is_rejected(case: str, linted: dict[str, LintResult]) -> None:
    result = linted[f"bad:{case}"]
    fragment = BAD_QUERIES[case][2]
    assert any(fragment in e.message for e in result.errors), result


def test_good_query_is_clean(linted: dict[str, LintResult]) -> None:
    result = linted["good"]
    assert result.errors == () and result.warnings == (), result


def test_unknown_vocabulary_is_reported(linted: dict[str, LintResult]) -> None:
    [result] = run_lint([LintQuery("typo", "MATCH (m:Measur)-[:ADRESSES]->(t:Topic) RETURN m.txt")])
    messages = " | ".join(w.message for w in result.vocabulary_warnings())
    assert "Measur" in messages and "ADRESSES" in messages and "txt" in messages
