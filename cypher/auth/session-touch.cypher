// Marks a session as used now (keeps an active session from idling out).
// params: $id, $now
MATCH (s:Session {id: $id})
SET s.lastSeen = $now
RETURN count(s) AS done
