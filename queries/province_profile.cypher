// name: province_profile
// description: One province at a glance: its documents (with measure, commitment and target counts), the topics its measures and targets address, the departments named and in which roles, its programs and its targets
// params: province (string, required, enum: provinces), max_items (int, default null)
// example: {"province": "浙江省"}
// max_items: documents, topics, departments, programs and targets cut to their first K items in
// the order shown (null: all; 0: counts only); document_count, topic_count, department_count,
// program_count and target_count give the whole lists' lengths (graph/queries.py).
//
// Documents come earliest first (issued date, then id) and are cut before their measures and
// targets are counted; topics by commitments, targets, other mentions; departments by their
// lead, support, responsible counts; programs and targets in the engine's order of the
// pattern (as before the cap). Topics and departments are read from the write-time
// summaries (graph/summaries.py: the province's `pt_direct`/leaf `pt_closure` cells and its
// `pdept` counts), not counted from its measures and targets. The aggregations each group by
// the province and lists already cut (departments, then topics, then the documents after
// the cut): FalkorDB hashes the grouping lists on every row. Programs and targets are
// pattern comprehensions of (document, node) pairs, whose maps are made for the first K only.
// Every comprehension uses its own variable names: FalkorDB returns [] for a comprehension
// that reuses a name of another one in the same clause.
MATCH (p:Province {name: $province})
// departments named in its measures and targets, with their roles: read from the
// write-time summaries (graph/summaries.py: `pdept`, the measures and targets of the
// province's documents that name the department in a role, each once)
WITH p, p.code AS code
OPTIONAL MATCH (s:Summary {province: code})
WHERE s.kind = 'pdept'
WITH p, s.department AS id,
     sum(CASE WHEN s.role = 'lead' THEN s.n ELSE 0 END) AS lead,
     sum(CASE WHEN s.role = 'support' THEN s.n ELSE 0 END) AS support,
     sum(CASE WHEN s.role = 'responsible' THEN s.n ELSE 0 END) AS responsible
OPTIONAL MATCH (dep:Department {id: id})
WITH p, dep, toInteger(lead) AS lead, toInteger(support) AS support,
     toInteger(responsible) AS responsible
ORDER BY lead DESC, support DESC, responsible DESC, dep.name, dep.id
WITH p, collect(CASE WHEN dep IS NOT NULL THEN {
       name: dep.name, kind: dep.kind, level: dep.level,
       lead: lead, support: support, responsible: responsible} END) AS departments
WITH p, size(departments) AS department_count,
     departments[0..coalesce($max_items, size(departments))] AS departments
// topics of its measures and targets: read from the write-time summaries (graph/summaries.py:
// the province's direct cells, `pt_direct` or a leaf topic's `pt_closure`), which count
// each measure and target addressing the topic once, as a scan of its documents would:
// commitment measures, other measures (background, vision, safeguard) and targets
WITH p, department_count, departments, p.code AS code
OPTIONAL MATCH (s:Summary {province: code})
WHERE s.part = 'items'
  AND (s.kind = 'pt_direct' OR (s.kind = 'pt_closure' AND s.leaf = true))
WITH p, department_count, departments, s.topic AS key,
     s.commitment AS t_commitments, s.background + s.vision + s.safeguard AS t_other,
     s.targets AS t_targets
OPTIONAL MATCH (t:Topic {key: key})
WITH p, department_count, departments, t, t_commitments, t_other, t_targets
ORDER BY t_commitments DESC, t_targets DESC, t_other DESC, t.key
WITH p, department_count, departments, collect(CASE WHEN t IS NOT NULL THEN {
       topic: t.key, name_zh: t.name_zh, commitments: t_commitments, targets: t_targets,
       other_mentions: t_other} END) AS topics
WITH p, department_count, departments, size(topics) AS topic_count,
     topics[0..coalesce($max_items, size(topics))] AS topics
// its documents, earliest first: cut before their measures and targets are counted
OPTIONAL MATCH (p)-[:ISSUED]->(d:Document)
WITH p, department_count, departments, topic_count, topics, d
ORDER BY d.issued_date, d.id
WITH p, department_count, departments, topic_count, topics, collect(d) AS docs
WITH p, department_count, departments, topic_count, topics, size(docs) AS document_count, docs[0..coalesce($max_items, size(docs))] AS cut
UNWIND CASE WHEN cut = [] THEN [-1] ELSE range(0, size(cut) - 1) END AS at
WITH p, department_count, departments, topic_count, topics, document_count, at, CASE WHEN at >= 0 THEN cut[at] END AS kept
WITH p, department_count, departments, topic_count, topics, document_count, at, kept,
     size([(kept)-[:CONTAINS]->(dm:Measure) | dm]) AS measures,
     size([(kept)-[:CONTAINS]->(dc:Measure) WHERE dc.statement = 'commitment' | dc]) AS commitments,
     size([(kept)-[:SETS]->(dt:Target) | dt]) AS targets
ORDER BY at
WITH p, department_count, departments, topic_count, topics, document_count, collect(CASE WHEN kept IS NOT NULL THEN {
       id: kept.id, title: kept.title, doc_number: kept.doc_number, issuer: kept.issuer,
       issued_date: kept.issued_date, kind: kept.kind, period: kept.period,
       measures: measures, commitments: commitments, targets: targets} END) AS documents
// programs and targets: the (document, node) pairs of the whole lists (their lengths), the
// answer's maps made for the first K only. A target's indicator key is its `indicator_key`,
// the key of the indicator it TRACKS (graph/model.py writes the one with the other).
WITH p, document_count, documents, topic_count, topics, department_count, departments,
     [(p)-[:ISSUED]->(pd:Document)-[pe:ESTABLISHES]->(prog:Program) | [pd, pe, prog]] AS programs,
     [(p)-[:ISSUED]->(gd:Document)-[:SETS]->(g:Target) | [gd, g]] AS targets
RETURN p.name AS province, p.code AS code, p.kind AS kind,
       [(p)-[:MEMBER_OF]->(region:Region) | region.name] AS regions,
       document_count, documents,
       topic_count, topics,
       department_count, departments,
       size(programs) AS program_count,
       [e IN programs[0..coalesce($max_items, size(programs))] | {
         name: e[2].name, written_as: e[1].written, kind: e[2].kind,
         description: e[1].description, document: e[0].title}] AS programs,
       size(targets) AS target_count,
       [e IN targets[0..coalesce($max_items, size(targets))] | {
         indicator: e[1].indicator, indicator_key: e[1].indicator_key,
         value: e[1].value, value_text: e[1].value_text, unit: e[1].unit, year: e[1].year,
         baseline: e[1].baseline, binding: e[1].binding, document: e[0].title,
         start: e[1].start, end: e[1].end}] AS targets
