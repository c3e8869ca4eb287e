// name: api_provinces
// description: All 34 provincial-level divisions with how many documents, measures, commitments, targets and departments the graph holds for each
// params: none
// example: {}
MATCH (p:Province)
OPTIONAL MATCH (p)-[:ISSUED]->(d:Document)
WITH p, count(DISTINCT d) AS documents
OPTIONAL MATCH (p)-[:ISSUED]->(:Document)-[:CONTAINS]->(m:Measure)
WITH p, documents, count(DISTINCT m) AS measures,
     count(DISTINCT CASE WHEN m.statement = 'commitment' THEN m.id END) AS commitments
OPTIONAL MATCH (p)-[:ISSUED]->(:Document)-[:SETS]->(t:Target)
WITH p, documents, measures, commitments, count(DISTINCT t) AS targets
OPTIONAL MATCH (dep:Department)-[:BELONGS_TO]->(p)
RETURN p.code AS code, p.name AS name, p.short AS short, p.kind AS kind,
       documents, measures, commitments, targets, count(DISTINCT dep) AS departments
ORDER BY code
