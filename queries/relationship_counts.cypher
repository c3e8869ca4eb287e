// name: relationship_counts
// description: Number of relationships per type and the labels they connect
// params: none
// example: {}
MATCH (a)-[r]->(b)
RETURN type(r) AS type, labels(a)[0] AS from_label, labels(b)[0] AS to_label, count(*) AS n
ORDER BY type, from_label, to_label
