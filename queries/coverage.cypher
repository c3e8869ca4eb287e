// name: coverage
// description: What the graph covers, for each of the 34 provinces: its documents (title, number, kind, issued date, plan period), the kinds of document and the plan periods — what every answer about a province rests on; a province without documents has nothing to say
// params: province (string, default null, enum: provinces), max_items (int, default null)
// example: {}
// max_items: each row's growing lists cut to their first K items in the order shown (null: all;
// 0: counts only); document_count gives the whole lists' lengths (graph/queries.py).
MATCH (p:Province)
WHERE $province IS NULL OR p.name = $province
OPTIONAL MATCH (p)-[:ISSUED]->(d:Document)
WITH p, d
ORDER BY p.code, d.issued_date, d.id
WITH p, collect(CASE WHEN d IS NOT NULL THEN {
       document_id: d.id, title: d.title, doc_number: d.doc_number, kind: d.kind,
       issued_date: d.issued_date, published_date: d.published_date, period: d.period,
       measures: size([(d)-[:CONTAINS]->(m:Measure) | m]),
       targets: size([(d)-[:SETS]->(g:Target) | g])} END) AS documents
RETURN p.code AS code, p.name AS province, size(documents) AS document_count,
       documents[0..coalesce($max_items, size(documents))] AS documents,
       reduce(acc = [], x IN documents | CASE WHEN x.kind IS NULL OR x.kind IN acc THEN acc ELSE acc + [x.kind] END) AS kinds,
       reduce(acc = [], x IN documents | CASE WHEN x.period IS NULL OR x.period IN acc THEN acc ELSE acc + [x.period] END) AS periods,
       reduce(acc = [], x IN documents | CASE WHEN x.issued_date IS NULL OR substring(x.issued_date, 0, 4) IN acc THEN acc ELSE acc + [substring(x.issued_date, 0, 4)] END) AS years
ORDER BY code
