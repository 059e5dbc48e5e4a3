// Rankings cache (server/views/rankings-version.ts, server/api/answer-cache.ts): what the rankings were computed from — the
// token of each entity type's total band-count cell, rewritten at the end of every scoring
// run's area, and the time of the most recent load. Both found by index.
// params: $keys
UNWIND $keys AS key
OPTIONAL MATCH (c:BandCount {key: key})
WITH collect(coalesce(c.token, '')) AS tokens
CALL () {
  MATCH (r:LoadRun)
  WHERE r.finished_at IS NOT NULL
  RETURN r.finished_at AS loadedAt
  ORDER BY r.finished_at DESC
  LIMIT 1
  UNION ALL
  RETURN null AS loadedAt
}
WITH tokens, max(loadedAt) AS loadedAt
RETURN tokens, loadedAt.epochMillis AS loadedAt
