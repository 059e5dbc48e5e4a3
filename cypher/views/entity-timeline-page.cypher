// Entity detail, older events (server/views/entity-timeline-page.ts): one page of one relation
// type of an employer's or person's timeline (an official's: the person they are), continuing
// after $after in the first page's order (entity-employer, entity-person): undated last, newest
// first, then by relationship element id. $limit + 1 rows at most, so the service knows whether
// there is a page after: event tuples as entity-employer's, and their keys. No row when the
// entity does not exist; one with no events when nothing is older (the row comes as JSON
// text). Every branch is guarded by parameters only, so the others read nothing.
// An employer's jobs are not read here but by entity-employer-jobs, along their index.
// params: $type, $id, $relation, $after, $limit
CALL () {
  MATCH (n:Employer {id: $id}) WHERE $type = 'employer' RETURN n
  UNION ALL
  MATCH (n:Person {id: $id}) WHERE $type = 'person' RETURN n
  UNION ALL
  MATCH (:Staff {id: $id})-[:IS]->(n:Person) WHERE $type = 'staff' RETURN n
}
CALL (n) {
  CALL (n) {
    MATCH (o:Person)-[r:WORKS_FOR_CLIENT]->(n)
    WHERE $type = 'employer' AND $relation = 'WORKS_FOR_CLIENT'
    RETURN r, o, r.start AS date, 'client' AS kind, 'Person' AS otherType
    UNION ALL
    MATCH (o:Person)-[r:DIRECTS]->(n) WHERE $type = 'employer' AND $relation = 'DIRECTS'
    RETURN r, o, r.start AS date, 'directorship' AS kind, 'Person' AS otherType
    UNION ALL
    MATCH (n)-[r:SEATED_AT]->(o:Address) WHERE $type = 'employer' AND $relation = 'SEATED_AT'
    RETURN r, o, r.start AS date, 'seat' AS kind, 'Address' AS otherType
    UNION ALL
    MATCH (n)-[r:SUBCONTRACTS_TO]-(o:Employer)
    WHERE $type = 'employer' AND $relation = 'SUBCONTRACTS_TO'
    RETURN r, o, r.start AS date,
           CASE WHEN startNode(r) = n THEN 'subcontract' ELSE 'contractor' END AS kind,
           'Employer' AS otherType
    UNION ALL
    MATCH (n)-[r:EMPLOYED_BY]->(o:Employer) WHERE $type <> 'employer' AND $relation = 'EMPLOYED_BY'
    RETURN r, o, r.start AS date, 'job' AS kind, 'Employer' AS otherType
    UNION ALL
    MATCH (n)-[r:WORKS_FOR_CLIENT]->(o:Employer)
    WHERE $type <> 'employer' AND $relation = 'WORKS_FOR_CLIENT'
    RETURN r, o, r.start AS date, 'client' AS kind, 'Employer' AS otherType
    UNION ALL
    MATCH (n)-[r:DIRECTS]->(o:Employer) WHERE $type <> 'employer' AND $relation = 'DIRECTS'
    RETURN r, o, r.start AS date, 'directorship' AS kind, 'Employer' AS otherType
    UNION ALL
    MATCH (n)-[r:CLAIMED]->(o:Claim) WHERE $type <> 'employer' AND $relation = 'CLAIMED'
    RETURN r, o, o.start AS date, 'claim' AS kind, 'Claim' AS otherType
    UNION ALL
    MATCH (n)-[r:LIVES_AT]->(o:Address) WHERE $type <> 'employer' AND $relation = 'LIVES_AT'
    RETURN r, o, r.start AS date, 'residence' AS kind, 'Address' AS otherType
  }
  WITH r, o, date, kind, otherType, elementId(r) AS key
  WHERE $after IS NULL
     OR CASE WHEN $after.date IS NULL THEN date IS NULL AND key > $after.key
        ELSE date IS NULL OR date < date($after.date)
             OR (date = date($after.date) AND key > $after.key) END
  ORDER BY date IS NULL, date DESC, key
  LIMIT $limit + 1
  RETURN collect([
    kind, toString(date), toString(CASE $relation WHEN 'CLAIMED' THEN o.end ELSE r.end END),
    o.id, CASE otherType WHEN 'Employer' THEN coalesce(o.name, o.id) ELSE o.id END,
    CASE $relation
      WHEN 'EMPLOYED_BY' THEN [r.contract, r.hours, r.wage]
      WHEN 'WORKS_FOR_CLIENT' THEN [r.share]
      WHEN 'DIRECTS' THEN [r.role]
      WHEN 'SUBCONTRACTS_TO' THEN [r.value]
      WHEN 'CLAIMED' THEN [o.type, o.status, o.monthly_amount_eur, o.channel]
      ELSE [o.postcode, o.municipality, o.kind]
    END
  ]) AS events,
  collect(key) AS keys
}
RETURN apoc.convert.toJson({events: events, keys: keys}) AS json
