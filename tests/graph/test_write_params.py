"""The FalkorDB store builds a write's parameter text itself (graph/stores/falkordb.py
params_header, for speed): it must be the text falkordb-py would send, and values must
come back from the real engine as written."""

from __future__ import annotations

from pathlib import Path

import pytest
from falkordb.helpers import stringify_param_value
from policykg.graph.model import record_to_graph
from policykg.graph.store import Statement
from policykg.graph.stores.falkordb import FalkorDBStore, combine, cypher_literal, params_header
from policykg.graph.writer import graph_statements
from policykg.ingest.pipeline import extract_file

from tests.conftest import seed

AWKWARD = [
    "",
    "plain",
    'a "quoted" word',
    "back\\slash\\",
    'both \\" mixed',
    "line one\nline two\r\n\ttabbed",
    "全角“引号”与《书名号》，及 emoji 🙂",
    None,
    True,
    False,
    0,
    -17,
    2.5,
    1e-7,
    [],
    {},
    [1, "two", None, [3.0, {"k": "v"}]],
    ("tuple", 1),
    {"key": {"nested": ["x", {"deeper": 'q"uote'}]}, "n": None},
    b"bytes",
]


@pytest.mark.parametrize("value", AWKWARD, ids=repr)
def test_literal_is_the_drivers_text(value) -> None:
    assert cypher_literal(value) == stringify_param_value(value)


def test_header_is_the_drivers_for_a_documents_statements(tmp_path: Path) -> None:
    _, params = combine(graph_statements(record_to_graph(extract_file(seed("001")))))
    store = FalkorDBStore(tmp_path)
    store.open()
    try:
        assert params_header(params) == store._writer._build_params_header(params)
    finally:
        store.close()


def test_bad_names_are_refused() -> None:
    for bad in ({"": 1}, {"a`b": 1}):
        with pytest.raises(ValueError):
            cypher_literal(bad)


def test_awkward_strings_come_back_as_written(tmp_path: Path) -> None:
    texts = [v for v in AWKWARD if isinstance(v, str)]
    store = FalkorDBStore(tmp_path)
    store.open()
    try:
        rows = [{"key": str(i), "props": {"text": t}} for i, t in enumerate(texts)]
        store.write([Statement("UNWIND $rows AS row CREATE (:T {k: row.key, text: row.props.text})",
                               {"rows": rows})])  # fmt: skip
        back = store.read("MATCH (t:T) RETURN t.k, t.text").rows
        assert sorted(back) == sorted([str(i), t] for i, t in enumerate(texts))
    finally:
        store.close()
