LOAD CSV WITH HEADERS FROM 'file:///residences.csv' AS line
CALL (line) {
  MATCH (a:Person {id: line.person_id})
  MATCH (b:Address {id: line.address_id})
  MERGE (a)-[r:LIVES_AT {key: coalesce(line.start_date, '')}]->(b)
  SET r.start = date(line.start_date), r.end = date(line.end_date)
} IN TRANSACTIONS OF $batch ROWS
