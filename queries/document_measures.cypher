// name: document_measures
// description: The measures of one document in reading order, with statement kind, topics, responsible departments and evidence span
// params: document_id (string, required), statement (string, default null, enum: statements)
// example: {"document_id": "310000:沪府办发〔2022〕9号", "statement": "commitment"}
//
// document_id is a document id (see the `documents` query) or a document number (文号).
MATCH (d:Document)-[:CONTAINS]->(m:Measure)
WHERE (d.id = $document_id OR d.doc_number = $document_id)
  AND ($statement IS NULL OR m.statement = $statement)
OPTIONAL MATCH (m)-[r:RESPONSIBLE]->(dep:Department)
WITH d, m, collect(DISTINCT CASE WHEN dep IS NOT NULL THEN {name: dep.name, role: r.role} END)
  AS departments
OPTIONAL MATCH (m)-[:ADDRESSES]->(t:Topic)
WITH d, m, departments, collect(DISTINCT t.key) AS topics
RETURN m.id AS measure, m.ordinal AS ordinal, m.section AS section, m.title AS title,
       m.statement AS statement, topics, departments, d.title AS document,
       m.start AS start, m.end AS end, m.text AS text
ORDER BY start
