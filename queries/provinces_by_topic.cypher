// name: provinces_by_topic
// description: Provinces that commit to a topic (narrower topics included), with the departments responsible and the evidence sentence
// params: topic (string, required, enum: topics), include_narrower (bool, default true)
// example: {"topic": "udi"}
MATCH (t:Topic)
WHERE t.key = $topic OR ($include_narrower AND (t)-[:BROADER*1..3]->(:Topic {key: $topic}))
MATCH (p:Province)-[:ISSUED]->(d:Document)-[:CONTAINS]->(m:Measure)-[a:ADDRESSES]->(t)
WHERE m.statement = 'commitment'
OPTIONAL MATCH (m)-[r:RESPONSIBLE]->(dep:Department)
WITH p, d, m, t, a,
     [x IN collect(DISTINCT {name: dep.name, role: r.role}) WHERE x.name IS NOT NULL] AS departments
RETURN p.name AS province, t.key AS topic, a.matched AS matched, d.title AS document,
       d.doc_number AS doc_number, m.section AS section, m.text AS evidence,
       m.start AS start, m.end AS end, departments
ORDER BY province, document, start
