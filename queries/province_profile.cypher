// name: province_profile
// description: One province at a glance: its documents (with measure, commitment and target counts), the topics its measures and targets address, the departments named and in which roles, its programs and its targets
// params: province (string, required, enum: provinces)
// example: {"province": "浙江省"}
//
// The two aggregations come first and each groups by nothing but the province; the other
// parts are pattern comprehensions (no grouping), which keeps FalkorDB from hashing the
// lists gathered so far on every row. Every comprehension uses its own variable names:
// FalkorDB returns [] for a comprehension that reuses a name of another one in the same
// clause.
MATCH (p:Province {name: $province})
// topics of its measures and targets
OPTIONAL MATCH (p)-[:ISSUED]->(:Document)-[:CONTAINS|SETS]->(x)-[:ADDRESSES]->(t:Topic)
WITH p, t,
     count(DISTINCT CASE WHEN x.statement = 'commitment' THEN x END) AS t_commitments,
     count(DISTINCT CASE WHEN x:Measure AND x.statement <> 'commitment' THEN x END) AS t_other,
     count(DISTINCT CASE WHEN x:Target THEN x END) AS t_targets
ORDER BY t_commitments DESC, t_targets DESC, t_other DESC, t.key
WITH p, collect(CASE WHEN t IS NOT NULL THEN {
       topic: t.key, name_zh: t.name_zh, commitments: t_commitments, targets: t_targets,
       other_mentions: t_other} END) AS topics
// departments named in its measures and targets, with their roles
OPTIONAL MATCH (p)-[:ISSUED]->(:Document)-[:CONTAINS|SETS]->(y)-[r:RESPONSIBLE]->(dep:Department)
WITH p, topics, dep,
     count(DISTINCT CASE WHEN r.role = 'lead' THEN y END) AS lead,
     count(DISTINCT CASE WHEN r.role = 'support' THEN y END) AS support,
     count(DISTINCT CASE WHEN r.role = 'responsible' THEN y END) AS responsible
ORDER BY lead DESC, support DESC, responsible DESC, dep.name
WITH p, topics, collect(CASE WHEN dep IS NOT NULL THEN {
       name: dep.name, kind: dep.kind, level: dep.level,
       lead: lead, support: support, responsible: responsible} END) AS departments
RETURN p.name AS province, p.code AS code, p.kind AS kind,
       [(p)-[:MEMBER_OF]->(region:Region) | region.name] AS regions,
       [(p)-[:ISSUED]->(d:Document) | {
         id: d.id, title: d.title, doc_number: d.doc_number, issuer: d.issuer,
         issued_date: d.issued_date, kind: d.kind, period: d.period,
         measures: size([(d)-[:CONTAINS]->(dm:Measure) | dm]),
         commitments: size([(d)-[:CONTAINS]->(dc:Measure) WHERE dc.statement = 'commitment' | dc]),
         targets: size([(d)-[:SETS]->(dt:Target) | dt])}] AS documents,
       topics, departments,
       [(p)-[:ISSUED]->(pd:Document)-[pe:ESTABLISHES]->(prog:Program) | {
         name: prog.name, written_as: pe.written, kind: prog.kind, description: pe.description,
         document: pd.title}] AS programs,
       [(p)-[:ISSUED]->(gd:Document)-[:SETS]->(g:Target) | {
         indicator: g.indicator,
         indicator_key: head([(g)-[:TRACKS]->(i:Indicator) | i.key]),
         value: g.value, value_text: g.value_text, unit: g.unit, year: g.year,
         baseline: g.baseline, binding: g.binding, document: gd.title,
         start: g.start, end: g.end}] AS targets
