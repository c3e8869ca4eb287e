// name: document_outline
// description: A document's outline in reading order: each section with its span, the headings of its measures, how many measures, commitments and targets it holds, and the topics and departments it names
// params: document (string, required)
// example: {"document": "渝府办发〔2021〕117号"}
//
// `document` is a document id (see the `documents` query) or a document number (文号).
MATCH (d:Document)
WHERE d.id = $document OR d.doc_number = $document
MATCH (d)-[:CONTAINS|SETS]->(x)
OPTIONAL MATCH (x)-[:ADDRESSES]->(t:Topic)
WITH d, x, collect(DISTINCT t.key) AS item_topics
OPTIONAL MATCH (x)-[:RESPONSIBLE]->(dep:Department)
WITH d, x, item_topics, collect(DISTINCT dep.name) AS item_departments
ORDER BY x.start
WITH d, x.section AS section,
     min(x.start) AS start, max(x.end) AS end,
     count(CASE WHEN x:Measure THEN x END) AS measures,
     count(CASE WHEN x.statement = 'commitment' THEN x END) AS commitments,
     count(CASE WHEN x:Target THEN x END) AS targets,
     collect(DISTINCT x.statement) AS statements,
     collect(x.title) AS headings,
     collect(item_topics) AS topic_lists,
     collect(item_departments) AS department_lists
RETURN d.title AS document, section, start, end, measures, commitments, targets,
       statements, headings,
       reduce(acc = [], ts IN topic_lists | acc + [k IN ts WHERE NOT k IN acc]) AS topics,
       reduce(acc = [], ds IN department_lists | acc + [n IN ds WHERE NOT n IN acc])
         AS departments
ORDER BY start
