// The audit trail filtered by user (GET /api/audit).
// params: none
CREATE INDEX audit_record_user IF NOT EXISTS FOR (n:AuditRecord) ON (n.user)
