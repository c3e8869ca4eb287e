// name: api_targets
// description: Targets with their indicator, value, unit, year, baseline, binding, evidence and responsible departments; filter by province, indicator or document
// params: province (string, default null, enum: provinces), indicator (string, default null, enum: indicators), document_id (string, default null)
// example: {"province": "浙江省"}
MATCH (p:Province)-[:ISSUED]->(d:Document)-[:SETS]->(g:Target)
WHERE ($province IS NULL OR p.name = $province)
  AND ($indicator IS NULL OR g.indicator_key = $indicator)
  AND ($document_id IS NULL OR d.id = $document_id)
OPTIONAL MATCH (g)-[:ADDRESSES]->(t:Topic)
WITH p, d, g, collect(DISTINCT t.key) AS topics
OPTIONAL MATCH (g)-[r:RESPONSIBLE]->(dep:Department)
WITH p, d, g, topics,
     collect(DISTINCT {id: dep.id, name: dep.name, role: r.role, kind: dep.kind}) AS found
RETURN p.code AS code, p.name AS province, d.id AS document_id, d.title AS document,
       d.doc_number AS doc_number, g.id AS id, g.indicator AS indicator,
       g.indicator_key AS indicator_key, g.value AS value, g.value_text AS value_text,
       g.comparator AS comparator, g.unit AS unit, g.year AS year, g.baseline AS baseline,
       g.baseline_year AS baseline_year, g.binding AS binding, g.cumulative AS cumulative,
       g.section AS section, g.text AS text, g.start AS start, g.end AS end, topics,
       [x IN found WHERE x.name IS NOT NULL] AS departments
ORDER BY indicator_key, province, year, start
