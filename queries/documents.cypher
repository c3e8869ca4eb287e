// name: documents
// description: Documents in the graph with their province, number, dates, kind and measure/target counts
// params: province (string, default null, enum: provinces)
// example: {"province": "上海市"}
MATCH (d:Document)
WHERE $province IS NULL OR d.province = $province
OPTIONAL MATCH (d)-[:CONTAINS]->(m:Measure)
WITH d, count(m) AS measures
OPTIONAL MATCH (d)-[:SETS]->(t:Target)
RETURN d.id AS id, d.province AS province, d.title AS title, d.doc_number AS doc_number,
       d.issuer AS issuer, d.issued_date AS issued_date, d.published_date AS published_date,
       d.kind AS kind, d.script AS script, measures, count(t) AS targets
ORDER BY province, issued_date, title
