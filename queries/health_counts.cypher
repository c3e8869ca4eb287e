// name: health_counts
// description: Number of nodes per label, a quick check that a load went through
// params: none
// example: {}
MATCH (n)
RETURN labels(n)[0] AS label, count(*) AS n
ORDER BY label
