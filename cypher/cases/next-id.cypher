// Cases: the next case number. The counter node's write lock hands numbers out one at a time
// to every server process (a unique constraint on CaseCounter.id keeps the MERGE single).
// params: none
MERGE (k:CaseCounter {id: 'cases'})
ON CREATE SET k.last = 0
SET k.last = k.last + 1
RETURN k.last AS n
