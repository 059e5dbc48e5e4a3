// An employer's jobs newest first, a page at a time (cypher/views/entity-employer.cypher and
// entity-employer-jobs.cypher): each job repeats its employer's id as `employer`, so an employer
// with a hundred thousand workers shows its most recent jobs without reading all of them.
// params: none
CREATE INDEX employed_by_employer_start IF NOT EXISTS
FOR ()-[r:EMPLOYED_BY]-() ON (r.employer, r.start)
