LOAD CSV WITH HEADERS FROM 'file:///households.csv' AS line
CALL (line) {
  MATCH (a:Person {id: line.person_id})
  MATCH (b:Person {id: line.other_person_id})
  MERGE (a)-[r:HOUSEHOLD]-(b)
  SET r.kind = line.kind
} IN TRANSACTIONS OF $batch ROWS
