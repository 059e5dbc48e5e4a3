// Scoring: the network evidence behind flagged persons' reasons — claims that overlap declared
// work, accounts that receive other people's claims, shared resources, links to the official who
// processed their claims, and bankrupt companies they directed. At most a few items of each.
// params: $ids
UNWIND $ids AS id
MATCH (p:Person {id: id})
CALL (p) {
  OPTIONAL MATCH (p)-[:CLAIMED]->(c:Claim)
  WHERE c.status = 'granted' AND c.type IN ['unemployment', 'sickness', 'temporary_unemployment']
  OPTIONAL MATCH (p)-[j:EMPLOYED_BY|WORKS_FOR_CLIENT]->(e:Employer)
  WHERE j.start < coalesce(c.end, date('9999-12-31')) AND coalesce(j.end, date('9999-12-31')) > c.start
    AND NOT (c.type = 'temporary_unemployment' AND EXISTS { (c)-[:RESTS_ON]->(e) })
  WITH c, e, j WHERE e IS NOT NULL
  RETURN collect({claim: c.id, type: c.type, employer: e.id, name: e.name,
                  from: toString(CASE WHEN j.start > c.start THEN j.start ELSE c.start END)})[..5] AS overlaps
}
CALL (p) {
  OPTIONAL MATCH (p)-[:CLAIMED]->(:Claim)-[:PAID_TO]->(a:Account)<-[:PAID_TO]-(:Claim)<-[:CLAIMED]-(o:Person)
  WHERE o <> p
  WITH a, o WHERE o IS NOT NULL
  RETURN collect(DISTINCT {account: a.id, person: o.id})[..5] AS sharedPayment
}
CALL (p) {
  OPTIONAL MATCH (p)-[:USES|HOLDS]->(r)<-[:USES|HOLDS]-(o)
  WHERE o <> p AND coalesce(r.f_hub, false) = false
  WITH r, o WHERE o IS NOT NULL
  RETURN collect(DISTINCT {resource: r.id, kind: labels(r)[0], holder: o.id, holderType: labels(o)[0]})[..5] AS sharedResources
}
CALL (p) {
  OPTIONAL MATCH (p)-[:CLAIMED]->(c:Claim)-[:PROCESSED_BY]->(s:Staff)-[:IS]->(sp:Person)
  WITH p, c, s, sp WHERE sp IS NOT NULL
  OPTIONAL CALL (p, sp) {
    WITH p, sp WHERE sp <> p
    MATCH path = shortestPath((p)-[:HOUSEHOLD|LIVES_AT|HOLDS*..3]-(sp))
    RETURN length(path) AS pathHops, [n IN nodes(path) | n.id] AS pathVia
  }
  WITH c, s, CASE WHEN sp = p THEN 0 ELSE pathHops END AS hops,
       CASE WHEN sp = p THEN [p.id] ELSE pathVia END AS via
  WHERE hops IS NOT NULL
  RETURN collect({claim: c.id, staff: s.id, hops: hops, via: via})[..3] AS staffLinks
}
CALL (p) {
  OPTIONAL MATCH (p)-[:DIRECTS]->(o:Employer)
  WHERE o.status IN ['bankrupt', 'liquidated'] AND coalesce(o.contribution_debt_eur, 0) > 0
  WITH o WHERE o IS NOT NULL
  RETURN collect({id: o.id, name: o.name, debt: o.contribution_debt_eur, ceased: toString(o.ceased_on)})[..5] AS directedBankrupt
}
RETURN p.id AS id,
       {overlaps: overlaps, sharedPayment: sharedPayment, sharedResources: sharedResources,
        staffLinks: staffLinks, directedBankrupt: directedBankrupt} AS evidence
