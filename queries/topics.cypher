// name: topics
// description: The topic taxonomy with counts: each topic's names, broader and narrower topics, how many commitment measures, other mentions and targets address it, and which provinces commit to it
// params: province (string, default null, enum: provinces), include_narrower (bool, default false)
// example: {}
//
// include_narrower: a topic's counts also take the measures and targets of narrower topics.
// Counted from the write-time summaries (graph/summaries.py: pt_direct, or pt_closure with
// include_narrower; a leaf topic's direct cell is its pt_closure one, marked leaf), then
// joined to every topic.
OPTIONAL MATCH (s:Summary)
WHERE ((s.kind = 'pt_closure' AND ($include_narrower OR s.leaf = true))
       OR (s.kind = 'pt_direct' AND NOT $include_narrower))
  AND s.province <> '' AND s.part = 'items'
  AND ($province IS NULL OR s.province_name = $province)
WITH s
ORDER BY s.province
WITH s.topic AS key,
     toInteger(sum(s.commitment)) AS commitments,
     toInteger(sum(s.background + s.vision + s.safeguard)) AS other_mentions,
     toInteger(sum(s.targets)) AS targets,
     collect(DISTINCT CASE WHEN s.committing > 0 THEN s.province_name END) AS committed_by
WITH collect({key: key, commitments: commitments, other_mentions: other_mentions,
              targets: targets, committed_by: committed_by}) AS counted
MATCH (t:Topic)
WITH t, [c IN counted WHERE c.key = t.key][0] AS c
RETURN t.key AS topic, t.name_zh AS name_zh, t.name_en AS name_en,
       [(t)-[:BROADER]->(b:Topic) | b.key] AS broader,
       [(n:Topic)-[:BROADER]->(t) | n.key] AS narrower,
       coalesce(c.commitments, 0) AS commitments,
       coalesce(c.other_mentions, 0) AS other_mentions,
       coalesce(c.targets, 0) AS targets,
       coalesce(c.committed_by, []) AS committed_by
ORDER BY commitments DESC, targets DESC, topic
