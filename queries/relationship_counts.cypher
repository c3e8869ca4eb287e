// name: relationship_counts
// description: Number of relationships per type and the labels they connect
// params: none
// example: {}
//
// Read from the write-time summaries (graph/summaries.py), not by scanning every relationship.
MATCH (s:Summary {kind: 'rel'})
RETURN s.type AS type, s.from_label AS from_label, s.to_label AS to_label, s.n AS n
ORDER BY type, from_label, to_label
