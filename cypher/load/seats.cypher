// Registered or operating seats, from seats.csv: (Employer)-[:SEATED_AT {start, end}]->(Address).
// Returns the rows whose ends exist in neither the data set nor the graph.
// params: $rows
UNWIND $rows AS row
OPTIONAL MATCH (a:Employer {id: row.employer_id})
OPTIONAL MATCH (b:Address {id: row.address_id})
CALL (row, a, b) {
  WITH row, a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MERGE (a)-[r:SEATED_AT {key: row.key}]->(b)
  SET r += row.props
}
WITH row, a, b WHERE a IS NULL OR b IS NULL
RETURN row.line AS line,
       [c IN [CASE WHEN a IS NULL THEN 'employer_id' END, CASE WHEN b IS NULL THEN 'address_id' END] WHERE c IS NOT NULL] AS missing
