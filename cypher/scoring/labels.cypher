// Scoring labels: every closed inspection with an outcome (confirmed or unfounded) and its subject.
// caseId is set on the inspections written by closing a case (the feedback loop), null on loaded ones.
// params: $prefix
MATCH (i:Inspection)-[:OF]->(s)
WHERE s.id STARTS WITH $prefix AND i.closed_on IS NOT NULL AND i.outcome IN ['confirmed', 'unfounded']
RETURN i.id AS id, i.subject_type AS subjectType, s.id AS subjectId,
       toString(i.opened_on) AS openedOn, toString(i.closed_on) AS closedOn,
       i.offence AS offence, i.outcome AS outcome, i.origin AS origin, i.case_id AS caseId
ORDER BY id
