// name: api_search
// description: Candidates for full-text search: measures, targets and programs whose text contains any of the terms (the API ranks and highlights them) — Neo4j's version: measures and targets found through the full-text index evidence_text (Lucene cjk analyzer), each term a phrase, then checked with CONTAINS as the portable query does
// params: terms (list, required), province (string, default null, enum: provinces), cap (int, default 2000)
// example: {"terms": ["追溯", "唯一标识"]}
WITH reduce(q = '', t IN $terms |
            q + CASE q WHEN '' THEN '' ELSE ' OR ' END
              + '"' + replace(replace(t, '\\', '\\\\'), '"', '\\"') + '"') AS lucene
UNWIND CASE WHEN lucene = '' THEN [] ELSE [lucene] END AS phrases
CALL db.index.fulltext.queryNodes('evidence_text', phrases) YIELD node AS m
WITH m WHERE m:Measure AND any(term IN $terms WHERE m.text CONTAINS term)
MATCH (p:Province)-[:ISSUED]->(d:Document)-[:CONTAINS]->(m)
WHERE ($province IS NULL OR p.name = $province)
RETURN 'measure' AS kind, m.id AS id, m.title AS title, m.text AS text, m.section AS section,
       m.statement AS statement, p.name AS province, d.id AS document_id, d.title AS document,
       d.doc_number AS doc_number, m.start AS start, m.end AS end,
       m.source_start AS source_start, m.source_end AS source_end
LIMIT $cap
UNION ALL
WITH reduce(q = '', t IN $terms |
            q + CASE q WHEN '' THEN '' ELSE ' OR ' END
              + '"' + replace(replace(t, '\\', '\\\\'), '"', '\\"') + '"') AS lucene
UNWIND CASE WHEN lucene = '' THEN [] ELSE [lucene] END AS phrases
CALL db.index.fulltext.queryNodes('evidence_text', phrases) YIELD node AS g
WITH g WHERE g:Target
  AND any(term IN $terms WHERE coalesce(g.text, '') CONTAINS term OR g.indicator CONTAINS term)
MATCH (p:Province)-[:ISSUED]->(d:Document)-[:SETS]->(g)
WHERE ($province IS NULL OR p.name = $province)
RETURN 'target' AS kind, g.id AS id, g.indicator AS title,
       CASE WHEN coalesce(g.text, '') = '' THEN g.indicator + ' ' + g.value_text ELSE g.text END AS text,
       g.section AS section, g.binding AS statement, p.name AS province, d.id AS document_id,
       d.title AS document, d.doc_number AS doc_number, g.start AS start, g.end AS end,
       g.source_start AS source_start, g.source_end AS source_end
LIMIT $cap
UNION ALL
MATCH (p:Province)-[:ISSUED]->(d:Document)-[e:ESTABLISHES]->(g:Program)
WHERE ($province IS NULL OR p.name = $province)
  AND any(term IN $terms WHERE g.name CONTAINS term OR coalesce(e.written, '') CONTAINS term
                               OR coalesce(e.description, '') CONTAINS term)
RETURN 'program' AS kind, g.id AS id, g.name AS title, coalesce(e.description, g.name) AS text,
       null AS section, g.kind AS statement, p.name AS province, d.id AS document_id,
       d.title AS document, d.doc_number AS doc_number, e.start AS start, e.end AS end,
       e.source_start AS source_start, e.source_end AS source_end
LIMIT $cap
