"""POST /cypher under attack (issue 11 part 4): every string of the corpus is refused with
a 4xx and the graph's fingerprint is unchanged; harmless read-only controls that merely
contain the same words (in strings, names, aliases) run. Real HTTP semantics (TestClient)
on the seeded embedded FalkorDB."""

from __future__ import annotations

import hashlib
import json

import pytest
from fastapi.testclient import TestClient

ZW = "\u200b"  # zero-width space
ATTACKS = [
    # every write clause
    "CREATE (n:Intruder {x: 1}) RETURN n",
    "MERGE (t:Topic {key: 'intruder'}) RETURN t",
    "MATCH (t:Topic) SET t.hacked = true RETURN t",
    "MATCH (t:Topic) SET t += {hacked: 1}",
    "MATCH (t:Topic {key: 'udi'}) DELETE t",
    "MATCH (n) DETACH DELETE n",
    "MATCH (t:Topic) REMOVE t.key",
    "MATCH (t:Topic) REMOVE t:Topic",
    "DROP INDEX ON :Topic(key)",
    "DROP CONSTRAINT topic_key",
    "MATCH (a:Topic), (b:Topic) CREATE (a)-[:HACK]->(b)",
    "MATCH (t:Topic) WITH t MERGE (t)-[:HACK]->(t)",
    # writes inside CALL { }, UNION, FOREACH
    "CALL { CREATE (n:Intruder) RETURN n } RETURN n",
    "MATCH (t:Topic) CALL { WITH t SET t.x = 1 } RETURN t",
    "RETURN 1 AS x UNION CREATE (n:Intruder) RETURN 1 AS x",
    "MATCH (t:Topic) RETURN t.key AS k UNION ALL MATCH (n) DETACH DELETE n RETURN 1 AS k",
    "MATCH (t:Topic) FOREACH (x IN [1] | SET t.hacked = x)",
    "FOREACH (x IN range(1, 3) | CREATE (:Intruder {x: x}))",
    # comment tricks
    "/* harmless */ CREATE (n:Intruder)",
    "MATCH (n) // comment\nDETACH DELETE n",
    "MATCH (n) DETACH/**/DELETE n",
    "MATCH (n) CRE/**/ATE (m:Intruder)",
    "MATCH (n) /* RETURN n */ SET n.x = 1",
    # Unicode look-alikes and zero-width characters
    f"MATCH (n) DE{ZW}LETE n",
    f"MATCH (n){ZW}DETACH DELETE n",
    "MATCH (n) ＤＥＬＥＴＥ n",  # fullwidth
    "MATCH (n) DЕLETE n",  # Cyrillic Е
    "MATCH (n) \ufeffSET n.x = 1",  # byte-order mark
    "MATCH (n)\u3000SET n.x = 1",  # ideographic space
    # backticked identifiers
    "MATCH (n) `SET` n.x = 1",
    "MATCH (`n`) SET `n`.`x` = 1",
    "CREATE (`Intruder`:`Topic` {`key`: 'x'})",
    # procedures: Neo4j's db.* / dbms.*, FalkorDB's own
    "CALL db.labels()",
    "CALL dbms.components() YIELD name RETURN name",
    "CALL db.idx.fulltext.drop('Measure')",
    "CALL db.idx.fulltext.createNodeIndex('Intruder', 'x')",
    "CALL algo.BFS(null, 1, null) YIELD nodes RETURN nodes",
    "CALL dbms.procedures()",
    "MATCH (n) CALL algo.pageRank('Topic', null) YIELD node RETURN node",
    "GRAPH.DELETE policykg",
    # LOAD CSV, USE, several statements
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:9/x.csv' AS row RETURN row",
    "WITH 1 AS x LOAD CSV FROM 'https://example.org/x.csv' AS row RETURN row",
    "USE system SHOW DATABASES",
    "USE policykg MATCH (n) RETURN n",
    "MATCH (n) RETURN n; MATCH (n) DETACH DELETE n",
    "RETURN 1; CREATE (n:Intruder)",
    # administration and transactions
    "SHOW DATABASES",
    "GRANT ALL ON DATABASE * TO intruder",
    "BEGIN",
    "START DATABASE x",
    # size and nesting
    "MATCH (n) RETURN n AS x // " + "x" * 1_000_000,
    "RETURN " + "(" * 30 + "1" + ")" * 30 + " AS x",
    "RETURN " + "NOT " * 40 + "true AS x",
    # a keyword used as a name, then a real clause
    "WITH 1 AS limit WITH limit CREATE (n:Intruder)",
    "WITH * CREATE (n:Intruder)",
    # breaking out of the engine-side wrapper (CALL { … } RETURN * LIMIT n)
    "RETURN 1 AS x } CREATE (n:Intruder) WITH 1 AS y CALL { RETURN 1 AS z",
]

