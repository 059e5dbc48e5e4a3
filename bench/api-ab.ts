// A change to the API measured side by side: this checkout's API and another's (a git worktree
// of the code before, its node_modules linked to these) run at once, and the load of each
// scenario alternates between them in short slices, each first in half of them. This machine's
// speed drifts by up to three times within a day and a run that comes second in a pair tends to
// be slower (bench/README.md); slices a few seconds long, alternating, put that drift on both
// alike. Prints, per scenario, the median of each side's slices (requests/s, p95, CPU a request
// of its API process and of Neo4j) and the median of the per-slice ratio of requests/s
// (`bench/results/api-ab.json`).
//
//   git worktree add --detach ../before <commit> && ln -s "$PWD/node_modules" ../before/
//   RINGWATCH_INSTANCE=bulk-large RINGWATCH_NEO4J_BOLT_PORT=7771 \
//     node --import tsx bench/api-ab.ts --against ../before [--only entity,neighbourhood] [--slices 10]
//
// A change to Neo4j (its JVM's flags, a setting) is measured the same way with two embedded
// servers on copies of one graph, both running: `--other-instance NAME --other-port PORT` gives
// the other side's API that instance (under the same RINGWATCH_HOME; without --against, both
// sides run this checkout's API). Each side's Neo4j CPU is its own server's; both page caches
// are warmed. Start the two servers at once, and swap what differs between them for a second
// run: the side a change is on then cancels out of the two runs' ratios.
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Viewer } from '../server/auth/roles.js';
import { openDatabase } from '../server/cli/context.js';
import { loadConfig, type EmbeddedNeo4j } from '../server/config.js';
import { instanceLayout } from '../server/db/embedded/layout.js';
import { median } from '../server/analytics/hubs.js';
import { projectRoot } from '../server/paths.js';
import type { Database } from '../server/db/database.js';
import { drained, httpLoad, latency, procCpu, warmPageCache, type CpuClock } from './api-load.js';
import { startApiProcess, type ApiProcess } from './api-process.js';
import { benchSignIn, benchUser } from './bench-user.js';
import { apiScenarios } from './api-scenarios.js';
import { pickTargets } from './api-targets.js';

