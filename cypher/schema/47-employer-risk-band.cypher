// Rankings of one band (red only) read its employers through this index when they are fewer
// than a walk along the scores would pass.
// params: none
CREATE INDEX employer_risk_band IF NOT EXISTS FOR (n:Employer) ON (n.risk_band)
