// The audit records of one user (GET /api/audit?user=…): newest first, before a sequence
// number (the cursor), filtered by time, action and entity. Reads the index on (user, seq) in
// its order from the cursor down, so it stops after $limit matches and never reads another
// user's records, however long the trail.
// params: $user, $before, $from, $to, $action, $entity, $limit
MATCH (r:AuditRecord)
USING INDEX r:AuditRecord(user, seq)
WHERE r.user = $user AND r.seq < $before
// include: audit/parts/search-filters
RETURN properties(r) AS record
ORDER BY r.user DESC, r.seq DESC
LIMIT $limit
