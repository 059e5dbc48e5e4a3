// The bidirectional search against Neo4j's own allShortestPaths with the same rules, on a
// random graph in the test database (prefix `psr-t-`): a few hundred people, employers and
// addresses, a very large employer, hubs, officials and dated relations. For every pair, both
// must give exactly the same set of shortest paths (every one: the limit is above their number).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/database.js';
import { seededRng } from '../analytics/rng.js';
import type { Database } from '../db/database.js';
import {
  searchShortestPaths,
  startPathSearch,
  type PathEnd,
  type PathSearch,
} from './path-search.js';
import type { NodeLabel } from './entity-types.js';
import { defaultPathTypes } from './shortest-paths.js';

const P = 'psr-t-';

/** Neo4j's allShortestPaths with the rules of cypher/views/parts/path-level.cypher-part. */
const reference = (maxLength: number) => `
MATCH (a) WHERE elementId(a) = $from
MATCH (b) WHERE elementId(b) = $to
MATCH p = allShortestPaths((a)-[*..${maxLength}]-(b))
WHERE all(r IN relationships(p) WHERE type(r) IN $types
          AND ($asOf IS NULL OR (coalesce(r.start, r.first_seen, date($asOf)) <= date($asOf)
                                 AND coalesce(r.end, date($asOf)) >= date($asOf))))
  AND all(n IN nodes(p) WHERE n = a OR n = b
          OR (NOT ($avoidHubs AND coalesce(n.f_hub, false)) AND NOT ($hideStaff AND n:Staff)))
RETURN [n IN nodes(p) | elementId(n)] AS nodes,
       [x IN relationships(p) | elementId(startNode(x)) + '>' + elementId(endNode(x)) + ' ' +
                                type(x) + ' ' + coalesce(x.id, '')] AS edges`;

