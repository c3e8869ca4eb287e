// name: compare_provinces
// description: Two or more provinces side by side, one row per topic any of them commits to: which of them commit (shared by all, or only in one), and per province the commitment measures, targets and programs on that topic
// params: provinces (list, required, enum: provinces), max_items (int, default null)
// example: {"provinces": ["上海市", "浙江省"]}
// max_items: each province's targets and programs (in by_province) cut to their first K items
// in the order shown (null: all; 0: counts only); target_count and program_count beside them
// give the whole lists' lengths (graph/queries.py).
UNWIND $provinces AS wanted
MATCH (p:Province {name: wanted})
WITH collect(DISTINCT p) AS compared
WITH compared, size(compared) AS n
UNWIND compared AS p
MATCH (p)-[:ISSUED]->(d:Document)-[:CONTAINS|SETS]->(x)-[:ADDRESSES]->(t:Topic)
WHERE x.commits = true
// one row per (topic, province, measure or target): a pair joined by two ADDRESSES
// relationships (matched by two words) came twice
WITH DISTINCT n, t, p, x, d
ORDER BY d.title, x.start
WITH n, t, p,
     count(CASE WHEN x:Measure THEN x END) AS measures,
     collect(DISTINCT CASE WHEN x:Target THEN {
       indicator: x.indicator, value_text: x.value_text, unit: x.unit, year: x.year,
       binding: x.binding, document: d.title, document_id: d.id, start: x.start, end: x.end,
       source_start: x.source_start, source_end: x.source_end} END) AS targets,
     collect(CASE WHEN x:Measure THEN x END) AS committing
// programs that the province's commitment measures on this topic mention, from the
// measures gathered above, in document and text order. Anchoring on the topic instead
// visits every measure of the whole graph on that topic for each row (34 000 rows for 2
// provinces of an 80-document graph); a pattern comprehension over a list variable is
// no anchor on FalkorDB (it scans), so UNWIND + OPTIONAL MATCH, in a subquery per row:
// aggregated outside it, the row's targets list was a grouping key that FalkorDB hashed on
// every (measure, program) row (93 of 165 ms for 2 provinces at 240 documents), and
// de-duplicating the names with `reduce` was quadratic in their number; collect(DISTINCT)
// keeps each name's first place.
CALL {
  WITH committing
  UNWIND committing AS pm
  OPTIONAL MATCH (pm)-[:MENTIONS]->(prog:Program)
  RETURN collect(DISTINCT prog.name) AS programs
}
WITH n, t, p, measures, targets, programs
ORDER BY p.code
WITH n, t,
     collect(p.name) AS committed_by,
     collect({province: p.name, measures: measures,
              target_count: size(targets), targets: targets[0..coalesce($max_items, size(targets))],
              program_count: size(programs), programs: programs[0..coalesce($max_items, size(programs))]})
       AS by_province
WITH t, committed_by, by_province, size(committed_by) = n AS shared,
     CASE WHEN size(committed_by) = 1 AND n > 1 THEN committed_by[0] END AS only_in
RETURN t.key AS topic, t.name_zh AS name_zh, t.name_en AS name_en,
       shared, only_in, committed_by, by_province
ORDER BY CASE WHEN shared THEN 0 WHEN only_in IS NULL THEN 1 ELSE 2 END, only_in, topic
