// What bench/api.ts asks for, chosen from the data by query (never hard-coded ids): employers in
// the red band and employers people work for, random and highest-risk persons, the NACE sections
// and regions that hold the most red employers, words of employer names to search for, cursors
// of later pages, and pairs of nodes 2–4 relationships apart for shortest paths (found by a walk
// over small-degree nodes, their distance then measured with the shortest-paths service itself).
import seedrandom from 'seedrandom';
import type { Viewer } from '../server/auth/roles.js';
import type { Database } from '../server/db/database.js';
import type { RankingsQueryInput } from '../server/views/rankings-input.js';
import { rankings } from '../server/views/rankings.js';
import { defaultPathTypes, shortestPaths } from '../server/views/shortest-paths.js';

export interface PathPair {
  from: string;
  to: string;
  hops: number;
}

export interface Targets {
  persons: { total: number; random: string[]; highRisk: string[] };
  employers: { red: string[]; ofPersons: string[] };
  redSectors: string[];
  regions: string[];
  searchTerms: string[];
  /** Query strings of later pages (page 2–4) of unfiltered rankings, cursor included. */
  laterPages: Record<string, string>[];
  pairs: PathPair[];
}

type Row = Record<string, unknown>;

export async function pickTargets(
  db: Database,
  viewer: Viewer,
  seed: string,
  log: (line: string) => void,
): Promise<Targets> {
  const rng = seedrandom(seed);
  const cypher = async (text: string, params: Row = {}) =>
    (await db.driver.executeQuery(text, params, { database: db.connection.database })).records.map(
      (r) => r.toObject(),
    );
  const sample = <T>(list: readonly T[], n: number): T[] => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  };
  const ids = (rows: Row[], key = 'id') => rows.map((r) => String(r[key]));

  const [count] = await cypher('MATCH (p:Person) RETURN count(p) AS n');
  const total = Number(count?.n);
  // Generated ids are P0 … P<n-1>; the lookup keeps only those that exist.
  const randomPersons = ids(
    await cypher('UNWIND $ids AS id MATCH (p:Person {id: id}) RETURN p.id AS id', {
      ids: Array.from({ length: 120 }, () => `P${Math.floor(rng() * total)}`),
    }),
  );
  const highRisk = ids(
    await cypher(
      `MATCH (p:Person) WHERE p.risk_score IS NOT NULL
       RETURN p.id AS id ORDER BY p.risk_score DESC, p.id LIMIT 40`,
    ),
  );
  const red = await cypher(
    `MATCH (e:Employer) WHERE e.risk_band = 'red'
     RETURN e.id AS id, e.name AS name, left(e.sector, 1) AS section`,
  );
  const ofPersons = ids(
    await cypher(
      `UNWIND $ids AS id MATCH (:Person {id: id})-[:EMPLOYED_BY]->(e:Employer)
       WITH id, min(e.id) AS employer RETURN employer`,
      { ids: randomPersons.slice(0, 60) },
    ),
    'employer',
  );
  const sectionCounts = new Map<string, number>();
  for (const r of red)
    sectionCounts.set(String(r.section), (sectionCounts.get(String(r.section)) ?? 0) + 1);
  const redSectors = [...sectionCounts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([s]) => s);
  const regions = ids(
    await cypher(
      `MATCH (e:Employer) WHERE e.risk_band = 'red'
       RETURN e.region AS region, count(*) AS n ORDER BY n DESC`,
    ),
    'region',
  );
  const words = new Set<string>();
  for (const r of sample(red, 60)) {
    for (const w of (typeof r.name === 'string' ? r.name : '').toLowerCase().split(/[^\p{L}]+/u))
      if (w.length >= 4) words.add(w);
  }
  const searchTerms = sample([...words], 16);

  const laterPages: Record<string, string>[] = [];
  for (const type of ['employer', 'person'] as const) {
    let cursor: string | undefined;
    for (let page = 2; page <= 4; page++) {
      const query: RankingsQueryInput = { type, ...(cursor && { cursor }) };
      cursor = (await rankings(db, query, viewer)).nextCursor ?? undefined;
      if (!cursor) break;
      laterPages.push({ type, cursor });
    }
  }

  // The walks draw from a generator of their own, so that the samples taken after this one (the
  // red employers) do not depend on how many steps the walks took.
  const pairs = await pickPairs(db, viewer, seedrandom(`${seed}:pairs`), cypher, [
    ...highRisk,
    ...sample(randomPersons, 60),
  ]);
  const byHops = Object.entries(
    pairs.reduce<Record<number, number>>(
      (acc, p) => ({ ...acc, [p.hops]: (acc[p.hops] ?? 0) + 1 }),
      {},
    ),
  );
  log(
    `targets: ${randomPersons.length} random + ${highRisk.length} high-risk persons, ${red.length} red employers (sections ${redSectors.join(', ')}), ${regions.length} regions, ${searchTerms.length} search words, ${pairs.length} path pairs (hops: ${byHops.map(([h, n]) => `${h}×${n}`).join(', ')})`,
  );
  return {
    persons: { total, random: randomPersons, highRisk },
    employers: { red: sample(ids(red), 60), ofPersons },
    redSectors,
    regions,
    searchTerms,
    laterPages,
    pairs,
  };
}

