// Makes one model version the active one of its area and offence; the others stay, inactive.
// params: $version
MATCH (m:Model {version: $version})
OPTIONAL MATCH (other:Model {area: m.area, offence: m.offence})
WHERE other <> m
SET other.active = false
WITH DISTINCT m
SET m.active = true
RETURN m.version AS version, m.body AS body
