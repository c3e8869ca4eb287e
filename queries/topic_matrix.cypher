// name: topic_matrix
// description: Province × topic matrix for a heat map: one row per province (all 34), with the topic columns and, aligned with them, the number of measures of the chosen statement kind (commitment by default) and of indicators with a target addressing each topic (each indicator once, however many years or rows set it)
// params: topics (list, default null, enum: topics), statement (string, default commitment, enum: statements), include_narrower (bool, default false)
// example: {"topics": ["udi", "drug_traceability", "pharmacovigilance", "vaccine_oversight"]}
//
// Columns: the topics asked for, else every topic some measure of that kind (or, for
// commitments, some target) addresses — in key order. Targets count only as commitments,
// one per indicator (issue 13.6: 2023 and 2025 values of one indicator are one cell item);
// a target with no canonical indicator counts by its name as written.
MATCH (t:Topic)
WHERE ($topics IS NOT NULL AND t.key IN $topics)
   OR ($topics IS NULL AND (t)<-[:ADDRESSES]-(:Measure {statement: $statement}))
   OR ($topics IS NULL AND $statement = 'commitment' AND (t)<-[:ADDRESSES]-(:Target))
WITH t
ORDER BY t.key
WITH collect(t.key) AS columns
MATCH (p:Province)
OPTIONAL MATCH path = (p)-[:ISSUED]->(:Document)-[:CONTAINS]->(m:Measure)-[:ADDRESSES]->(:Topic)-[:BROADER*0..6]->(mt:Topic)
WHERE m.statement = $statement AND mt.key IN columns AND ($include_narrower OR length(path) = 3)
WITH columns, p, mt.key AS topic, count(DISTINCT m) AS n
WITH columns, p, collect({topic: topic, n: n}) AS measure_cells
OPTIONAL MATCH tpath = (p)-[:ISSUED]->(:Document)-[:SETS]->(g:Target)-[:ADDRESSES]->(:Topic)-[:BROADER*0..6]->(gt:Topic)
WHERE $statement = 'commitment' AND gt.key IN columns AND ($include_narrower OR length(tpath) = 3)
WITH columns, p, measure_cells, gt.key AS topic,
     count(DISTINCT coalesce(g.indicator_key, g.indicator)) AS n
WITH columns, p, measure_cells, collect({topic: topic, n: n}) AS target_cells
RETURN p.name AS province, p.code AS code,
       size([(p)-[:ISSUED]->(doc:Document) | doc]) AS documents,
       columns AS topics,
       [c IN columns | coalesce([x IN measure_cells WHERE x.topic = c | x.n][0], 0)] AS measures,
       [c IN columns | coalesce([x IN target_cells WHERE x.topic = c | x.n][0], 0)] AS targets
ORDER BY code
