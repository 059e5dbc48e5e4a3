// Benchmark of the API's rankings and entity-detail services (issue #7's speed target: p95 ≤
// 50 ms at 32 concurrent clients on the 1 M-person graph), on the scored data set of the
// configured database (RINGWATCH_INSTANCE / RINGWATCH_NEO4J_BOLT_PORT, or NEO4J_URI).
//
// Per scenario: `--clients` callers each run requests back to back until `--requests` are done
// (after a warm-up that compiles the queries); latency p50, p95, p99 and max, and the way each
// page was read (rankings-plan.ts). Beside the precomputed band counts, the same filters counted
// live (a seek through the filter's index, every candidate read) show what the cells save; the
// time to write the cells is measured too. `--profile` prints PROFILE summaries (operators, db
// hits) of the queries behind representative requests. Figures go to bench/results/views.json.
//
//   node --import tsx bench/views.ts [--clients 32] [--requests 640] [--profile]
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Viewer } from '../server/auth/roles.js';
import { loadConfig } from '../server/config.js';
import { connectionFor } from '../server/db/connection.js';
import { Database } from '../server/db/database.js';
import type { QueryName } from '../server/db/queries.js';
import { projectRoot } from '../server/paths.js';
import { writeBandCounts } from '../server/scoring/band-counts.js';
import { entityDetail } from '../server/views/entity.js';
import type { RankingsQueryInput } from '../server/views/rankings-input.js';
import { planRankings, type RankingsPlan } from '../server/views/rankings-plan.js';
import { rankings } from '../server/views/rankings.js';

const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: '32' },
    requests: { type: 'string', default: '640' },
    profile: { type: 'boolean', default: false },
    'skip-counts': { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(projectRoot, 'bench', 'results', 'views.json') },
  },
});
const clients = Number(args.clients);
const requests = Number(args.requests);

const config = loadConfig();
const db = await Database.open(await connectionFor(config.neo4j));
const investigator: Viewer = { username: 'bench', role: 'investigator' };
const internal: Viewer = { username: 'bench', role: 'internal_fraud' };

const cypher = async (text: string, params: Record<string, unknown> = {}) =>
  (await db.driver.executeQuery(text, params, { database: db.connection.database })).records.map(
    (r) => r.toObject() as Record<string, unknown>,
  );
const num = (v: unknown) => Number(v);

interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}
function stats(ms: number[]): Stats {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    n: s.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(s.at(-1)!),
    mean: round(s.reduce((a, b) => a + b, 0) / s.length),
  };
}

/** `clients` callers, each running `work(i)` back to back until `total` calls are done. */
async function load(
  total: number,
  work: (i: number) => Promise<unknown>,
  callers = clients,
): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await work(i);
        times.push(performance.now() - t);
      }
    }),
  );
  return times;
}

const plans = new Map<string, number>();
const recordingPlan: typeof planRankings = (query, position, counts) => {
  const plan = planRankings(query, position, counts);
  const key = plan.read === 'seek' ? `seek:${plan.source}` : plan.read;
  plans.set(key, (plans.get(key) ?? 0) + 1);
  return plan;
};
const forcedSeek =
  (source: 'region' | 'sector' | 'score'): typeof planRankings =>
  () =>
    ({ read: 'seek', source }) satisfies RankingsPlan;

// ---- what the data set holds ---------------------------------------------------------------
const [facts] = await cypher(
  `MATCH (e:Employer) WHERE e.risk_score IS NOT NULL
   WITH count(e) AS employers
   MATCH (p:Person) WHERE p.risk_score IS NOT NULL
   WITH employers, count(p) AS persons
   MATCH (s:Staff) WHERE s.risk_score IS NOT NULL
   RETURN employers, persons, count(s) AS staff`,
);
const [regionRow] = await cypher(
  `MATCH (e:Employer) WHERE e.region IS NOT NULL
   WITH e.region AS region, count(*) AS n ORDER BY n DESC LIMIT 1 RETURN region, n`,
);
const region = String(regionRow?.region);
const [smallRow] = await cypher(
  `MATCH (e:Employer) WHERE e.region IS NOT NULL
   WITH e.region AS region, count(*) AS n ORDER BY n LIMIT 1 RETURN region`,
);
const smallRegion = String(smallRow?.region);
const employerIds = (await cypher(`MATCH (e:Employer) RETURN e.id AS id`)).map((r) => String(r.id));
const big = (
  await cypher(
    `MATCH (e:Employer) WITH e, COUNT { (e)<-[:EMPLOYED_BY]-() } AS workers
     ORDER BY workers DESC LIMIT 20 RETURN e.id AS id, workers`,
  )
).map((r) => ({ id: String(r.id), workers: num(r.workers) }));
const personIds = (
  await cypher(`MATCH (p:Person) WHERE p.id ENDS WITH '7' RETURN p.id AS id LIMIT 20000`)
).map((r) => String(r.id));
const staffIds = (await cypher(`MATCH (s:Staff) RETURN s.id AS id`)).map((r) => String(r.id));
console.log(
  `scored: ${num(facts?.employers)} employers, ${num(facts?.persons)} persons, ${num(facts?.staff)} staff; region ${region} (${num(regionRow?.n)} employers); biggest employer ${big[0]?.workers} jobs`,
);

