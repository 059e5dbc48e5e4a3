// Query feature (Employer), one page: f_shell_subcontractors, the employers reachable
// downstream over SUBCONTRACTS_TO in at most 3 hops (subcontracts started by $asOf) that are
// bankrupt or liquidated with contribution debt, or were founded less than 2 years before the
// subcontract that reaches them started.
// params: $scope, $after, $limit, $asOf, $run, $at
MATCH (e:Employer)
WHERE e.id > $after AND e.id STARTS WITH $scope
WITH e
ORDER BY e.id
LIMIT $limit
WITH e, date($asOf) AS asOf
CALL (e, asOf) {
  MATCH path = (e)-[:SUBCONTRACTS_TO*1..3]->(x:Employer)
  WHERE x <> e AND all(r IN relationships(path) WHERE coalesce(r.start, asOf) <= asOf)
  WITH x, last(relationships(path)) AS r
  WHERE (x.status IN ['bankrupt', 'liquidated'] AND coalesce(x.contribution_debt_eur, 0) > 0)
     OR (x.founded_on IS NOT NULL AND r.start IS NOT NULL
         AND x.founded_on > r.start - duration({years: 2}))
  RETURN count(DISTINCT x) AS shells
}
SET e.f_shell_subcontractors = shells, e.f_run = $run, e.f_at = datetime($at)
RETURN count(e) AS rows, max(e.id) AS last
