// Benchmark of the network views (issue #7's speed targets, p95 at 32 concurrent clients on the
// 1 M-person graph: 1-hop neighbourhood ≤ 100 ms, shortest path of ≤ 4 hops ≤ 200 ms) on the
// loaded, analysed data set of the configured database: each service timed request by request
// (one client) and then with `--clients` concurrent clients, over nodes sampled with a seeded
// generator; median, p95 and max per case; figures in bench/results/network-views.json.
//
// Cases: neighbourhood depth 1 from persons, from employers and from the biggest hubs (the
// worst case: every neighbour is read to rank them), depth 2 from persons, one page of a hub,
// shortest paths between persons a few hops apart (found by a walk) and between random persons
// (mostly no path: the search runs to its bound), and community views.
//
//   RINGWATCH_INSTANCE=net node --import tsx bench/network-views.ts [--samples 40] [--clients 32]
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import seedrandom from 'seedrandom';
import type { Viewer } from '../server/auth/roles.js';
import { loadConfig } from '../server/config.js';
import { connectionFor } from '../server/db/connection.js';
import { Database } from '../server/db/database.js';
import { projectRoot } from '../server/paths.js';
import { communityView } from '../server/views/community-view.js';
import { neighbourhood } from '../server/views/neighbourhood.js';
import { shortestPaths } from '../server/views/shortest-paths.js';

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '40' },
    clients: { type: 'string', default: '32' },
    seed: { type: 'string', default: '7' },
    out: { type: 'string', default: path.join(projectRoot, 'bench/results/network-views.json') },
  },
});
const samples = Number(values.samples);
const clients = Number(values.clients);
const rng = seedrandom(values.seed);
const viewer: Viewer = { username: 'bench', role: 'investigator' };

const db = await Database.open(await connectionFor(loadConfig().neo4j));

async function cypher(text: string, params: Record<string, unknown> = {}) {
  const result = await db.driver.executeQuery(text, params, {
    database: db.connection.database,
  });
  return result.records.map((r) => r.toObject() as Record<string, unknown>);
}

// Sampling (not timed): random persons by id (ids are P0 … P<n-1> in generated data sets),
// their employers, the biggest hubs, persons 2–4 hops away by a walk that avoids hubs.
const [{ persons }] = (await cypher('MATCH (p:Person) RETURN count(p) AS persons')) as [
  { persons: { toNumber(): number } },
];
const personCount = persons.toNumber();
const personIds = Array.from({ length: samples }, () => `P${Math.floor(rng() * personCount)}`);
const employerIds = (
  await cypher(
    `UNWIND $ids AS id MATCH (:Person {id: id})-[:EMPLOYED_BY]->(e:Employer)
     WITH id, min(e.id) AS employer RETURN employer`,
    { ids: personIds },
  )
).map((r) => String(r.employer));
const hubs = (
  await cypher(
    `CALL () { MATCH (a:Address {kind: 'domiciliation'}) RETURN a AS n, COUNT { (a)--() } AS degree
               ORDER BY degree DESC LIMIT 5
               UNION ALL
               MATCH (e:Employer) WHERE e.f_hub RETURN e AS n, COUNT { (e)--() } AS degree
               ORDER BY degree DESC LIMIT 5 }
     RETURN labels(n)[0] + ':' + n.id AS key, degree`,
  )
).map((r) => ({ key: String(r.key), degree: Number(r.degree) }));
const walks = (
  await cypher(
    `UNWIND $ids AS id
     MATCH (p:Person {id: id})
     CALL (p) {
       MATCH path = (p)-[rels*3..4]-(q:Person)
       WHERE q <> p AND all(r IN rels WHERE NOT type(r) IN ['IN_COMMUNITY', 'OF', 'CONCERNS', 'PROCESSED_BY', 'IS'])
         AND all(n IN nodes(path) WHERE NOT coalesce(n.f_hub, false) AND NOT n:Staff)
       RETURN q LIMIT 1
     }
     RETURN p.id AS from, q.id AS to`,
    { ids: personIds.slice(0, Math.min(samples, 20)) },
  )
).map((r) => ({ from: `Person:${String(r.from)}`, to: `Person:${String(r.to)}` }));
const communities = (
  await cypher(
    `UNWIND $ids AS id MATCH (:Person {id: id})-[:IN_COMMUNITY]->(c:Community)
     RETURN DISTINCT c.id AS id`,
    { ids: personIds },
  )
).map((r) => String(r.id));

