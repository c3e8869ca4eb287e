// name: api_document_source
// description: The original text of one document (by id or document number) as read from its file, in its original script and markup, which the evidence's source_start/source_end point into
// params: document_id (string, required)
// example: {"document_id": "310000:沪府办发〔2022〕9号"}
MATCH (d:Document)
WHERE d.id = $document_id OR d.doc_number = $document_id
RETURN d.id AS id, d.title AS title, d.doc_number AS doc_number, d.source AS source,
       d.script AS script, d.source_text AS text
LIMIT 1
