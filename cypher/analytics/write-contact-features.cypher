// Analytics write-back: one batch of features onto Contact nodes, with the run id and time. A
// null feature removes the property, so features of an earlier run do not linger.
// params: $rows, $run, $at
UNWIND $rows AS row
MATCH (n:Contact {id: row.id})
SET n += row.features, n += row.intFeatures, n.f_run = $run, n.f_at = datetime($at)
