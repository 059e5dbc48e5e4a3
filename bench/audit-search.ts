// Benchmark of GET /api/audit's search on a long trail: the searches a supervisor makes (one
// user's latest records, a rarely active user's, that user in a period, the latest records of a
// period, who read one person), the statement `searchAudit` picks for each side by side with the
// peer, the query the search ran before the index on (user, seq): one statement for every
// filter, reading the sequence numbers down from the cursor. Both run the same way (a read
// transaction, the same parameters), in turns that alternate which goes first; medians of
// `--runs` each, the ratio, and how many records each read (PROFILE's rows from the index). Both
// answer the records `searchAudit` returns (checked).
//
// The trail is made long first, through the real appender (chained, group-committed):
// `--records` records of `--users` bench users (user 0 active, user 1 one record in 5,000, the
// rest evenly), a minute apart from 2025-01-01 (500,000 span 347 days), each naming one of a
// million persons. Records already there from an earlier run count, so a second run appends
// nothing. They stay in the trail like any other.
//
//   RINGWATCH_INSTANCE=bulk-large RINGWATCH_NEO4J_BOLT_PORT=7771 node --import tsx \
//     bench/audit-search.ts [--records 500000] [--users 100] [--runs 15]
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import seedrandom from 'seedrandom';
import { AuditTrail } from '../server/audit/audit-trail.js';
import { searchAudit, type AuditQuery } from '../server/audit/search-audit.js';
import { openDatabase } from '../server/cli/context.js';
import { loadConfig } from '../server/config.js';
import { projectRoot } from '../server/paths.js';

const { values: args } = parseArgs({
  options: {
    records: { type: 'string', default: '500000' },
    users: { type: 'string', default: '100' },
    runs: { type: 'string', default: '15' },
    out: {
      type: 'string',
      default: path.join(projectRoot, 'bench', 'results', 'audit-search.json'),
    },
  },
});
const total = Number(args.records);
const userCount = Number(args.users);
const runs = Number(args.runs);
const log = (line: string) => console.log(line);

const db = await openDatabase(loadConfig().neo4j, 'batch');
const user = (i: number) => `bench-audit-${i}`;
const cypher = async (text: string, params: Record<string, unknown> = {}) =>
  (await db.driver.executeQuery(text, params, { database: db.connection.database })).records;

// ---- the trail ----------------------------------------------------------------------------
const [existing] = await cypher(
  'MATCH (r:AuditRecord) WHERE r.user STARTS WITH $prefix RETURN count(r) AS n',
  { prefix: 'bench-audit-' },
);
const have = Number(existing?.get('n'));
const yearStart = Date.parse('2025-01-01T00:00:00Z');
const rng = seedrandom(`audit-search-${have}`);
const whose = (i: number) => {
  if (i % 5000 === 4999) return user(1);
  if (i % 2 === 0) return user(0);
  return user(2 + Math.floor(rng() * (userCount - 2)));
};
if (have < total) {
  const trail = new AuditTrail(db);
  const started = performance.now();
  const chunk = 5000;
  for (let i = have; i < total; i += chunk) {
    const n = Math.min(chunk, total - i);
    await Promise.all(
      Array.from({ length: n }, (_, k) => {
        const seq = i + k;
        const person = `Person:P${Math.floor(rng() * 1_000_000)}`;
        return trail.append({
          at: new Date(yearStart + seq * 60_000).toISOString(),
          user: whose(seq),
          role: 'investigator',
          action: 'GET /api/entities/:type/:id',
          path: `/api/entities/person/${person.slice('Person:'.length)}`,
          entities: [person],
          entityCount: 1,
          purpose: 'bench/audit-search.ts',
          status: 200,
        });
      }),
    );
    log(`appended ${i + n - have} of ${total - have} records`);
  }
  log(`trail made long in ${Math.round(performance.now() - started) / 1000} s`);
}
const [{ n: trailLength } = { n: 0 }] = (
  await cypher('MATCH (r:AuditRecord) RETURN count(r) AS n')
).map((r) => ({ n: Number(r.get('n')) }));
log(`the trail holds ${trailLength} records, ${Math.max(have, total)} of them the bench's`);

