"""The first layer of POST /cypher: clauses refused before anything runs (pure, no store)."""

from __future__ import annotations

import re

import pytest
from policykg.api.app import status_of
from policykg.api.cypher_guard import check, tokenize

from policykg.errors import InputError, QueryRefused

ALLOWED = [
    "MATCH (p:Province)-[:ISSUED]->(d:Document) RETURN p.name, count(d)",
    "RETURN 'CREATE' AS s",
    'RETURN "MERGE (n) DETACH DELETE n" AS s',
    "RETURN 'it\\'s; CREATE' AS s",
    "// CREATE (n)\nMATCH (n:Topic) RETURN n.key",
    "/* DELETE everything */ MATCH (n:Topic) RETURN n.key",
    "MATCH (n:Topic) RETURN n.key AS `create`",
    "MATCH (n:Measure) WHERE n.set IS NULL RETURN n.id",  # a property named set
    "MATCH (n:Delete) RETURN n",  # a label named Delete
    "MATCH (n:Topic) RETURN {merge: n.key, remove: 1} AS m",  # map keys
    "MATCH (n:Topic {key: $create}) RETURN n",  # a parameter named create
    "MATCH (n:Topic) RETURN n.key;",  # one trailing semicolon
    "match (t:Topic) where t.key starts with 'u' return t.key order by t.key limit 3",
    "MATCH (n) RETURN n.name AS 名称",
]

REFUSED = [
    ("CREATE (n:X) RETURN n", "CREATE"),
    ("create (n:X)", "create"),
    ("MERGE (n:Topic {key: 'x'})", "MERGE"),
    ("MATCH (n) SET n.x = 1", "SET"),
    ("MATCH (n) DETACH DELETE n", "DETACH"),
    ("MATCH (n) DELETE n", "DELETE"),
    ("MATCH (n) REMOVE n.name", "REMOVE"),
    ("DROP INDEX foo", "DROP"),
    ("MATCH (n) FOREACH (x IN [1] | SET n.y = x)", "FOREACH"),
    ("/*x*/CREATE (n)", "CREATE"),
    ("MATCH (n) //comment\nCREATE (m)", "CREATE"),
    ("MATCH (n)\u3000CREATE (m)", "CREATE"),
    ("MATCH (n) WITH n CALL { MATCH (m) RETURN m } RETURN n", "CALL"),
    ("CALL db.labels()", "CALL"),
    ("CALL db.idx.fulltext.queryNodes('Measure', 'x') YIELD node RETURN node", "CALL"),
    ("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", "LOAD"),
    ("USE system MATCH (n) RETURN n", "USE"),
    ("SHOW DATABASES", "SHOW"),
    ("GRANT ALL ON DATABASE * TO x", "GRANT"),
    ("MATCH (n) RETURN 'x' AS a SET n.z = 1", "SET"),
    ("WITH 1 AS limit WITH limit CREATE (n)", "CREATE"),  # a name that is a keyword, then a clause
    ("WITH * CREATE (n)", "CREATE"),
    ("MATCH (n) RETURN n UNION CREATE (m) RETURN m", "CREATE"),
    ("MATCH (n) WITH n ORDER BY n.x DESC DELETE n", "DELETE"),
    ("MATCH (n) ＣＲＥＡＴＥ (m)", "ＣＲＥＡＴＥ"),  # fullwidth letters fold to CREATE (NFKC)
]

# Issue 15 item 8: names that are keywords elsewhere, where only a name can stand.
KEYWORD_NAMES = [
    "RETURN 1 AS start",
    "WITH 1 AS use RETURN use",
    "RETURN 1 AS show ORDER BY show",
    "RETURN 1 AS begin, 2 AS load, 3 AS call",
    "MATCH (m:Measure)-[:ADDRESSES|SET]->(t:Topic) RETURN t.key",
    "MATCH (create:Topic) RETURN create",
    "UNWIND [1] AS set RETURN set",
    "MATCH (n) RETURN n.name AS name ORDER BY name DESC SKIP 1 LIMIT 2",
    "WITH * MATCH (n:Topic) RETURN n.key",
    "RETURN [x IN range(1, 3) WHERE x > 1 | x * 2] AS delete",
    "MATCH p = (a)-[:ADDRESSES*1..2]->(b) RETURN count(*) AS merge",
    "MATCH (n:Topic) WHERE n.key STARTS WITH 'u' AND NOT n.key IS NULL RETURN n {.key} AS drop",
]

BAD_TEXT = [
    ("", "empty"),
    ("   \n  ", "empty"),
    ("// only a comment", "empty"),
    ("MATCH (n) RETURN n; MATCH (m) RETURN m", "more than one statement"),
    ("RETURN 'unterminated", "unterminated string"),
    ("RETURN `unterminated", "unterminated quoted name"),
    ("/* never closed", "unterminated /* comment"),
    ("RETURN 1\x00", "NUL"),
    ("RETURN '\ud800'", "not valid Unicode"),
]


@pytest.mark.parametrize("query", ALLOWED + KEYWORD_NAMES)
def test_read_queries_pass(query: str) -> None:
    assert check(query) is None


@pytest.mark.parametrize(("query", "word"), REFUSED)
def test_forbidden_clauses_are_refused_with_their_position(query: str, word: str) -> None:
    with pytest.raises(QueryRefused) as err:
        check(query)
    message = str(err.value)
    assert message.startswith(word) and re.search(r"line \d+, column \d+", message), message
    assert status_of(err.value) == 403  # the API chooses status codes (api/app.py)


@pytest.mark.parametrize(("query", "reason"), BAD_TEXT)
def test_text_that_is_not_one_statement_is_a_400(query: str, reason: str) -> None:
    with pytest.raises(InputError, match=re.escape(reason)) as err:
        check(query)
    assert status_of(err.value) == 400


def test_tokens_skip_comments_and_keep_strings_whole() -> None:
    tokens = tokenize("MATCH (n) /* CREATE */ RETURN 'a // b' AS x // tail")
    assert [t.text for t in tokens] == ["MATCH", "(", "n", ")", "RETURN", "'a // b'", "AS", "x"]
    assert [t.kind for t in tokens][5] == "string"


def test_position_names_line_and_column() -> None:
    with pytest.raises(QueryRefused, match="line 2, column 3"):
        check("MATCH (n)\n  DELETE n")
