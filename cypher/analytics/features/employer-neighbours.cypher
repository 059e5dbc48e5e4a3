// Query feature (Employer), one page: f_bankrupt_neighbours (linked employers bankrupt or
// liquidated with contribution debt) and f_fraud_neighbours (linked employers or persons with a
// confirmed-fraud inspection closed by $asOf). Linked: through a shared director (its directors
// count as linked persons), a shared seat (not a domiciliation address), a shared account or a
// shared contact; never through a hub (f_hub).
// params: $scope, $after, $limit, $asOf, $run, $at
MATCH (e:Employer)
WHERE e.id > $after AND e.id STARTS WITH $scope
WITH e
ORDER BY e.id
LIMIT $limit
WITH e, date($asOf) AS asOf
CALL (e, asOf) {
  CALL (e, asOf) {
    MATCH (e)<-[r1:DIRECTS]-(d:Person)-[r2:DIRECTS]->(o:Employer)
    WHERE o <> e AND NOT coalesce(d.f_hub, false)
      AND coalesce(r1.start, asOf) <= asOf AND coalesce(r2.start, asOf) <= asOf
    RETURN o
    UNION
    MATCH (e)<-[r:DIRECTS]-(o:Person)
    WHERE coalesce(r.start, asOf) <= asOf
    RETURN o
    UNION
    MATCH (e)-[s1:SEATED_AT]->(a:Address)<-[s2:SEATED_AT]-(o:Employer)
    WHERE o <> e AND coalesce(a.kind, '') <> 'domiciliation' AND NOT coalesce(a.f_hub, false)
      AND coalesce(s1.start, asOf) <= asOf AND coalesce(s2.start, asOf) <= asOf
    RETURN o
    UNION
    MATCH (e)-[:HOLDS]->(ac:Account)<-[:HOLDS]-(o)
    WHERE o <> e AND NOT coalesce(ac.f_hub, false)
    RETURN o
    UNION
    MATCH (e)-[u1:USES]->(ct:Contact)<-[u2:USES]-(o)
    WHERE o <> e AND NOT coalesce(ct.f_hub, false)
      AND coalesce(u1.first_seen, asOf) <= asOf AND coalesce(u2.first_seen, asOf) <= asOf
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
SET e.f_bankrupt_neighbours = bankrupt, e.f_fraud_neighbours = fraud,
    e.f_run = $run, e.f_at = datetime($at)
RETURN count(e) AS rows, max(e.id) AS last
