// Query feature (Staff), one page: f_approval_rate_ratio, the official's share of granted
// claims (of those processed, started by $asOf) over the mean of that share among the
// officials of the same unit (in scope) who processed any; null for an official who processed
// none or a unit that granted none. Each unit's mean is computed once per page.
// params: $scope, $after, $limit, $asOf, $run, $at
MATCH (s:Staff)
WHERE s.id > $after AND s.id STARTS WITH $scope
WITH s
ORDER BY s.id
LIMIT $limit
WITH collect(s) AS page, date($asOf) AS asOf
CALL (page, asOf) {
  UNWIND page AS s
  WITH DISTINCT s.unit AS unit, asOf
  CALL (unit, asOf) {
    MATCH (o:Staff)
    WHERE o.unit = unit AND o.id STARTS WITH $scope
    CALL (o, asOf) {
      MATCH (c:Claim)-[:PROCESSED_BY]->(o)
      WHERE c.start <= asOf
      RETURN count(c) AS processed, count(CASE WHEN c.status = 'granted' THEN c END) AS granted
    }
    WITH processed, granted WHERE processed > 0
    RETURN avg(toFloat(granted) / processed) AS mean
  }
  RETURN collect({unit: unit, mean: mean}) AS means
}
UNWIND page AS s
CALL (s, asOf) {
  MATCH (c:Claim)-[:PROCESSED_BY]->(s)
  WHERE c.start <= asOf
  RETURN count(c) AS processed, count(CASE WHEN c.status = 'granted' THEN c END) AS granted
}
WITH s, processed, granted, [m IN means WHERE m.unit = s.unit | m.mean][0] AS mean
SET s.f_approval_rate_ratio =
      CASE WHEN processed = 0 OR mean IS NULL OR mean = 0 THEN null
           ELSE (toFloat(granted) / processed) / mean END,
    s.f_run = $run, s.f_at = datetime($at)
RETURN count(s) AS rows, max(s.id) AS last