// ---- the searches -------------------------------------------------------------------------
// The one query GET /api/audit ran for every search before (cypher/audit/search.cypher then).
const peerText = `MATCH (r:AuditRecord)
WHERE r.seq < $before
  AND ($user IS NULL OR r.user = $user)
  AND ($from IS NULL OR r.at >= $from)
  AND ($to IS NULL OR r.at < $to)
  AND ($action IS NULL OR r.action = $action)
  AND ($entity IS NULL OR $entity IN r.entities)
RETURN properties(r) AS record
ORDER BY r.seq DESC
LIMIT $limit`;
const month = (m: number) => ({
  from: new Date(Date.UTC(2025, m, 1)).toISOString(),
  to: new Date(Date.UTC(2025, m + 1, 1)).toISOString(),
});
const [oldRecord] = await cypher(
  'MATCH (r:AuditRecord) WHERE r.user = $u RETURN r.entities[0] AS e ORDER BY r.seq LIMIT 1',
  { u: user(3) },
);
const oldEntity = String(oldRecord?.get('e'));
const searches: { name: string; query: Partial<AuditQuery> }[] = [
  { name: 'an active user, latest 100', query: { user: user(0) } },
  { name: 'a rarely active user, latest 100', query: { user: user(1) } },
  { name: 'a rarely active user in March 2025', query: { user: user(1), ...month(2) } },
  { name: 'an ordinary user in March 2025', query: { user: user(3), ...month(2) } },
  { name: 'everyone in December 2025', query: month(11) },
  { name: 'everyone in February 2025', query: month(1) },
  { name: 'who read one person (early 2025)', query: { entity: oldEntity } },
];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};
const peerParams = (q: Partial<AuditQuery>) => ({
  before: neo4j.int(Number.MAX_SAFE_INTEGER),
  user: q.user ?? null,
  from: q.from ?? null,
  to: q.to ?? null,
  action: q.action ?? null,
  entity: q.entity ?? null,
  limit: neo4j.int(100),
});
/** Rows the plan's leaf operators produced (records read from an index or a scan). */
async function rowsRead(text: string, params: Record<string, unknown>): Promise<number> {
  const { summary } = await db.driver.executeQuery(`PROFILE ${text}`, params, {
    database: db.connection.database,
  });
  let rows = 0;
  const walk = (step: { children: unknown[]; rows?: number }) => {
    if (step.children.length === 0) rows += Number(step.rows ?? 0);
    for (const child of step.children) walk(child as typeof step);
  };
  walk(summary.profile as unknown as { children: unknown[] });
  return rows;
}

const results = [];
for (const { name, query } of searches) {
  const full: AuditQuery = { limit: 100, ...query };
  const ours: number[] = [];
  const peer: number[] = [];
  // Both statements the same way (a read, the records' sequence numbers as they come), in
  // turns that alternate which goes first; `searchAudit`, as the API calls it, gives the answer
  // both must match.
  const answer = await searchAudit(db, full);
  const oursText = db.registry.get(query.user ? 'audit/search-by-user' : 'audit/search').text;
  const timed = async (text: string) => {
    const t = performance.now();
    const { records } = await db.driver.executeQuery(text, peerParams(query), {
      database: db.connection.database,
      routing: 'READ',
    });
    const ms = performance.now() - t;
    return { ms, seqs: records.map((r) => String((r.get('record') as { seq: unknown }).seq)) };
  };
  let same = true;
  for (let run = 0; run < runs + 2; run++) {
    const [a, b] = run % 2 === 0 ? [oursText, peerText] : [peerText, oursText];
    const first = await timed(a);
    const second = await timed(b);
    const [o, p] = run % 2 === 0 ? [first, second] : [second, first];
    same &&=
      o.seqs.join() === p.seqs.join() && o.seqs.join() === answer.records.map((r) => r.seq).join();
    if (run >= 2) {
      ours.push(o.ms);
      peer.push(p.ms);
    }
  }
  const found = answer.records.length;
  const figures = {
    name,
    found,
    sameRecords: same,
    ms: { ringwatch: round(median(ours)), peer: round(median(peer)) },
    ratio: round(median(peer) / median(ours)),
    rowsRead: {
      ringwatch: await rowsRead(oursText, peerParams(query)),
      peer: await rowsRead(peerText, peerParams(query)),
    },
  };
  results.push(figures);
  log(
    `${name.padEnd(38)} ${String(found).padStart(3)} found  ringwatch ${figures.ms.ringwatch} ms ` +
      `(${figures.rowsRead.ringwatch} read)  peer ${figures.ms.peer} ms ` +
      `(${figures.rowsRead.peer} read)  ×${figures.ratio}${same ? '' : '  DIFFERENT RECORDS'}`,
  );
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

await writeFile(
  args.out,
  `${JSON.stringify({ at: new Date().toISOString(), trailLength, runs, results }, null, 2)}\n`,
);
log(`figures in ${path.relative(projectRoot, args.out)}`);
await db.close();
