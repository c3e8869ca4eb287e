// name: api_topic_matrix
// description: Province × topic counts for a heat map: committing measures and targets, commitment measures, other mentions (background, vision, safeguard) and indicators with a target (each once, however many years); a topic's count includes its narrower topics
// params: none
// example: {}
MATCH (p:Province)-[:ISSUED]->(:Document)-[:CONTAINS|SETS]->(x)-[:ADDRESSES]->(:Topic)-[:BROADER*0..6]->(t:Topic)
RETURN p.code AS code, p.name AS province, t.key AS topic,
       count(DISTINCT CASE WHEN x.commits = true THEN x.id END) AS committing,
       count(DISTINCT CASE WHEN x:Measure AND x.statement = 'commitment' THEN x.id END) AS commitments,
       count(DISTINCT CASE WHEN x:Measure AND NOT x.commits = true THEN x.id END) AS mentions,
       count(DISTINCT CASE WHEN x:Target THEN coalesce(x.indicator_key, x.indicator) END) AS targets
