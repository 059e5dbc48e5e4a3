// Query feature (Employer), one page: f_dependent_self_employed, the self-employed persons
// taking at least 80 % of their income from this client, the relation active at $asOf or
// ended within the year before.
// params: $scope, $after, $limit, $asOf, $run, $at
MATCH (e:Employer)
WHERE e.id > $after AND e.id STARTS WITH $scope
WITH e
ORDER BY e.id
LIMIT $limit
WITH e, date($asOf) AS asOf
CALL (e, asOf) {
  MATCH (p:Person)-[w:WORKS_FOR_CLIENT]->(e)
  WHERE w.share >= 0.8 AND coalesce(w.start, asOf) <= asOf
    AND (w.end IS NULL OR w.end >= asOf - duration({years: 1}))
  RETURN count(DISTINCT p) AS dependent
}
SET e.f_dependent_self_employed = dependent, e.f_run = $run, e.f_at = datetime($at)
RETURN count(e) AS rows, max(e.id) AS last
