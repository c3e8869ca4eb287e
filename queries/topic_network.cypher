// name: topic_network
// description: A topic's commitments as a graph for Neo4j Browser: province → document → commitment measure or target → topic, with the departments responsible — the comparison at a glance
// params: topic (string, required, enum: topics), include_narrower (bool, default true), provinces (list, default null, enum: provinces), limit (int, default null), offset (int, default 0)
// example: {"topic": "udi", "limit": 100}
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
OPTIONAL MATCH responsible = (x)-[r:RESPONSIBLE]->(dep:Department)
// the page (limit null: all rows) in answer order: by province, then the item, the topic
// and the department (a stable order to page by); total: the rows of the whole answer
WITH p.name AS province, commitment, responsible
ORDER BY province, x.id, t.key, dep.id, r.role, r.order
WITH collect({province: province, commitment: commitment, responsible: responsible}) AS found
UNWIND found[$offset..$offset + coalesce($limit, size(found))] AS row
RETURN row.province AS province, row.commitment AS commitment, row.responsible AS responsible,
       size(found) AS total
