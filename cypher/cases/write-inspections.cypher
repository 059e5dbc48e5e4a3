// Cases: a closed case's outcome becomes one inspection per entity it concerns — the labels
// `ringwatch train` learns from — with the case's origin and the risk snapshot that chose it.
// MERGEd by id, so a retried transaction writes each once.
// params: $rows
UNWIND $rows AS row
CALL (row) {
  MATCH (n:Employer {id: row.subjectId}) WHERE row.subjectType = 'employer' RETURN n
  UNION
  MATCH (n:Person {id: row.subjectId}) WHERE row.subjectType = 'person' RETURN n
  UNION
  MATCH (n:Staff {id: row.subjectId}) WHERE row.subjectType = 'staff' RETURN n
}
MERGE (i:Inspection {id: row.id})
SET i.subject_type = row.subjectType, i.subject_id = row.subjectId,
    i.opened_on = date(row.openedOn), i.closed_on = date(row.closedOn),
    i.offence = row.offence, i.outcome = row.outcome, i.origin = row.origin,
    i.recovered_eur = row.recoveredEur, i.case_id = row.caseId,
    i.snapshot_band = row.band, i.snapshot_score = row.score, i.snapshot_model = row.model
MERGE (i)-[:OF]->(n)
RETURN count(i) AS written
