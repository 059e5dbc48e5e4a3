// Scoring: one page of officials (keyset on id) with every property (network features
// included), the counts their intrinsic inputs come from, and audit columns of the official as a
// person (fairness tables only).
// params: $after, $limit, $prefix
MATCH (s:Staff)
WHERE s.id > $after AND s.id STARTS WITH $prefix
WITH s
ORDER BY s.id
LIMIT $limit
CALL (s) {
  OPTIONAL MATCH (c:Claim)-[:PROCESSED_BY]->(s)
  RETURN count(c) AS processed, count(CASE WHEN c.status = 'granted' THEN 1 END) AS granted
}
OPTIONAL MATCH (s)-[:IS]->(p:Person)
RETURN s.id AS id, properties(s) AS props,
       {sex: p.sex, nationality: p.nationality, region: coalesce(p.region, s.office_region)} AS audit,
       {processed: processed, granted: granted} AS counts
ORDER BY id
