// name: api_department_measures
// description: The measures and targets a department is named in, with its role and the wording of each statement, the statement's whole list of departments in the order written, the topics, document, section and span (normalized and original text)
// params: department_id (string, required), role (string, default null, enum: roles), limit (int, default null), offset (int, default 0)
// example: {"department_id": "310000:上海市药品监督管理局", "limit": 100}
MATCH (p:Province)-[:ISSUED]->(d:Document)-[:CONTAINS|SETS]->(x)-[r:RESPONSIBLE]->(dep:Department {id: $department_id})
WHERE $role IS NULL OR r.role = $role
WITH p, d, x, collect(DISTINCT r.role) AS roles, collect(DISTINCT r.mention) AS mentions
// the page (limit null: all rows), cut in answer order before topics and departments are
// gathered; total: the rows of the whole answer
ORDER BY d.id, x.start, x.id
WITH collect({p: p, d: d, x: x, roles: roles, mentions: mentions}) AS found
UNWIND found[$offset..$offset + coalesce($limit, size(found))] AS row
WITH row.p AS p, row.d AS d, row.x AS x, row.roles AS roles, row.mentions AS mentions,
     size(found) AS total
OPTIONAL MATCH (x)-[a:ADDRESSES]->(t:Topic)
WITH p, d, x, roles, mentions, total, collect(DISTINCT t.key) AS topics, collect(DISTINCT a.matched) AS matched
OPTIONAL MATCH (x)-[o:RESPONSIBLE]->(od:Department)
WITH p, d, x, roles, mentions, total, topics, matched, o, od
ORDER BY o.order
WITH p, d, x, roles, mentions, total, topics, matched,
     collect(CASE WHEN od IS NOT NULL THEN {id: od.id, name: od.name, kind: od.kind,
       level: od.level, role: o.role, mention: o.mention, order: o.order} END) AS departments
RETURN p.name AS province, d.id AS document_id, d.title AS document, d.doc_number AS doc_number,
       d.kind AS document_kind, d.issued_date AS issued_date,
       CASE WHEN x:Target THEN 'target' ELSE 'measure' END AS kind, x.id AS id,
       coalesce(x.statement, 'commitment') AS statement, x.section AS section, x.title AS title,
       coalesce(x.text, x.indicator) AS text, x.start AS start, x.end AS end,
       x.source_start AS source_start, x.source_end AS source_end, roles, mentions, topics,
       matched, departments, total
ORDER BY document_id, start, id
