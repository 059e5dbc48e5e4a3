// An employer with a hundred thousand jobs shows its most recent ones by walking this index
// newest first (cypher/views/entity-employer.cypher) instead of reading every job it has.
// params: none
CREATE INDEX employed_by_start IF NOT EXISTS FOR ()-[r:EMPLOYED_BY]-() ON (r.start)
