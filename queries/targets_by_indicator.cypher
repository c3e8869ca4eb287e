// name: targets_by_indicator
// description: One indicator side by side across provinces: each target's baseline, value as written, unit, year, binding or expected, the departments named for it (in the order written) and the evidence row or sentence (document, number, section, span in the normalized and original text)
// params: indicator (string, required, enum: indicators), province (string, default null, enum: provinces), year (int, default null), binding (string, default null, enum: bindings), limit (int, default null), offset (int, default 0)
// example: {"indicator": "adr_reports_per_million", "limit": 100}
// The indicator (an index lookup) is matched on its own first: in one pattern FalkorDB
// starts from every Target of the graph.
MATCH (i:Indicator {key: $indicator})
WITH i
MATCH (i)<-[:TRACKS]-(g:Target)<-[:SETS]-(d:Document)<-[:ISSUED]-(p:Province)
WHERE ($province IS NULL OR p.name = $province)
  AND ($year IS NULL OR g.year = $year)
  AND ($binding IS NULL OR g.binding = $binding)
// the page (limit null: all rows), cut in answer order before the departments are
// gathered; total: the rows of the whole answer
WITH p, i, g, d
ORDER BY p.code, g.year, g.start, g.id
WITH collect({p: p, i: i, g: g, d: d}) AS found
UNWIND found[$offset..$offset + coalesce($limit, size(found))] AS row
WITH row.p AS p, row.i AS i, row.g AS g, row.d AS d, size(found) AS total
OPTIONAL MATCH (g)-[r:RESPONSIBLE]->(dep:Department)
WITH p, i, g, d, total, r, dep
ORDER BY r.order
WITH p, i, g, d, total,
     collect(CASE WHEN dep IS NOT NULL THEN {id: dep.id, name: dep.name, kind: dep.kind,
       level: dep.level, role: r.role, mention: r.mention, order: r.order} END) AS departments
RETURN p.name AS province, p.code AS code, i.key AS indicator_key, i.name AS indicator,
       i.unit AS indicator_unit, i.measure AS indicator_measure, i.direction AS direction,
       g.indicator AS written_as, g.baseline AS baseline, g.baseline_year AS baseline_year,
       g.value AS value, g.value_text AS value_text, g.comparator AS comparator,
       g.unit AS unit, g.year AS year, g.binding AS binding, g.cumulative AS cumulative,
       [x IN departments WHERE x.role = 'lead' | x.name] AS lead_departments,
       [x IN departments WHERE x.role = 'support' | x.name] AS support_departments,
       [x IN departments WHERE x.role = 'responsible' | x.name] AS responsible_departments,
       departments, d.id AS document_id, d.title AS document, d.doc_number AS doc_number,
       d.kind AS document_kind, d.issued_date AS issued_date, g.section AS section,
       g.text AS evidence, g.start AS start, g.end AS end, g.source_start AS source_start,
       g.source_end AS source_end, g.id AS target, total
ORDER BY code, year, start, target
