// Analytics write-back: one batch of Community nodes with their size and make-up.
// params: $rows, $run, $at
UNWIND $rows AS row
MERGE (c:Community {id: row.id})
SET c.size = row.size, c.persons = row.persons, c.employers = row.employers, c.staff = row.staff,
    c.run = $run, c.at = datetime($at)
