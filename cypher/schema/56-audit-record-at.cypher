// The audit trail filtered by time (GET /api/audit).
// params: none
CREATE INDEX audit_record_at IF NOT EXISTS FOR (n:AuditRecord) ON (n.at)
