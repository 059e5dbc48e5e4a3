// Login attempt counters shared by every server instance (server/api/rate-limit-store.ts).
// params: none
CREATE CONSTRAINT rate_limit_key IF NOT EXISTS FOR (n:RateLimit) REQUIRE n.key IS UNIQUE
