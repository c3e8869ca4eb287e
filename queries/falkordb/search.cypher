// name: search
// description: Plain-text search, the same on every backend: measures, targets and programs whose text contains q (Latin letters case-insensitive; the graph holds Simplified Chinese), with province, document, section and span — FalkorDB's version: the same CONTAINS scan as the portable query, every hit gathered in one aggregation
// params: q (string, required), province (string, default null, enum: provinces), statement (string, default null, enum: statements), limit (int, default null), offset (int, default 0)
// example: {"q": "唯一标识", "limit": 100}
//
// Why FalkorDB has its own version: the portable query carries the measures' hits as a
// grouping key through the targets' aggregation and both through the programs', and
// FalkorDB hashes a grouping key on every row of the aggregation (1.5 s for 2 619 hits at
// 140 documents, 10 s timeouts for common words). Here every hit is one row of one stream
// (CALL {} with UNION ALL, which the portable queries avoid) and one aggregation gathers
// them. No full-text index: FalkorDB's friso-segmented `chinese` analyzer misses terms
// CONTAINS finds (graph/stores/falkordb.py). Rows, order and total are the portable
// query's (tests/graph/test_falkordb_search.py).
// A text that holds the needle as written holds it lowered too; only a needle with cased
// letters (Latin) needs the lowered texts.
WITH toLower($q) AS needle, toLower($q) = toUpper($q) AS uncased
CALL {
  WITH needle, uncased
  MATCH (p:Province)-[:ISSUED]->(d:Document)-[:CONTAINS]->(m:Measure)
  WHERE ($province IS NULL OR p.name = $province)
    AND ($statement IS NULL OR m.statement = $statement)
    AND (m.text CONTAINS needle OR (NOT uncased AND toLower(m.text) CONTAINS needle))
  RETURN {
         kind: 'measure', id: m.id, province: p.name, statement: m.statement, text: m.text,
         section: m.section, document: d.title, doc_number: d.doc_number,
         start: m.start, end: m.end} AS hit
  UNION ALL
  WITH needle, uncased
  MATCH (p:Province)-[:ISSUED]->(d:Document)-[:SETS]->(g:Target)
  WHERE ($province IS NULL OR p.name = $province)
    AND ($statement IS NULL OR $statement = 'commitment')
    AND (g.indicator CONTAINS needle OR g.text CONTAINS needle
         OR (NOT uncased AND (toLower(g.indicator) CONTAINS needle OR toLower(g.text) CONTAINS needle)))
  RETURN {
         kind: 'target', id: g.id, province: p.name, statement: 'commitment',
         text: coalesce(g.text, g.indicator), section: g.section, document: d.title,
         doc_number: d.doc_number, start: g.start, end: g.end} AS hit
  UNION ALL
  WITH needle, uncased
  MATCH (p:Province)-[:ISSUED]->(d:Document)-[e:ESTABLISHES]->(prog:Program)
  WHERE ($province IS NULL OR p.name = $province) AND $statement IS NULL
    AND (prog.name CONTAINS needle OR coalesce(e.description, '') CONTAINS needle
         OR (NOT uncased AND (toLower(prog.name) CONTAINS needle
                              OR toLower(coalesce(e.description, '')) CONTAINS needle)))
  RETURN {
         kind: 'program', id: prog.id, province: p.name, statement: null,
         text: coalesce(e.description, prog.name), section: null, document: d.title,
         doc_number: d.doc_number, start: e.start, end: e.end} AS hit
}
// the page (limit null: all rows) in answer order; total: the hits of the whole answer
WITH hit
ORDER BY hit.province, hit.document, hit.start, hit.kind, hit.id
WITH collect(hit) AS hits
UNWIND hits[$offset..$offset + coalesce($limit, size(hits))] AS hit
RETURN hit.kind AS kind, hit.province AS province, hit.document AS document,
       hit.doc_number AS doc_number, hit.section AS section, hit.statement AS statement,
       hit.text AS text, hit.start AS start, hit.end AS end, hit.id AS id, size(hits) AS total
