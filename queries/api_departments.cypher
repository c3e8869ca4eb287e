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
// its counts and wordings: read from the write-time summaries (graph/summaries.py: `dept`,
// the measures and targets naming it, each once, and one summary per wording), not
// counted from every statement naming it (index `Summary.department`)
OPTIONAL MATCH (s:Summary {department: dep.id})
WHERE s.kind = 'dept'
WITH dep, p, s
ORDER BY s.mention
WITH dep, p,
     toInteger(sum(CASE WHEN s.what = 'measures' THEN s.n ELSE 0 END)) AS measures,
     toInteger(sum(CASE WHEN s.what = 'lead' THEN s.n ELSE 0 END)) AS lead,
     toInteger(sum(CASE WHEN s.what = 'support' THEN s.n ELSE 0 END)) AS support,
     toInteger(sum(CASE WHEN s.what = 'targets' THEN s.n ELSE 0 END)) AS targets,
     collect(s.mention) AS mentions
RETURN dep.id AS id, dep.name AS name, dep.kind AS kind, dep.level AS level,
       p.name AS province, p.code AS code, mentions,
       measures, lead, support, targets
ORDER BY code, measures DESC, name
