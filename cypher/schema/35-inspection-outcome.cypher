// Training reads closed inspections by outcome.
// params: none
CREATE INDEX inspection_outcome IF NOT EXISTS FOR (n:Inspection) ON (n.outcome)
