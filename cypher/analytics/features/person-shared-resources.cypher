// Query feature (Person), one page: f_shared_account_holders (other persons or employers
// holding one of its accounts), f_shared_contact_holders (other holders of one of its phones,
// e-mails, devices, IPs), f_shared_payment_account_claimants (other persons whose claims are
// paid into an account that also receives this person's claims). Hubs (f_hub) link nothing;
// contacts first seen and claims started after $asOf do not count.
// params: $scope, $after, $limit, $asOf, $run, $at
MATCH (p:Person)
WHERE p.id > $after AND p.id STARTS WITH $scope
WITH p
ORDER BY p.id
LIMIT $limit
WITH p, date($asOf) AS asOf
CALL (p) {
  MATCH (p)-[:HOLDS]->(ac:Account)<-[:HOLDS]-(o)
  WHERE o <> p AND NOT coalesce(ac.f_hub, false)
  RETURN count(DISTINCT o) AS account
}
CALL (p, asOf) {
  MATCH (p)-[u1:USES]->(ct:Contact)<-[u2:USES]-(o)
  WHERE o <> p AND NOT coalesce(ct.f_hub, false)
    AND coalesce(u1.first_seen, asOf) <= asOf AND coalesce(u2.first_seen, asOf) <= asOf
  RETURN count(DISTINCT o) AS contact
}
CALL (p, asOf) {
  MATCH (p)-[:CLAIMED]->(c:Claim)-[:PAID_TO]->(ac:Account)
  WHERE c.start <= asOf AND NOT coalesce(ac.f_hub, false)
  WITH DISTINCT ac, asOf
  MATCH (ac)<-[:PAID_TO]-(c2:Claim)<-[:CLAIMED]-(q:Person)
  WHERE q <> p AND c2.start <= asOf
  RETURN count(DISTINCT q) AS payment
}
SET p.f_shared_account_holders = account, p.f_shared_contact_holders = contact,
    p.f_shared_payment_account_claimants = payment, p.f_run = $run, p.f_at = datetime($at)
RETURN count(p) AS rows, max(p.id) AS last
