// Query feature (Employer), one page: the history of its directors (any role; hub persons
// left out). f_director_companies: other employers they directed; f_director_bankruptcies: of
// those, bankrupt or liquidated with contribution debt and ceased within the 3 years before
// $asOf (or bankrupt with no ceasing date); f_director_debt_eur: the debt those left.
// params: $scope, $after, $limit, $asOf, $run, $at
MATCH (e:Employer)
WHERE e.id > $after AND e.id STARTS WITH $scope
WITH e
ORDER BY e.id
LIMIT $limit
WITH e, date($asOf) AS asOf
CALL (e, asOf) {
  MATCH (e)<-[r1:DIRECTS]-(d:Person)-[r2:DIRECTS]->(o:Employer)
  WHERE o <> e AND NOT coalesce(d.f_hub, false)
    AND coalesce(r1.start, asOf) <= asOf AND coalesce(r2.start, asOf) <= asOf
  WITH DISTINCT o, asOf
  WITH o,
    o.status IN ['bankrupt', 'liquidated'] AND coalesce(o.contribution_debt_eur, 0) > 0
    AND ((o.ceased_on IS NOT NULL AND o.ceased_on <= asOf
          AND o.ceased_on > asOf - duration({years: 3}))
         OR (o.ceased_on IS NULL AND o.status = 'bankrupt')) AS recent
  RETURN count(o) AS companies,
         count(CASE WHEN recent THEN o END) AS bankruptcies,
         sum(CASE WHEN recent THEN toFloat(o.contribution_debt_eur) ELSE 0.0 END) AS debt
}
SET e.f_director_companies = companies, e.f_director_bankruptcies = bankruptcies,
    e.f_director_debt_eur = debt, e.f_run = $run, e.f_at = datetime($at)
RETURN count(e) AS rows, max(e.id) AS last
