// The user behind a session, if the session is live (not past its expiry, not idle too long)
// and the account is enabled. The role is read from the account, so a change applies with the
// next lookup (server/auth/session-cache.ts: within RINGWATCH_SESSION_CACHE_SECONDS).
// params: $id, $now, $idleSince
MATCH (s:Session {id: $id})
WHERE s.expiresAt > $now AND s.lastSeen > $idleSince
MATCH (u:User {username: s.username})
WHERE NOT u.disabled
RETURN u.username AS username, u.role AS role, s.lastSeen AS lastSeen, s.expiresAt AS expiresAt
