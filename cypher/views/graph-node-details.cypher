// Network views: what the explorer shows of each node (found by element id, within the view's
// transaction): its labels, id, risk score and band, the analytics hub flag, the display
// properties it has among a fixed list (never birth_year, sex or nationality: they are not
// read here), as [name, value] pairs, and, when $degrees, its relationships of the types in
// $types from the degree store (one lookup per type, no expansion): their sum and the largest
// per type. Only non-null values travel: the driver's decoding is most of a view's cost.
// params: $elements, $degrees, $types
UNWIND $elements AS element
MATCH (n)
WHERE elementId(n) = element
// The display properties in one map projection, then the non-null ones (n[k] per key walked the
// property chain for each key, to its end for every key a node lacks: a fifth of the CPU).
WITH element, n,
     n {.name, .kind, .sector, .region, .municipality, .status, .postcode, .unit, .office_region,
        .channel, .type, .start, .end, .offence, .outcome, .origin, .opened_on, .closed_on,
        .founded_on, .ceased_on, .declared_workers, .size, .persons, .employers} AS p,
     CASE WHEN $degrees THEN [x IN [
           ['EMPLOYED_BY', COUNT { (n)-[:EMPLOYED_BY]-() }],
           ['WORKS_FOR_CLIENT', COUNT { (n)-[:WORKS_FOR_CLIENT]-() }],
           ['DIRECTS', COUNT { (n)-[:DIRECTS]-() }],
           ['LIVES_AT', COUNT { (n)-[:LIVES_AT]-() }],
           ['SEATED_AT', COUNT { (n)-[:SEATED_AT]-() }],
           ['HOUSEHOLD', COUNT { (n)-[:HOUSEHOLD]-() }],
           ['HOLDS', COUNT { (n)-[:HOLDS]-() }],
           ['USES', COUNT { (n)-[:USES]-() }],
           ['SUBCONTRACTS_TO', COUNT { (n)-[:SUBCONTRACTS_TO]-() }],
           ['CLAIMED', COUNT { (n)-[:CLAIMED]-() }],
           ['PROCESSED_BY', COUNT { (n)-[:PROCESSED_BY]-() }],
           ['PAID_TO', COUNT { (n)-[:PAID_TO]-() }],
           ['RESTS_ON', COUNT { (n)-[:RESTS_ON]-() }],
           ['IS', COUNT { (n)-[:IS]-() }],
           ['OF', COUNT { (n)-[:OF]-() }],
           ['CONCERNS', COUNT { (n)-[:CONCERNS]-() }],
           ['IN_COMMUNITY', COUNT { (n)-[:IN_COMMUNITY]-() }]
         ] WHERE x[0] IN $types | x[1]] END AS counts
RETURN element, labels(n) AS labels, n.id AS id, n.risk_score AS score, n.risk_band AS band,
       coalesce(n.f_hub, false) AS hub,
       [k IN keys(p) WHERE p[k] IS NOT NULL | [k, p[k]]] AS props,
       reduce(sum = 0, c IN counts | sum + c) AS degree,
       reduce(most = 0, c IN counts | CASE WHEN c > most THEN c ELSE most END) AS maxTypeDegree
