// The audit records after a sequence number, in order: what `ringwatch audit verify` walks.
// params: $after, $limit
MATCH (r:AuditRecord)
WHERE r.seq > $after
RETURN properties(r) AS record
ORDER BY r.seq
LIMIT $limit
