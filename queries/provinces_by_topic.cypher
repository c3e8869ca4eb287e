// name: provinces_by_topic
// description: For each of the 34 provinces: does it commit to the topic (a commitment measure or a target addressing it or a narrower topic), only mention it in background, stay silent, or hold no documents at all — with the documents the status rests on, its departments, its targets and the evidence (document, section, span in the normalized and in the original text, departments in the order written)
// params: topic (string, required, enum: topics), include_narrower (bool, default true), max_items (int, default null)
// example: {"topic": "udi"}
// max_items: documents, targets, evidence and background cut to their first K items in the order shown (null: all;
// 0: counts only); document_count, measures, target_count and background_count give the whole lists' lengths (graph/queries.py).
//
// status: no_documents = the graph holds no document of the province (nothing can be said);
// commits = a measure or target with `commits` (graph/model.py: commits) addresses the
// topic; background = only other measures (background, vision, safeguard) mention it;
// silent = the province's documents are in the graph and none addresses the topic.
MATCH (root:Topic {key: $topic})
OPTIONAL MATCH (below:Topic)-[:BROADER*1..6]->(root)
WITH root, collect(DISTINCT below.key) AS narrower
WITH [root.key] + CASE WHEN $include_narrower THEN narrower ELSE [] END AS keys
// measures and targets that address the topic, one row each: found from the topics (index
// lookups), not from every province's measures and targets with their topics (60 000
// rows at 240 documents for one topic); each row's topics and matched words then as seen
// from the measure or target, as before. The provinces without any come from the second
// branch: no list is carried beside the 34 provinces.
CALL {
  WITH keys
  CALL {
    WITH keys
    UNWIND keys AS key
    MATCH (:Topic {key: key})<-[:ADDRESSES]-(x)<-[:CONTAINS|SETS]-(d:Document)<-[:ISSUED]-(p:Province)
    RETURN DISTINCT p, d, x
  }
  MATCH (x)-[a:ADDRESSES]->(t:Topic)
  WHERE t.key IN keys
  // (in a stable order: the engine's plan decides the order the topics are matched in)
  WITH p, d, x, t, a
  ORDER BY t.key, a.matched
  WITH p, d, x, collect(DISTINCT t.key) AS topics, collect(DISTINCT a.matched) AS matched
  // its departments, in the order the statement writes them
  OPTIONAL MATCH (x)-[r:RESPONSIBLE]->(dep:Department)
  WITH p, d, x, topics, matched, r, dep
  ORDER BY r.order
  WITH p, d, x, topics, matched,
       collect(CASE WHEN dep IS NOT NULL THEN {
         id: dep.id, name: dep.name, kind: dep.kind, level: dep.level, role: r.role,
         mention: r.mention, order: r.order} END) AS departments
  OPTIONAL MATCH (x)-[:TRACKS]->(i:Indicator)
  WITH p, d, x, topics, matched, departments, i
  ORDER BY p.code, d.issued_date, d.id, x.start, x.id
  RETURN p, collect({
         kind: CASE WHEN x:Target THEN 'target' ELSE 'measure' END, id: x.id,
         commits: x.commits, statement: x.statement, text: x.text, section: x.section,
         title: x.title, document_id: d.id, document: d.title, doc_number: d.doc_number,
         document_kind: d.kind, issued_date: d.issued_date, start: x.start, end: x.end,
         source_start: x.source_start, source_end: x.source_end, topics: topics,
         matched: matched, departments: departments, indicator: x.indicator,
         indicator_key: i.key, indicator_unit: i.unit, value: x.value,
         value_text: x.value_text, comparator: x.comparator, unit: x.unit, year: x.year,
         baseline: x.baseline, baseline_year: x.baseline_year, binding: x.binding,
         cumulative: x.cumulative}) AS items
  UNION ALL
  WITH keys
  UNWIND keys AS key
  OPTIONAL MATCH (:Topic {key: key})<-[:ADDRESSES]-()<-[:CONTAINS|SETS]-(:Document)<-[:ISSUED]-(hp:Province)
  WITH collect(DISTINCT hp) AS found
  MATCH (p:Province)
  WHERE NOT p IN found
  RETURN p, [] AS items
}
// the documents the status rests on, per province (a subquery: no list is a grouping key)
CALL {
  WITH p
  OPTIONAL MATCH (p)-[:ISSUED]->(pd:Document)
  WITH pd
  ORDER BY pd.issued_date, pd.id
  RETURN collect(CASE WHEN pd IS NOT NULL THEN {
           document_id: pd.id, title: pd.title, doc_number: pd.doc_number, kind: pd.kind,
           issued_date: pd.issued_date, period: pd.period} END) AS documents
}
WITH p, documents,
     [e IN items WHERE e.kind = 'measure' AND e.commits = true] AS evidence,
     [e IN items WHERE e.kind = 'measure' AND NOT e.commits = true] AS background,
     [e IN items WHERE e.kind = 'target'] AS targets,
     [e IN items WHERE e.commits = true] AS committing
WITH p, documents, evidence, background, targets, committing,
     CASE WHEN size(documents) = 0 THEN 'no_documents'
          WHEN size(committing) > 0 THEN 'commits'
          WHEN size(background) > 0 THEN 'background'
          ELSE 'silent' END AS status
RETURN p.name AS province, p.code AS code, status, size(documents) AS document_count,
       documents[0..coalesce($max_items, size(documents))] AS documents,
       size(evidence) AS measures, size(targets) AS target_count,
       size(background) AS background_count,
       reduce(acc = [], e IN committing | acc + [n IN [x IN e.departments WHERE x.role = 'lead' | x.name] WHERE NOT n IN acc]) AS lead_departments,
       reduce(acc = [], e IN committing | acc + [n IN [x IN e.departments WHERE x.role = 'support' | x.name] WHERE NOT n IN acc]) AS support_departments,
       reduce(acc = [], e IN committing | acc + [n IN [x IN e.departments WHERE x.role = 'responsible' | x.name] WHERE NOT n IN acc]) AS responsible_departments,
       targets[0..coalesce($max_items, size(targets))] AS targets,
       evidence[0..coalesce($max_items, size(evidence))] AS evidence,
       background[0..coalesce($max_items, size(background))] AS background
ORDER BY CASE status WHEN 'commits' THEN 0 WHEN 'background' THEN 1 WHEN 'silent' THEN 2 ELSE 3 END, code
