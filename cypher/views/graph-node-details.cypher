// Network views: what the explorer shows of each node (found by element id, within the view's
// transaction): its labels, id, risk score and band, the analytics hub flag, a fixed list of
// display properties (never birth_year, sex or nationality: they are not read here) and, when
// $degrees, its degree per relationship type, read from the degree store (one lookup per type,
// no expansion; an empty map otherwise).
// params: $elements, $degrees
UNWIND $elements AS element
MATCH (n)
WHERE elementId(n) = element
RETURN element, labels(n) AS labels, n.id AS id, n.risk_score AS score, n.risk_band AS band,
       coalesce(n.f_hub, false) AS hub,
       n {.name, .kind, .sector, .region, .municipality, .status, .postcode, .unit, .office_region,
          .channel, .type, .start, .end, .offence, .outcome, .origin, .opened_on, .closed_on,
          .founded_on, .ceased_on, .declared_workers, .size, .persons, .employers} AS props,
       CASE WHEN $degrees THEN {
         EMPLOYED_BY: COUNT { (n)-[:EMPLOYED_BY]-() },
         WORKS_FOR_CLIENT: COUNT { (n)-[:WORKS_FOR_CLIENT]-() },
         DIRECTS: COUNT { (n)-[:DIRECTS]-() },
         LIVES_AT: COUNT { (n)-[:LIVES_AT]-() },
         SEATED_AT: COUNT { (n)-[:SEATED_AT]-() },
         HOUSEHOLD: COUNT { (n)-[:HOUSEHOLD]-() },
         HOLDS: COUNT { (n)-[:HOLDS]-() },
         USES: COUNT { (n)-[:USES]-() },
         SUBCONTRACTS_TO: COUNT { (n)-[:SUBCONTRACTS_TO]-() },
         CLAIMED: COUNT { (n)-[:CLAIMED]-() },
         PROCESSED_BY: COUNT { (n)-[:PROCESSED_BY]-() },
         PAID_TO: COUNT { (n)-[:PAID_TO]-() },
         RESTS_ON: COUNT { (n)-[:RESTS_ON]-() },
         IS: COUNT { (n)-[:IS]-() },
         OF: COUNT { (n)-[:OF]-() },
         CONCERNS: COUNT { (n)-[:CONCERNS]-() },
         IN_COMMUNITY: COUNT { (n)-[:IN_COMMUNITY]-() }
       } ELSE {} END AS degrees
