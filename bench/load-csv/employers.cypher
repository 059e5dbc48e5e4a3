LOAD CSV WITH HEADERS FROM 'file:///employers.csv' AS line
CALL (line) {
  MERGE (e:Employer {id: line.employer_id})
  SET e.name = line.name, e.kind = line.kind, e.sector = line.sector, e.region = line.region,
      e.municipality = line.municipality, e.founded_on = date(line.founded_on),
      e.ceased_on = date(line.ceased_on), e.status = line.status,
      e.contribution_debt_eur = toFloat(line.contribution_debt_eur),
      e.declared_workers = toInteger(line.declared_workers)
} IN TRANSACTIONS OF $batch ROWS
