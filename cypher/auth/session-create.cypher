// Opens a session after a successful login (the id is the SHA-256 of the cookie's token, so the
// database never holds a usable token), records the login, and drops this user's expired sessions.
// params: $id, $username, $now, $expiresAt
MATCH (u:User {username: $username})
SET u.lastLoginAt = $now
CREATE (s:Session {id: $id, username: $username, createdAt: $now, lastSeen: $now, expiresAt: $expiresAt})
WITH u
OPTIONAL MATCH (old:Session {username: u.username}) WHERE old.expiresAt <= $now
DETACH DELETE old
RETURN count(*) AS done
