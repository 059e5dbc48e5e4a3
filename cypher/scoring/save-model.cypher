// Stores one trained model version (server/scoring/model-store.ts); the body is its JSON.
// params: $version, $area, $offence, $createdAt, $body
CREATE (m:Model {version: $version, area: $area, offence: $offence, created_at: datetime($createdAt),
                 body: $body, active: false})
RETURN m.version AS version
