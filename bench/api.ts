// Benchmark of issue #7's speed targets through the HTTP API: p95 latency at 32 concurrent clients
// on the 1 M-person graph — rankings ≤ 50 ms, entity ≤ 50 ms, 1-hop neighbourhood ≤ 100 ms,
// shortest path (≤ 4 hops) ≤ 200 ms — with no errors. The API (createApp, as `ringwatch serve`
// builds it) runs in a child process (bench/api-server.ts) on an ephemeral loopback port, so the
// load generator does not share its event loop; a bench user signs in and autocannon sends requests
// with the session cookie, each taking the next target of the scenario (targets chosen from the
// data: bench/api-targets.ts). Side by side, scenario by scenario, the peer: the same service calls
// made in this process (no HTTP, no session check, no audit record) by as many clients, then by one
// client (the service unqueued). Two floors: `GET /bench/noop` (HTTP alone; its peer is a query
// that reads nothing) and `GET /api/auth/me` (the full stack with its session lookup, no audit; its
// peer is the session lookup, which the API's session cache mostly skips). The API runs with the
// environment's caches (server/auth/session-cache.ts, server/api/answer-cache.ts for rankings); the
// in-process peer has none. Every run is warmed up; latencies are per request (exact p95).
// autocannon drops the requests in flight when its time is up (one per connection), the in-process
// runs wait for theirs; the database is left to go quiet after each HTTP run. CPU time per request
// of the API process, this process and Neo4j, the cores other programs used and the cores the host
// took for other machines (steal) come from /proc. Figures in bench/results/api.json. Every audited
// request appends an audit record to the database's trail; the bench user is
// `bench-api-investigator` (its password is reset on each run).
//
//   RINGWATCH_INSTANCE=bulk-large RINGWATCH_NEO4J_BOLT_PORT=7771 node --import tsx bench/api.ts \
//     [--seconds 15] [--warmup 10] [--one-client 5] [--clients 32] [--seed 7] [--no-warm] \
//     [--only rankings|entity|neighbourhood|paths]
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Viewer } from '../server/auth/roles.js';
import { openDatabase } from '../server/cli/context.js';
import { loadConfig } from '../server/config.js';
import { instanceLayout } from '../server/db/embedded/layout.js';
import { projectRoot } from '../server/paths.js';
import {
  drained,
  warmPageCache,
  httpLoad,
  inProcessLoad,
  latency,
  machineCpu,
  ownCpu,
  procCpu,
  type Latency,
  type LoadRun,
} from './api-load.js';
import { startApiProcess } from './api-process.js';
import { benchSignIn, benchUser } from './bench-user.js';
import { apiScenarios, type Scenario } from './api-scenarios.js';
import { pickTargets } from './api-targets.js';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    // A new scenario's code reaches V8's optimised tiers after many requests: a person's page
    // cost the API 2.0, 1.7 and 1.5 ms of CPU in three 10 s runs after a 3 s warm-up.
    warmup: { type: 'string', default: '10' },
    'one-client': { type: 'string', default: '5' },
    clients: { type: 'string', default: '32' },
    seed: { type: 'string', default: '7' },
    'no-warm': { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string', default: path.join(projectRoot, 'bench', 'results', 'api.json') },
  },
});
const seconds = Number(args.seconds);
const warmupSeconds = Number(args.warmup);
const oneClientSeconds = Number(args['one-client']);
const clients = Number(args.clients);
const log = (line: string) => console.log(line);

const config = loadConfig();
const db = await openDatabase(config.neo4j, 'interactive');
const loadAtStart = os.loadavg();

// ---- the page cache: every node and relationship with its properties read once -------------
let warmSeconds: number | null = null;
if (!args['no-warm']) {
  warmSeconds = await warmPageCache(db);
  log(`page cache warmed in ${warmSeconds} s`);
}

// ---- the bench user, the targets, the server --------------------------------------------------
const viewer: Viewer = { username: 'bench-api-investigator', role: 'investigator' };
const password = await benchUser(db, viewer);
const picking = performance.now();
const targets = await pickTargets(db, viewer, args.seed, log);
log(`targets chosen in ${Math.round(performance.now() - picking) / 1000} s`);

