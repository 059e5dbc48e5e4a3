LOAD CSV WITH HEADERS FROM 'file:///staff.csv' AS line
CALL (line) {
  MERGE (s:Staff {id: line.staff_id})
  SET s.unit = line.unit, s.office_region = line.office_region
  WITH s, line
  MATCH (p:Person {id: line.person_id})
  MERGE (s)-[:IS]->(p)
} IN TRANSACTIONS OF $batch ROWS
