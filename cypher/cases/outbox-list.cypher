// Outbox messages as supervisors see them (GET /api/cases/deliveries, `ringwatch cases
// deliveries`), newest first, filtered by status, case and event; $before is the id of the
// last message of the previous page.
// params: $status, $caseId, $event, $before, $limit
OPTIONAL MATCH (cursor:Outbox {id: $before})
WITH cursor
MATCH (o:Outbox)
WHERE ($status IS NULL OR o.status = $status)
  AND ($caseId IS NULL OR o.case_id = $caseId)
  AND ($event IS NULL OR o.event = $event)
  AND ($before IS NULL
    OR o.created_at < cursor.created_at
    OR (o.created_at = cursor.created_at AND o.id < cursor.id))
WITH o
ORDER BY o.created_at DESC, o.id DESC
LIMIT $limit
RETURN properties(o) AS outbox
