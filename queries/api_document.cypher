// name: api_document
// description: One document (by id or document number) with its metadata (title, number, issuer, dates, kind, period, source, script) with its province and the laws and policies it cites
// params: document_id (string, required)
// example: {"document_id": "310000:沪府办发〔2022〕9号"}
MATCH (d:Document)
WHERE d.id = $document_id OR d.doc_number = $document_id
WITH d LIMIT 1
OPTIONAL MATCH (p:Province)-[:ISSUED]->(d)
OPTIONAL MATCH (d)-[c:CITES]->(r:Reference)
WITH d, p, collect(DISTINCT {title: coalesce(c.title, r.title), doc_number: r.doc_number,
                             scope: r.scope}) AS refs
RETURN d.id AS id, d.title AS title, d.doc_number AS doc_number, d.issuer AS issuer,
       d.issued_date AS issued_date, d.published_date AS published_date, d.kind AS kind,
       d.period AS period, d.source AS source, d.script AS script, d.chars AS chars,
       p.name AS province, p.code AS code,
       [x IN refs WHERE x.title IS NOT NULL OR x.doc_number IS NOT NULL] AS references
