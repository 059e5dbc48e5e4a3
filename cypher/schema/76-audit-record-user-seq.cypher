// The audit trail filtered by user (GET /api/audit): one user's records newest first, read in
// the index's order from the cursor, so a search stops after a page however long the trail.
// params: none
CREATE INDEX audit_record_user_seq IF NOT EXISTS FOR (n:AuditRecord) ON (n.user, n.seq)
