// The index on a job's start alone served a giant employer's most recent jobs before the index
// on (employer, start) did; a graph that has it no longer needs it.
// params: none
DROP INDEX employed_by_start IF EXISTS
