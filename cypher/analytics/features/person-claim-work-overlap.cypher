// Query feature (Person), one page: f_claim_work_overlap_days, the days of the person's
// granted unemployment, temporary-unemployment and sickness claims during which they also had
// a declared job or a self-employment client relation (days counted once however many jobs
// overlap them). For a temporary-unemployment or sickness claim the job at the claim's own
// employer does not count: the contract runs on while its work stops (temporary unemployment,
// sick leave). Periods are half-open [start, end): a claim ending the day a job starts overlaps
// it 0 days. Open ends run to $asOf.
// params: $scope, $after, $limit, $asOf, $run, $at
MATCH (p:Person)
WHERE p.id > $after AND p.id STARTS WITH $scope
WITH p
ORDER BY p.id
LIMIT $limit
WITH p, date($asOf) AS asOf
CALL (p, asOf) {
  MATCH (p)-[:CLAIMED]->(c:Claim)
  WHERE c.status = 'granted' AND c.type IN ['unemployment', 'temporary_unemployment', 'sickness']
    AND c.start < asOf
  WITH c, asOf, CASE WHEN c.end IS NULL OR c.end > asOf THEN asOf ELSE c.end END AS claimEnd
  CALL (p, c, claimEnd, asOf) {
    MATCH (p)-[w:EMPLOYED_BY|WORKS_FOR_CLIENT]->(e:Employer)
    WHERE w.start < claimEnd AND c.start < coalesce(w.end, asOf)
      AND NOT (c.type IN ['temporary_unemployment', 'sickness'] AND EXISTS { (c)-[:RESTS_ON]->(e) })
    WITH CASE WHEN w.start > c.start THEN w.start ELSE c.start END AS s,
         CASE WHEN w.end IS NULL OR w.end > claimEnd THEN claimEnd ELSE w.end END AS t
    ORDER BY s
    WITH collect(CASE WHEN s < t THEN [s, t] END) AS periods
    RETURN reduce(acc = [0, null], iv IN periods |
      CASE
        WHEN acc[1] IS NULL OR iv[0] >= acc[1] THEN [acc[0] + duration.inDays(iv[0], iv[1]).days, iv[1]]
        WHEN iv[1] > acc[1] THEN [acc[0] + duration.inDays(acc[1], iv[1]).days, iv[1]]
        ELSE acc
      END)[0] AS days
  }
  RETURN sum(days) AS overlap
}
SET p.f_claim_work_overlap_days = overlap, p.f_run = $run, p.f_at = datetime($at)
RETURN count(p) AS rows, max(p.id) AS last
