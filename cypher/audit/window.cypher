// The sequence numbers of an audit search's time window (server/audit/search-audit.ts), as
// `lower` (the first that can be in it) and `upper` (past the last: the cursor $before, or
// sooner): one seek each on the records' time (audit_record_at) instead of reading the trail
// back from its head. $windowStart and $windowEnd are the window's start and end, each widened
// by the most any record was stamped before one it follows (null: no bound on that side). A
// record stamped before $windowStart comes before every record of the window, one stamped at or
// after $windowEnd after every one (else the trail would run further out of order than that).
// params: $windowStart, $windowEnd, $before
CALL () {
  OPTIONAL MATCH (b:AuditRecord) WHERE b.at < $windowStart
  WITH b ORDER BY b.at DESC LIMIT 1
  RETURN coalesce(b.seq + 1, 0) AS lower
}
CALL () {
  OPTIONAL MATCH (b:AuditRecord) WHERE b.at >= $windowEnd
  WITH b ORDER BY b.at LIMIT 1
  RETURN CASE WHEN b.seq < $before THEN b.seq ELSE $before END AS upper
}
RETURN lower, upper
