// Rankings of one band (red only) read its persons through this index when they are fewer than
// a walk along the scores would pass.
// params: none
CREATE INDEX person_risk_band IF NOT EXISTS FOR (n:Person) ON (n.risk_band)
