// Cases: the entity of a type at a random position $offset among ids starting with $scope
// (drawn by the control group, in id order along the id index), with whether an open case
// already concerns it.
// params: $type, $scope, $offset
CALL () {
  MATCH (n:Employer) WHERE $type = 'employer' AND n.id STARTS WITH $scope
  RETURN n ORDER BY n.id SKIP $offset LIMIT 1
  UNION
  MATCH (n:Person) WHERE $type = 'person' AND n.id STARTS WITH $scope
  RETURN n ORDER BY n.id SKIP $offset LIMIT 1
  UNION
  MATCH (n:Staff) WHERE $type = 'staff' AND n.id STARTS WITH $scope
  RETURN n ORDER BY n.id SKIP $offset LIMIT 1
}
RETURN n.id AS id,
       EXISTS { MATCH (c:Case)-[:CONCERNS]->(n) WHERE c.status <> 'closed' } AS open
