// API sessions (server/auth/sessions.ts), keyed by the SHA-256 of the cookie's token.
// params: none
CREATE CONSTRAINT session_id IF NOT EXISTS FOR (n:Session) REQUIRE n.id IS UNIQUE
