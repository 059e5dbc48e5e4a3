// Cases: one case with the entities it concerns (their snapshot from the CONCERNS link), its
// history in order, and the inspections its closing wrote.
// params: $id
MATCH (c:Case {id: $id})
RETURN c {.*, created_at: toString(c.created_at), updated_at: toString(c.updated_at),
          closed_at: toString(c.closed_at)} AS c,
       [(c)-[r:CONCERNS]->(n) |
         {type: CASE WHEN n:Employer THEN 'employer' WHEN n:Staff THEN 'staff' ELSE 'person' END,
          id: n.id, label: coalesce(r.label, n.id), score: r.score, band: r.band,
          modelVersion: r.model_version, topReason: r.top_reason,
          maskedTopReason: r.top_reason_masked}] AS entities,
       [(c)-[:LOGGED]->(e:CaseEvent) | e {.*, at: toString(e.at)}] AS events,
       [(i:Inspection {case_id: c.id})-[:OF]->(n) |
         {id: i.id, type: i.subject_type, subjectId: n.id, outcome: i.outcome,
          offence: i.offence, recoveredEur: i.recovered_eur}] AS inspections
