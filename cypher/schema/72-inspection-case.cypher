// A case's inspections are found by its id (cypher/cases/detail.cypher).
// params: none
CREATE INDEX inspection_case IF NOT EXISTS FOR (n:Inspection) ON (n.case_id)
