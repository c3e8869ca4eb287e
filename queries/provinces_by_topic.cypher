// name: provinces_by_topic
// description: For each of the 34 provinces: does it commit to the topic (a commitment measure or a target addressing it or a narrower topic), only mention it in background, or stay silent — with its lead, supporting and responsible departments, its targets and the evidence sentences (document, number, section, span)
// params: topic (string, required, enum: topics), include_narrower (bool, default true)
// example: {"topic": "udi"}
//
// status: commits = a commitment measure or a target addresses the topic; background = only
// non-commitment measures (background, vision, safeguard) mention it; silent = nothing.
MATCH (root:Topic {key: $topic})
OPTIONAL MATCH (below:Topic)-[:BROADER*1..6]->(root)
WITH root, collect(DISTINCT below.key) AS narrower
WITH [root.key] + CASE WHEN $include_narrower THEN narrower ELSE [] END AS keys
MATCH (p:Province)
// measures that address the topic, one row per measure (its topics and departments gathered)
OPTIONAL MATCH (p)-[:ISSUED]->(d:Document)-[:CONTAINS]->(m:Measure)-[a:ADDRESSES]->(t:Topic)
WHERE t.key IN keys
OPTIONAL MATCH (m)-[r:RESPONSIBLE]->(dep:Department)
WITH p, keys, d, m,
     collect(DISTINCT t.key) AS topics,
     collect(DISTINCT a.matched) AS matched,
     collect(DISTINCT CASE WHEN r.role = 'lead' THEN dep.name END) AS lead,
     collect(DISTINCT CASE WHEN r.role = 'support' THEN dep.name END) AS support,
     collect(DISTINCT CASE WHEN r.role = 'responsible' THEN dep.name END) AS responsible
ORDER BY p.code, d.title, m.start
WITH p, keys,
     collect(CASE WHEN m.statement = 'commitment' THEN {
       measure: m.id, text: m.text, section: m.section, document: d.title,
       doc_number: d.doc_number, start: m.start, end: m.end, topics: topics, matched: matched,
       lead: lead, support: support, responsible: responsible} END) AS evidence,
     collect(CASE WHEN m.statement <> 'commitment' THEN {
       measure: m.id, statement: m.statement, text: m.text, section: m.section,
       document: d.title, doc_number: d.doc_number, start: m.start, end: m.end,
       topics: topics, matched: matched} END) AS background
// targets that address the topic
OPTIONAL MATCH (p)-[:ISSUED]->(td:Document)-[:SETS]->(g:Target)-[:ADDRESSES]->(gt:Topic)
WHERE gt.key IN keys
OPTIONAL MATCH (g)-[:TRACKS]->(i:Indicator)
WITH p, keys, evidence, background, td, g, i
ORDER BY p.code, g.indicator, g.year
WITH p, keys, evidence, background,
     collect(DISTINCT CASE WHEN g IS NOT NULL THEN {
       target: g.id, indicator: g.indicator, indicator_key: i.key, value: g.value,
       value_text: g.value_text, comparator: g.comparator, unit: g.unit, year: g.year,
       baseline: g.baseline, baseline_year: g.baseline_year, binding: g.binding,
       text: g.text, section: g.section, document: td.title, doc_number: td.doc_number,
       start: g.start, end: g.end} END) AS targets
// departments named for committing measures and targets on the topic
OPTIONAL MATCH (p)-[:ISSUED]->(:Document)-[:CONTAINS|SETS]->(x)-[:ADDRESSES]->(xt:Topic),
               (x)-[xr:RESPONSIBLE]->(xd:Department)
WHERE xt.key IN keys AND (x:Target OR x.statement = 'commitment')
WITH p, evidence, background, targets,
     collect(DISTINCT CASE WHEN xr.role = 'lead' THEN xd.name END) AS lead_departments,
     collect(DISTINCT CASE WHEN xr.role = 'support' THEN xd.name END) AS support_departments,
     collect(DISTINCT CASE WHEN xr.role = 'responsible' THEN xd.name END) AS responsible_departments
WITH p, evidence, background, targets, lead_departments, support_departments,
     responsible_departments,
     CASE WHEN size(evidence) > 0 OR size(targets) > 0 THEN 'commits'
          WHEN size(background) > 0 THEN 'background'
          ELSE 'silent' END AS status
RETURN p.name AS province, p.code AS code, status,
       size(evidence) AS measures, size(targets) AS target_count,
       lead_departments, support_departments, responsible_departments,
       targets, evidence, background
ORDER BY CASE status WHEN 'commits' THEN 0 WHEN 'background' THEN 1 ELSE 2 END, code
