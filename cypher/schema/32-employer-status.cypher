// Analytics start from bankrupt employers.
// params: none
CREATE INDEX employer_status IF NOT EXISTS FOR (n:Employer) ON (n.status)
