// name: regional_cooperation
// description: Cross-provincial cooperation: for each region (长三角, 成渝, 京津冀 …) the provinces whose measures cooperate in it, whether they are members, how many of those measures are commitments, and the evidence
// params: region (string, default null, enum: regions), max_items (int, default null)
// example: {"region": "yangtze_river_delta"}
// max_items: each row's evidence cut to their first K items in the order shown (null: all;
// 0: counts only); evidence_count gives the whole lists' lengths (graph/queries.py).
MATCH (r:Region)
WHERE $region IS NULL OR r.key = $region
MATCH (p:Province)-[:ISSUED]->(d:Document)-[:CONTAINS]->(m:Measure)-[:COOPERATES_IN]->(r)
WITH r, p, d, m
ORDER BY d.title, m.start, m.id
WITH r, p,
     count(DISTINCT m) AS measures,
     count(DISTINCT CASE WHEN m.statement = 'commitment' THEN m END) AS commitments,
     collect({measure: m.id, statement: m.statement, text: m.text, section: m.section,
              document: d.title, doc_number: d.doc_number, start: m.start, end: m.end})
       AS evidence
RETURN r.key AS region, r.name AS name, p.name AS province,
       size([(p)-[:MEMBER_OF]->(r) | p]) > 0 AS member,
       [(mp:Province)-[:MEMBER_OF]->(r) | mp.name] AS members,
       measures, commitments, size(evidence) AS evidence_count,
       evidence[0..coalesce($max_items, size(evidence))] AS evidence
ORDER BY region, province
