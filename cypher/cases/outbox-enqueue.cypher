// The transactional outbox (the webhook to other case systems): one message, written in the SAME
// write transaction as the case change that causes it, so a case change and its message are
// committed together or not at all. The dispatcher (server/cases/outbox/deliver-due.ts) POSTs
// `payload` exactly as it is, signed, to RINGWATCH_WEBHOOK_URL.
// params: $id, $event, $caseId, $payload
CREATE (o:Outbox {
  id: $id,
  event: $event,
  case_id: $caseId,
  payload: $payload,
  status: 'pending',
  attempts: 0,
  created_at: datetime(),
  next_attempt_at: datetime(),
  lease_until: null,
  last_error: null,
  last_status: null,
  delivered_at: null
})
RETURN o.id AS id
