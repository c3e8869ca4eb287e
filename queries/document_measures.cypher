// name: document_measures
// description: The measures of one document in reading order, with statement kind, topics, the departments in the order the measure writes them (role, wording) and the evidence span (normalized and original text)
// params: document_id (string, required), statement (string, default null, enum: statements)
// example: {"document_id": "310000:沪府办发〔2022〕9号", "statement": "commitment"}
//
// document_id is a document id (see the `documents` query) or a document number (文号).
MATCH (d:Document)-[:CONTAINS]->(m:Measure)
WHERE (d.id = $document_id OR d.doc_number = $document_id)
  AND ($statement IS NULL OR m.statement = $statement)
OPTIONAL MATCH (m)-[r:RESPONSIBLE]->(dep:Department)
WITH d, m, r, dep
ORDER BY r.order
WITH d, m, collect(CASE WHEN dep IS NOT NULL THEN {id: dep.id, name: dep.name, kind: dep.kind,
       level: dep.level, role: r.role, mention: r.mention, order: r.order} END) AS departments
OPTIONAL MATCH (m)-[a:ADDRESSES]->(t:Topic)
WITH d, m, departments, collect(DISTINCT t.key) AS topics, collect(DISTINCT a.matched) AS matched
RETURN m.id AS measure, m.ordinal AS ordinal, m.section AS section, m.title AS title,
       m.statement AS statement, topics, matched, departments, d.id AS document_id,
       d.title AS document, d.doc_number AS doc_number, m.start AS start, m.end AS end,
       m.source_start AS source_start, m.source_end AS source_end, m.text AS text
ORDER BY start
