// Query feature (Employer), one page: f_worker_inflow_bankrupt, the workers whose job here
// started within 90 days after their job at another, bankrupt or liquidated employer ended;
// f_worker_inflow_share, that count over the workers whose job here started by $asOf (0 when
// none).
// params: $scope, $after, $limit, $asOf, $run, $at
MATCH (e:Employer)
WHERE e.id > $after AND e.id STARTS WITH $scope
WITH e
ORDER BY e.id
LIMIT $limit
WITH e, date($asOf) AS asOf
CALL (e, asOf) {
  MATCH (p:Person)-[j:EMPLOYED_BY]->(e)
  WHERE j.start <= asOf
  RETURN count(DISTINCT p) AS hired,
    count(DISTINCT CASE WHEN EXISTS {
      MATCH (p)-[j0:EMPLOYED_BY]->(b:Employer)
      WHERE b <> e AND b.status IN ['bankrupt', 'liquidated'] AND j0.end IS NOT NULL
        AND j0.end <= j.start AND j.start <= j0.end + duration({days: 90})
    } THEN p END) AS inflow
}
SET e.f_worker_inflow_bankrupt = inflow,
    e.f_worker_inflow_share = CASE WHEN hired = 0 THEN 0.0 ELSE toFloat(inflow) / hired END,
    e.f_run = $run, e.f_at = datetime($at)
RETURN count(e) AS rows, max(e.id) AS last
