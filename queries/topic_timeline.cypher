// name: topic_timeline
// description: The diffusion of a topic: for each province that commits to it (a commitment measure or a target on the topic or a narrower one), when it first committed (the issued date of its earliest committing document), in what kind of document, following which national policy documents (and laws) that document cites; then its later committing documents
// params: topic (string, required, enum: topics), include_narrower (bool, default true), max_items (int, default null)
// example: {"topic": "udi"}
// max_items: each row's documents cut to their first K items in the order shown (null: all;
// 0: counts only); documents_committing gives the whole lists' lengths (graph/queries.py).
//
// Documents without an issued date sort after dated ones (first_committed is then null).
// A cited reference is national when its number or title says a central body issued it
// (Reference.scope, graph/model.py: reference_scope).
MATCH (root:Topic {key: $topic})
OPTIONAL MATCH (below:Topic)-[:BROADER*1..6]->(root)
WITH root, collect(DISTINCT below.key) AS narrower
WITH [root.key] + CASE WHEN $include_narrower THEN narrower ELSE [] END AS keys
// from the topics (index lookups) to what addresses them: matched in one pattern with
// `t.key IN keys`, FalkorDB starts from every node of the graph
UNWIND keys AS key
MATCH (t:Topic {key: key})
WITH t
MATCH (p:Province)-[:ISSUED]->(d:Document)-[:CONTAINS|SETS]->(x)-[:ADDRESSES]->(t)
WHERE x.commits = true
WITH p, d, count(DISTINCT x) AS items, min(x.start) AS first_start
// national policy documents it cites (national laws and regulations apart)
OPTIONAL MATCH (d)-[c:CITES]->(r:Reference)
WHERE r.scope = 'national'
WITH p, d, items, first_start, r, c
ORDER BY r.law, r.id
WITH p, d, items, first_start,
     collect(CASE WHEN r IS NOT NULL AND NOT r.law = true THEN {
       title: coalesce(c.title, r.title), doc_number: r.doc_number} END) AS follows,
     collect(CASE WHEN r.law = true THEN coalesce(c.title, r.title) END) AS laws
ORDER BY p.code, coalesce(d.issued_date, d.published_date, '9999'), d.id
WITH p, collect({document_id: d.id, title: d.title, doc_number: d.doc_number, kind: d.kind,
                 issued_date: d.issued_date, published_date: d.published_date,
                 period: d.period, items: items, first_start: first_start,
                 follows: follows, laws: laws}) AS documents
WITH p, documents, documents[0] AS first
RETURN p.name AS province, p.code AS code, first.issued_date AS first_committed,
       first.document_id AS document_id, first.title AS document,
       first.doc_number AS doc_number, first.kind AS document_kind, first.period AS period,
       first.items AS items, first.follows AS follows, first.laws AS laws, size(documents) AS documents_committing,
       documents[0..coalesce($max_items, size(documents))] AS documents
ORDER BY coalesce(first_committed, '9999'), code
