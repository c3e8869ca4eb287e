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
// pattern (as before the cap). The aggregations each group by the province and lists
// that stay short (documents after the cut); the rest are pattern comprehensions (no
// grouping), which keeps FalkorDB from hashing the lists gathered so far on every row.
// Every comprehension uses its own variable names: FalkorDB returns [] for a comprehension
// that reuses a name of another one in the same clause.
MATCH (p:Province {name: $province})
// its documents, earliest first: cut before their measures and targets are counted
OPTIONAL MATCH (p)-[:ISSUED]->(d:Document)
WITH p, d
ORDER BY d.issued_date, d.id
WITH p, collect(d) AS docs
WITH p, size(docs) AS document_count, docs[0..coalesce($max_items, size(docs))] AS cut
UNWIND CASE WHEN cut = [] THEN [-1] ELSE range(0, size(cut) - 1) END AS at
WITH p, document_count, at, CASE WHEN at >= 0 THEN cut[at] END AS kept
WITH p, document_count, at, kept,
     size([(kept)-[:CONTAINS]->(dm:Measure) | dm]) AS measures,
     size([(kept)-[:CONTAINS]->(dc:Measure) WHERE dc.statement = 'commitment' | dc]) AS commitments,
     size([(kept)-[:SETS]->(dt:Target) | dt]) AS targets
ORDER BY at
WITH p, document_count, collect(CASE WHEN kept IS NOT NULL THEN {
       id: kept.id, title: kept.title, doc_number: kept.doc_number, issuer: kept.issuer,
       issued_date: kept.issued_date, kind: kept.kind, period: kept.period,
       measures: measures, commitments: commitments, targets: targets} END) AS documents
// topics of its measures and targets
OPTIONAL MATCH (p)-[:ISSUED]->(:Document)-[:CONTAINS|SETS]->(x)-[:ADDRESSES]->(t:Topic)
WITH p, document_count, documents, t,
     count(DISTINCT CASE WHEN x.statement = 'commitment' THEN x END) AS t_commitments,
     count(DISTINCT CASE WHEN x:Measure AND x.statement <> 'commitment' THEN x END) AS t_other,
     count(DISTINCT CASE WHEN x:Target THEN x END) AS t_targets
ORDER BY t_commitments DESC, t_targets DESC, t_other DESC, t.key
WITH p, document_count, documents, collect(CASE WHEN t IS NOT NULL THEN {
       topic: t.key, name_zh: t.name_zh, commitments: t_commitments, targets: t_targets,
       other_mentions: t_other} END) AS topics
WITH p, document_count, documents, size(topics) AS topic_count,
     topics[0..coalesce($max_items, size(topics))] AS topics
// departments named in its measures and targets, with their roles
OPTIONAL MATCH (p)-[:ISSUED]->(:Document)-[:CONTAINS|SETS]->(y)-[r:RESPONSIBLE]->(dep:Department)
WITH p, document_count, documents, topic_count, topics, dep,
     count(DISTINCT CASE WHEN r.role = 'lead' THEN y END) AS lead,
     count(DISTINCT CASE WHEN r.role = 'support' THEN y END) AS support,
     count(DISTINCT CASE WHEN r.role = 'responsible' THEN y END) AS responsible
ORDER BY lead DESC, support DESC, responsible DESC, dep.name, dep.id
WITH p, document_count, documents, topic_count, topics, collect(CASE WHEN dep IS NOT NULL THEN {
       name: dep.name, kind: dep.kind, level: dep.level,
       lead: lead, support: support, responsible: responsible} END) AS departments
WITH p, document_count, documents, topic_count, topics, departments,
     [(p)-[:ISSUED]->(pd:Document)-[pe:ESTABLISHES]->(prog:Program) | {
       name: prog.name, written_as: pe.written, kind: prog.kind, description: pe.description,
       document: pd.title}] AS programs,
     [(p)-[:ISSUED]->(gd:Document)-[:SETS]->(g:Target) | {
       indicator: g.indicator,
       indicator_key: head([(g)-[:TRACKS]->(i:Indicator) | i.key]),
       value: g.value, value_text: g.value_text, unit: g.unit, year: g.year,
       baseline: g.baseline, binding: g.binding, document: gd.title,
       start: g.start, end: g.end}] AS targets
RETURN p.name AS province, p.code AS code, p.kind AS kind,
       [(p)-[:MEMBER_OF]->(region:Region) | region.name] AS regions,
       document_count, documents,
       topic_count, topics,
       size(departments) AS department_count,
       departments[0..coalesce($max_items, size(departments))] AS departments,
       size(programs) AS program_count, programs[0..coalesce($max_items, size(programs))] AS programs,
       size(targets) AS target_count, targets[0..coalesce($max_items, size(targets))] AS targets
