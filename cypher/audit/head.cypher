// Where the audit trail ends: the last sequence number and its hash (none before the first record).
// params: none
OPTIONAL MATCH (h:AuditHead {id: 'audit'})
RETURN coalesce(h.seq, 0) AS seq, h.hash AS hash
