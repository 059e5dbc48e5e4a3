// Scoring: one page of employers (keyset on id) with the properties named in $keys (network
// features included), the audit columns and the counts their intrinsic inputs come from
// (server/scoring/intrinsic.ts), as lists in the orders of pageAudit and pageCounts
// (server/db/scoring-queries.ts).
// params: $after, $limit, $asOf, $prefix, $keys
MATCH (e:Employer)
WHERE e.id > $after AND e.id STARTS WITH $prefix
WITH e
ORDER BY e.id
LIMIT $limit
WITH e, date($asOf) AS asOf
CALL (e, asOf) {
  OPTIONAL MATCH (:Person)-[j:EMPLOYED_BY]->(e)
  RETURN count(j) AS jobs,
         count(CASE WHEN j.start <= asOf AND (j.end IS NULL OR j.end >= asOf) THEN 1 END) AS activeJobs,
         count(CASE WHEN j.end IS NOT NULL AND j.end < j.start + duration({days: 121}) THEN 1 END) AS shortJobs,
         count(CASE WHEN j.contract = 'part_time' THEN 1 END) AS partTimeJobs,
         avg(j.wage) AS meanWage
}
CALL (e) {
  OPTIONAL MATCH (c:Claim)-[:RESTS_ON]->(e)
  RETURN count(c) AS claims
}
// One read of the property chain, then lookups in the map (faster than e[k] per key).
WITH e, properties(e) AS props, jobs, activeJobs, shortJobs, partTimeJobs, meanWage, claims
RETURN e.id AS id,
       [k IN $keys | props[k]] AS values,
       [e.region, e.sector] AS audit,
       [jobs, activeJobs, shortJobs, partTimeJobs, meanWage, claims] AS counts
ORDER BY id
