// Replaces an account's password; its sessions end (they were opened with the old one).
// params: $username, $passwordHash
MATCH (u:User {username: $username})
SET u.passwordHash = $passwordHash
WITH u
OPTIONAL MATCH (s:Session {username: u.username})
DETACH DELETE s
RETURN DISTINCT u.username AS username
