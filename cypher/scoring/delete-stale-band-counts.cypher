// Band counts: removes a type's cells that the latest write did not touch (combinations that no
// longer occur). Keys start with the type, so the key constraint's index finds them.
// params: $prefix, $token
MATCH (c:BandCount)
WHERE c.key STARTS WITH $prefix AND c.token <> $token
DELETE c
