// Upserts employers from employers.csv (status, debt … are updated in place).
// params: $rows
UNWIND $rows AS row
MERGE (e:Employer {id: row.id})
SET e += row.props
