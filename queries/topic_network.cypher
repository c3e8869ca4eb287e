// name: topic_network
// description: A topic's commitments as a graph for Neo4j Browser: province → document → commitment measure or target → topic, with the departments responsible — the comparison at a glance
// params: topic (string, required, enum: topics), include_narrower (bool, default true), provinces (list, default null, enum: provinces)
// example: {"topic": "udi"}
//
// Returns paths (Neo4j Browser draws them; the API returns their nodes and relationships).
MATCH (root:Topic {key: $topic})
OPTIONAL MATCH (below:Topic)-[:BROADER*1..6]->(root)
WITH root, collect(DISTINCT below.key) AS narrower
WITH [root.key] + CASE WHEN $include_narrower THEN narrower ELSE [] END AS keys
// from the topics (index lookups) to what addresses them: matched in one pattern with
// `t.key IN keys`, FalkorDB starts from every node of the graph
UNWIND keys AS key
MATCH (t:Topic {key: key})
WITH t
MATCH commitment = (p:Province)-[:ISSUED]->(:Document)-[:CONTAINS|SETS]->(x)-[:ADDRESSES]->(t)
WHERE x.commits = true
  AND ($provinces IS NULL OR p.name IN $provinces)
OPTIONAL MATCH responsible = (x)-[:RESPONSIBLE]->(:Department)
RETURN p.name AS province, commitment, responsible
ORDER BY province
