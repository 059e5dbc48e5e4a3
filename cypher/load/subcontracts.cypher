// Subcontracting, from subcontracts.csv: (Employer)-[:SUBCONTRACTS_TO {start, end, value}]->(Employer).
// Returns the rows whose ends exist in neither the data set nor the graph.
// params: $rows
UNWIND $rows AS row
OPTIONAL MATCH (a:Employer {id: row.contractor_id})
OPTIONAL MATCH (b:Employer {id: row.subcontractor_id})
CALL (row, a, b) {
  WITH row, a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MERGE (a)-[r:SUBCONTRACTS_TO {key: row.key}]->(b)
  SET r += row.props
}
WITH row, a, b WHERE a IS NULL OR b IS NULL
RETURN row.line AS line,
       [c IN [CASE WHEN a IS NULL THEN 'contractor_id' END, CASE WHEN b IS NULL THEN 'subcontractor_id' END] WHERE c IS NOT NULL] AS missing
