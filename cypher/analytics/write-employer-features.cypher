// Analytics write-back: one batch of features onto Employer nodes, with the run id and time. A
// null feature removes the property, so features of an earlier run do not linger. The features
// come as two plain lists, in the order of $names and of $intNames; the integers are made
// integers here. As maps of features under their names, a batch took Neo4j twice the time
// (200,000 rows: 12 s against 6), and driver Integer objects took Node three times the CPU.
// The two FOREACH lines are run with the names written out (SET n.f_x = row.values[0], …),
// which Neo4j runs in 55% of the time (server/db/analytics-queries.ts, namedFeatures).
// params: $rows, $names, $intNames, $run, $at
WITH datetime($at) AS at
UNWIND $rows AS row
MATCH (n:Employer {id: row.id})
SET n.f_run = $run, n.f_at = at
FOREACH (i IN range(0, size($names) - 1) | SET n[$names[i]] = row.values[i])
FOREACH (i IN range(0, size($intNames) - 1) | SET n[$intNames[i]] = toInteger(row.ints[i]))
