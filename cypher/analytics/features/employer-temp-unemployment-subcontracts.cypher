// Query feature (Employer), one page: f_temp_unemployment_during_subcontracts, the
// temporary-unemployment claims resting on this employer whose period overlaps a subcontract
// of this employer (as contractor or subcontractor) that was running then. Periods are
// half-open [start, end), open ends run to $asOf. f_temp_unemployment_while_subcontracting:
// of those, the claims overlapping a subcontract in which this employer is the subcontractor:
// the work it delivers goes on (a contract it buys, such as cleaning, running on says less).
// params: $scope, $after, $limit, $asOf, $run, $at
MATCH (e:Employer)
WHERE e.id > $after AND e.id STARTS WITH $scope
WITH e
ORDER BY e.id
LIMIT $limit
WITH e, date($asOf) AS asOf
CALL (e, asOf) {
  MATCH (c:Claim)-[:RESTS_ON]->(e)
  WHERE c.type = 'temporary_unemployment' AND c.start <= asOf
  CALL (e, c, asOf) {
    MATCH (e)-[s:SUBCONTRACTS_TO]-(:Employer)
    WHERE s.start IS NOT NULL AND s.start <= asOf
      AND s.start < coalesce(c.end, asOf) AND c.start < coalesce(s.end, asOf)
    RETURN count(s) > 0 AS during, count(CASE WHEN endNode(s) = e THEN s END) > 0 AS delivering
  }
  RETURN count(DISTINCT CASE WHEN during THEN c END) AS claims,
         count(DISTINCT CASE WHEN delivering THEN c END) AS delivered
}
SET e.f_temp_unemployment_during_subcontracts = claims,
    e.f_temp_unemployment_while_subcontracting = delivered,
    e.f_run = $run, e.f_at = datetime($at)
RETURN count(e) AS rows, max(e.id) AS last
