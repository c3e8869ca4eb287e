// name: health_counts
// description: Number of nodes per label, a quick check that a load went through
// params: none
// example: {}
//
// Read from the write-time summaries (graph/summaries.py), not by scanning every node.
MATCH (s:Summary {kind: 'label'})
RETURN s.node_label AS label, s.n AS n
ORDER BY label
