// Query feature (Staff), one page: f_linked_claims, the claims (started by $asOf) the official
// processed whose claimant is the official's own person or within 3 HOUSEHOLD, LIVES_AT or
// HOLDS hops of it (no hub on the way; as f_staff_proximity), or that are paid into an account
// the official holds; f_linked_claim_share, that over the claims processed (0 when none).
// params: $scope, $after, $limit, $asOf, $run, $at
MATCH (s:Staff)
WHERE s.id > $after AND s.id STARTS WITH $scope
WITH s
ORDER BY s.id
LIMIT $limit
WITH s, date($asOf) AS asOf
CALL (s, asOf) {
  OPTIONAL MATCH (s)-[:IS]->(official:Person)
  CALL (official, asOf) {
    MATCH path = (official)-[:HOUSEHOLD|LIVES_AT|HOLDS*0..3]-(q:Person)
    WHERE all(n IN nodes(path) WHERE NOT coalesce(n.f_hub, false))
      AND all(r IN relationships(path) WHERE coalesce(r.start, asOf) <= asOf)
    RETURN collect(DISTINCT q) AS near
  }
  CALL (s, official, near, asOf) {
    MATCH (q:Person)-[:CLAIMED]->(c:Claim)-[:PROCESSED_BY]->(s)
    WHERE c.start <= asOf
    RETURN count(DISTINCT c) AS processed,
      count(DISTINCT CASE WHEN q IN near
        OR EXISTS { (c)-[:PAID_TO]->(:Account)<-[:HOLDS]-(official) } THEN c END) AS linked
  }
  RETURN processed, linked
}
SET s.f_linked_claims = linked,
    s.f_linked_claim_share = CASE WHEN processed = 0 THEN 0.0 ELSE toFloat(linked) / processed END,
    s.f_run = $run, s.f_at = datetime($at)
RETURN count(s) AS rows, max(s.id) AS last
