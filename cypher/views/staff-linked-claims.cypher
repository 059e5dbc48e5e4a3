// View (internal fraud): the claims an official processed (started by $asOf) whose claimant is
// linked to the official's own person (Staff)-[:IS]->(Person), each with every candidate link —
// the links of f_linked_claims and f_staff_proximity (cypher/analytics/features/): a simple
// path of 1–3 HOUSEHOLD, LIVES_AT or HOLDS links, each started by $asOf, no hub on the way;
// the official as the claimant (no link, unless the official is a hub); and a payment into an
// account the official holds. It starts at the official's person and expands outward (a small
// neighbourhood, at most $maxPaths paths: `pathCount` tells), then keeps the claims of the
// persons reached that this official processed: it never walks from the official's thousands
// of claims. Whether a path was in force during the claim is decided by the service
// (server/views/staff-links.ts). A path's nodes come as {label, id, display properties}, its
// links as {type, forward (stored from the node before it), start, end, key, kind}. No row
// when the official has no person or no linked claim.
// params: $staffId, $asOf, $maxPaths
MATCH (s:Staff {id: $staffId})-[:IS]->(official:Person)
WITH s, official, date($asOf) AS asOf
CALL (official, asOf) {
  MATCH path = (official)-[:HOUSEHOLD|LIVES_AT|HOLDS*1..3]-(q:Person)
  WHERE all(n IN nodes(path) WHERE NOT coalesce(n.f_hub, false))
    AND all(r IN relationships(path) WHERE coalesce(r.start, asOf) <= asOf)
    AND all(i IN range(1, length(path)) WHERE NOT nodes(path)[i] IN nodes(path)[..i])
  WITH q, path
  LIMIT $maxPaths
  WITH q, collect(path) AS paths
  RETURN collect({q: q, paths: paths}) AS near, sum(size(paths)) AS pathCount
}
CALL (s, official, asOf, near) {
  UNWIND near + CASE WHEN coalesce(official.f_hub, false) THEN [] ELSE [{q: official, paths: []}] END AS reached
  WITH reached.q AS q, reached.paths AS paths
  MATCH (q)-[:CLAIMED]->(c:Claim)
  WHERE c.start <= asOf AND (c)-[:PROCESSED_BY]->(s)
  RETURN c, q AS claimant, paths, [] AS accounts
  UNION ALL
  MATCH (official)-[:HOLDS]->(a:Account)<-[:PAID_TO]-(c:Claim)
  WHERE c.start <= asOf AND (c)-[:PROCESSED_BY]->(s)
  MATCH (claimant:Person)-[:CLAIMED]->(c)
  RETURN c, claimant, [] AS paths, [a] AS accounts
}
WITH official, pathCount, c, claimant, collect(paths) AS pathLists, collect(accounts) AS accountLists
WITH official, pathCount, c, claimant,
     reduce(acc = [], ps IN pathLists | acc + ps) AS paths,
     reduce(acc = [], accs IN accountLists | acc + accs) AS accounts
RETURN c.id AS claimId, c.type AS type, c.start AS start, c.end AS end, c.status AS status,
       c.monthly_amount_eur AS amount,
       {id: claimant.id, score: claimant.risk_score, band: claimant.risk_band,
        region: claimant.region, municipality: claimant.municipality} AS claimant,
       claimant = official AS self,
       [p IN paths | {
         nodes: [n IN nodes(p) | {
           label: CASE WHEN n:Person THEN 'Person' WHEN n:Address THEN 'Address'
                       WHEN n:Account THEN 'Account' ELSE 'Employer' END,
           id: n.id, score: n.risk_score, band: n.risk_band, region: n.region,
           municipality: n.municipality, postcode: n.postcode, kind: n.kind
         }],
         links: [i IN range(0, length(p) - 1) | {
           type: type(relationships(p)[i]),
           forward: startNode(relationships(p)[i]) = nodes(p)[i],
           start: relationships(p)[i].start, end: relationships(p)[i].end,
           key: relationships(p)[i].key, kind: relationships(p)[i].kind
         }]
       }] AS paths,
       [a IN accounts | {id: a.id}] AS accounts,
       pathCount
ORDER BY claimId
