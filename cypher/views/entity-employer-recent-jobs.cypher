// Entity detail (server/views/entity.ts): the $cap most recent jobs of a giant employer (one
// whose jobs number more than sqrt($cap × all jobs), as entity-employer says), found by walking
// every job newest first along the index on start until $cap of them are its own. The employer
// is matched by element id so the walk reads no node properties.
// params: $elementId, $cap
MATCH (o)-[r:EMPLOYED_BY]->(e)
USING INDEX r:EMPLOYED_BY(start)
WHERE r.start IS NOT NULL AND elementId(e) = $elementId
WITH r, o
ORDER BY r.start DESC
LIMIT $cap
RETURN 'job' AS kind, 'EMPLOYED_BY' AS relation, r.start AS date, r.end AS endDate,
       {type: 'Person', id: o.id, label: o.id} AS other,
       {contract: r.contract, hours: r.hours, wage: r.wage} AS facts
