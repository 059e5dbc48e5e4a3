// The two load generators of bench/api.ts, both closed-loop with a fixed number of clients that
// each send their next request as soon as the previous one is answered, for a fixed time:
// autocannon over HTTP (every request's latency taken from its `response` event, so the p95 is
// exact rather than autocannon's p97.5) and the same calls made in-process. Each request takes
// the next call of a shared list, so the clients spread over the targets instead of marching
// through them in step. Also: CPU time of a process, sampled before and after a run.
import { readFile } from 'node:fs/promises';
import autocannon from 'autocannon';
import type { Database } from '../server/db/database.js';

export interface LoadRun {
  /** Latency of every answered request (ms), in order of completion. */
  latencies: number[];
  /** Latencies per call tag (in-process runs only). */
  byTag: Record<string, number[]>;
  /** Answers per HTTP status (in-process: 200 for a result, 500 for an exception). */
  statusCodes: Record<string, number>;
  /** Connection errors and timeouts (HTTP), exceptions (in-process). */
  errors: number;
  timeouts: number;
  firstError: string | null;
  seconds: number;
}

export interface HttpLoad {
  url: string;
  paths: readonly string[];
  headers: Record<string, string>;
  connections: number;
  seconds: number;
}

export async function httpLoad(load: HttpLoad): Promise<LoadRun> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  const instance = autocannon({
    url: load.url,
    connections: load.connections,
    duration: load.seconds,
    timeout: 30,
    headers: load.headers,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({
          ...request,
          path: load.paths[next++ % load.paths.length]!,
        }),
      },
    ],
  });
  let firstError: string | null = null;
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    statusCodes[status] = (statusCodes[status] ?? 0) + 1;
  });
  instance.on('reqError', (error: unknown) => {
    firstError ??= String(error);
  });
  const result = await instance;
  return {
    latencies,
    byTag: {},
    statusCodes,
    errors: result.errors,
    timeouts: result.timeouts,
    firstError,
    seconds: (performance.now() - started) / 1000,
  };
}

export interface Call {
  run: () => Promise<unknown>;
  /** Groups latencies in the report (e.g. a path's length). */
  tag?: string;
}

/**
 * `clients` callers for `seconds`: none starts a call after the time is up, and the calls
 * still running then are waited for and counted.
 */
export async function inProcessLoad(
  calls: readonly Call[],
  clients: number,
  seconds: number,
): Promise<LoadRun> {
  const run: LoadRun = {
    latencies: [],
    byTag: {},
    statusCodes: {},
    errors: 0,
    timeouts: 0,
    firstError: null,
    seconds: 0,
  };
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const call = calls[next++ % calls.length]!;
        const t = performance.now();
        let status = 200;
        try {
          await call.run();
        } catch (error) {
          status = 500;
          run.errors++;
          run.firstError ??= error instanceof Error ? error.message : String(error);
        }
        const ms = performance.now() - t;
        run.latencies.push(ms);
        run.statusCodes[status] = (run.statusCodes[status] ?? 0) + 1;
        if (call.tag !== undefined) (run.byTag[call.tag] ??= []).push(ms);
      }
    }),
  );
  run.seconds = (performance.now() - started) / 1000;
  return run;
}

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles (the smallest latency with at least q of the requests at or below). */
export function latency(ms: readonly number[]): Latency {
  const sorted = [...ms].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    n: sorted.length,
    p50: round(rank(0.5)),
    p95: round(rank(0.95)),
    p99: round(rank(0.99)),
    max: round(sorted.at(-1) ?? NaN),
  };
}

/** Cumulative CPU time (ms) of some process. */
export type CpuClock = () => Promise<number>;

export const ownCpu: CpuClock = () => {
  const { user, system } = process.cpuUsage();
  return Promise.resolve((user + system) / 1000);
};

/** A process's user + system time from /proc (Linux), or null where there is none. */
export async function procCpu(pid: number): Promise<CpuClock | null> {
  const read = async () => {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at the state, field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime (14), stime (15)
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  };
  try {
    await read();
    return read;
  } catch {
    return null;
  }
}

/** CPU time (ms) the whole machine spent busy and had stolen, as of one moment. */
export interface MachineCpu {
  busy: number;
  stolen: number;
}

/**
 * CPU time (ms) of the whole machine from /proc/stat (Linux), or null: `busy` (all but idle,
 * iowait and steal) and `stolen` (steal: time this virtual machine was ready to run while the
 * host ran something else; high on a crowded host, and every figure is slower then).
 */
export async function machineCpu(): Promise<(() => Promise<MachineCpu>) | null> {
  const read = async (): Promise<MachineCpu> => {
    const line = (await readFile('/proc/stat', 'utf8')).split('\n', 1)[0] ?? '';
    // cpu user nice system idle iowait irq softirq steal …
    const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
    const busy = [user, nice, system, irq, softirq].reduce<number>((a, b) => a + (b ?? 0), 0);
    return { busy: (busy * 1000) / 100, stolen: ((steal ?? 0) * 1000) / 100 };
  };
  try {
    await read();
    return read;
  } catch {
    return null;
  }
}

/**
 * autocannon stops at its deadline with a request in flight on every connection; the server
 * goes on answering them. Waits until Neo4j runs no transaction but this check (twice in a
 * row) so the next run starts on a quiet database; returns the seconds waited.
 */
export async function drained(db: Database, limitSeconds = 180): Promise<number> {
  const started = performance.now();
  for (let quiet = 0; quiet < 2 && performance.now() - started < limitSeconds * 1000;) {
    const { records } = await db.driver.executeQuery(
      `SHOW TRANSACTIONS YIELD currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS'
       RETURN count(*) AS running`,
      {},
      { database: db.connection.database },
    );
    quiet = Number(records[0]?.get('running')) === 0 ? quiet + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return Math.round(performance.now() - started) / 1000;
}

/** Reads every node and relationship with its properties once; returns the seconds it took. */
export async function warmPageCache(db: Database): Promise<number> {
  const started = performance.now();
  for (const text of [
    'MATCH (n) RETURN sum(size(keys(n))) AS n',
    'MATCH ()-[r]->() RETURN sum(size(keys(r))) AS n',
  ])
    await db.driver.executeQuery(text, {}, { database: db.connection.database });
  return Math.round(performance.now() - started) / 1000;
}
