// name: programs_by_province
// description: Programs (工程, 平台, 系统, 计划, 行动, 改革, 项目, 中心) by province: kind, description, the documents that establish them, how many measures mention them, the topics of those measures and the first mention as evidence
// params: province (string, default null, enum: provinces), kind (string, default null), topic (string, default null, enum: topics), max_items (int, default null)
// example: {"province": "浙江省"}
// max_items: documents, written_as and topics cut to their first K items in the order shown
// (null: all; 0: counts only); document_count, written_as_count and topic_count give the
// whole lists' lengths (graph/queries.py).
//
// The evidence is the first mention (document title, then position): only its measure is
// kept through the aggregation and its map built after it, from its own document.
MATCH (p:Province)-[:ISSUED]->(d:Document)-[e:ESTABLISHES]->(prog:Program)
WHERE ($province IS NULL OR p.name = $province) AND ($kind IS NULL OR prog.kind = $kind)
OPTIONAL MATCH (d)-[:CONTAINS]->(m:Measure)-[:MENTIONS]->(prog)
OPTIONAL MATCH (m)-[:ADDRESSES]->(t:Topic)
WITH p, prog, d, e, m, collect(DISTINCT t.key) AS measure_topics
ORDER BY d.title, m.start
WITH p, prog,
     collect(DISTINCT d.title) AS documents,
     collect(DISTINCT e.description) AS descriptions,
     collect(DISTINCT e.written) AS written_as,
     count(DISTINCT m) AS measures,
     collect(measure_topics) AS topic_lists,
     head(collect(m)) AS first
WITH p, prog, documents, descriptions, written_as, measures, first,
     reduce(acc = [], ts IN topic_lists |
            acc + [k IN ts WHERE NOT k IN acc]) AS topics
WHERE $topic IS NULL OR $topic IN topics
OPTIONAL MATCH (fd:Document)-[:CONTAINS]->(first)
RETURN p.name AS province, prog.name AS program, prog.kind AS kind,
       descriptions[0] AS description,
       size(written_as) AS written_as_count,
       written_as[0..coalesce($max_items, size(written_as))] AS written_as,
       size(documents) AS document_count,
       documents[0..coalesce($max_items, size(documents))] AS documents,
       measures, size(topics) AS topic_count,
       topics[0..coalesce($max_items, size(topics))] AS topics,
       CASE WHEN first IS NOT NULL THEN {
         measure: first.id, text: first.text, section: first.section, document: fd.title,
         doc_number: fd.doc_number, document_id: fd.id, start: first.start, end: first.end,
         source_start: first.source_start, source_end: first.source_end} END AS evidence
ORDER BY province, kind, program
