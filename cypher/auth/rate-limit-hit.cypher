// Counts one hit against a rate-limit key in a fixed window that starts at the first hit; a
// window that has passed starts again. Shared by every server instance.
// params: $key, $now, $resetAt
MERGE (r:RateLimit {key: $key})
ON CREATE SET r.hits = 0, r.resetAt = $resetAt
WITH r, r.resetAt <= $now AS expired
SET r.hits = CASE WHEN expired THEN 1 ELSE r.hits + 1 END,
    r.resetAt = CASE WHEN expired THEN $resetAt ELSE r.resetAt END
RETURN r.hits AS hits, r.resetAt AS resetAt
