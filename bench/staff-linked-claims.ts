// Benchmark of the internal-fraud view (issue #7): staffLinkedClaims for every official of the
// database the configuration points at — once each, checking the planted internal-fraud
// officials of the ground truth come out with linked claims and the others mostly without —
// then `--clients` concurrent clients asking for officials in turn, `--requests` each, with the
// latency percentiles. Target: p95 ≤ 100 ms at 32 clients.
//
//   RINGWATCH_INSTANCE=bench node --import tsx bench/staff-linked-claims.ts --truth DIR.truth
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.js';
import { connectionFor } from '../server/db/connection.js';
import { Database } from '../server/db/database.js';
import { projectRoot } from '../server/paths.js';
import { staffLinkedClaims } from '../server/views/staff-linked-claims.js';

const { values } = parseArgs({
  options: {
    truth: { type: 'string' },
    clients: { type: 'string', default: '32' },
    requests: { type: 'string', default: '25' },
    'as-of': { type: 'string' },
  },
});
const clients = Number(values.clients);
const requests = Number(values.requests);
const viewer = { username: 'bench', role: 'internal_fraud' } as const;

/** Planted internal-fraud officials of a ground-truth folder: staff id → fraud or decoy. */
async function plantedStaff(dir: string | undefined): Promise<Map<string, 'fraud' | 'decoy'>> {
  const planted = new Map<string, 'fraud' | 'decoy'>();
  if (!dir) return planted;
  const lines = (await readFile(path.join(dir, 'truth.csv'), 'utf8')).trim().split('\n');
  const header = lines[0]?.split(',') ?? [];
  const col = (name: string) => header.indexOf(name);
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    if (cells[col('entity_type')] !== 'staff' || cells[col('pattern')] !== 'internal_fraud') {
      continue;
    }
    planted.set(cells[col('entity_id')] ?? '', cells[col('decoy')] === 'true' ? 'decoy' : 'fraud');
  }
  return planted;
}

const round = (n: number) => Math.round(n * 10) / 10;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

const config = loadConfig();
const db = await Database.open(await connectionFor(config.neo4j));
try {
  const planted = await plantedStaff(values.truth);
  const ids: string[] = [];
  for (let after = ''; ;) {
    const page = await db.read('analytics/staff-page', { scope: '', after, limit: 1000 });
    ids.push(...page.map((r) => r.id));
    if (page.length < 1000) break;
    after = page.at(-1)?.id ?? after;
  }

  // Once per official: what the view finds, against the ground truth.
  const officials = [];
  for (const staffId of ids) {
    const t0 = performance.now();
    const view = await staffLinkedClaims(db, { staffId, asOf: values['as-of'] }, viewer);
    const ms = performance.now() - t0;
    const kinds: Record<string, number> = {};
    for (const claim of view.claims) {
      for (const link of claim.links) kinds[link.kind] = (kinds[link.kind] ?? 0) + 1;
    }
    officials.push({
      staffId,
      planted: planted.get(staffId) ?? 'normal',
      processed: view.summary.claimsProcessed,
      linked: view.summary.claimsLinked,
      outsidePeriod: view.summary.claimsLinkedOutsidePeriod,
      featureLinked: view.official.features.f_linked_claims,
      grantedShare: view.summary.grantedShare,
      linkedGrantedShare: view.summary.linkedGrantedShare,
      kinds,
      graphNodes: view.graph.nodes.length,
      ms: Math.round(ms * 10) / 10,
    });
  }
  console.table(officials.map(({ kinds, ...o }) => ({ ...o, kinds: JSON.stringify(kinds) })));

  // Load: `clients` concurrent clients, `requests` each, officials in a fixed rotation; then the
  // same load of a query that does nothing (the server's components), the floor this machine
  // sets (other work on it shows there first).
  const measure = async (request: (staffId: string) => Promise<unknown>) => {
    const latencies: number[] = [];
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        for (let r = 0; r < requests; r++) {
          const t = performance.now();
          await request(ids[(c * 7 + r * 13) % ids.length] ?? '');
          latencies.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      requests: latencies.length,
      seconds: round(seconds),
      perSecond: round(latencies.length / seconds),
      ms: {
        p50: round(percentile(latencies, 50)),
        p95: round(percentile(latencies, 95)),
        p99: round(percentile(latencies, 99)),
        max: round(latencies.at(-1) ?? NaN),
      },
    };
  };
  const view = await measure((staffId) =>
    staffLinkedClaims(db, { staffId, asOf: values['as-of'] }, viewer),
  );
  const floor = await measure(() => db.read('db/components', {}));
  const result = {
    at: new Date().toISOString(),
    officials: ids.length,
    clients,
    view,
    floor,
    targetP95Ms: 100,
    loadAverage: loadavg().map(round),
    cpus: cpus().length,
    perOfficial: officials,
  };
  console.log(
    `view: ${view.requests} requests by ${clients} clients in ${view.seconds} s (${view.perSecond}/s): p50 ${view.ms.p50} ms, p95 ${view.ms.p95} ms, p99 ${view.ms.p99} ms (target p95 ≤ 100 ms)\n` +
      `floor (a query doing nothing): ${floor.perSecond}/s, p50 ${floor.ms.p50} ms, p95 ${floor.ms.p95} ms; load average ${result.loadAverage.join(' ')} on ${result.cpus} cores`,
  );
  await writeFile(
    path.join(projectRoot, 'bench/results/staff-linked-claims.json'),
    `${JSON.stringify(result, null, 2)}\n`,
  );
} finally {
  await db.close();
}
