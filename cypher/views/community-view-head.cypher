// Network views: a community written by analytics (cypher/analytics/write-communities.cypher
// and features/community-aggregates.cypher), with its properties, and its members the viewer
// may see (no staff when $hideStaff): how many, and the first $limit of them, highest risk
// first, then by id.
// params: $id, $hideStaff, $limit
MATCH (c:Community {id: $id})
CALL (c) {
  MATCH (m)-[:IN_COMMUNITY]->(c)
  WHERE NOT ($hideStaff AND m:Staff)
  WITH m
  ORDER BY coalesce(m.risk_score, -1.0) DESC, m.id
  RETURN count(m) AS total, collect(elementId(m))[..$limit] AS members
}
RETURN c.id AS id, properties(c) AS props, total, members
