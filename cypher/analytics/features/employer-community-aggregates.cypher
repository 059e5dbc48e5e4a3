// Query feature (Employer), one page: the community aggregates of community-aggregates.cypher
// copied from the Employer's community onto it (removed from a Employer in no community, so no value of
// an earlier run lingers).
// params: $scope, $after, $limit, $run, $at
MATCH (n:Employer)
WHERE n.id > $after AND n.id STARTS WITH $scope
WITH n
ORDER BY n.id
LIMIT $limit
OPTIONAL MATCH (n)-[:IN_COMMUNITY]->(c:Community)
WITH n, head(collect(c)) AS c
SET n.f_community_share_bankrupt = c.f_community_share_bankrupt,
    n.f_community_share_fraud = c.f_community_share_fraud,
    n.f_community_mean_exposure = c.f_community_mean_exposure,
    n.f_community_top_sector = c.f_community_top_sector,
    n.f_run = $run, n.f_at = datetime($at)
RETURN count(n) AS rows, max(n.id) AS last
