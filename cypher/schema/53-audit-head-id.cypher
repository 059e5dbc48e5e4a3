// The audit trail's head (server/audit/): the one node every append locks.
// params: none
CREATE CONSTRAINT audit_head_id IF NOT EXISTS FOR (n:AuditHead) REQUIRE n.id IS UNIQUE
