// name: lead_departments_by_topic
// description: Which departments lead, support or are responsible for a topic (narrower topics included), by province and department kind — counted over commitment measures and targets, with the evidence
// params: topic (string, required, enum: topics), include_narrower (bool, default true), province (string, default null, enum: provinces), role (string, default null, enum: roles), max_items (int, default null)
// example: {"topic": "pharmacovigilance"}
// max_items: each row's evidence cut to their first K items in the order shown (null: all;
// 0: counts only); evidence_count gives the whole lists' lengths (graph/queries.py).
MATCH (root:Topic {key: $topic})
OPTIONAL MATCH (below:Topic)-[:BROADER*1..6]->(root)
WITH root, collect(DISTINCT below.key) AS narrower
WITH [root.key] + CASE WHEN $include_narrower THEN narrower ELSE [] END AS keys
// For every province: from the topics (index lookups) to what addresses them (matched in
// one pattern with `t.key IN keys`, FalkorDB starts from every node of the graph). For one
// province: from it (an index lookup) to its own items, not from the topics through every
// province's items. One branch runs, the other unwinds nothing.
CALL {
  WITH keys
  UNWIND CASE WHEN $province IS NULL THEN keys ELSE [] END AS key
  MATCH (t:Topic {key: key})
  MATCH (p:Province)-[:ISSUED]->(d:Document)-[:CONTAINS|SETS]->(x)-[:ADDRESSES]->(t)
  RETURN p, d, x
  UNION ALL
  WITH keys
  MATCH (p:Province {name: $province})-[:ISSUED]->(d:Document)-[:CONTAINS|SETS]->(x)-[:ADDRESSES]->(t:Topic)
  WHERE t.key IN keys
  RETURN p, d, x
}
WITH p, d, x
WHERE x.commits = true
MATCH (x)-[r:RESPONSIBLE]->(dep:Department)
WHERE $role IS NULL OR r.role = $role
// one row per (department, measure or target, role)
WITH DISTINCT p, dep, x, r.role AS role, d
ORDER BY d.title, x.start, x.id
WITH p, dep,
     count(DISTINCT CASE WHEN role = 'lead' THEN x END) AS lead,
     count(DISTINCT CASE WHEN role = 'support' THEN x END) AS support,
     count(DISTINCT CASE WHEN role = 'responsible' THEN x END) AS responsible,
     count(DISTINCT CASE WHEN x:Measure THEN x END) AS measures,
     count(DISTINCT CASE WHEN x:Target THEN x END) AS targets,
     collect({id: x.id, kind: CASE WHEN x:Target THEN 'target' ELSE 'measure' END, role: role,
              text: coalesce(x.text, x.indicator), section: x.section, document: d.title,
              doc_number: d.doc_number, document_id: d.id,
              start: x.start, end: x.end, source_start: x.source_start, source_end: x.source_end}) AS evidence
RETURN p.name AS province, dep.kind AS kind, dep.name AS department, dep.level AS level,
       lead, support, responsible, measures, targets, size(evidence) AS evidence_count,
       evidence[0..coalesce($max_items, size(evidence))] AS evidence
ORDER BY province, kind, lead DESC, support DESC, responsible DESC, department
