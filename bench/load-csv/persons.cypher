LOAD CSV WITH HEADERS FROM 'file:///persons.csv' AS line
CALL (line) {
  MERGE (p:Person {id: line.person_id})
  SET p.birth_year = toInteger(line.birth_year), p.sex = line.sex, p.nationality = line.nationality,
      p.region = line.region, p.municipality = line.municipality
} IN TRANSACTIONS OF $batch ROWS
