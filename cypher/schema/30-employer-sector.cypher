// Rankings filter employers by NACE sector.
// params: none
CREATE INDEX employer_sector IF NOT EXISTS FOR (n:Employer) ON (n.sector)
