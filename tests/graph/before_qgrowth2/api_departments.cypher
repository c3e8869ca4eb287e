// name: api_departments
// description: Departments (scoped to their province) with kind and level, and how many measures they lead, support or are responsible for, and how many targets
// params: province (string, default null, enum: provinces), kind (string, default null), department_id (string, default null)
// example: {"province": "上海市", "kind": "drug_regulator"}
// every department, or a province's from it (an index lookup), not every department of
// the graph filtered: one branch runs, the other unwinds nothing
CALL {
  UNWIND CASE WHEN $province IS NULL THEN [true] ELSE [] END AS every
  MATCH (dep:Department)
  RETURN dep
  UNION ALL
  MATCH (:Province {name: $province})<-[:BELONGS_TO]-(dep:Department)
  RETURN dep
}
WITH dep
OPTIONAL MATCH (dep)-[:BELONGS_TO]->(p:Province)
WITH dep, p
WHERE ($province IS NULL OR p.name = $province)
  AND ($kind IS NULL OR dep.kind = $kind)
  AND ($department_id IS NULL OR dep.id = $department_id)
OPTIONAL MATCH (m:Measure)-[r:RESPONSIBLE]->(dep)
WITH dep, p, count(DISTINCT m) AS measures,
     count(DISTINCT CASE WHEN r.role = 'lead' THEN m.id END) AS lead,
     count(DISTINCT CASE WHEN r.role = 'support' THEN m.id END) AS support
OPTIONAL MATCH (g:Target)-[:RESPONSIBLE]->(dep)
WITH dep, p, measures, lead, support, count(DISTINCT g) AS targets
// how statements write it: a property of each statement's relationship, not of the node
OPTIONAL MATCH ()-[w:RESPONSIBLE]->(dep)
WITH dep, p, measures, lead, support, targets, w.mention AS mention
ORDER BY mention
RETURN dep.id AS id, dep.name AS name, dep.kind AS kind, dep.level AS level,
       p.name AS province, p.code AS code, collect(DISTINCT mention) AS mentions,
       measures, lead, support, targets
ORDER BY code, measures DESC, name
