// name: targets_by_indicator
// description: One indicator side by side across provinces: each target's baseline, value as written, unit, year, binding or expected, the departments named for it and the evidence row or sentence (document, number, section, span)
// params: indicator (string, required, enum: indicators), province (string, default null, enum: provinces), year (int, default null), binding (string, default null, enum: bindings)
// example: {"indicator": "adr_reports_per_million"}
MATCH (i:Indicator {key: $indicator})<-[:TRACKS]-(g:Target)<-[:SETS]-(d:Document)<-[:ISSUED]-(p:Province)
WHERE ($province IS NULL OR p.name = $province)
  AND ($year IS NULL OR g.year = $year)
  AND ($binding IS NULL OR g.binding = $binding)
OPTIONAL MATCH (g)-[r:RESPONSIBLE]->(dep:Department)
WITH p, i, g, d,
     collect(DISTINCT CASE WHEN r.role = 'lead' THEN dep.name END) AS lead_departments,
     collect(DISTINCT CASE WHEN r.role = 'support' THEN dep.name END) AS support_departments,
     collect(DISTINCT CASE WHEN r.role = 'responsible' THEN dep.name END) AS responsible_departments
RETURN p.name AS province, p.code AS code, i.key AS indicator_key, i.name AS indicator,
       g.indicator AS written_as, g.baseline AS baseline, g.baseline_year AS baseline_year,
       g.value AS value, g.value_text AS value_text, g.comparator AS comparator,
       g.unit AS unit, g.year AS year, g.binding AS binding, g.cumulative AS cumulative,
       lead_departments, support_departments, responsible_departments,
       d.title AS document, d.doc_number AS doc_number, g.section AS section,
       g.text AS evidence, g.start AS start, g.end AS end, g.id AS target
ORDER BY code, year, start
