// Entity detail, older events (server/views/entity-timeline-page.ts): one page of an employer's
// jobs after $after, in the timeline's order (undated last, newest first, then by relationship
// element id). The dated ones come from the index on (employer, start), newest first from
// $before (ordered by the employer too, so that Neo4j reads the index in its order and stops
// after the page), so an employer with a hundred thousand workers reads a page, not all; when
// they run out, the undated ones (not in that index) follow, which reads all its jobs. $limit
// rows at most. No row when the employer does not exist.
// params: $id, $before, $after, $limit
MATCH (n:Employer {id: $id})
CALL () {
  MATCH (o)-[r:EMPLOYED_BY]->()
  WHERE r.employer = $id AND r.start <= date($before)
    AND ($after IS NULL OR r.start < date($after.date) OR elementId(r) > $after.key)
  WITH r, o ORDER BY r.employer DESC, r.start DESC, elementId(r) LIMIT $limit
  RETURN collect({r: r, o: o}) AS dated
}
CALL (n, dated) {
  UNWIND CASE WHEN size(dated) < $limit THEN [n] ELSE [] END AS m
  MATCH (o)-[r:EMPLOYED_BY]->(m)
  WHERE r.start IS NULL
    AND ($after IS NULL OR $after.date IS NOT NULL OR elementId(r) > $after.key)
  WITH r, o ORDER BY elementId(r) LIMIT $limit
  RETURN collect({r: r, o: o}) AS undated
}
CALL (dated, undated) {
  UNWIND dated + undated[..$limit - size(dated)] AS job
  WITH job.r AS r, job.o AS o
  RETURN collect({kind: 'job', relation: 'EMPLOYED_BY',
                  date: toString(r.start), endDate: toString(r.end),
                  other: {type: 'Person', id: o.id, label: o.id},
                  facts: {contract: r.contract, hours: r.hours, wage: r.wage},
                  key: elementId(r)}) AS events
}
RETURN events
