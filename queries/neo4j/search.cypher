// name: search
// description: Plain-text search, the same on every backend: measures, targets and programs whose text contains q (Latin letters case-insensitive; the graph holds Simplified Chinese), with province, document, section and span — Neo4j's version: for q of two or more Chinese characters, measures and targets found through the full-text index evidence_text (Lucene cjk analyzer: such a q is a phrase of bigrams there, found in every text that holds it) and then checked with CONTAINS as the portable query does; any other q scans as the portable query does
// params: q (string, required), province (string, default null, enum: provinces), statement (string, default null, enum: statements), limit (int, default null), offset (int, default 0)
// example: {"q": "唯一标识", "limit": 100}
WITH $q =~ '[\\x{3400}-\\x{9fff}]{2,}' AS indexed
// the candidates: from the index, or every measure and target (one branch runs)
CALL {
  WITH indexed
  UNWIND CASE WHEN indexed THEN ['"' + $q + '"'] ELSE [] END AS phrase
  CALL db.index.fulltext.queryNodes('evidence_text', phrase) YIELD node
  RETURN node
  UNION ALL
  WITH indexed
  UNWIND CASE WHEN indexed THEN [] ELSE [true] END AS scan
  MATCH (node:Measure)
  RETURN node
  UNION ALL
  WITH indexed
  UNWIND CASE WHEN indexed THEN [] ELSE [true] END AS scan
  MATCH (node:Target)
  RETURN node
}
WITH collect(node) AS candidates
WITH toLower($q) AS needle, toLower($q) = toUpper($q) AS uncased, candidates
UNWIND CASE WHEN candidates = [] THEN [null] ELSE candidates END AS node
OPTIONAL MATCH (p:Province)-[:ISSUED]->(d:Document)-[:CONTAINS]->(node:Measure)
WHERE ($province IS NULL OR p.name = $province)
  AND ($statement IS NULL OR node.statement = $statement)
  AND (node.text CONTAINS needle OR (NOT uncased AND toLower(node.text) CONTAINS needle))
WITH needle, uncased, node, CASE WHEN d IS NOT NULL THEN {
       kind: 'measure', id: node.id, province: p.name, statement: node.statement,
       text: node.text, section: node.section, document: d.title, doc_number: d.doc_number,
       start: node.start, end: node.end} END AS measure_hit
OPTIONAL MATCH (p:Province)-[:ISSUED]->(d:Document)-[:SETS]->(node:Target)
WHERE ($province IS NULL OR p.name = $province)
  AND ($statement IS NULL OR $statement = 'commitment')
  AND (node.indicator CONTAINS needle OR node.text CONTAINS needle
       OR (NOT uncased AND (toLower(node.indicator) CONTAINS needle OR toLower(node.text) CONTAINS needle)))
WITH needle, uncased, collect(measure_hit) AS measure_hits, collect(CASE WHEN d IS NOT NULL THEN {
       kind: 'target', id: node.id, province: p.name, statement: 'commitment',
       text: coalesce(node.text, node.indicator), section: node.section, document: d.title,
       doc_number: d.doc_number, start: node.start, end: node.end} END) AS target_hits
// programs: their descriptions are on ESTABLISHES, which the index does not hold
OPTIONAL MATCH (p:Province)-[:ISSUED]->(d:Document)-[e:ESTABLISHES]->(prog:Program)
WHERE ($province IS NULL OR p.name = $province) AND $statement IS NULL
  AND (prog.name CONTAINS needle OR coalesce(e.description, '') CONTAINS needle
       OR (NOT uncased AND (toLower(prog.name) CONTAINS needle
                            OR toLower(coalesce(e.description, '')) CONTAINS needle)))
WITH measure_hits, target_hits, collect(CASE WHEN prog IS NOT NULL THEN {
       kind: 'program', id: prog.id, province: p.name, statement: null,
       text: coalesce(e.description, prog.name), section: null, document: d.title,
       doc_number: d.doc_number, start: e.start, end: e.end} END) AS program_hits
// the page (limit null: all rows) in answer order; total: the hits of the whole answer
UNWIND measure_hits + target_hits + program_hits AS hit
WITH hit
ORDER BY hit.province, hit.document, hit.start, hit.kind, hit.id
WITH collect(hit) AS hits
UNWIND hits[$offset..$offset + coalesce($limit, size(hits))] AS hit
RETURN hit.kind AS kind, hit.province AS province, hit.document AS document,
       hit.doc_number AS doc_number, hit.section AS section, hit.statement AS statement,
       hit.text AS text, hit.start AS start, hit.end AS end, hit.id AS id, size(hits) AS total
