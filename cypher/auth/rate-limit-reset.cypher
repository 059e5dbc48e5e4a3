// Forgets a rate-limit key.
// params: $key
OPTIONAL MATCH (r:RateLimit {key: $key})
DELETE r
RETURN count(r) AS done
