// Takes one hit back (express-rate-limit's decrement: a request that is not to be counted).
// params: $key
MATCH (r:RateLimit {key: $key})
SET r.hits = CASE WHEN r.hits > 0 THEN r.hits - 1 ELSE 0 END
RETURN count(r) AS done
