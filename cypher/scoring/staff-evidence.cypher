// Scoring: the network evidence behind flagged officials — claims they processed whose claimant
// is the official or is linked to them over household, residence and account links (≤ 3 hops).
// params: $ids
UNWIND $ids AS id
MATCH (s:Staff {id: id})
OPTIONAL MATCH (s)-[:IS]->(sp:Person)
CALL (s, sp) {
  OPTIONAL MATCH (c:Claim)-[:PROCESSED_BY]->(s)
  OPTIONAL MATCH (cp:Person)-[:CLAIMED]->(c)
  WITH c, cp, sp WHERE sp IS NOT NULL AND cp IS NOT NULL
  OPTIONAL CALL (sp, cp) {
    WITH sp, cp WHERE cp <> sp
    MATCH path = shortestPath((sp)-[:HOUSEHOLD|LIVES_AT|HOLDS*..3]-(cp))
    RETURN length(path) AS pathHops, [n IN nodes(path) | n.id] AS pathVia
  }
  WITH c, cp, CASE WHEN cp = sp THEN 0 ELSE pathHops END AS hops,
       CASE WHEN cp = sp THEN [sp.id] ELSE pathVia END AS via
  WHERE hops IS NOT NULL
  RETURN collect({claim: c.id, claimant: cp.id, hops: hops, via: via})[..10] AS linkedClaims
}
RETURN s.id AS id, {linkedClaims: linkedClaims} AS evidence
