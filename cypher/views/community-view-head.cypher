// Network views: a community written by analytics (cypher/analytics/write-communities.cypher
// and features/community-aggregates.cypher), with its properties, and its members the viewer
// may see (no staff when $hideStaff): how many, and the first $limit of them, highest risk
// first — by band (red, orange, green, blue, unscored), then score, then id: scores of
// different entity types come from different models, bands are each type's own ranking.
// params: $id, $hideStaff, $limit
MATCH (c:Community {id: $id})
CALL (c) {
  MATCH (m)-[:IN_COMMUNITY]->(c)
  WHERE NOT ($hideStaff AND m:Staff)
  WITH m
  ORDER BY
    CASE m.risk_band WHEN 'red' THEN 0 WHEN 'orange' THEN 1 WHEN 'green' THEN 2 WHEN 'blue' THEN 3 ELSE 4 END,
    coalesce(m.risk_score, -1.0) DESC,
    m.id
  RETURN count(m) AS total, collect(elementId(m))[..$limit] AS members
}
RETURN c.id AS id, properties(c) AS props, total, members
