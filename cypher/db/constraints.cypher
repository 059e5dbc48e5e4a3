// The uniqueness constraints and indexes that exist, for `ringwatch db migrate` and its tests.
// params: none
SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties
RETURN name, type, labelsOrTypes AS labels, properties
ORDER BY name
