// name: api_topic_matrix
// description: Province × topic counts for a heat map: commitment measures, other mentions (background, vision, safeguard) and targets; a topic's count includes its narrower topics
// params: none
// example: {}
MATCH (p:Province)-[:ISSUED]->(:Document)-[:CONTAINS]->(m:Measure)-[:ADDRESSES]->(:Topic)-[:BROADER*0..6]->(t:Topic)
RETURN p.code AS code, p.name AS province, t.key AS topic,
       count(DISTINCT CASE WHEN m.statement = 'commitment' THEN m.id END) AS commitments,
       count(DISTINCT CASE WHEN m.statement <> 'commitment' THEN m.id END) AS mentions,
       0 AS targets
UNION ALL
MATCH (p:Province)-[:ISSUED]->(:Document)-[:SETS]->(g:Target)-[:ADDRESSES]->(:Topic)-[:BROADER*0..6]->(t:Topic)
RETURN p.code AS code, p.name AS province, t.key AS topic,
       0 AS commitments, 0 AS mentions, count(DISTINCT g) AS targets
