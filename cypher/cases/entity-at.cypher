// Cases: the entity of a type at a random position $offset (drawn by the control group), with
// whether an open case already concerns it.
// params: $type, $offset
CALL () {
  MATCH (n:Employer) WHERE $type = 'employer' RETURN n SKIP $offset LIMIT 1
  UNION
  MATCH (n:Person) WHERE $type = 'person' RETURN n SKIP $offset LIMIT 1
  UNION
  MATCH (n:Staff) WHERE $type = 'staff' RETURN n SKIP $offset LIMIT 1
}
RETURN n.id AS id,
       EXISTS { MATCH (c:Case)-[:CONCERNS]->(n) WHERE c.status <> 'closed' } AS open