describe('searchShortestPaths against allShortestPaths (real Neo4j)', () => {
  let db: Database;
  const cypher = async (text: string, params: Record<string, unknown> = {}) =>
    (await db.driver.executeQuery(text, params, { database: db.connection.database })).records.map(
      (r) => r.toObject(),
    );

  beforeAll(async () => {
    db = await openTestDatabase();
    await cypher('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n', { p: P });
    const rng = seededRng('path-search');
    const pick = (n: number) => Math.floor(rng() * n);
    const date = () => `20${10 + pick(14)}-0${1 + pick(9)}-1${pick(9)}`;
    const jobs: Record<string, unknown>[] = [];
    for (let i = 0; i < 300; i++) {
      // Everyone works somewhere; one in three at the big employer E0; some twice.
      for (let k = 0; k < 1 + pick(2); k++) {
        const start = date();
        jobs.push({
          p: `${P}P${i}`,
          e: `${P}E${rng() < 0.35 ? 0 : 1 + pick(40)}`,
          id: `${P}J${jobs.length}`,
          start,
          end: rng() < 0.5 ? null : `${Number(start.slice(0, 4)) + 1 + pick(3)}-06-30`,
        });
      }
    }
    // Ids made here: numbers sent to Neo4j are floats, and 'P' + 1.0 is 'P1.0'.
    const homes = Array.from({ length: 300 }, (_, i) => ({
      p: `${P}P${i}`,
      a: `${P}A${pick(120)}`,
    }));
    const kin = Array.from({ length: 80 }, () => ({
      p: `${P}P${pick(300)}`,
      q: `${P}P${pick(300)}`,
    })).filter((x) => x.p !== x.q);
    await cypher(
      `UNWIND range(0, 299) AS i CREATE (:Person {id: $p + 'P' + i})
       WITH count(*) AS made
       UNWIND range(0, 40) AS i CREATE (:Employer {id: $p + 'E' + i, f_hub: i = 7})
       WITH count(*) AS made
       UNWIND range(0, 119) AS i CREATE (:Address {id: $p + 'A' + i, f_hub: i < 3})`,
      { p: P },
    );
    await cypher(
      `UNWIND $jobs AS j
       MATCH (p:Person {id: j.p}), (e:Employer {id: j.e})
       CREATE (p)-[:EMPLOYED_BY {employer: e.id, id: j.id, start: date(j.start), end: date(j.end)}]->(e)`,
      { p: P, jobs },
    );
    await cypher(
      `UNWIND $homes AS h
       MATCH (p:Person {id: h.p}), (a:Address {id: h.a})
       CREATE (p)-[:LIVES_AT]->(a)`,
      { p: P, homes },
    );
    await cypher(
      `UNWIND $kin AS k
       MATCH (p:Person {id: k.p}), (q:Person {id: k.q})
       CREATE (p)-[:HOUSEHOLD {kind: 'sibling'}]->(q)`,
      { p: P, kin },
    );
    // Two officials who are also people of the graph, each processing a few claims.
    await cypher(
      `UNWIND [0, 1] AS s
       MATCH (me:Person {id: $p + 'P' + (s * 7)})
       CREATE (st:Staff {id: $p + 'S' + s})-[:IS]->(me)
       WITH st, s
       UNWIND range(0, 4) AS c
       MATCH (claimant:Person {id: $p + 'P' + (100 + s * 50 + c * 9)})
       CREATE (claimant)-[:CLAIMED]->(:Claim {id: $p + 'C' + s + '-' + c})-[:PROCESSED_BY]->(st)`,
      { p: P },
    );
  });

  afterAll(async () => {
    await cypher('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n', { p: P });
    await db.close();
  });

  it('finds exactly the shortest paths allShortestPaths finds, under every rule', async () => {
    const rng = seededRng('path-search-pairs');
    const nodes = await cypher(
      `MATCH (n) WHERE n.id STARTS WITH $p AND (n:Person OR n:Employer)
       RETURN elementId(n) AS element, labels(n)[0] AS label, n.id AS id,
              COUNT { (n)--() } AS degree ORDER BY n.id`,
      { p: P },
    );
    const elements: PathEnd[] = nodes.map((n) => ({
      element: String(n.element),
      degree: Number(n.degree),
    }));
    const keyOf = new Map(
      nodes.map((n) => [String(n.element), { label: n.label as NodeLabel, id: String(n.id) }]),
    );
    const idOf = new Map(
      (
        await cypher('MATCH (n) WHERE n.id STARTS WITH $p RETURN elementId(n) AS e, n.id AS id', {
          p: P,
        })
      ).map((n) => [String(n.e), String(n.id)]),
    );
    const big = elements[nodes.findIndex((n) => n.id === `${P}E0`)]!;
    let compared = 0;
    let withPaths = 0;
    for (let i = 0; i < 60; i++) {
      const from = elements[Math.floor(rng() * elements.length)]!;
      // A third of the pairs end at the big employer.
      const to = i % 3 === 0 ? big : elements[Math.floor(rng() * elements.length)]!;
      if (from.element === to.element) continue;
      const search: PathSearch = {
        from,
        to,
        maxLength: 2 + (i % 4),
        types: i % 5 === 0 ? ['EMPLOYED_BY', 'LIVES_AT'] : [...defaultPathTypes],
        asOf: i % 4 === 1 ? '2018-03-15' : null,
        avoidHubs: i % 6 !== 2,
        hideStaff: i % 2 === 0,
        limit: 10_000,
      };
      const { from: f, to: t, types, asOf, avoidHubs, hideStaff } = search;
      const rules = { from: f.element, to: t.element, types, asOf, avoidHubs, hideStaff };
      const expected = await cypher(reference(search.maxLength), rules);
      const {
        paths: found,
        nodes: details,
        stopped,
      } = await db.transaction('READ', (run) => searchShortestPaths(run, search));
      expect(stopped).toBe(false);
      // The same search started from the keys, the ends looked up with its first level.
      const keyed = await db.transaction('READ', async (run) => {
        const start = await startPathSearch(
          run,
          [keyOf.get(f.element)!, keyOf.get(t.element)!],
          search,
        );
        expect(start?.from).toEqual(f);
        expect(start?.to).toEqual(t);
        // The side the search would grow first: the one with fewer relationships, `from` on a tie.
        expect(start?.firstLevel?.near).toBe(f.degree <= t.degree ? 'from' : 'to');
        return searchShortestPaths(run, { ...search, ...start });
      });
      expect(keyed).toEqual({ paths: found, nodes: details, stopped: false });
      // Each node of the paths once, with its details, in the order the paths first have it.
      expect(details.map((d) => d.element)).toEqual([...new Set(found.flatMap((p) => p.nodes))]);
      for (const d of details) expect(d.id).toBe(idOf.get(d.element));
      const asText = (nodesOf: string[], edges: string[]) => [...nodesOf, ...edges].join(' | ');
      const want = expected.map((r) => asText(r.nodes as string[], r.edges as string[])).sort();
      const got = found
        .map((f) =>
          asText(
            f.nodes,
            f.edges.map((x) => `${x.start}>${x.end} ${x.type} ${x.disc ?? ''}`),
          ),
        )
        .sort();
      expect(got, JSON.stringify(search)).toEqual(want);
      compared++;
      if (want.length > 0) withPaths++;
    }
    expect(compared).toBeGreaterThan(50);
    // The comparison means something only if many pairs are connected.
    expect(withPaths).toBeGreaterThan(25);
  });

  /**
   * 40 people paired with one employer: searches from each to it, default rules; `keyed` starts
   * from their keys (startPathSearch), the first level read with the ends.
   */
  async function towards(employer: string) {
    const pairs = await cypher(
      `MATCH (a:Person) WHERE a.id STARTS WITH $p MATCH (b:Employer {id: $p + $employer})
       RETURN elementId(a) AS a, a.id AS aId, COUNT { (a)--() } AS ad,
              elementId(b) AS b, b.id AS bId, COUNT { (b)--() } AS bd
       ORDER BY a LIMIT 40`,
      { p: P, employer },
    );
    return pairs.map(
      (pair) =>
        (options: Pick<PathSearch, 'limit' | 'budget'>, keyed = false) =>
          db.transaction('READ', async (run) => {
            const rules = {
              maxLength: 4,
              types: [...defaultPathTypes],
              asOf: null,
              avoidHubs: true,
              hideStaff: true,
              ...options,
            };
            const keys = [
              { label: 'Person', id: String(pair.aId) },
              { label: 'Employer', id: String(pair.bId) },
            ] as const;
            const ends = keyed
              ? await startPathSearch(run, keys, rules)
              : {
                  from: { element: String(pair.a), degree: Number(pair.ad) },
                  to: { element: String(pair.b), degree: Number(pair.bd) },
                };
            if (!ends) throw new Error(`no ends for ${JSON.stringify(keys)}`);
            return searchShortestPaths(run, { ...rules, ...ends });
          }),
    );
  }

  it('stops at `limit` paths, in a stable order', async () => {
    let checked = 0;
    for (const search of await towards('E0')) {
      const { paths: all } = await search({ limit: 10_000 });
      if (all.length <= 3) continue;
      expect((await search({ limit: 3 })).paths).toEqual(all.slice(0, 3));
      expect((await search({ limit: 10_000 })).paths).toEqual(all);
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });

  it('stops when its budget of relationships runs out, and says so', async () => {
    let checked = 0;
    for (const search of await towards('E5')) {
      const whole = await search({ limit: 5 });
      expect(whole.stopped).toBe(false);
      if (whole.paths.length === 0) continue;
      expect(await search({ limit: 5 }, true)).toEqual(whole);
      // A path exists, so the first level reads at least one relationship: more than 0, whether
      // it is read with the ends or after them.
      for (const keyed of [false, true]) {
        expect(await search({ limit: 5, budget: 0 }, keyed)).toEqual({
          paths: [],
          nodes: [],
          stopped: true,
        });
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });
});
