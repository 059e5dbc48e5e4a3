// Every stored model version, newest first.
// params: none
MATCH (m:Model)
RETURN m.version AS version, m.area AS area, m.offence AS offence, toString(m.created_at) AS createdAt,
       m.active AS active, m.body AS body
ORDER BY m.created_at DESC, m.version DESC
