// Query feature (Person), one page: f_bankrupt_neighbours (linked employers bankrupt or
// liquidated with contribution debt) and f_fraud_neighbours (linked employers or persons with a
// confirmed-fraud inspection closed by $asOf). Linked: the employers the person directs, and
// the holders of a shared account or contact and the residents of a shared address; never
// through a hub (f_hub).
// params: $scope, $after, $limit, $asOf, $run, $at
MATCH (p:Person)
WHERE p.id > $after AND p.id STARTS WITH $scope
WITH p
ORDER BY p.id
LIMIT $limit
WITH p, date($asOf) AS asOf
CALL (p, asOf) {
  CALL (p, asOf) {
    MATCH (p)-[r:DIRECTS]->(o:Employer)
    WHERE coalesce(r.start, asOf) <= asOf
    RETURN o
    UNION
    MATCH (p)-[:HOLDS]->(ac:Account)<-[:HOLDS]-(o)
    WHERE o <> p AND NOT coalesce(ac.f_hub, false)
    RETURN o
    UNION
    MATCH (p)-[u1:USES]->(ct:Contact)<-[u2:USES]-(o)
    WHERE o <> p AND NOT coalesce(ct.f_hub, false)
      AND coalesce(u1.first_seen, asOf) <= asOf AND coalesce(u2.first_seen, asOf) <= asOf
    RETURN o
    UNION
    MATCH (p)-[l1:LIVES_AT]->(a:Address)<-[l2:LIVES_AT]-(o:Person)
    WHERE o <> p AND NOT coalesce(a.f_hub, false)
      AND coalesce(l1.start, asOf) <= asOf AND coalesce(l2.start, asOf) <= asOf
    RETURN o
  }
  RETURN
    count(DISTINCT CASE WHEN o:Employer AND o.status IN ['bankrupt', 'liquidated']
      AND coalesce(o.contribution_debt_eur, 0) > 0 THEN o END) AS bankrupt,
    count(DISTINCT CASE WHEN EXISTS {
      MATCH (i:Inspection)-[:OF]->(o)
      WHERE i.outcome = 'confirmed' AND i.offence <> 'none' AND coalesce(i.closed_on, asOf) <= asOf
    } THEN o END) AS fraud
}
SET p.f_bankrupt_neighbours = bankrupt, p.f_fraud_neighbours = fraud,
    p.f_run = $run, p.f_at = datetime($at)
RETURN count(p) AS rows, max(p.id) AS last
