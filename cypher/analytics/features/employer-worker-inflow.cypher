// Query feature (Employer), one page: f_worker_inflow_bankrupt, the workers whose job here
// started within 90 days of the end of their job at another employer that went bankrupt or into
// liquidation leaving contribution debt (from 90 days before that end, as a successor often
// hires before the bankruptcy is declared, to 90 days after; and after that job began);
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
      WHERE b <> e AND b.status IN ['bankrupt', 'liquidated']
        AND coalesce(b.contribution_debt_eur, 0) > 0 AND j0.end IS NOT NULL AND j0.start < j.start
        AND j0.end - duration({days: 90}) <= j.start AND j.start <= j0.end + duration({days: 90})
    } THEN p END) AS inflow
}
SET e.f_worker_inflow_bankrupt = inflow,
    e.f_worker_inflow_share = CASE WHEN hired = 0 THEN 0.0 ELSE toFloat(inflow) / hired END,
    e.f_run = $run, e.f_at = datetime($at)
RETURN count(e) AS rows, max(e.id) AS last
