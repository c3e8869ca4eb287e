// name: document_measures
// description: The measures of one document in reading order, with their responsible departments and evidence
// params: document_id (string, required), statement (string, default null: all kinds)
// example: {"document_id": "310000:沪药监〔2022〕1号", "statement": "commitment"}
MATCH (d:Document {id: $document_id})-[:CONTAINS]->(m:Measure)
WHERE $statement IS NULL OR m.statement = $statement
OPTIONAL MATCH (m)-[r:RESPONSIBLE]->(dep:Department)
WITH d, m, collect({name: dep.name, role: r.role}) AS found
RETURN m.id AS measure,
       m.ordinal AS ordinal,
       m.section AS section,
       m.statement AS statement,
       [x IN found WHERE x.name IS NOT NULL] AS departments,
       d.title AS document,
       m.start AS start,
       m.end AS end,
       m.text AS text
ORDER BY m.start