const api = await startApiProcess();
const { url } = api;
const neo4jPid =
  config.neo4j.mode === 'embedded'
    ? Number(
        await readFile(instanceLayout(config.neo4j.home, config.neo4j.instance).pidFile, 'utf8'),
      )
    : NaN;
const neo4jCpu = Number.isInteger(neo4jPid) ? await procCpu(neo4jPid) : null;

const cookie = await benchSignIn(url, viewer.username, password);
const token = cookie.slice(cookie.indexOf('=') + 1);
const headers = { cookie, 'x-purpose': 'bench/api.ts' };
const sessions = { ttlMs: config.auth.sessionTtlMs, idleMs: config.auth.sessionIdleMs };

// ---- scenarios ----------------------------------------------------------------------------
const scenarios = apiScenarios({ db, viewer, targets, token, sessions }).filter(
  (s) => !args.only || s.group === 'floor' || s.group === args.only,
);

// ---- runs ---------------------------------------------------------------------------------
interface Figures extends Latency {
  rps: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  firstError: string | null;
  /** CPU ms per answered request of the API process, of this process and of Neo4j. */
  cpuMsPerRequest: { api: number; bench: number; neo4j: number | null };
  /**
   * Cores on average: busy on the whole machine, busy in processes other than these three, and
   * stolen (the host ran another machine while this one was ready to run).
   */
  cores: { machine: number; others: number; stolen: number } | null;
  /**
   * Share of the run the API's event loop spent running callbacks: near 1, its one thread is
   * what limits the rate (in-process runs: the API's server is idle).
   */
  apiEventLoopBusy: number;
  byTag?: Record<string, Latency>;
}

const machine = await machineCpu();
const clocks = async () => {
  const server = await api.usage();
  return {
    api: server.cpuMs,
    apiLoop: server.loopActiveMs,
    bench: await ownCpu(),
    neo4j: neo4jCpu ? await neo4jCpu() : null,
    machine: machine ? await machine() : null,
  };
};

async function measured(run: () => Promise<LoadRun>): Promise<Figures> {
  const before = await clocks();
  const result = await run();
  const after = await clocks();
  const n = Math.max(result.latencies.length, 1);
  const perRequest = (key: 'api' | 'bench' | 'neo4j') => {
    const [a, b] = [after[key], before[key]];
    return a === null || b === null ? null : Math.round(((a - b) / n) * 100) / 100;
  };
  const wallMs = result.seconds * 1000;
  const ours =
    after.api -
    before.api +
    after.bench -
    before.bench +
    ((after.neo4j ?? 0) - (before.neo4j ?? 0));
  const busy =
    after.machine !== null && before.machine !== null
      ? after.machine.busy - before.machine.busy
      : null;
  const stolen = (after.machine?.stolen ?? 0) - (before.machine?.stolen ?? 0);
  const round2 = (x: number) => Math.round(x * 100) / 100;
  const non2xx = Object.entries(result.statusCodes)
    .filter(([status]) => !status.startsWith('2'))
    .reduce((sum, [, count]) => sum + count, 0);
  return {
    ...latency(result.latencies),
    rps: Math.round((result.latencies.length / result.seconds) * 10) / 10,
    non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    firstError: result.firstError,
    cpuMsPerRequest: {
      api: perRequest('api')!,
      bench: perRequest('bench')!,
      neo4j: perRequest('neo4j'),
    },
    apiEventLoopBusy: round2((after.apiLoop - before.apiLoop) / wallMs),
    cores:
      busy === null
        ? null
        : {
            machine: round2(busy / wallMs),
            others: round2((busy - ours) / wallMs),
            stolen: round2(stolen / wallMs),
          },
    ...(Object.keys(result.byTag).length > 0 && {
      byTag: Object.fromEntries(
        Object.entries(result.byTag)
          .sort()
          .map(([tag, ms]) => [tag, latency(ms)]),
      ),
    }),
  };
}

const http = (scenario: Scenario, time: number) => () =>
  httpLoad({
    url,
    paths: scenario.requests.map((r) => r.path),
    headers,
    connections: clients,
    seconds: time,
  });
const direct = (scenario: Scenario, time: number) => () =>
  inProcessLoad(
    scenario.requests.map((r) => r.call),
    clients,
    time,
  );

