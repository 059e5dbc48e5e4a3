// Scoring: one page of officials (keyset on id) with the properties named in $keys (network
// features included), the counts their intrinsic inputs come from, and audit columns of the
// official as a person (fairness tables only), as lists in the orders of pageAudit and pageCounts
// (server/db/scoring-queries.ts).
// params: $after, $limit, $prefix, $keys
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
// One read of the property chain, then lookups in the map (faster than s[k] per key).
WITH s, properties(s) AS props, processed, granted, p
RETURN s.id AS id,
       [k IN $keys | props[k]] AS values,
       [p.sex, p.nationality, coalesce(p.region, s.office_region)] AS audit,
       [processed, granted] AS counts
ORDER BY id
