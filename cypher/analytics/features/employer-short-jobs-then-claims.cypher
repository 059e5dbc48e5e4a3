// Query feature (Employer), one page: f_short_jobs_then_claims, the persons whose job here
// lasted at most 120 days and who started an unemployment, sickness or parenthood claim within
// 60 days after it ended (the mark of fictitious employment).
// params: $scope, $after, $limit, $asOf, $run, $at
MATCH (e:Employer)
WHERE e.id > $after AND e.id STARTS WITH $scope
WITH e
ORDER BY e.id
LIMIT $limit
WITH e, date($asOf) AS asOf
CALL (e, asOf) {
  MATCH (p:Person)-[j:EMPLOYED_BY]->(e)
  WHERE j.start IS NOT NULL AND j.end IS NOT NULL AND j.end <= asOf
    AND j.end <= j.start + duration({days: 120})
    AND EXISTS {
      MATCH (p)-[:CLAIMED]->(c:Claim)
      WHERE c.type IN ['unemployment', 'sickness', 'parenthood']
        AND j.end <= c.start AND c.start <= j.end + duration({days: 60}) AND c.start <= asOf
    }
  RETURN count(DISTINCT p) AS persons
}
SET e.f_short_jobs_then_claims = persons, e.f_run = $run, e.f_at = datetime($at)
RETURN count(e) AS rows, max(e.id) AS last