interface CaseResult {
  case: string;
  requests: number;
  oneClient: { medianMs: number; p95Ms: number; maxMs: number };
  concurrent: { clients: number; medianMs: number; p95Ms: number; maxMs: number };
  meanNodes: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    medianMs: round(quantile(sorted, 0.5)),
    p95Ms: round(quantile(sorted, 0.95)),
    maxMs: round(sorted.at(-1) ?? NaN),
  };
}

async function timeCase(
  name: string,
  requests: (() => Promise<{ nodes: unknown[] }>)[],
): Promise<CaseResult> {
  if (requests.length === 0) throw new Error(`bench: no sample for ${name}`);
  for (const request of requests.slice(0, 3)) await request(); // warm the plans
  const one: number[] = [];
  let nodes = 0;
  for (const request of requests) {
    const t0 = performance.now();
    const view = await request();
    one.push(performance.now() - t0);
    nodes += view.nodes.length;
  }
  const concurrent: number[] = [];
  const queue = Array.from({ length: Math.max(requests.length, clients * 2) }, (_, i) => i);
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
        const t0 = performance.now();
        await requests[i % requests.length]!();
        concurrent.push(performance.now() - t0);
      }
    }),
  );
  const result = {
    case: name,
    requests: requests.length,
    oneClient: stats(one),
    concurrent: { clients, ...stats(concurrent) },
    meanNodes: Math.round(nodes / requests.length),
  };
  console.log(
    `${name.padEnd(44)} 1 client: median ${result.oneClient.medianMs} ms, p95 ${result.oneClient.p95Ms} ms | ${clients} clients: p95 ${result.concurrent.p95Ms} ms | ${result.meanNodes} nodes`,
  );
  return result;
}

try {
  const results: CaseResult[] = [];
  results.push(
    await timeCase(
      'neighbourhood depth 1, person',
      personIds.map((id) => () => neighbourhood(db, { nodes: `Person:${id}` }, viewer)),
    ),
    await timeCase(
      'neighbourhood depth 1, employer',
      employerIds.map((id) => () => neighbourhood(db, { nodes: `Employer:${id}` }, viewer)),
    ),
    await timeCase(
      'neighbourhood depth 1, biggest hubs',
      hubs.map((h) => () => neighbourhood(db, { nodes: h.key }, viewer)),
    ),
    await timeCase(
      'neighbourhood depth 2, person',
      personIds.map((id) => () => neighbourhood(db, { nodes: `Person:${id}`, depth: 2 }, viewer)),
    ),
    await timeCase(
      'neighbourhood depth 2, employer',
      employerIds.map(
        (id) => () => neighbourhood(db, { nodes: `Employer:${id}`, depth: 2 }, viewer),
      ),
    ),
    await timeCase(
      'hub page (50 neighbours), biggest hubs',
      hubs.map((h) => () => neighbourhood(db, { expand: h.key, page: 1 }, viewer)),
    ),
    await timeCase(
      'shortest paths, persons 3–4 hops apart',
      walks.map((w) => () => shortestPaths(db, w, viewer)),
    ),
    await timeCase(
      'shortest paths, random persons (≤ 4)',
      personIds
        .slice(0, 20)
        .map(
          (id, i) => () =>
            shortestPaths(db, { from: `Person:${id}`, to: `Person:${personIds[i + 20]}` }, viewer),
        ),
    ),
    await timeCase(
      'community view (limit 500)',
      communities.map((id) => () => communityView(db, { communityId: id }, viewer)),
    ),
  );
  const out = {
    at: new Date().toISOString(),
    persons: personCount,
    samples,
    seed: values.seed,
    hubs,
    loadAverage: (await import('node:os')).loadavg(),
    targets: { neighbourhoodDepth1P95Ms: 100, shortestPathP95Ms: 200, clients: 32 },
    results,
  };
  writeFileSync(values.out, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`written to ${values.out}`);
} finally {
  await db.close();
}
