// The case queue lists cases by status.
// params: none
CREATE INDEX case_status IF NOT EXISTS FOR (n:Case) ON (n.status)
