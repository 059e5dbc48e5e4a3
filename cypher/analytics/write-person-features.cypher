// Analytics write-back: one batch of features onto Person nodes, with the run id and time. A
// null feature removes the property, so features of an earlier run do not linger. Integer
// features come as a list, in the order of $intNames, and are made integers here: as driver
// Integer objects under their names they took Node three times the CPU of the whole row.
// params: $rows, $intNames, $run, $at
UNWIND $rows AS row
MATCH (n:Person {id: row.id})
SET n += row.features, n.f_run = $run, n.f_at = datetime($at)
FOREACH (i IN range(0, size($intNames) - 1) | SET n[$intNames[i]] = toInteger(row.ints[i]))
