// name: api_department_measures
// description: The measures a department is named in, with its role (lead, support, responsible), the wording used, the topics, document, section and span
// params: department_id (string, required), role (string, default null, enum: roles)
// example: {"department_id": "310000:上海市药品监督管理局"}
MATCH (p:Province)-[:ISSUED]->(d:Document)-[:CONTAINS]->(m:Measure)-[r:RESPONSIBLE]->(dep:Department {id: $department_id})
WHERE $role IS NULL OR r.role = $role
WITH p, d, m, collect(DISTINCT r.role) AS roles, collect(DISTINCT r.mention) AS mentions
OPTIONAL MATCH (m)-[:ADDRESSES]->(t:Topic)
RETURN p.name AS province, d.id AS document_id, d.title AS document, d.doc_number AS doc_number,
       m.id AS measure_id, m.statement AS statement, m.section AS section, m.title AS title,
       m.text AS text, m.start AS start, m.end AS end, roles, mentions,
       collect(DISTINCT t.key) AS topics
ORDER BY document_id, start
