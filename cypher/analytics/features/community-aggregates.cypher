// Query feature (Community), one page: aggregates over each community's members, written on
// the Community node (the members' own queries copy them): f_community_share_bankrupt (employer
// members bankrupt or liquidated with contribution debt, over employer members; 0 without
// employers), f_community_share_fraud (members with a confirmed-fraud inspection closed by
// $asOf, over members), f_community_mean_exposure (mean f_exposure of the members: run after the
// graph features), f_community_top_sector (most common NACE section letter of its employers,
// ties to the first letter; null without employers). It also keeps the member and fraud-member
// counts, from which each member's own share leaves the member out (see the members' queries).
// params: $scope, $after, $limit, $asOf, $run, $at
MATCH (c:Community)
WHERE c.id > $after AND c.id STARTS WITH $scope
WITH c
ORDER BY c.id
LIMIT $limit
WITH c, date($asOf) AS asOf
CALL (c, asOf) {
  MATCH (m)-[:IN_COMMUNITY]->(c)
  RETURN count(m) AS members,
    count(CASE WHEN m:Employer THEN m END) AS employers,
    count(CASE WHEN m:Employer AND m.status IN ['bankrupt', 'liquidated']
      AND coalesce(m.contribution_debt_eur, 0) > 0 THEN m END) AS bankrupt,
    count(CASE WHEN EXISTS {
      MATCH (i:Inspection)-[:OF]->(m)
      WHERE i.outcome = 'confirmed' AND i.offence <> 'none' AND coalesce(i.closed_on, asOf) <= asOf
    } THEN m END) AS fraud,
    avg(toFloat(coalesce(m.f_exposure, 0))) AS exposure
}
CALL (c) {
  MATCH (e:Employer)-[:IN_COMMUNITY]->(c)
  WHERE e.sector IS NOT NULL AND e.sector <> ''
  WITH substring(e.sector, 0, 1) AS section, count(*) AS n
  ORDER BY n DESC, section
  RETURN head(collect(section)) AS topSector
}
SET c.f_community_share_bankrupt = CASE WHEN employers = 0 THEN 0.0 ELSE toFloat(bankrupt) / employers END,
    c.f_community_share_fraud = CASE WHEN members = 0 THEN 0.0 ELSE toFloat(fraud) / members END,
    c.f_community_mean_exposure = coalesce(exposure, 0.0),
    c.f_community_top_sector = topSector,
    c.f_community_members = members, c.f_community_fraud_members = fraud,
    c.f_run = $run, c.f_at = datetime($at)
RETURN count(c) AS rows, max(c.id) AS last
