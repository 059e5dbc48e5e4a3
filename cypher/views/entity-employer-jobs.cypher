// Entity detail, older events (server/views/entity-timeline-page.ts): one page of an employer's
// jobs after $after ($before its date; null once among the undated), $cap at most, as the part
// employer-jobs reads them: event tuples and their keys. No row when the employer does not
// exist. The row comes as JSON text.
// params: $id, $before, $after, $cap
MATCH (n:Employer {id: $id})
// include: views/parts/employer-jobs
RETURN apoc.convert.toJson({events: jobs, keys: jobKeys}) AS json
