// Query feature (Employer), one page: f_shared_seat_employers (other employers ever seated at
// one of its seats), f_shared_account_holders (other persons or employers holding one of its
// accounts), f_shared_contact_holders (other holders of one of its phones, e-mails, devices,
// IPs). Hub resources (f_hub) link nothing; links that start after $asOf do not exist yet.
// params: $scope, $after, $limit, $asOf, $run, $at
MATCH (e:Employer)
WHERE e.id > $after AND e.id STARTS WITH $scope
WITH e
ORDER BY e.id
LIMIT $limit
WITH e, date($asOf) AS asOf
CALL (e, asOf) {
  MATCH (e)-[s1:SEATED_AT]->(a:Address)<-[s2:SEATED_AT]-(o:Employer)
  WHERE o <> e AND NOT coalesce(a.f_hub, false)
    AND coalesce(s1.start, asOf) <= asOf AND coalesce(s2.start, asOf) <= asOf
  RETURN count(DISTINCT o) AS seat
}
CALL (e) {
  MATCH (e)-[:HOLDS]->(ac:Account)<-[:HOLDS]-(o)
  WHERE o <> e AND NOT coalesce(ac.f_hub, false)
  RETURN count(DISTINCT o) AS account
}
CALL (e, asOf) {
  MATCH (e)-[u1:USES]->(ct:Contact)<-[u2:USES]-(o)
  WHERE o <> e AND NOT coalesce(ct.f_hub, false)
    AND coalesce(u1.first_seen, asOf) <= asOf AND coalesce(u2.first_seen, asOf) <= asOf
  RETURN count(DISTINCT o) AS contact
}
SET e.f_shared_seat_employers = seat, e.f_shared_account_holders = account,
    e.f_shared_contact_holders = contact, e.f_run = $run, e.f_at = datetime($at)
RETURN count(e) AS rows, max(e.id) AS last
