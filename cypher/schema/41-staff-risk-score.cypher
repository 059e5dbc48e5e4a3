// Rankings sort Staff nodes by risk score (server/scoring, the API's rankings).
// params: none
CREATE INDEX staff_risk_score IF NOT EXISTS FOR (n:Staff) ON (n.risk_score)
