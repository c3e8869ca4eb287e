// name: topics
// description: The topic taxonomy with counts: each topic's names, broader and narrower topics, how many commitment measures, other mentions and targets address it, and which provinces commit to it
// params: province (string, default null, enum: provinces), include_narrower (bool, default false)
// example: {}
//
// include_narrower: a topic's counts also take the measures and targets of narrower topics.
// The counts are gathered from the provinces' documents first, then joined to every topic
// (anchoring the traversal on the topics is far slower on FalkorDB).
OPTIONAL MATCH path = (p:Province)-[:ISSUED]->(:Document)-[:CONTAINS|SETS]->(x)-[:ADDRESSES]->(:Topic)-[:BROADER*0..6]->(t:Topic)
WHERE ($include_narrower OR length(path) = 3) AND ($province IS NULL OR p.name = $province)
WITH t, x, p
ORDER BY p.code
WITH t.key AS key,
     count(DISTINCT CASE WHEN x.statement = 'commitment' THEN x END) AS commitments,
     count(DISTINCT CASE WHEN x:Measure AND x.statement <> 'commitment' THEN x END)
       AS other_mentions,
     count(DISTINCT CASE WHEN x:Target THEN x END) AS targets,
     collect(DISTINCT CASE WHEN x.commits = true THEN p.name END)
       AS committed_by
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
