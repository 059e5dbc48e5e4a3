// Where the audit trail ends: the last sequence number and its hash (none before the first
// record), and how its times run (append-after.cypher).
// params: none
OPTIONAL MATCH (h:AuditHead {id: 'audit'})
RETURN coalesce(h.seq, 0) AS seq, h.hash AS hash, h.at AS at, h.disorder AS disorder
