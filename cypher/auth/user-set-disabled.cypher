// Disables (or re-enables) an account; a disabled account's sessions end (each server notices
// within RINGWATCH_SESSION_CACHE_SECONDS).
// params: $username, $disabled
MATCH (u:User {username: $username})
SET u.disabled = $disabled
WITH u
OPTIONAL MATCH (s:Session {username: u.username}) WHERE $disabled
DETACH DELETE s
RETURN DISTINCT u.username AS username, u.disabled AS disabled
