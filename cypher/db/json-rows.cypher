// Whether the server can send rows as JSON text (APOC Core's apoc.convert.toJson: the large
// rows of the views come that way, server/db/query-def.ts); `ringwatch serve` asks at start-up.
// params: none
RETURN apoc.convert.toJson({ok: true}) AS json