interface ScenarioResult {
  name: string;
  group: Scenario['group'];
  targets: number;
  targetP95Ms: number | null;
  met: boolean | null;
  loadAverage: number[];
  http: Figures;
  drainSecondsAfterHttp: number;
  peer: string;
  inProcess: Figures;
  inProcessOneClient: Latency;
}
const results: ScenarioResult[] = [];
const cell = (f: Figures) =>
  `${String(f.p50).padStart(7)} ${String(f.p95).padStart(7)} ${String(f.rps).padStart(7)} ${String(f.non2xx + f.errors).padStart(4)}`;
log(
  `\n${'scenario'.padEnd(42)} ${'HTTP p50'.padStart(8)} ${'p95'.padStart(7)} ${'req/s'.padStart(7)} ${'err'.padStart(4)} |${'in-proc p50'.padStart(12)} ${'p95'.padStart(7)} ${'req/s'.padStart(7)} ${'err'.padStart(4)} | target | other load/stolen (cores) | API loop | 1 client p50 p95`,
);
for (const scenario of scenarios) {
  if (scenario.requests.length === 0) throw new Error(`bench: no target for ${scenario.name}`);
  await http(scenario, warmupSeconds)();
  await drained(db);
  const viaHttp = await measured(http(scenario, seconds));
  const drainSeconds = await drained(db);
  await direct(scenario, warmupSeconds)();
  const inProcess = await measured(direct(scenario, seconds));
  // The service alone, unqueued: one caller for a few seconds.
  const oneClient = latency(
    (
      await inProcessLoad(
        scenario.requests.map((r) => r.call),
        1,
        oneClientSeconds,
      )
    ).latencies,
  );
  const met =
    scenario.targetP95Ms === null
      ? null
      : viaHttp.p95 <= scenario.targetP95Ms && viaHttp.non2xx + viaHttp.errors === 0;
  results.push({
    name: scenario.name,
    group: scenario.group,
    targets: scenario.requests.length,
    targetP95Ms: scenario.targetP95Ms,
    met,
    loadAverage: os.loadavg(),
    http: viaHttp,
    drainSecondsAfterHttp: drainSeconds,
    peer: scenario.peer,
    inProcess,
    inProcessOneClient: oneClient,
  });
  const others = (f: Figures) =>
    f.cores ? ` ${f.cores.others.toFixed(1)}/${f.cores.stolen.toFixed(1)}` : '';
  log(
    `${scenario.name.padEnd(42)} ${cell(viaHttp)} | ${cell(inProcess).padStart(11)} | ${
      scenario.targetP95Ms === null
        ? '–'
        : `p95 ≤ ${scenario.targetP95Ms}: ${met ? 'met' : 'NOT met'}`
    } |${others(viaHttp)}${others(inProcess)} | ${Math.round(viaHttp.apiEventLoopBusy * 100)} % | ${
      oneClient.p50
    } ${oneClient.p95}`,
  );
  for (const [tag, l] of Object.entries(inProcess.byTag ?? {}))
    log(`${`  in-process, ${tag}`.padEnd(42)} p50 ${l.p50}, p95 ${l.p95} (${l.n} calls)`);
}
const loadAtEnd = os.loadavg();
log(
  `load average ${loadAtStart.map((x) => x.toFixed(1)).join(' ')} at start, ${loadAtEnd.map((x) => x.toFixed(1)).join(' ')} at end; ${os.cpus().length} cores`,
);

await writeFile(
  args.out,
  `${JSON.stringify(
    {
      at: new Date().toISOString(),
      clients,
      secondsPerRun: seconds,
      warmupSecondsPerRun: warmupSeconds,
      machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
      loadAverage: { start: loadAtStart, end: loadAtEnd },
      pageCacheWarmSeconds: warmSeconds,
      database:
        config.neo4j.mode === 'embedded'
          ? `embedded instance ${config.neo4j.instance}`
          : 'external',
      persons: targets.persons.total,
      targetsChosen: {
        redSectors: targets.redSectors,
        regions: targets.regions,
        searchTerms: targets.searchTerms,
        pairs: targets.pairs,
        pairsByHops: targets.pairs.reduce<Record<string, number>>(
          (acc, p) => ({ ...acc, [p.hops]: (acc[p.hops] ?? 0) + 1 }),
          {},
        ),
      },
      results,
    },
    null,
    2,
  )}\n`,
);
log(`written to ${path.relative(process.cwd(), args.out)}`);
api.stop();
await db.close();
