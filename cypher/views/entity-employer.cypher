// Entity detail (server/views/entity.ts): an employer with everything dated around it — its
// workers' jobs, self-employed persons working for it, directors, seats, subcontracts either way
// (each the $cap most recent, with how many there are and where the next page starts: big
// employers have thousands of workers) — its inspections and the cases about it ($listCap
// most recent). Starts from the id constraint; every expansion is bounded. Counts come from the
// count store and relationship degrees. Timeline order: undated last, newest first, then by
// relationship element id (the order entity-employer-jobs and entity-timeline-page continue in).
// Each event is a tuple (server/db/entity-queries.ts says why and what is where). The row comes
// as JSON text (server/db/query-def.ts, `json`).
// params: $id, $cap, $listCap, $before, $after
MATCH (n:Employer {id: $id})
WITH n, COUNT { (n)<-[:EMPLOYED_BY]-() } AS jobCount
// Its $cap most recent jobs ($before is the latest date, $after null).
// include: views/parts/employer-jobs
WITH n, jobCount, jobs,
     CASE WHEN size(jobs) > 0 THEN {date: last(jobs)[1], key: last(jobKeys)} END AS jobsEnd
CALL (n) {
  MATCH (o:Person)-[r:WORKS_FOR_CLIENT]->(n)
  WITH r, o ORDER BY r.start IS NULL, r.start DESC, elementId(r) LIMIT $cap
  RETURN collect(['client', toString(r.start), toString(r.end), o.id, o.id, [r.share]]) AS clients,
         last(collect({date: toString(r.start), key: elementId(r)})) AS clientsEnd
}
CALL (n) {
  MATCH (o:Person)-[r:DIRECTS]->(n)
  WITH r, o ORDER BY r.start IS NULL, r.start DESC, elementId(r) LIMIT $cap
  RETURN collect(['directorship', toString(r.start), toString(r.end), o.id, o.id,
                  [r.role]]) AS directorships,
         last(collect({date: toString(r.start), key: elementId(r)})) AS directorshipsEnd
}
CALL (n) {
  MATCH (n)-[r:SEATED_AT]->(a:Address)
  WITH r, a ORDER BY r.start IS NULL, r.start DESC, elementId(r) LIMIT $cap
  RETURN collect(['seat', toString(r.start), toString(r.end), a.id, a.id,
                  [a.postcode, a.municipality, a.kind]]) AS seats,
         last(collect({date: toString(r.start), key: elementId(r)})) AS seatsEnd
}
CALL (n) {
  MATCH (n)-[r:SUBCONTRACTS_TO]-(o:Employer)
  WITH r, o, startNode(r) = n AS outgoing
  ORDER BY r.start IS NULL, r.start DESC, elementId(r) LIMIT $cap
  RETURN collect([CASE WHEN outgoing THEN 'subcontract' ELSE 'contractor' END,
                  toString(r.start), toString(r.end), o.id, coalesce(o.name, o.id),
                  [r.value]]) AS subcontracts,
         last(collect({date: toString(r.start), key: elementId(r)})) AS subcontractsEnd
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
  node: n {.*},
  events: jobs + clients + directorships + seats + subcontracts,
  totals: {EMPLOYED_BY: jobCount, WORKS_FOR_CLIENT: COUNT { (n)<-[:WORKS_FOR_CLIENT]-() },
           DIRECTS: COUNT { (n)<-[:DIRECTS]-() }, SEATED_AT: COUNT { (n)-[:SEATED_AT]->() },
           SUBCONTRACTS_TO: COUNT { (n)-[:SUBCONTRACTS_TO]-() },
           OF: COUNT { (n)<-[:OF]-() }},
  ends: {EMPLOYED_BY: jobsEnd, WORKS_FOR_CLIENT: clientsEnd, DIRECTS: directorshipsEnd,
         SEATED_AT: seatsEnd, SUBCONTRACTS_TO: subcontractsEnd},
  inspections: inspections, cases: cases
}) AS json