/**
 * Pairs 2–4 relationships apart: two steps of two relationships each (through nodes of at most
 * 60 links, never an official), start to middle and middle to end, each along one of those
 * paths drawn uniformly (a node reached by more of them more likely); the service then measures
 * the real distance (often shorter: unflagged hubs are shortcuts) and pairs outside 2–4 are
 * dropped.
 */
async function pickPairs(
  db: Database,
  viewer: Viewer,
  rng: () => number,
  cypher: (text: string, params?: Row) => Promise<Row[]>,
  starts: string[],
): Promise<PathPair[]> {
  const types = defaultPathTypes.filter((t) => t !== 'PROCESSED_BY' && t !== 'IS');
  // Each step to the end of one of the paths of two relationships, drawn uniformly by the seeded
  // generator over them in the order of their ends' ids (not Cypher's rand(), which drew from the
  // same paths), in the order of the keys: the same pairs every run on the same data.
  const walk = async (keys: string[]) =>
    new Map(
      (
        await cypher(
          `UNWIND $steps AS step
           WITH step, split(step.key, ':') AS part
           CALL (part) {
             MATCH (p:Person {id: part[1]}) WHERE part[0] = 'Person' RETURN p
             UNION
             MATCH (p:Employer {id: part[1]}) WHERE part[0] = 'Employer' RETURN p
           }
           CALL (p, step) {
             MATCH path = (p)-[rels*2]-(q)
             WHERE (q:Person OR q:Employer) AND q <> p
               AND all(r IN rels WHERE type(r) IN $types)
               AND all(n IN nodes(path)[1..-1] WHERE NOT n:Staff AND COUNT { (n)--() } <= 60)
             WITH q ORDER BY labels(q)[0], q.id
             WITH collect(q) AS reached
             WITH reached[toInteger(step.draw * size(reached))] AS q WHERE q IS NOT NULL
             RETURN q
           }
           RETURN step.key AS from, labels(q)[0] + ':' + q.id AS to`,
          { steps: keys.map((key) => ({ key, draw: rng() })), types },
        )
      ).map((r) => [String(r.from), String(r.to)] as const),
    );
  const keys = [...new Set(starts)].map((id) => `Person:${id}`);
  const first = await walk(keys);
  const second = await walk([...new Set(first.values())].sort());
  const pairs: PathPair[] = [];
  for (const from of keys) {
    const middle = first.get(from);
    const to = middle === undefined ? undefined : second.get(middle);
    if (to === undefined || to === from) continue;
    const view = await shortestPaths(db, { from, to }, viewer);
    const hops = (view.paths[0]?.length ?? 0) - 1;
    if (hops >= 2 && hops <= 4) pairs.push({ from, to, hops });
  }
  return pairs;
}
