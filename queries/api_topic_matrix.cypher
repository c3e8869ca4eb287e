// name: api_topic_matrix
// description: Province × topic counts for a heat map: committing measures and targets, commitment measures, other mentions (background, vision, safeguard) and indicators with a target (each once, however many years); a topic's count includes its narrower topics
// params: none
// example: {}
//
// Read from the write-time summaries (graph/summaries.py: kind pt_closure, a topic with its
// narrower ones; an `indicator` summary per indicator with a target), one row per
// province and topic that some measure or target addresses.
MATCH (s:Summary {kind: 'pt_closure'})
WHERE s.province <> ''
WITH s.province AS code, s.province_name AS province, s.topic AS topic,
     toInteger(sum(CASE WHEN s.part = 'items' THEN s.committing ELSE 0 END)) AS committing,
     toInteger(sum(CASE WHEN s.part = 'items' THEN s.commitment ELSE 0 END)) AS commitments,
     toInteger(sum(CASE WHEN s.part = 'items' THEN s.mentions ELSE 0 END)) AS mentions,
     count(CASE WHEN s.part = 'indicator' THEN 1 END) AS targets
RETURN code, province, topic, committing, commitments, mentions, targets
ORDER BY code, topic
