// Jobs loaded before they carried their person's id (`person`, which names an employer's
// workers on its page without reading each person) get it; nothing to do on a graph loaded since.
// params: none
MATCH (p:Person)-[r:EMPLOYED_BY]->()
WHERE r.person IS NULL
CALL (r, p) {
  SET r.person = p.id
} IN TRANSACTIONS OF 10000 ROWS
