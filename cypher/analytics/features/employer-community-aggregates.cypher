// Query feature (Employer), one page: the community aggregates of community-aggregates.cypher
// copied from the Employer's community onto it (removed from a Employer in no community, so no value of
// an earlier run lingers). The member's own share of confirmed fraud leaves the member out: the
// share among the other members, so an entity's own inspection never feeds its own feature.
// params: $scope, $after, $limit, $asOf, $run, $at
MATCH (n:Employer)
WHERE n.id > $after AND n.id STARTS WITH $scope
WITH n
ORDER BY n.id
LIMIT $limit
OPTIONAL MATCH (n)-[:IN_COMMUNITY]->(c:Community)
WITH n, head(collect(c)) AS c
WITH n, c, CASE WHEN EXISTS {
  MATCH (i:Inspection)-[:OF]->(n)
  WHERE i.outcome = 'confirmed' AND i.offence <> 'none' AND coalesce(i.closed_on, date($asOf)) <= date($asOf)
} THEN 1 ELSE 0 END AS own
SET n.f_community_share_bankrupt = c.f_community_share_bankrupt,
    n.f_community_share_fraud = CASE WHEN c IS NULL THEN null
      WHEN c.f_community_members <= 1 THEN 0.0
      ELSE toFloat(c.f_community_fraud_members - own) / (c.f_community_members - 1) END,
    n.f_community_mean_exposure = c.f_community_mean_exposure,
    n.f_community_top_sector = c.f_community_top_sector,
    n.f_run = $run, n.f_at = datetime($at)
RETURN count(n) AS rows, max(n.id) AS last
