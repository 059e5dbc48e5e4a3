// Ends a session (logout).
// params: $id
OPTIONAL MATCH (s:Session {id: $id})
DETACH DELETE s
RETURN count(s) AS done
