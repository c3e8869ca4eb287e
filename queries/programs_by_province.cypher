// name: programs_by_province
// description: Programs (工程, 平台, 系统, 计划, 行动, 改革, 项目, 中心) by province: kind, description, the documents that establish them, how many measures mention them, the topics of those measures and the first mention as evidence
// params: province (string, default null, enum: provinces), kind (string, default null), topic (string, default null, enum: topics)
// example: {"province": "浙江省"}
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
     collect(CASE WHEN m IS NOT NULL THEN {
       measure: m.id, text: m.text, section: m.section, document: d.title,
       doc_number: d.doc_number, document_id: d.id, start: m.start, end: m.end,
       source_start: m.source_start, source_end: m.source_end} END) AS mentions
WITH p, prog, documents, descriptions, written_as, measures, mentions,
     reduce(acc = [], ts IN topic_lists |
            acc + [k IN ts WHERE NOT k IN acc]) AS topics
WHERE $topic IS NULL OR $topic IN topics
RETURN p.name AS province, prog.name AS program, prog.kind AS kind,
       descriptions[0] AS description, written_as, documents, measures, topics,
       mentions[0] AS evidence
ORDER BY province, kind, program
