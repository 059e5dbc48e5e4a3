// Jobs loaded before they carried their employer's id (`employer`, which the index on
// (employer, start) orders an employer's jobs by) get it; nothing to do on a graph loaded since.
// params: none
MATCH ()-[r:EMPLOYED_BY]->(e:Employer)
WHERE r.employer IS NULL
CALL (r, e) {
  SET r.employer = e.id
} IN TRANSACTIONS OF 10000 ROWS
