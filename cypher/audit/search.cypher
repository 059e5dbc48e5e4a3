// The audit records a supervisor asks for (GET /api/audit), newest first, before a sequence
// number (the cursor), filtered by user, time, action and entity.
// params: $before, $user, $from, $to, $action, $entity, $limit
MATCH (r:AuditRecord)
WHERE r.seq < $before
  AND ($user IS NULL OR r.user = $user)
  AND ($from IS NULL OR r.at >= $from)
  AND ($to IS NULL OR r.at < $to)
  AND ($action IS NULL OR r.action = $action)
  AND ($entity IS NULL OR $entity IN r.entities)
RETURN properties(r) AS record
ORDER BY r.seq DESC
LIMIT $limit
