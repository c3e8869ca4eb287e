"""The header parser of named queries (graph/queries.py): the one parser the registry, the
API, the CLI, the Neo4j lint and the Browser guide read query files with. Bad headers are
InputErrors naming the file (and line) and what is wrong.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from policykg.graph.queries import enum_values, parse_params, parse_query_file, registry

from policykg.errors import InputError

ROOT = Path(__file__).resolve().parents[2]


def test_params_parse_types_defaults_and_enums() -> None:
    params = parse_params(
        "topic (string, required, enum: topics), include_narrower (bool, default true), "
        "provinces (list, default [上海市, 浙江省], enum: provinces), year (int, default 2025), "
        'share (float, default 0.5), q (string, default "a, b")'
    )
    assert [(p.name, p.type, p.required, p.default, p.enum) for p in params] == [
        ("topic", "string", True, None, "topics"),
        ("include_narrower", "bool", False, True, None),
        ("provinces", "list", False, ["上海市", "浙江省"], "provinces"),
        ("year", "int", False, 2025, None),
        ("share", "float", False, 0.5, None),
        ("q", "string", False, "a, b", None),
    ]
    assert parse_params("none") == () == parse_params("")


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("topic string", "cannot read parameter"),
        ("topic (text)", "needs a type first"),
        ("topic (string, enum: planets)", "enum"),
        ("topic (string, required, default udi)", "required and has a default"),
        ("topic (string, optional)", "cannot read 'optional'"),
        ("year (int, default soon)", "not a valid int"),
        ("a (string), a (int)", "declared twice"),
    ],
)
def test_bad_params_are_named(spec: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        parse_params(spec, "queries/x.cypher:3")
    assert str(info.value).startswith("queries/x.cypher:3")


def _query_file(tmp_path: Path, header: str, name: str = "q") -> Path:
    path = tmp_path / f"{name}.cypher"
    path.write_text(header + "\nMATCH (t:Topic {key: $topic}) RETURN t.key AS key\n", "utf-8")
    return path


GOOD_HEADER = (
    "// name: q\n// description: a query\n"
    "// params: topic (string, required, enum: topics)\n"
    '// example: {"topic": "udi"}'
)


def test_query_file_parses(tmp_path: Path) -> None:
    q = parse_query_file(_query_file(tmp_path, GOOD_HEADER + "\n// a comment on why"))
    assert (q.name, q.description, q.example) == ("q", "a query", {"topic": "udi"})
    assert q.cypher == "MATCH (t:Topic {key: $topic}) RETURN t.key AS key"
    assert q.source_text().startswith("// name: q")


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (GOOD_HEADER.replace("// name: q", "// name: other"), "differs from the file name"),
        (GOOD_HEADER.replace("// params:", "// parameters:"), "`// params: …`"),
        (GOOD_HEADER.replace('{"topic": "udi"}', '{"topic": udi}'), "is not JSON"),
        (GOOD_HEADER.replace('{"topic": "udi"}', '["udi"]'), "must be a JSON object"),
        (GOOD_HEADER.replace('{"topic": "udi"}', "{}"), "lacks required topic"),
        (GOOD_HEADER.replace('"udi"}', '"udi", "year": 1}'), "undeclared parameters year"),
        (GOOD_HEADER.replace("// description: a query", "// description:"), "is empty"),
    ],
)
def test_bad_query_file_names_file_and_problem(tmp_path: Path, header: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        parse_query_file(_query_file(tmp_path, header))
    assert str(tmp_path / "q.cypher") in str(info.value)


def test_every_query_file_parses_and_uses_known_vocabularies() -> None:
    queries = registry()
    files = sorted(p.stem for p in (ROOT / "queries").glob("*.cypher"))
    assert sorted(queries) == files
    for q in queries.values():
        for p in q.params:
            if p.enum:
                assert enum_values(p.enum), f"{q.name}.{p.name}: vocabulary {p.enum} is empty"
