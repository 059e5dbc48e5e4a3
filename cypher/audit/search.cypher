// The audit records a supervisor asks for (GET /api/audit) when no user is named: newest first,
// before a sequence number (the cursor), filtered by time, action and entity. Reads the
// sequence numbers down from the cursor and stops after $limit matches: quick for recent
// activity; a filter that matches only old or rare records reads the trail back to them.
// params: $before, $from, $to, $action, $entity, $limit
MATCH (r:AuditRecord)
WHERE r.seq < $before
// include: audit/parts/search-filters
RETURN properties(r) AS record
ORDER BY r.seq DESC
LIMIT $limit
