// Rankings sort Employer nodes by risk score (server/scoring, the API's rankings).
// params: none
CREATE INDEX employer_risk_score IF NOT EXISTS FOR (n:Employer) ON (n.risk_score)
