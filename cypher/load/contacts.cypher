// Digital traces from contacts.csv: (Person|Employer)-[:USES {first_seen}]->(Contact), the
// contact's id being "<channel>:<value_hash>". Returns the rows whose holder exists nowhere.
// params: $rows
UNWIND $rows AS row
OPTIONAL MATCH (hp:Person {id: row.holder_id}) WHERE row.holder_type = 'person'
OPTIONAL MATCH (he:Employer {id: row.holder_id}) WHERE row.holder_type = 'employer'
WITH row, coalesce(hp, he) AS holder
CALL (row, holder) {
  WITH row, holder WHERE holder IS NOT NULL
  MERGE (c:Contact {id: row.contact_id})
  SET c.channel = row.channel, c.value_hash = row.value_hash
  MERGE (holder)-[r:USES]->(c)
  SET r += row.props
}
WITH row, holder WHERE holder IS NULL
RETURN row.line AS line, ['holder_id'] AS missing