CONTROLS = [
    "RETURN 'CREATE (n) DETACH DELETE n' AS s",
    'RETURN "MERGE SET REMOVE DROP FOREACH LOAD CSV USE CALL" AS s',
    "MATCH (t:Topic) WHERE t.key <> 'DELETE' RETURN t.key AS set ORDER BY set LIMIT 3",
    "MATCH (t:Topic) RETURN t.key AS start, t.name AS use LIMIT 2",
    "MATCH (t:Topic) RETURN count(t) AS show, 1 AS begin, 2 AS load, 3 AS call",
    "MATCH (m:Measure)-[:ADDRESSES|SET]->(t:Topic) RETURN count(*) AS n",
    "MATCH (t:Topic) RETURN t.key AS `CREATE`, {merge: 1, delete: 2} AS m LIMIT 1",
    "/* DETACH DELETE */ MATCH (d:Document) RETURN count(d) AS n // DROP",
    f"RETURN 'zero{ZW}width' AS s",
    "UNWIND ['SET', 'REMOVE'] AS set RETURN set",
    "MATCH (create:Topic) RETURN create.key AS k ORDER BY k LIMIT 1",
    "WITH 1 AS use RETURN use",
    "MATCH (n:Topic) WHERE n.key STARTS WITH 'u' RETURN n.key AS drop",
    "RETURN -9223372036854775808 AS smallest, 9223372036854775807 AS largest",
]


def fingerprint(store) -> tuple[int, int, str]:
    """Node and relationship counts and a hash of every node's labels and properties and
    every relationship's type, ends and properties."""
    nodes = store.read("MATCH (n) RETURN labels(n) AS l, properties(n) AS p").rows
    rels = store.read("MATCH (a)-[r]->(b) RETURN type(r), id(a), id(b), properties(r) AS p").rows
    text = sorted(json.dumps(row, sort_keys=True, ensure_ascii=False, default=str) for row in nodes)
    text += sorted(json.dumps(row, sort_keys=True, ensure_ascii=False, default=str) for row in rels)
    return len(nodes), len(rels), hashlib.sha256("\n".join(text).encode()).hexdigest()


def test_the_corpus_is_large_enough() -> None:
    assert len(ATTACKS) >= 40 and len(CONTROLS) >= 10


@pytest.fixture(scope="module")
def before(seeded_store) -> tuple[int, int, str]:
    return fingerprint(seeded_store)  # nothing else writes to the shared seeded store


@pytest.mark.parametrize("query", ATTACKS, ids=lambda q: q[:60])
def test_attack_is_refused_and_the_graph_unchanged(api: TestClient, seeded_store, before, query):
    resp = api.post("/cypher", json={"query": query})
    assert 400 <= resp.status_code < 500, (resp.status_code, resp.text[:300])
    body = resp.json()
    assert body["error"] and body["message"], body
    assert fingerprint(seeded_store) == before


@pytest.mark.parametrize("query", CONTROLS, ids=lambda q: q[:60])
def test_harmless_control_runs(api: TestClient, query: str):
    resp = api.post("/cypher", json={"query": query})
    assert resp.status_code == 200, resp.text
    assert resp.json()["rows"], resp.text
