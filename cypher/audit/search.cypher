// The audit records a supervisor asks for (GET /api/audit) when no user is named: newest first,
// between two sequence numbers (the cursor or the end of the time window, and the window's
// start: audit/window), filtered by time, action and entity. Reads the sequence numbers down
// and stops after $limit matches: quick for any window of time; a filter by action or entity
// that matches only rare records reads the window back to them.
// params: $lower, $upper, $from, $to, $action, $entity, $limit
MATCH (r:AuditRecord)
WHERE r.seq < $upper AND r.seq >= $lower
// include: audit/parts/search-filters
RETURN properties(r) AS record
ORDER BY r.seq DESC
LIMIT $limit
