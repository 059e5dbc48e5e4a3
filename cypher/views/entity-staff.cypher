// Entity detail (server/views/entity.ts): an official (internal-fraud unit only; the service
// checks) — the person they are (whose own detail gives the timeline), how many claims they
// processed, their inspections and the cases about them. Starts from the id
// constraint; counts read relationship degrees.
// params: $id, $listCap
MATCH (n:Staff {id: $id})
CALL (n) {
  MATCH (i:Inspection)-[:OF]->(n)
  WITH i ORDER BY i.opened_on IS NULL, i.opened_on DESC LIMIT $listCap
  RETURN collect(i {.id, opened_on: toString(i.opened_on), closed_on: toString(i.closed_on),
                    .offence, .outcome, .origin, .recovered_eur}) AS inspections
}
CALL (n) {
  MATCH (c:Case)-[:CONCERNS]->(n)
  WITH c ORDER BY c.created_at IS NULL, c.created_at DESC LIMIT $listCap
  RETURN collect(c {.id, .status, .title, .note, created_at: toString(c.created_at),
                    .has_staff}) AS cases
}
RETURN n AS node,
       [(n)-[:IS]->(p:Person) | p.id][0] AS person,
       COUNT { (n)<-[:PROCESSED_BY]-() } AS claimsProcessed,
       {OF: COUNT { (n)<-[:OF]-() }} AS totals,
       inspections, cases
