// Query feature (Person), one page: f_staff_proximity, the length of the shortest path between
// the person and an official (Staff -IS-> Person) who processed one of their claims, over
// HOUSEHOLD, LIVES_AT and HOLDS links (links started by $asOf, no hub on the way), at most 3:
// 1 household, 2 a shared address or account, 3 one step further; 0 when the official is the
// claimant; null when no such path (or no processed claim). Only persons with a processed
// claim are searched, each search bounded to 3 hops.
// params: $scope, $after, $limit, $asOf, $run, $at
MATCH (p:Person)
WHERE p.id > $after AND p.id STARTS WITH $scope
WITH p
ORDER BY p.id
LIMIT $limit
WITH p, date($asOf) AS asOf
CALL (p, asOf) {
  MATCH (p)-[:CLAIMED]->(c:Claim)-[:PROCESSED_BY]->(:Staff)-[:IS]->(official:Person)
  WHERE c.start <= asOf
  WITH DISTINCT official, asOf
  CALL (p, official, asOf) {
    WITH p, official WHERE official = p
    RETURN 0 AS hops
    UNION
    WITH p, official, asOf WHERE official <> p
    MATCH path = shortestPath((p)-[:HOUSEHOLD|LIVES_AT|HOLDS*..3]-(official))
    WHERE all(n IN nodes(path) WHERE NOT coalesce(n.f_hub, false))
      AND all(r IN relationships(path) WHERE coalesce(r.start, asOf) <= asOf)
    RETURN length(path) AS hops
  }
  RETURN min(hops) AS proximity
}
SET p.f_staff_proximity = proximity, p.f_run = $run, p.f_at = datetime($at)
RETURN count(p) AS rows, max(p.id) AS last
