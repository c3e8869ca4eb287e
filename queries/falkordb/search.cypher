// name: search
// description: Plain-text search, the same on every backend: measures, targets and programs whose text contains q (Latin letters case-insensitive; the graph holds Simplified Chinese), with province, document, section and span — FalkorDB's version: measures, targets and programs found through range indexes of their texts' ideograph pairs (graph/bigrams.py) when q holds one, else scanned, and checked with the portable query's CONTAINS; every hit gathered in one aggregation
// params: q (string, required), province (string, default null, enum: provinces), statement (string, default null, enum: statements), limit (int, default null), offset (int, default 0)
// example: {"q": "唯一标识", "limit": 100}
//
// Why FalkorDB has its own version: the portable query carries the measures' hits as a
// grouping key through the targets' aggregation and both through the programs', and
// FalkorDB hashes a grouping key on every row of the aggregation (1.5 s for 2 619 hits at
// 140 documents, 10 s timeouts for common words). Here every hit is one row of one stream
// (CALL {} with UNION ALL, which the portable queries avoid) and one aggregation gathers
// them. Rows, order and total are the portable query's (tests/graph/test_falkordb_search.py).
//
// Candidates through an index: the writer stores on each Measure, Target, Program and
// ESTABLISHES `bigrams`, the distinct pairs of adjacent CJK ideographs (U+3400–U+9FFF) of
// its texts, each text apart (graph/bigrams.py), with a range index on it (FalkorDB
// indexes each element of an array; `pair IN n.bigrams` is a Node By Index Scan). A text holds the needle only if it holds
// every ideograph pair of the needle as written (lowering never touches an ideograph), so
// the nodes holding one pair (the first; which is rarest is unknowable here) are a superset
// of the hits, and the CONTAINS test below, as in the scan, keeps exactly the hits (testing
// the other pairs on the list first cost more than CONTAINS on the text). Pairs are taken here with the same range as graph/bigrams.py
// (tests/graph/test_falkordb_search.py compares them). A needle without an ideograph pair
// (one character, Latin letters, digits), and a store without the index (written before
// it: `ensure_schema` adds every node's pairs first, then the index), scan as before.
// A program's name has its pairs on the Program, the document's description of it on the
// ESTABLISHES relationship (an edge range index); a hit through both is taken once.
// Not a full-text index: FalkorDB's friso-segmented `chinese` analyzer misses terms CONTAINS
// finds (graph/stores/falkordb.py); a full-text index of space-separated pairs (tried at
// fcec6de) works, but a range index of an array needs no analyzer (stopwords, stemming)
// to be kept from touching the pairs, is asked with plain Cypher, and serves edges too.
// A text that holds the needle as written holds it lowered too; only a needle with cased
// letters (Latin) needs the lowered texts.
WITH toLower($q) AS needle, toLower($q) = toUpper($q) AS uncased
WITH needle, uncased, [i IN range(0, size(needle) - 2)
       WHERE substring(needle, i, 1) >= '㐀' AND substring(needle, i, 1) <= '鿿'
         AND substring(needle, i + 1, 1) >= '㐀' AND substring(needle, i + 1, 1) <= '鿿'
       | substring(needle, i, 2)] AS pairs
CALL db.indexes() YIELD label, properties
WITH needle, uncased, pairs,
     sum(CASE WHEN label IN ['Measure', 'Target', 'Program', 'ESTABLISHES']
              AND 'bigrams' IN properties THEN 1 ELSE 0 END) = 4 AND size(pairs) > 0 AS indexed
