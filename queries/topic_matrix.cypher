// name: topic_matrix
// description: Province × topic matrix for a heat map: one row per province (all 34), with the topic columns and, aligned with them, the number of measures of the chosen statement kind (commitment by default) and of indicators with a target addressing each topic (each indicator once, however many years or rows set it)
// params: topics (list, default null, enum: topics), statement (string, default commitment, enum: statements), include_narrower (bool, default false)
// example: {"topics": ["udi", "drug_traceability", "pharmacovigilance", "vaccine_oversight"]}
//
// Columns: the topics asked for, else every topic some measure of that kind (or, for
// commitments, some target) addresses — in key order. Targets count only as commitments,
// one per indicator (issue 13.6: 2023 and 2025 values of one indicator are one cell item);
// a target with no canonical indicator counts by its name as written.
//
// Read from the write-time summaries (graph/summaries.py: pt_direct, or pt_closure with
// include_narrower; a leaf topic's direct cell is its pt_closure one, marked leaf), never
// from the measures themselves.
OPTIONAL MATCH (c:Summary)
WHERE $topics IS NULL AND c.part = 'items'
  AND (c.kind = 'pt_direct' OR (c.kind = 'pt_closure' AND c.leaf = true))
  AND (CASE $statement WHEN 'commitment' THEN c.commitment WHEN 'background' THEN c.background
       WHEN 'vision' THEN c.vision WHEN 'safeguard' THEN c.safeguard END > 0
       OR ($statement = 'commitment' AND c.targets > 0))
WITH collect(DISTINCT c.topic) AS found
MATCH (t:Topic)
WHERE ($topics IS NOT NULL AND t.key IN $topics) OR ($topics IS NULL AND t.key IN found)
WITH t
ORDER BY t.key
WITH collect(t.key) AS columns
OPTIONAL MATCH (s:Summary)
WHERE ((s.kind = 'pt_closure' AND ($include_narrower OR s.leaf = true))
       OR (s.kind = 'pt_direct' AND NOT $include_narrower))
  AND s.province <> '' AND s.topic IN columns
  AND (s.part = 'items' OR (s.part = 'indicator' AND $statement = 'commitment'))
WITH columns, s.province AS code, s.topic AS topic,
     toInteger(sum(CASE WHEN s.part = 'items' THEN
       CASE $statement WHEN 'commitment' THEN s.commitment WHEN 'background' THEN s.background
       WHEN 'vision' THEN s.vision WHEN 'safeguard' THEN s.safeguard END ELSE 0 END)) AS m,
     count(CASE WHEN s.part = 'indicator' THEN 1 END) AS g
WITH columns, code, collect({topic: topic, m: m, g: g}) AS cells
WITH columns, collect({code: code, cells: cells}) AS by_code
MATCH (p:Province)
WITH columns, p, coalesce([b IN by_code WHERE b.code = p.code | b.cells][0], []) AS cells
RETURN p.name AS province, p.code AS code,
       size([(p)-[:ISSUED]->(doc:Document) | doc]) AS documents,
       columns AS topics,
       [k IN columns | coalesce([x IN cells WHERE x.topic = k | x.m][0], 0)] AS measures,
       [j IN columns | coalesce([y IN cells WHERE y.topic = j | y.g][0], 0)] AS targets
ORDER BY code
