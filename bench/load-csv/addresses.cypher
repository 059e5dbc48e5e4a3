LOAD CSV WITH HEADERS FROM 'file:///addresses.csv' AS line
CALL (line) {
  MERGE (a:Address {id: line.address_id})
  SET a.postcode = line.postcode, a.municipality = line.municipality, a.region = line.region, a.kind = line.kind
} IN TRANSACTIONS OF $batch ROWS
