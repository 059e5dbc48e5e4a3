// Entity detail (server/views/entity.ts): a person with everything dated around them — jobs,
// self-employment clients, directorships, benefit claims, residences (each the $cap most recent,
// with how many there are) — their inspections, the cases about them and the officials they are
// (the service shows those to the internal-fraud unit only). The person's sex and nationality
// stay in the database (audit columns only). Starts from the id constraint; every expansion is
// bounded by $cap.
// params: $id, $cap
MATCH (n:Person {id: $id})
CALL (n) {
  MATCH (n)-[r:EMPLOYED_BY]->(o:Employer)
  WITH r, o ORDER BY r.start IS NULL, r.start DESC LIMIT $cap
  RETURN collect({kind: 'job', relation: 'EMPLOYED_BY', date: r.start, endDate: r.end,
                  other: {type: 'Employer', id: o.id, label: coalesce(o.name, o.id)},
                  facts: {contract: r.contract, hours: r.hours, wage: r.wage}}) AS jobs
}
CALL (n) {
  MATCH (n)-[r:WORKS_FOR_CLIENT]->(o:Employer)
  WITH r, o ORDER BY r.start IS NULL, r.start DESC LIMIT $cap
  RETURN collect({kind: 'client', relation: 'WORKS_FOR_CLIENT', date: r.start, endDate: r.end,
                  other: {type: 'Employer', id: o.id, label: coalesce(o.name, o.id)},
                  facts: {share: r.share}}) AS clients
}
CALL (n) {
  MATCH (n)-[r:DIRECTS]->(o:Employer)
  WITH r, o ORDER BY r.start IS NULL, r.start DESC LIMIT $cap
  RETURN collect({kind: 'directorship', relation: 'DIRECTS', date: r.start, endDate: r.end,
                  other: {type: 'Employer', id: o.id, label: coalesce(o.name, o.id)},
                  facts: {role: r.role}}) AS directorships
}
CALL (n) {
  MATCH (n)-[:CLAIMED]->(c:Claim)
  WITH c ORDER BY c.start IS NULL, c.start DESC LIMIT $cap
  RETURN collect({kind: 'claim', relation: 'CLAIMED', date: c.start, endDate: c.end,
                  other: {type: 'Claim', id: c.id, label: c.id},
                  facts: {type: c.type, status: c.status, amount: c.monthly_amount_eur,
                          channel: c.channel}}) AS claims
}
CALL (n) {
  MATCH (n)-[r:LIVES_AT]->(a:Address)
  WITH r, a ORDER BY r.start IS NULL, r.start DESC LIMIT $cap
  RETURN collect({kind: 'residence', relation: 'LIVES_AT', date: r.start, endDate: r.end,
                  other: {type: 'Address', id: a.id, label: a.id},
                  facts: {postcode: a.postcode, municipality: a.municipality, addressKind: a.kind}}) AS residences
}
CALL (n) {
  MATCH (i:Inspection)-[:OF]->(n)
  WITH i ORDER BY i.opened_on IS NULL, i.opened_on DESC LIMIT $cap
  RETURN collect(i {.id, .opened_on, .closed_on, .offence, .outcome, .origin, .recovered_eur}) AS inspections
}
CALL (n) {
  MATCH (c:Case)-[:CONCERNS]->(n)
  WITH c ORDER BY c.created_at IS NULL, c.created_at DESC LIMIT $cap
  RETURN collect(c {.id, .status, .title, .note, .created_at, .has_staff}) AS cases
}
RETURN n {.*, sex: null, nationality: null} AS node,
       jobs + clients + directorships + claims + residences AS events,
       {EMPLOYED_BY: COUNT { (n)-[:EMPLOYED_BY]->() }, WORKS_FOR_CLIENT: COUNT { (n)-[:WORKS_FOR_CLIENT]->() },
        DIRECTS: COUNT { (n)-[:DIRECTS]->() }, CLAIMED: COUNT { (n)-[:CLAIMED]->() },
        LIVES_AT: COUNT { (n)-[:LIVES_AT]->() }, OF: COUNT { (n)<-[:OF]-() }} AS totals,
       inspections, cases,
       [(s:Staff)-[:IS]->(n) | s.id] AS staff