CALL {
  // measures: through the index, or the scan
  WITH needle, uncased, pairs, indexed
  WITH needle, uncased, pairs WHERE indexed
  MATCH (m:Measure) WHERE pairs[0] IN m.bigrams
  WITH needle, uncased, m WHERE ($statement IS NULL OR m.statement = $statement)
    AND (m.text CONTAINS needle OR (NOT uncased AND toLower(m.text) CONTAINS needle))
  MATCH (p:Province)-[:ISSUED]->(d:Document)-[:CONTAINS]->(m)
  WHERE $province IS NULL OR p.name = $province
  RETURN {
         kind: 'measure', id: m.id, province: p.name, statement: m.statement, text: m.text,
         section: m.section, document: d.title, doc_number: d.doc_number,
         start: m.start, end: m.end} AS hit
  UNION ALL
  WITH needle, uncased, indexed
  WITH needle, uncased WHERE NOT indexed
  MATCH (p:Province)-[:ISSUED]->(d:Document)-[:CONTAINS]->(m:Measure)
  WHERE ($province IS NULL OR p.name = $province)
    AND ($statement IS NULL OR m.statement = $statement)
    AND (m.text CONTAINS needle OR (NOT uncased AND toLower(m.text) CONTAINS needle))
  RETURN {
         kind: 'measure', id: m.id, province: p.name, statement: m.statement, text: m.text,
         section: m.section, document: d.title, doc_number: d.doc_number,
         start: m.start, end: m.end} AS hit
  UNION ALL
  // targets: through the index, or the scan
  WITH needle, uncased, pairs, indexed
  WITH needle, uncased, pairs WHERE indexed AND ($statement IS NULL OR $statement = 'commitment')
  MATCH (g:Target) WHERE pairs[0] IN g.bigrams
  WITH needle, uncased, g WHERE (g.indicator CONTAINS needle OR g.text CONTAINS needle
         OR (NOT uncased AND (toLower(g.indicator) CONTAINS needle OR toLower(g.text) CONTAINS needle)))
  MATCH (p:Province)-[:ISSUED]->(d:Document)-[:SETS]->(g)
  WHERE $province IS NULL OR p.name = $province
  RETURN {
         kind: 'target', id: g.id, province: p.name, statement: 'commitment',
         text: coalesce(g.text, g.indicator), section: g.section, document: d.title,
         doc_number: d.doc_number, start: g.start, end: g.end} AS hit
  UNION ALL
  WITH needle, uncased, indexed
  WITH needle, uncased WHERE NOT indexed
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
  // programs whose name holds the needle (the program's pairs), then those whose
  // description holds it and their name not (the relationship's pairs), or the scan
  WITH needle, uncased, pairs, indexed
  WITH needle, uncased, pairs WHERE indexed AND $statement IS NULL
  MATCH (prog:Program) WHERE pairs[0] IN prog.bigrams
  WITH needle, uncased, prog WHERE (prog.name CONTAINS needle OR (NOT uncased AND toLower(prog.name) CONTAINS needle))
  MATCH (p:Province)-[:ISSUED]->(d:Document)-[e:ESTABLISHES]->(prog)
  WHERE $province IS NULL OR p.name = $province
  RETURN {
         kind: 'program', id: prog.id, province: p.name, statement: null,
         text: coalesce(e.description, prog.name), section: null, document: d.title,
         doc_number: d.doc_number, start: e.start, end: e.end} AS hit
  UNION ALL
  WITH needle, uncased, pairs, indexed
  WITH needle, uncased, pairs WHERE indexed AND $statement IS NULL
  MATCH (d)-[e:ESTABLISHES]->(prog) WHERE pairs[0] IN e.bigrams
  WITH needle, uncased, d, e, prog WHERE (e.description CONTAINS needle OR (NOT uncased AND toLower(e.description) CONTAINS needle))
    AND NOT (coalesce(prog.name, '') CONTAINS needle
             OR (NOT uncased AND toLower(coalesce(prog.name, '')) CONTAINS needle))
  MATCH (p:Province)-[:ISSUED]->(d)
  WHERE ($province IS NULL OR p.name = $province)
    AND 'Document' IN labels(d) AND 'Program' IN labels(prog)  // `d:Document` would scan every node
  RETURN {
         kind: 'program', id: prog.id, province: p.name, statement: null,
         text: coalesce(e.description, prog.name), section: null, document: d.title,
         doc_number: d.doc_number, start: e.start, end: e.end} AS hit
  UNION ALL
  WITH needle, uncased, indexed
  WITH needle, uncased WHERE NOT indexed
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
