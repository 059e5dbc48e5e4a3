// Query feature (Person), one page: f_self_employed_dependency, the highest share of income
// of any client relation active at $asOf (failing that, of the relations that ended last); 0
// for a person who was never self-employed.
// params: $scope, $after, $limit, $asOf, $run, $at
MATCH (p:Person)
WHERE p.id > $after AND p.id STARTS WITH $scope
WITH p
ORDER BY p.id
LIMIT $limit
WITH p, date($asOf) AS asOf
CALL (p, asOf) {
  MATCH (p)-[w:WORKS_FOR_CLIENT]->(:Employer)
  WHERE coalesce(w.start, asOf) <= asOf
  WITH w, w.end IS NULL OR w.end >= asOf AS active
  WITH max(CASE WHEN active THEN w.share END) AS activeMax,
       max(CASE WHEN NOT active THEN w.end END) AS lastEnd,
       collect(w) AS relations
  RETURN toFloat(coalesce(activeMax, reduce(m = 0.0, w IN relations |
    CASE WHEN w.end = lastEnd AND w.share > m THEN w.share ELSE m END))) AS dependency
}
SET p.f_self_employed_dependency = dependency, p.f_run = $run, p.f_at = datetime($at)
RETURN count(p) AS rows, max(p.id) AS last
