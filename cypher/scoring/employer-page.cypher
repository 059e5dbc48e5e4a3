// Scoring: one page of employers (keyset on id) with every property (network features included)
// and the counts their intrinsic inputs come from (server/scoring/intrinsic.ts).
// params: $after, $limit, $asOf, $prefix
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
RETURN e.id AS id, properties(e) AS props, {region: e.region, sector: e.sector} AS audit,
       {jobs: jobs, activeJobs: activeJobs, shortJobs: shortJobs, partTimeJobs: partTimeJobs,
        meanWage: meanWage, claims: claims} AS counts
ORDER BY id
