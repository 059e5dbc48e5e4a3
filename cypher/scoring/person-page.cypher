// Scoring: one page of persons (keyset on id) with the properties named in $keys (network
// features included), the audit columns and the counts their intrinsic inputs come from
// (server/scoring/intrinsic.ts). Lists, not maps: a million rows of maps cost the driver more to
// decode than Neo4j takes to compute them. The lists' orders are pageAudit and pageCounts
// (server/db/scoring-queries.ts).
// params: $after, $limit, $asOf, $prefix, $keys
MATCH (p:Person)
WHERE p.id > $after AND p.id STARTS WITH $prefix
WITH p
ORDER BY p.id
LIMIT $limit
WITH p, date($asOf) AS asOf
CALL (p, asOf) {
  OPTIONAL MATCH (p)-[j:EMPLOYED_BY]->(e:Employer)
  RETURN count(j) AS jobs,
         count(DISTINCT CASE WHEN j.end IS NULL OR j.end >= asOf - duration({years: 3}) THEN e END) AS recentEmployers,
         count(CASE WHEN j.end IS NOT NULL AND j.end < j.start + duration({days: 121}) THEN 1 END) AS shortJobs
}
CALL (p, asOf) {
  OPTIONAL MATCH (p)-[:CLAIMED]->(c:Claim)
  WITH c, CASE WHEN c IS NULL OR c.start > asOf THEN 0
               ELSE duration.inDays(c.start, CASE WHEN c.end IS NULL OR c.end > asOf THEN asOf ELSE c.end END).days END AS days
  RETURN count(c) AS claims,
         count(CASE WHEN c.channel = 'online' THEN 1 END) AS onlineClaims,
         count(CASE WHEN c.status = 'granted' THEN 1 END) AS grantedClaims,
         sum(days) AS claimDays
}
CALL (p) {
  OPTIONAL MATCH (p)-[d:DIRECTS]->(:Employer)
  RETURN count(d) AS directorships
}
CALL (p) {
  OPTIONAL MATCH (p)-[w:WORKS_FOR_CLIENT]->(:Employer)
  RETURN count(w) AS clientRelations
}
// One read of the property chain, then lookups in the map (faster than p[k] per key).
WITH p, properties(p) AS props, jobs, recentEmployers, shortJobs, claims, onlineClaims,
     grantedClaims, claimDays, directorships, clientRelations
RETURN p.id AS id,
       [k IN $keys | props[k]] AS values,
       [p.sex, p.nationality, p.region] AS audit,
       [jobs, recentEmployers, shortJobs, claims, onlineClaims, grantedClaims, claimDays,
        directorships, clientRelations] AS counts
ORDER BY id
