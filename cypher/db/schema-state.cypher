// The schema steps the graph has had (none recorded before the first migration that records them).
// params: none
OPTIONAL MATCH (s:SchemaState {id: 'ringwatch'})
RETURN coalesce(s.applied, []) AS applied