const { values: args } = parseArgs({
  options: {
    against: { type: 'string' },
    'other-instance': { type: 'string' },
    'other-port': { type: 'string' },
    only: { type: 'string' },
    slices: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '4' },
    clients: { type: 'string', default: '32' },
    seed: { type: 'string', default: '7' },
    'no-warm': { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(projectRoot, 'bench', 'results', 'api-ab.json') },
  },
});
const otherInstance = args['other-instance'];
if (!args.against && !otherInstance) {
  console.error(
    'bench/api-ab.ts: --against <the other checkout> or --other-instance <an embedded instance> is required (see its header)',
  );
  process.exit(2);
}
const otherPort = Number(args['other-port']);
if (otherInstance && !(Number.isInteger(otherPort) && otherPort > 0 && otherPort < 65536)) {
  console.error(
    `bench/api-ab.ts: --other-instance needs --other-port, the Bolt port it was started on (not ${args['other-port']})`,
  );
  process.exit(2);
}
const other = args.against ? path.resolve(args.against) : projectRoot;
const slices = Number(args.slices);
const seconds = Number(args.seconds);
const clients = Number(args.clients);
// An even count of slices: each side goes first in half of them.
if (!(Number.isInteger(slices) && slices >= 2 && slices % 2 === 0)) {
  console.error(
    `bench/api-ab.ts: --slices must be an even whole number of 2 or more, not ${args.slices}`,
  );
  process.exit(2);
}
for (const [name, value] of [
  ['seconds', seconds],
  ['clients', clients],
] as const) {
  if (!(Number.isInteger(value) && value > 0)) {
    console.error(`bench/api-ab.ts: --${name} must be a whole number above 0, not ${args[name]}`);
    process.exit(2);
  }
}
const commitOf = (dir: string) =>
  execFileSync('git', ['-C', dir, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();

const config = loadConfig();
if (config.neo4j.mode !== 'embedded') {
  console.error('bench/api-ab.ts: needs the embedded database (it reads Neo4j’s CPU time)');
  process.exit(2);
}
// Both servers on this checkout's database: the other's own default home is its own folder.
process.env.RINGWATCH_HOME ??= config.neo4j.home;
const viewer: Viewer = { username: 'bench-api-investigator', role: 'investigator' };

/** A Neo4j server the sides' APIs use, set up once however many sides share it. */
interface Neo4jEnd {
  db: Database;
  neo4jCpu: CpuClock;
  /** The bench user's; set once a database, since setting it again ends earlier sessions. */
  password: string;
  /** What an API process needs in its environment to use this server. */
  env: Record<string, string>;
}
async function openEnd(settings: EmbeddedNeo4j, env: Record<string, string>) {
  const db = await openDatabase(settings, 'interactive');
  const pid = Number(
    await readFile(instanceLayout(settings.home, settings.instance).pidFile, 'utf8'),
  );
  const neo4jCpu = await procCpu(pid);
  if (!neo4jCpu) throw new Error(`bench/api-ab.ts: cannot read the CPU time of Neo4j (${pid})`);
  // A database just started would be slower for the first scenario than for the others.
  if (!args['no-warm']) {
    console.log(`${settings.instance}: page cache warmed in ${await warmPageCache(db)} s`);
  }
  return { db, neo4jCpu, password: await benchUser(db, viewer), env } satisfies Neo4jEnd;
}
const thisEnd = await openEnd(config.neo4j, {});
const otherEnd = otherInstance
  ? await openEnd(
      { ...config.neo4j, instance: otherInstance, boltPort: otherPort },
      { RINGWATCH_INSTANCE: otherInstance, RINGWATCH_NEO4J_BOLT_PORT: String(otherPort) },
    )
  : thisEnd;
const db = thisEnd.db;
const targets = await pickTargets(db, viewer, args.seed, (line) => console.log(line));

interface Side extends Neo4jEnd {
  name: 'this' | 'other';
  commit: string;
  api: ApiProcess;
  headers: Record<string, string>;
}
const sides: Side[] = [];
for (const [name, root, end] of [
  ['this', projectRoot, thisEnd],
  ['other', other, otherEnd],
] as const) {
  const api = await startApiProcess(root, end.env);
  const cookie = await benchSignIn(api.url, viewer.username, end.password);
  sides.push({
    ...end,
    name,
    commit: commitOf(root),
    api,
    headers: { cookie, 'x-purpose': 'api-ab' },
  });
}
const cookie = sides[0]!.headers.cookie!;
const token = cookie.slice(cookie.indexOf('=') + 1);
const sessions = { ttlMs: config.auth.sessionTtlMs, idleMs: config.auth.sessionIdleMs };
const scenarios = apiScenarios({ db, viewer, targets, token, sessions }).filter(
  (s) => s.group !== 'floor' && (!args.only || args.only.split(',').includes(s.group)),
);

interface Slice {
  requestsPerSecond: number;
  p95: number;
  apiCpuMs: number;
  neo4jCpuMs: number;
  errors: number;
}
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

// The machine's phase: the HTTP-only floor (bench/api-server.ts's /bench/noop), as api.ts reports it.
const floor = await httpLoad({
  url: sides[0]!.api.url,
  paths: ['/bench/noop'],
  headers: {},
  connections: clients,
  seconds,
});
const floorRequestsPerSecond = Math.round(floor.latencies.length / floor.seconds);
console.log(
  `this ${sides[0]!.commit} against ${sides[1]!.commit} (${other}${otherInstance ? `, Neo4j instance ${otherInstance}` : ''}); HTTP-only floor ${floorRequestsPerSecond} requests/s`,
);
const results = [];
for (const scenario of scenarios) {
  const paths = scenario.requests.map((r) => r.path);
  const run = async (side: Side): Promise<Slice> => {
    const api0 = await side.api.cpu();
    const neo0 = await side.neo4jCpu();
    const r = await httpLoad({
      url: side.api.url,
      paths,
      headers: side.headers,
      connections: clients,
      seconds,
    });
    const n = r.latencies.length;
    const answered = r.statusCodes['200'] ?? 0;
    // Only answers count as served: a side that fails fast must not look faster. (autocannon's
    // errors include its timeouts.)
    const errors = r.errors + n - answered;
    const slice = {
      requestsPerSecond: answered / r.seconds,
      p95: latency(r.latencies).p95,
      apiCpuMs: ((await side.api.cpu()) - api0) / n,
      neo4jCpuMs: ((await side.neo4jCpu()) - neo0) / n,
      errors,
    };
    // The requests in flight at the deadline finish before the next slice starts, so their
    // CPU is not charged to the other side.
    await drained(side.db);
    return slice;
  };
  for (const side of sides) await run(side); // warm-up, not counted
  const bySide: Record<Side['name'], Slice[]> = { this: [], other: [] };
  for (let i = 0; i < slices; i++) {
    for (const side of i % 2 ? [...sides].reverse() : sides)
      bySide[side.name].push(await run(side));
  }
  const summary = (xs: Slice[]) => ({
    requestsPerSecond: round(median(xs.map((x) => x.requestsPerSecond)), 0),
    p95: round(median(xs.map((x) => x.p95)), 1),
    apiCpuMs: round(median(xs.map((x) => x.apiCpuMs))),
    neo4jCpuMs: round(median(xs.map((x) => x.neo4jCpuMs))),
    errors: xs.reduce((sum, x) => sum + x.errors, 0),
  });
  const ratios = bySide.this.map(
    (x, i) => x.requestsPerSecond / bySide.other[i]!.requestsPerSecond,
  );
  const result = {
    scenario: scenario.name,
    this: summary(bySide.this),
    other: summary(bySide.other),
    ratio: round(median(ratios), 3),
    thisFaster: ratios.filter((r) => r > 1).length,
  };
  results.push(result);
  const line = (name: string, s: ReturnType<typeof summary>) =>
    `  ${name.padEnd(6)} ${String(s.requestsPerSecond).padStart(6)} req/s  p95 ${String(s.p95).padStart(6)} ms  CPU a request: API ${s.apiCpuMs} ms, Neo4j ${s.neo4jCpuMs} ms  errors ${s.errors}`;
  console.log(
    `${scenario.name}\n${line('this', result.this)}\n${line('other', result.other)}\n` +
      `  requests/s this/other, median of ${slices} slices of ${seconds} s: ${result.ratio} (this faster in ${result.thisFaster})`,
  );
}

await writeFile(
  args.out,
  JSON.stringify(
    {
      at: new Date().toISOString(),
      this: sides[0]!.commit,
      other: sides[1]!.commit,
      otherInstance: otherInstance ?? null,
      floorRequestsPerSecond,
      slices,
      seconds,
      clients,
      results,
    },
    null,
    2,
  ) + '\n',
);
console.log(`written to ${path.relative(projectRoot, args.out)}`);
for (const side of sides) side.api.stop();
await db.close();
if (otherEnd !== thisEnd) await otherEnd.db.close();
