// Accounts and their holders from accounts.csv: (Person|Employer)-[:HOLDS]->(Account).
// Returns the rows whose holder exists nowhere.
// params: $rows
UNWIND $rows AS row
OPTIONAL MATCH (hp:Person {id: row.holder_id}) WHERE row.holder_type = 'person'
OPTIONAL MATCH (he:Employer {id: row.holder_id}) WHERE row.holder_type = 'employer'
WITH row, coalesce(hp, he) AS holder
CALL (row, holder) {
  WITH row, holder WHERE holder IS NOT NULL
  MERGE (a:Account {id: row.account_id})
  MERGE (holder)-[:HOLDS]->(a)
}
WITH row, holder WHERE holder IS NULL
RETURN row.line AS line, ['holder_id'] AS missing
