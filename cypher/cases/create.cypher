// Cases: writes a new case, its CONCERNS links carrying each entity's risk snapshot, and the
// first event of its history. The entities were read by entity-snapshots just before, in the
// same transaction.
// params: $case, $entities, $event, $at
CREATE (c:Case)
SET c = $case, c.created_at = datetime($at), c.updated_at = datetime($at), c.event_count = 1
WITH c
CALL (c) {
  UNWIND $entities AS e
  CALL (e) {
    MATCH (n:Employer {id: e.id}) WHERE e.type = 'employer' RETURN n
    UNION
    MATCH (n:Person {id: e.id}) WHERE e.type = 'person' RETURN n
    UNION
    MATCH (n:Staff {id: e.id}) WHERE e.type = 'staff' RETURN n
  }
  CREATE (c)-[:CONCERNS {score: e.score, band: e.band, model_version: e.modelVersion,
                         top_reason: e.topReason, top_reason_masked: e.maskedTopReason,
                         reasons: e.reasons, label: e.label}]->(n)
  RETURN count(*) AS linked
}
CREATE (c)-[:LOGGED]->(ev:CaseEvent)
SET ev = $event, ev.id = c.id + '/1', ev.case_id = c.id, ev.seq = 1, ev.at = datetime($at)
RETURN c.id AS id, linked
