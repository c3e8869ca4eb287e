// name: indicators
// description: The indicators that targets track (the same measurement joined across provinces), with how many targets and provinces set each, the years and units used, and the names as written
// params: province (string, default null, enum: provinces)
// example: {}
MATCH (i:Indicator)<-[:TRACKS]-(g:Target)<-[:SETS]-(:Document)<-[:ISSUED]-(p:Province)
WHERE $province IS NULL OR p.name = $province
WITH i, g, p
ORDER BY p.code, g.year
WITH i,
     count(DISTINCT g) AS targets,
     collect(DISTINCT p.name) AS provinces,
     collect(DISTINCT g.year) AS years,
     collect(DISTINCT g.unit) AS units,
     collect(DISTINCT g.indicator) AS written_as
RETURN i.key AS indicator, i.name AS name, size(provinces) AS province_count, provinces,
       targets, years, units, written_as
ORDER BY province_count DESC, targets DESC, indicator