const pick = <T>(list: readonly T[], i: number) => list[(i * 7919) % list.length]!;

// ---- band counts: the write step's cost -----------------------------------------------------
const countSeconds: Record<string, number> = {};
if (!args['skip-counts']) {
  for (const area of ['employer', 'beneficiary', 'internal'] as const) {
    const t = performance.now();
    const cells = await writeBandCounts(db, area, {
      run: 'bench-views',
      at: new Date().toISOString(),
    });
    countSeconds[area] = Math.round(performance.now() - t) / 1000;
    console.log(`band counts ${area}: ${cells} cells in ${countSeconds[area]} s`);
  }
}

// ---- deep-page cursors ------------------------------------------------------------------------
async function cursorAt(input: RankingsQueryInput, pages: number): Promise<string | undefined> {
  let cursor: string | undefined;
  for (let i = 0; i < pages; i++) {
    const page = await rankings(db, { ...input, cursor }, investigator);
    cursor = page.nextCursor ?? undefined;
    if (!cursor) break;
  }
  return cursor;
}
const deepCursor = await cursorAt({ type: 'person', region }, 20);

// ---- scenarios --------------------------------------------------------------------------------
type Scenario = [name: string, work: (i: number) => Promise<unknown>];
const rank =
  (input: RankingsQueryInput | ((i: number) => RankingsQueryInput), viewer = investigator) =>
  (i: number) =>
    rankings(db, typeof input === 'function' ? input(i) : input, viewer, recordingPlan);
const sectors = ['F', 'N', 'I', 'G', 'C', 'M'];
const offences = ['undeclared_work', 'phoenix', 'fictitious_employment', 'bogus_self_employment'];
const scenarios: Scenario[] = [
  // What any request costs here: a query that reads nothing, in its own transaction.
  ['baseline: a query that reads nothing', () => db.read('db/components', {})],
  ['rankings: employers, no filter', rank({})],
  ['rankings: employers by sector section', rank((i) => ({ sector: pick(sectors, i) }))],
  [
    'rankings: employers by sector + region + offence',
    rank((i) => ({ sector: pick(sectors, i), region, offence: pick(offences, i) })),
  ],
  [
    'rankings: employers by sector, red only',
    rank((i) => ({ sector: pick(sectors, i), band: 'red' })),
  ],
  ['rankings: employers by NACE class F41.20 + region', rank({ sector: 'F41.20', region })],
  ['rankings: employers by name', rank({ sort: 'name', region })],
  [
    'rankings: employers, text search',
    rank((i) => ({ q: pick(['bouw', 'clean', 'e1', 'constr', 'hotel'], i) })),
  ],
  ['rankings: persons, no filter', rank({ type: 'person' })],
  ['rankings: persons by region', rank({ type: 'person', region })],
  [
    'rankings: persons by region, red + orange',
    rank({ type: 'person', region, band: 'red,orange' }),
  ],
  ['rankings: persons, blue only', rank({ type: 'person', band: 'blue' })],
  [
    'rankings: persons by small region, green only',
    rank({ type: 'person', region: smallRegion, band: 'green' }),
  ],
  [
    'rankings: persons by small region, by id',
    rank({ type: 'person', region: smallRegion, sort: 'id' }),
  ],
  [
    'rankings: persons by offence',
    rank((i) => ({ type: 'person', offence: pick(['benefit_fraud', 'identity_fraud'], i) })),
  ],
  ['rankings: persons by region, page 21', rank({ type: 'person', region, cursor: deepCursor })],
  ['rankings: persons, lowest score 0.5 (counted live)', rank({ type: 'person', minScore: 0.5 })],
  ['rankings: persons by id prefix', rank((i) => ({ type: 'person', q: `p${1000 + i * 13}` }))],
  ['rankings: staff', rank({ type: 'staff' }, internal)],
  // The alternative to the cells: the same filters counted live through their index.
  [
    'live counts: employers by sector section',
    (i) => rankings(db, { sector: pick(sectors, i) }, investigator, forcedSeek('sector')),
  ],
  [
    'live counts: persons by region',
    () => rankings(db, { type: 'person', region }, investigator, forcedSeek('region')),
  ],
  [
    'live counts: persons, no filter',
    () => rankings(db, { type: 'person' }, investigator, forcedSeek('score')),
  ],
  [
    'entity: random employer',
    (i) => entityDetail(db, { type: 'employer', id: pick(employerIds, i) }, investigator),
  ],
  [
    'entity: the 20 biggest employers',
    (i) => entityDetail(db, { type: 'employer', id: big[i % big.length]!.id }, investigator),
  ],
  [
    'entity: random person',
    (i) => entityDetail(db, { type: 'person', id: pick(personIds, i) }, investigator),
  ],
  ['entity: official', (i) => entityDetail(db, { type: 'staff', id: pick(staffIds, i) }, internal)],
];

