// Query feature (Person), one page: f_director_bankruptcies, the companies the person directed
// (any role) that are bankrupt or liquidated with contribution debt and ceased within the 3
// years before $asOf (or bankrupt with no ceasing date); f_director_debt_eur, the debt they
// left.
// params: $scope, $after, $limit, $asOf, $run, $at
MATCH (p:Person)
WHERE p.id > $after AND p.id STARTS WITH $scope
WITH p
ORDER BY p.id
LIMIT $limit
WITH p, date($asOf) AS asOf
CALL (p, asOf) {
  MATCH (p)-[r:DIRECTS]->(o:Employer)
  WHERE coalesce(r.start, asOf) <= asOf
    AND o.status IN ['bankrupt', 'liquidated'] AND coalesce(o.contribution_debt_eur, 0) > 0
    AND ((o.ceased_on IS NOT NULL AND o.ceased_on <= asOf
          AND o.ceased_on > asOf - duration({years: 3}))
         OR (o.ceased_on IS NULL AND o.status = 'bankrupt'))
  WITH DISTINCT o
  RETURN count(o) AS bankruptcies, sum(toFloat(o.contribution_debt_eur)) AS debt
}
SET p.f_director_bankruptcies = bankruptcies, p.f_director_debt_eur = debt,
    p.f_run = $run, p.f_at = datetime($at)
RETURN count(p) AS rows, max(p.id) AS last
