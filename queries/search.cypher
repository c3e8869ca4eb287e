// name: search
// description: Plain-text search, the same on every backend: measures, targets and programs whose text contains q (Latin letters case-insensitive; the graph holds Simplified Chinese), with province, document, section and span
// params: q (string, required), province (string, default null, enum: provinces), statement (string, default null, enum: statements), limit (int, default null), offset (int, default 0)
// example: {"q": "唯一标识", "limit": 100}
//
// CONTAINS, not a full-text index: full-text procedures differ between Neo4j and FalkorDB.
// A text that holds the needle as written holds it lowered too; only a needle with cased
// letters (Latin) needs the lowered texts, which cost half the query to make.
WITH toLower($q) AS needle, toLower($q) = toUpper($q) AS uncased
OPTIONAL MATCH (p:Province)-[:ISSUED]->(d:Document)-[:CONTAINS]->(m:Measure)
WHERE ($province IS NULL OR p.name = $province)
  AND ($statement IS NULL OR m.statement = $statement)
  AND (m.text CONTAINS needle OR (NOT uncased AND toLower(m.text) CONTAINS needle))
WITH needle, uncased, collect(CASE WHEN m IS NOT NULL THEN {
       kind: 'measure', id: m.id, province: p.name, statement: m.statement, text: m.text,
       section: m.section, document: d.title, doc_number: d.doc_number,
       start: m.start, end: m.end} END) AS measure_hits
OPTIONAL MATCH (p:Province)-[:ISSUED]->(d:Document)-[:SETS]->(g:Target)
WHERE ($province IS NULL OR p.name = $province)
  AND ($statement IS NULL OR $statement = 'commitment')
  AND (g.indicator CONTAINS needle OR g.text CONTAINS needle
       OR (NOT uncased AND (toLower(g.indicator) CONTAINS needle OR toLower(g.text) CONTAINS needle)))
WITH needle, uncased, measure_hits, collect(CASE WHEN g IS NOT NULL THEN {
       kind: 'target', id: g.id, province: p.name, statement: 'commitment',
       text: coalesce(g.text, g.indicator), section: g.section, document: d.title,
       doc_number: d.doc_number, start: g.start, end: g.end} END) AS target_hits
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
