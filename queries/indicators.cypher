// name: indicators
// description: The indicators that targets track (the same measurement joined across provinces), with how many targets and provinces set each, the years and units used, and the names as written
// params: province (string, default null, enum: provinces)
// example: {}
//
// Read from the write-time `indicator` summaries (graph/summaries.py: targets per indicator,
// province, year, unit and name as written), not from the targets: the same answer as
// collecting the targets (tests/graph/test_summary_queries.py), at the cost of the
// summaries, which the number of documents does not multiply. Lists keep the order of
// province code, year, unit, name as written.
// every province's summaries (by the kind's index), or one province's (by the province's)
CALL {
  UNWIND CASE WHEN $province IS NULL THEN [true] ELSE [] END AS every
  MATCH (s:Summary {kind: 'indicator'})
  RETURN s
  UNION ALL
  MATCH (p:Province {name: $province})
  WITH p.code AS code
  MATCH (s:Summary {province: code})
  WHERE s.kind = 'indicator'
  RETURN s
}
WITH s
ORDER BY s.province, s.year, s.unit, s.written
WITH s.indicator AS key,
     toInteger(sum(s.n)) AS targets,
     collect(DISTINCT s.province_name) AS provinces,
     collect(DISTINCT s.year) AS years,
     collect(DISTINCT s.unit) AS units,
     collect(DISTINCT s.written) AS written_as
MATCH (i:Indicator {key: key})
RETURN i.key AS indicator, i.name AS name, size(provinces) AS province_count, provinces,
       targets, years, units, written_as
ORDER BY province_count DESC, targets DESC, indicator
