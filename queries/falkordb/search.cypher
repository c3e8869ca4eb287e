// name: search
// description: Plain-text search, the same on every backend: measures, targets and programs whose text contains q (Latin letters case-insensitive; the graph holds Simplified Chinese), with province, document, section and span — FalkorDB's version: for q of two or more Chinese characters (U+3400–U+9FFF), measures and targets found through the full-text indexes on their `grams` (graph/grams.py: every bigram of their texts; every bigram of q must be there) and then checked with CONTAINS as the portable query does; any other q scans as the portable query does
// params: q (string, required), province (string, default null, enum: provinces), statement (string, default null, enum: statements), limit (int, default null), offset (int, default 0)
// example: {"q": "唯一标识", "limit": 100}
//
// The index is asked only when both labels' indexes are OPERATIONAL and English (the
// default, whose tokenizer keeps a bigram whole): after the server starts (or the index is
// made) FalkorDB fills it in the background, and meanwhile it answers with what it holds
// so far; a label whose index options were set to `chinese` by an earlier version keeps
// them (friso would cut the bigrams). The scan is exact at any time.
// The two bounds below are U+3400 and U+9FFF (strings compare by code point).
CALL db.indexes() YIELD label, language, status
WITH collect(CASE WHEN label IN ['Measure', 'Target'] AND status = 'OPERATIONAL'
                   AND language = 'english' THEN label END) AS ready
WITH size(ready) = 2 AND size($q) >= 2 AND all(i IN range(0, size($q) - 1)
       WHERE substring($q, i, 1) >= '㐀' AND substring($q, i, 1) <= '鿿') AS indexed
WITH indexed, CASE WHEN indexed THEN
       reduce(s = '', i IN range(0, size($q) - 2) | s + ' ' + substring($q, i, 2)) END AS terms,
     toLower($q) AS needle, toLower($q) = toUpper($q) AS uncased
// every hit as one row of one stream, gathered by one aggregation below: a list carried
// as a grouping key through a later aggregation is hashed on every row there (the
// portable query's cost with many hits). Measures and targets come from the index's
// candidates or from the scan (one of the two branches runs); the province is checked
// after the match from a candidate (in the same WHERE, FalkorDB's plan checks it before
// the traversal binds p: no rows).
CALL {
  WITH indexed, terms, needle
  UNWIND CASE WHEN indexed THEN [terms] ELSE [] END AS words
  CALL db.idx.fulltext.queryNodes('Measure', words) YIELD node
  MATCH (p:Province)-[:ISSUED]->(d:Document)-[:CONTAINS]->(node)
  WITH p, d, node AS m, needle
  WHERE ($province IS NULL OR p.name = $province)
    AND ($statement IS NULL OR m.statement = $statement) AND m.text CONTAINS needle
  RETURN {
         kind: 'measure', id: m.id, province: p.name, statement: m.statement, text: m.text,
         section: m.section, document: d.title, doc_number: d.doc_number,
         start: m.start, end: m.end} AS hit
  UNION ALL
  WITH indexed, needle, uncased
  UNWIND CASE WHEN indexed THEN [] ELSE [true] END AS scan
  MATCH (p:Province)-[:ISSUED]->(d:Document)-[:CONTAINS]->(m:Measure)
  WHERE ($province IS NULL OR p.name = $province)
    AND ($statement IS NULL OR m.statement = $statement)
    AND (m.text CONTAINS needle OR (NOT uncased AND toLower(m.text) CONTAINS needle))
  RETURN {
         kind: 'measure', id: m.id, province: p.name, statement: m.statement, text: m.text,
         section: m.section, document: d.title, doc_number: d.doc_number,
         start: m.start, end: m.end} AS hit
  UNION ALL
  WITH indexed, terms, needle
  UNWIND CASE WHEN indexed THEN [terms] ELSE [] END AS words
  CALL db.idx.fulltext.queryNodes('Target', words) YIELD node
  MATCH (p:Province)-[:ISSUED]->(d:Document)-[:SETS]->(node)
  WITH p, d, node AS g, needle
  WHERE ($province IS NULL OR p.name = $province)
    AND ($statement IS NULL OR $statement = 'commitment')
    AND (g.indicator CONTAINS needle OR g.text CONTAINS needle)
  RETURN {
         kind: 'target', id: g.id, province: p.name, statement: 'commitment',
         text: coalesce(g.text, g.indicator), section: g.section, document: d.title,
         doc_number: d.doc_number, start: g.start, end: g.end} AS hit
  UNION ALL
  WITH indexed, needle, uncased
  UNWIND CASE WHEN indexed THEN [] ELSE [true] END AS scan
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
  // programs: their descriptions are on ESTABLISHES, which the index does not hold
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
