// Upserts addresses from addresses.csv.
// params: $rows
UNWIND $rows AS row
MERGE (a:Address {id: row.id})
SET a += row.props
