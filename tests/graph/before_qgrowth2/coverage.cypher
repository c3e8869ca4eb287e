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
WITH p, collect(d) AS docs
// kinds, periods and years of every document; the documents' own counts only for the cut
WITH p, size(docs) AS document_count, docs[0..coalesce($max_items, size(docs))] AS cut,
     reduce(acc = [], x IN docs | CASE WHEN x.kind IS NULL OR x.kind IN acc THEN acc ELSE acc + [x.kind] END) AS kinds,
     reduce(acc = [], x IN docs | CASE WHEN x.period IS NULL OR x.period IN acc THEN acc ELSE acc + [x.period] END) AS periods,
     reduce(acc = [], x IN docs | CASE WHEN x.issued_date IS NULL OR substring(x.issued_date, 0, 4) IN acc THEN acc ELSE acc + [substring(x.issued_date, 0, 4)] END) AS years
UNWIND CASE WHEN cut = [] THEN [-1] ELSE range(0, size(cut) - 1) END AS at
WITH p, document_count, kinds, periods, years, at, CASE WHEN at >= 0 THEN cut[at] END AS kept
OPTIONAL MATCH (kept)-[:CONTAINS]->(m:Measure)
WITH p, document_count, kinds, periods, years, at, kept, count(m) AS measures
OPTIONAL MATCH (kept)-[:SETS]->(g:Target)
WITH p, document_count, kinds, periods, years, at, kept, measures, count(g) AS targets
ORDER BY p.code, at
WITH p, document_count, kinds, periods, years,
     collect(CASE WHEN kept IS NOT NULL THEN {
       document_id: kept.id, title: kept.title, doc_number: kept.doc_number, kind: kept.kind,
       issued_date: kept.issued_date, published_date: kept.published_date,
       period: kept.period, measures: measures, targets: targets} END) AS documents
RETURN p.code AS code, p.name AS province, document_count, documents, kinds, periods, years
ORDER BY code
