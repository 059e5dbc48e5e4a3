LOAD CSV WITH HEADERS FROM 'file:///accounts.csv' AS line
CALL (line) {
  OPTIONAL MATCH (hp:Person {id: line.holder_id}) WHERE line.holder_type = 'person'
  OPTIONAL MATCH (he:Employer {id: line.holder_id}) WHERE line.holder_type = 'employer'
  WITH line, coalesce(hp, he) AS holder WHERE holder IS NOT NULL
  MERGE (a:Account {id: line.account_id})
  MERGE (holder)-[:HOLDS]->(a)
} IN TRANSACTIONS OF $batch ROWS
