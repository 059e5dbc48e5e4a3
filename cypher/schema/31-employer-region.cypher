// Rankings filter employers by region.
// params: none
CREATE INDEX employer_region IF NOT EXISTS FOR (n:Employer) ON (n.region)
