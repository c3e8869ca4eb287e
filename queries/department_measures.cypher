// name: department_measures
// description: What a department must do: the measures and targets of its province that name it (by its canonical name or as a statement writes it), with its role, the topics, the evidence text, document, section and span
// params: province (string, required, enum: provinces), department (string, required), role (string, default null, enum: roles), statement (string, default null, enum: statements), limit (int, default null), offset (int, default 0)
// example: {"province": "上海市", "department": "市药品监管局", "limit": 100}
// The province is matched on its own first: in one pattern FalkorDB starts from every
// node of the graph (x has no label) and filters by province last.
MATCH (p:Province {name: $province})
WITH p
MATCH (p)-[:ISSUED]->(d:Document)-[:CONTAINS|SETS]->(x)-[r:RESPONSIBLE]->(dep:Department)
WHERE (dep.name = $department OR r.mention = $department)
  AND ($role IS NULL OR r.role = $role)
  AND ($statement IS NULL OR x.statement = $statement OR (x:Target AND $statement = 'commitment'))
// the page (limit null: all rows), cut in answer order before the topics are gathered;
// total: the rows of the whole answer
WITH d, x, dep, r
ORDER BY d.title, x.start, r.role, x.id, r.order
WITH collect({d: d, x: x, dep: dep, r: r}) AS found
UNWIND found[$offset..$offset + coalesce($limit, size(found))] AS row
WITH row.d AS d, row.x AS x, row.dep AS dep, row.r AS r, size(found) AS total
OPTIONAL MATCH (x)-[:ADDRESSES]->(t:Topic)
WITH d, x, dep, r, total, collect(DISTINCT t.key) AS topics
RETURN dep.name AS department, dep.kind AS kind, r.role AS role, r.mention AS written_as,
       CASE WHEN x:Target THEN 'target' ELSE 'measure' END AS item,
       coalesce(x.statement, 'commitment') AS statement, topics,
       coalesce(x.text, x.indicator) AS text, x.value_text AS value_text, x.year AS year,
       d.title AS document, d.doc_number AS doc_number, x.section AS section,
       x.start AS start, x.end AS end, x.source_start AS source_start,
       x.source_end AS source_end, x.id AS id, d.id AS document_id, r.order AS order,
       total
ORDER BY document, start, role, id, order
