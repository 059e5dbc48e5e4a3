// Cases: takes one case's write lock for this transaction and reads its state after taking it,
// so two changes to one case run one after the other and the second sees the first's version.
// params: $id
MATCH (c:Case {id: $id})
SET c._lock = true
REMOVE c._lock
RETURN c.id AS id, c.status AS status, c.version AS version, c.assignee AS assignee,
       c.origin AS origin, c.has_staff AS hasStaff, c.offence AS offence,
       toString(c.created_at) AS createdAt
