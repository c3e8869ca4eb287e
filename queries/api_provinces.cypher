// name: api_provinces
// description: All 34 provincial-level divisions with how many documents, measures, commitments, targets and departments the graph holds for each
// params: none
// example: {}
//
// Documents, measures, commitments and targets from the write-time summaries
// (graph/summaries.py); departments counted on the province's own relationships.
MATCH (p:Province)
WITH p, 'province|' + p.code + '|documents' AS kd, 'province|' + p.code + '|measures' AS km,
     'province|' + p.code + '|commitments' AS kc, 'province|' + p.code + '|targets' AS kt
OPTIONAL MATCH (sd:Summary {key: kd})
OPTIONAL MATCH (sm:Summary {key: km})
OPTIONAL MATCH (sc:Summary {key: kc})
OPTIONAL MATCH (st:Summary {key: kt})
WITH p, coalesce(sd.n, 0) AS documents, coalesce(sm.n, 0) AS measures,
     coalesce(sc.n, 0) AS commitments, coalesce(st.n, 0) AS targets
OPTIONAL MATCH (dep:Department)-[:BELONGS_TO]->(p)
RETURN p.code AS code, p.name AS name, p.short AS short, p.kind AS kind,
       documents, measures, commitments, targets, count(DISTINCT dep) AS departments
ORDER BY code
