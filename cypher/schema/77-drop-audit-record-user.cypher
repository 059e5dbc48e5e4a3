// The index on an audit record's user alone, which the search never used (it scanned the
// sequence numbers and filtered); a graph that has it no longer needs it.
// params: none
DROP INDEX audit_record_user IF EXISTS
