// Declared jobs from employments.csv:
// (Person)-[:EMPLOYED_BY {id, start, end, contract, hours, wage, employer, person}]->(Employer),
// where `employer` is the employer's id again (an employer's jobs are ordered by it in an index)
// and `person` the person's (an employer's page names its workers from their jobs).
// Returns the rows whose ends exist in neither the data set nor the graph.
// params: $rows
UNWIND $rows AS row
OPTIONAL MATCH (a:Person {id: row.person_id})
OPTIONAL MATCH (b:Employer {id: row.employer_id})
CALL (row, a, b) {
  WITH row, a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MERGE (a)-[r:EMPLOYED_BY {id: row.id}]->(b)
  SET r += row.props
}
WITH row, a, b WHERE a IS NULL OR b IS NULL
RETURN row.line AS line,
       [c IN [CASE WHEN a IS NULL THEN 'person_id' END, CASE WHEN b IS NULL THEN 'employer_id' END] WHERE c IS NOT NULL] AS missing
