// Who runs a company, from directorships.csv: (Person)-[:DIRECTS {role, start, end}]->(Employer).
// Returns the rows whose ends exist in neither the data set nor the graph.
// params: $rows
UNWIND $rows AS row
OPTIONAL MATCH (a:Person {id: row.person_id})
OPTIONAL MATCH (b:Employer {id: row.employer_id})
CALL (row, a, b) {
  WITH row, a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MERGE (a)-[r:DIRECTS {key: row.key}]->(b)
  SET r += row.props
}
WITH row, a, b WHERE a IS NULL OR b IS NULL
RETURN row.line AS line,
       [c IN [CASE WHEN a IS NULL THEN 'person_id' END, CASE WHEN b IS NULL THEN 'employer_id' END] WHERE c IS NOT NULL] AS missing
