// The dispatcher looks for pending outbox messages that are due (status, then next_attempt_at).
// params: none
CREATE INDEX outbox_status_next_attempt IF NOT EXISTS FOR (n:Outbox) ON (n.status, n.next_attempt_at)
