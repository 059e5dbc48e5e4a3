// One node records which of these schema steps the graph has had (db/schema-applied.cypher), so
// that `ringwatch serve` can refuse a graph an earlier version loaded and nobody migrated.
// params: none
CREATE CONSTRAINT schema_state_id IF NOT EXISTS FOR (n:SchemaState) REQUIRE n.id IS UNIQUE
