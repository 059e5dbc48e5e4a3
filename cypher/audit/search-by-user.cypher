// The audit records of one user (GET /api/audit?user=…): newest first, between two sequence
// numbers (as audit/search), filtered by time, action and entity. Reads the index on
// (user, seq) in its order, so it stops after $limit matches and never reads another user's
// records, however long the trail.
// params: $user, $lower, $upper, $from, $to, $action, $entity, $limit
MATCH (r:AuditRecord)
USING INDEX r:AuditRecord(user, seq)
WHERE r.user = $user AND r.seq < $upper AND r.seq >= $lower
// include: audit/parts/search-filters
RETURN properties(r) AS record
ORDER BY r.user DESC, r.seq DESC
LIMIT $limit
