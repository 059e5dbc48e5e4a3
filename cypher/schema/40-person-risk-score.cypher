// Rankings sort Person nodes by risk score (server/scoring, the API's rankings).
// params: none
CREATE INDEX person_risk_score IF NOT EXISTS FOR (n:Person) ON (n.risk_score)
