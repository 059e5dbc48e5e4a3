// Records that the graph has had every schema step of this version (server/db/migrate.ts, at
// the end of a migration).
// params: $names
MERGE (s:SchemaState {id: 'ringwatch'})
SET s.applied = $names
