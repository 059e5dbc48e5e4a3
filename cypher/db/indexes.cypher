// The indexes that exist and their state.
// params: none
SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state, owningConstraint
RETURN name, type, labelsOrTypes AS labels, properties, state, owningConstraint
ORDER BY name
