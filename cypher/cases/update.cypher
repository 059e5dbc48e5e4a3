// Cases: one change to a case — its new properties (version raised by $bump: comments and
// measures add to the history without changing the case itself) — and the event recording who
// made it and when; a case that is now closed gets its closing time. Runs after lock in the
// same transaction.
// params: $id, $set, $bump, $event, $at
MATCH (c:Case {id: $id})
SET c += $set, c.version = c.version + $bump, c.updated_at = datetime($at),
    c.event_count = c.event_count + 1
SET c.closed_at = CASE WHEN c.status = 'closed' THEN coalesce(c.closed_at, datetime($at)) END
WITH c
CREATE (c)-[:LOGGED]->(ev:CaseEvent)
SET ev = $event, ev.id = c.id + '/' + toString(c.event_count), ev.case_id = c.id,
    ev.seq = c.event_count, ev.at = datetime($at)
RETURN c.version AS version, ev.seq AS seq
