// The audit trail (server/audit/): one record per sequence number, so two appenders can
// never both write record n (a lost update fails its transaction instead of forking the chain).
// params: none
CREATE CONSTRAINT audit_record_seq IF NOT EXISTS FOR (n:AuditRecord) REQUIRE n.seq IS UNIQUE
