// Entity detail (server/views/entity.ts): the $cap most recent jobs of a giant employer (one
// whose jobs number more than sqrt($cap × all jobs), as entity-employer says), found by walking
// every job newest first along the index on start until $cap of them are its own; ties in
// element id order, as entity-employer's. The employer is matched by element id so the walk
// reads no node properties. With each job its key, where the next page starts.
// params: $elementId, $cap
MATCH (o)-[r:EMPLOYED_BY]->(e)
USING INDEX r:EMPLOYED_BY(start)
WHERE r.start IS NOT NULL AND elementId(e) = $elementId
WITH r, o
ORDER BY r.start DESC, elementId(r)
LIMIT $cap
RETURN 'job' AS kind, 'EMPLOYED_BY' AS relation,
       toString(r.start) AS date, toString(r.end) AS endDate,
       {type: 'Person', id: o.id, label: o.id} AS other,
       {contract: r.contract, hours: r.hours, wage: r.wage} AS facts,
       elementId(r) AS key
