// Scoring: the network evidence behind flagged employers' reasons — which bankrupt employers
// their directors ran, which bankrupt employers share their seat, which resources they share with
// whom, and from which bankrupt employers their workers came. At most a few items of each.
// params: $ids
UNWIND $ids AS id
MATCH (e:Employer {id: id})
CALL (e) {
  OPTIONAL MATCH (d:Person)-[:DIRECTS]->(e)
  OPTIONAL MATCH (d)-[:DIRECTS]->(o:Employer)
  WHERE o <> e AND o.status IN ['bankrupt', 'liquidated'] AND coalesce(o.contribution_debt_eur, 0) > 0
  WITH d, o
  ORDER BY o.contribution_debt_eur DESC
  WITH d, collect(o)[..5] AS companies
  WHERE d IS NOT NULL AND size(companies) > 0
  RETURN collect({director: d.id, companies: [c IN companies | {id: c.id, name: c.name, debt: c.contribution_debt_eur, ceased: toString(c.ceased_on)}]})[..5] AS directorBankruptcies
}
CALL (e) {
  OPTIONAL MATCH (e)-[:SEATED_AT]->(a:Address)<-[:SEATED_AT]-(o:Employer)
  WHERE o <> e AND a.kind <> 'domiciliation' AND coalesce(a.f_hub, false) = false
    AND o.status IN ['bankrupt', 'liquidated']
  WITH a, o WHERE o IS NOT NULL
  RETURN collect(DISTINCT {address: a.id, employer: o.id, name: o.name})[..5] AS bankruptAtSeat
}
CALL (e) {
  OPTIONAL MATCH (e)-[:HOLDS|USES]->(r)<-[:HOLDS|USES]-(o)
  WHERE o <> e AND coalesce(r.f_hub, false) = false
  WITH r, o WHERE o IS NOT NULL
  RETURN collect(DISTINCT {resource: r.id, kind: labels(r)[0], holder: o.id, holderType: labels(o)[0]})[..5] AS sharedResources
}
CALL (e) {
  OPTIONAL MATCH (p:Person)-[j:EMPLOYED_BY]->(e)
  OPTIONAL MATCH (p)-[j0:EMPLOYED_BY]->(o:Employer)
  WHERE o <> e AND o.status IN ['bankrupt', 'liquidated'] AND j0.end IS NOT NULL
    AND j0.end <= j.start AND j.start <= j0.end + duration({days: 90})
  WITH o, count(DISTINCT p) AS workers
  WHERE o IS NOT NULL
  ORDER BY workers DESC
  RETURN collect({employer: o.id, name: o.name, workers: workers})[..3] AS inflow
}
RETURN e.id AS id,
       {directorBankruptcies: directorBankruptcies, bankruptAtSeat: bankruptAtSeat,
        sharedResources: sharedResources, inflow: inflow} AS evidence
