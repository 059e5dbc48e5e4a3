// Entity detail (server/views/entity.ts) and its older pages (entity-timeline-page.ts): the $cap
// most recent dated jobs of a giant employer (one whose jobs number more than sqrt(page × all
// jobs), as entity-employer says) on or before $before, after the position $after when given,
// found by walking every job newest first along the index on start until $cap of them are its
// own; ties in element id order, as everywhere in the timeline. The employer is matched by
// element id so the walk reads no node properties. With each job its key, where the next page
// starts.
// params: $elementId, $cap, $before, $after
MATCH (o)-[r:EMPLOYED_BY]->(e)
USING INDEX r:EMPLOYED_BY(start)
WHERE r.start <= date($before) AND elementId(e) = $elementId
  AND ($after IS NULL OR r.start < date($after.date) OR elementId(r) > $after.key)
WITH r, o
ORDER BY r.start DESC, elementId(r)
LIMIT $cap
RETURN 'job' AS kind, 'EMPLOYED_BY' AS relation,
       toString(r.start) AS date, toString(r.end) AS endDate,
       {type: 'Person', id: o.id, label: o.id} AS other,
       {contract: r.contract, hours: r.hours, wage: r.wage} AS facts,
       elementId(r) AS key
