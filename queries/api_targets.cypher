// name: api_targets
// description: Targets with their indicator (and its unit, what it measures, which way is better), value, unit, year, baseline, binding, evidence (span in the normalized and original text) and the departments in the order written; filter by province, indicator, document, topics (any of these keys) or those whose indicator matched no canonical key
// params: province (string, default null, enum: provinces), indicator (string, default null, enum: indicators), document_id (string, default null), topics (list, default null), unmatched (bool, default false), limit (int, default null), offset (int, default 0)
// example: {"province": "浙江省", "limit": 100}
// the provinces first: with the filters on the targets in one pattern, FalkorDB starts
// from every Target of the graph
MATCH (p:Province)
WHERE $province IS NULL OR p.name = $province
WITH p
MATCH (p)-[:ISSUED]->(d:Document)-[:SETS]->(g:Target)
WHERE ($indicator IS NULL OR g.indicator_key = $indicator)
  AND ($document_id IS NULL OR d.id = $document_id)
  AND (NOT $unmatched OR coalesce(g.indicator_key, '') = '')
WITH p, d, g, CASE WHEN $topics IS NULL THEN null
                   ELSE [(g)-[:ADDRESSES]->(ft:Topic) | ft.key] END AS on_topics
WHERE on_topics IS NULL OR any(k IN on_topics WHERE k IN $topics)
// the page (limit null: all rows), cut in answer order before topics, departments and
// the indicator are gathered; total: the rows of the whole answer
WITH p, d, g
ORDER BY g.indicator_key, p.name, g.year, g.start, g.id
WITH collect({p: p, d: d, g: g}) AS found
UNWIND found[$offset..$offset + coalesce($limit, size(found))] AS row
WITH row.p AS p, row.d AS d, row.g AS g, size(found) AS total
OPTIONAL MATCH (g)-[a:ADDRESSES]->(t:Topic)
WITH p, d, g, total, collect(DISTINCT t.key) AS topics, collect(DISTINCT a.matched) AS matched
OPTIONAL MATCH (g)-[r:RESPONSIBLE]->(dep:Department)
WITH p, d, g, total, topics, matched, r, dep
ORDER BY r.order
WITH p, d, g, total, topics, matched,
     collect(CASE WHEN dep IS NOT NULL THEN {id: dep.id, name: dep.name, kind: dep.kind,
       level: dep.level, role: r.role, mention: r.mention, order: r.order} END) AS departments
OPTIONAL MATCH (g)-[:TRACKS]->(i:Indicator)
RETURN p.code AS code, p.name AS province, d.id AS document_id, d.title AS document,
       d.doc_number AS doc_number, d.kind AS document_kind, d.issued_date AS issued_date,
       g.id AS id, g.indicator AS indicator,
       g.indicator_key AS indicator_key, i.unit AS indicator_unit, i.measure AS indicator_measure,
       i.direction AS direction, g.value AS value, g.value_text AS value_text,
       g.comparator AS comparator, g.unit AS unit, g.year AS year, g.baseline AS baseline,
       g.baseline_year AS baseline_year, g.binding AS binding, g.cumulative AS cumulative,
       g.section AS section, g.text AS text, g.start AS start, g.end AS end,
       g.source_start AS source_start, g.source_end AS source_end, topics, matched, departments,
       total
ORDER BY indicator_key, province, year, start, id
