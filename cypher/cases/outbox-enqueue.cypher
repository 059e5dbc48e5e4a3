// Cases: puts one webhook message in the outbox, in the same transaction as the case change
// it announces (a transactional outbox: the message exists if and only if the change does).
// params: $id, $event, $caseId, $payload
CREATE (o:Outbox {id: $id, event: $event, case_id: $caseId, payload: $payload,
                  status: 'pending', attempts: 0, created_at: datetime(),
                  next_attempt_at: datetime(), lease_until: null, last_error: null,
                  last_status: null, delivered_at: null})
RETURN o.id AS id
