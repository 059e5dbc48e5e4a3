// Upserts persons from persons.csv; contract properties are replaced (a null removes one),
// features and scores are left alone.
// params: $rows
UNWIND $rows AS row
MERGE (p:Person {id: row.id})
SET p += row.props
