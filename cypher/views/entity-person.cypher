// Entity detail (server/views/entity.ts): a person with everything dated around them — jobs,
// self-employment clients, directorships, benefit claims, residences (each the $cap most recent,
// with how many there are and where the next page starts) — their inspections and the cases
// about them ($listCap most recent), and the officials they are (the service shows those to the
// internal-fraud unit only). The person's sex and nationality stay in the database (audit
// columns only). Starts from the id constraint; every expansion is bounded. Timeline order and
// event tuples as entity-employer's. The row comes as JSON text (server/db/query-def.ts, `json`).
// params: $id, $cap, $listCap
MATCH (n:Person {id: $id})
CALL (n) {
  MATCH (n)-[r:EMPLOYED_BY]->(o:Employer)
  WITH r, o ORDER BY r.start IS NULL, r.start DESC, elementId(r) LIMIT $cap
  RETURN collect(['job', toString(r.start), toString(r.end), o.id, coalesce(o.name, o.id),
                  [r.contract, r.hours, r.wage]]) AS jobs,
         last(collect({date: toString(r.start), key: elementId(r)})) AS jobsEnd
}
CALL (n) {
  MATCH (n)-[r:WORKS_FOR_CLIENT]->(o:Employer)
  WITH r, o ORDER BY r.start IS NULL, r.start DESC, elementId(r) LIMIT $cap
  RETURN collect(['client', toString(r.start), toString(r.end), o.id, coalesce(o.name, o.id),
                  [r.share]]) AS clients,
         last(collect({date: toString(r.start), key: elementId(r)})) AS clientsEnd
}
CALL (n) {
  MATCH (n)-[r:DIRECTS]->(o:Employer)
  WITH r, o ORDER BY r.start IS NULL, r.start DESC, elementId(r) LIMIT $cap
  RETURN collect(['directorship', toString(r.start), toString(r.end), o.id,
                  coalesce(o.name, o.id), [r.role]]) AS directorships,
         last(collect({date: toString(r.start), key: elementId(r)})) AS directorshipsEnd
}
CALL (n) {
  MATCH (n)-[r:CLAIMED]->(c:Claim)
  WITH r, c ORDER BY c.start IS NULL, c.start DESC, elementId(r) LIMIT $cap
  RETURN collect(['claim', toString(c.start), toString(c.end), c.id, c.id,
                  [c.type, c.status, c.monthly_amount_eur, c.channel]]) AS claims,
         last(collect({date: toString(c.start), key: elementId(r)})) AS claimsEnd
}
CALL (n) {
  MATCH (n)-[r:LIVES_AT]->(a:Address)
  WITH r, a ORDER BY r.start IS NULL, r.start DESC, elementId(r) LIMIT $cap
  RETURN collect(['residence', toString(r.start), toString(r.end), a.id, a.id,
                  [a.postcode, a.municipality, a.kind]]) AS residences,
         last(collect({date: toString(r.start), key: elementId(r)})) AS residencesEnd
}
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
RETURN apoc.convert.toJson({
  node: n {.*, sex: null, nationality: null},
  events: jobs + clients + directorships + claims + residences,
  totals: {EMPLOYED_BY: COUNT { (n)-[:EMPLOYED_BY]->() },
           WORKS_FOR_CLIENT: COUNT { (n)-[:WORKS_FOR_CLIENT]->() },
           DIRECTS: COUNT { (n)-[:DIRECTS]->() }, CLAIMED: COUNT { (n)-[:CLAIMED]->() },
           LIVES_AT: COUNT { (n)-[:LIVES_AT]->() }, OF: COUNT { (n)<-[:OF]-() }},
  ends: {EMPLOYED_BY: jobsEnd, WORKS_FOR_CLIENT: clientsEnd, DIRECTS: directorshipsEnd,
         CLAIMED: claimsEnd, LIVES_AT: residencesEnd},
  inspections: inspections, cases: cases,
  staff: [(s:Staff)-[:IS]->(n) | s.id]
}) AS json
