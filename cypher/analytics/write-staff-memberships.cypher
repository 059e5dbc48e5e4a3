// Analytics write-back: one batch of Staff community memberships. The old IN_COMMUNITY link is
// replaced; a null community leaves the node in none. Idempotent (the driver may retry it).
// params: $rows
UNWIND $rows AS row
MATCH (n:Staff {id: row.id})
OPTIONAL MATCH (n)-[old:IN_COMMUNITY]->(:Community)
DELETE old
WITH DISTINCT n, row
WHERE row.community IS NOT NULL
MATCH (c:Community {id: row.community})
MERGE (n)-[:IN_COMMUNITY]->(c)
