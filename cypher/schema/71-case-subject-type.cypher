// The control group counts cases per subject type and origin (cypher/cases/origin-counts).
// params: none
CREATE INDEX case_subject_type IF NOT EXISTS FOR (n:Case) ON (n.subject_type, n.origin)