const results: Record<string, Stats & { clients: number; plans?: Record<string, number> }> = {};
for (const [name, work] of scenarios) {
  // Counting 100 k – 1 M persons live is seconds per request: one caller, a few requests.
  const heavy =
    name.startsWith('live counts: persons') || name.startsWith('rankings: persons, lowest score');
  const callers = heavy ? 1 : clients;
  const total = heavy ? 3 : requests;
  await load(Math.min(total, callers), work, callers); // warm-up: compile, fill the cache
  plans.clear();
  const s = stats(await load(total, work, callers));
  results[name] = {
    ...s,
    clients: callers,
    ...(plans.size > 0 && { plans: Object.fromEntries(plans) }),
  };
  console.log(
    `${name.padEnd(56)} p50 ${String(s.p50).padStart(7)}  p95 ${String(s.p95).padStart(7)}  p99 ${String(s.p99).padStart(7)} ms  ${plans.size > 0 ? JSON.stringify(Object.fromEntries(plans)) : ''}`,
  );
}

// ---- PROFILE ----------------------------------------------------------------------------------
const profiles: Record<string, { dbHits: number; rows: number; operators: string[] }> = {};
if (args.profile) {
  const captured: { name: QueryName; params: unknown }[] = [];
  const transaction = db.transaction.bind(db);
  const read = db.read.bind(db);
  db.transaction = (mode, work) =>
    transaction(mode, (run) =>
      work((name, params) => {
        captured.push({ name, params });
        return run(name, params);
      }),
    );
  db.read = (async (name: QueryName, params: never) => {
    captured.push({ name, params });
    return read(name, params);
  }) as typeof db.read;
  const samples: [string, () => Promise<unknown>][] = [
    [
      'employers by sector + region + offence',
      () => rankings(db, { sector: 'F', region, offence: 'undeclared_work' }, investigator),
    ],
    ['employers, sector F, red', () => rankings(db, { sector: 'F', band: 'red' }, investigator)],
    ['employers by name', () => rankings(db, { sector: 'F', sort: 'name' }, investigator)],
    ['persons by region', () => rankings(db, { type: 'person', region }, investigator)],
    [
      'persons by region, page 21',
      () => rankings(db, { type: 'person', region, cursor: deepCursor }, investigator),
    ],
    ['persons by id prefix', () => rankings(db, { type: 'person', q: 'p12' }, investigator)],
    ['employers text search', () => rankings(db, { q: 'bouw' }, investigator)],
    ['persons lowest score', () => rankings(db, { type: 'person', minScore: 0.5 }, investigator)],
    [
      'biggest employer',
      () => entityDetail(db, { type: 'employer', id: big[0]!.id }, investigator),
    ],
    ['a person', () => entityDetail(db, { type: 'person', id: personIds[0]! }, investigator)],
  ];
  const session = () => db.driver.session({ database: db.connection.database });
  for (const [label, sample] of samples) {
    captured.length = 0;
    await sample();
    for (const { name, params } of captured) {
      const parsed = (await import('../server/db/queries.js')).queries[name].params.parse(params);
      const s = session();
      try {
        const summary = await s.run(`PROFILE ${db.registry.get(name).text}`, parsed).summary();
        const operators: string[] = [];
        let dbHits = 0;
        const walkPlan = (p: {
          operatorType: string;
          dbHits: number;
          children: unknown[];
          arguments: Record<string, unknown>;
        }) => {
          dbHits += p.dbHits;
          const detail = typeof p.arguments.Details === 'string' ? p.arguments.Details : '';
          operators.push(`${p.operatorType}${detail ? ` ${detail.slice(0, 80)}` : ''}`);
          for (const c of p.children) walkPlan(c as typeof p);
        };
        walkPlan(summary.profile as never);
        const key = `${label}: ${name}`;
        profiles[key] = {
          dbHits,
          rows: summary.profile ? Number((summary.profile as { rows: number }).rows) : 0,
          operators,
        };
        const scans = operators.filter((o) => /AllNodesScan|NodeByLabelScan/.test(o));
        console.log(
          `PROFILE ${key}: ${dbHits} db hits${scans.length ? `  SCANS: ${scans.join('; ')}` : ''}`,
        );
      } finally {
        await s.close();
      }
    }
  }
  db.read = read;
  db.transaction = transaction;
}

const loadAverage = (await import('node:os')).loadavg();
await writeFile(
  args.out,
  `${JSON.stringify(
    {
      at: new Date().toISOString(),
      clients,
      requests,
      loadAverage,
      scored: {
        employers: num(facts?.employers),
        persons: num(facts?.persons),
        staff: num(facts?.staff),
      },
      bandCountSeconds: countSeconds,
      results,
      profiles,
    },
    null,
    2,
  )}\n`,
);
await db.close();
