// The data layer's entry point: one driver per process, named queries from the registry, every
// query idempotent (a failed attempt may be run again), parameters and rows validated with zod,
// driver values converted to plain ones (or parsed, for rows sent as JSON text: QueryDef.json).
// Writes run in managed transactions the driver retries, or, for a write of one statement that
// is safe to run again (writeAutoCommit), as one auto-commit query, retried here: one round trip.
// No work given a transaction or a stream may call this class again while it runs: it would wait
// for a second connection, and the API's pool is bounded (connection.ts).
// In the API server (the interactive profile), Neo4j stops any auto-commit query, and any
// managed transaction as a whole, that runs longer than RINGWATCH_API_QUERY_TIMEOUT_SECONDS
// (QueryTimeoutError, 504; time-limit.ts): its connections are few, and a handful of runaway
// reads would otherwise hold them all while every other request waits.
// Reads run as auto-commit queries on one session, retried here: a read transaction's BEGIN and
// COMMIT bought nothing (Neo4j reads are read-committed, in a transaction or not) and cost a
// fifth of an API request's CPU on both sides (an employer's page: 2.6 -> 2.0 ms in the server).
import neo4j, {
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  type Record as Neo4jRecord,
  type Session,
} from 'neo4j-driver';
import type { z } from 'zod';
import { QueryTimeoutError, RingwatchError } from '../errors.js';
import { timeLimitError } from './time-limit.js';
import { isUnavailable, unavailable } from './unavailable.js';

export { isUnavailable } from './unavailable.js';
import { CypherRegistry } from './cypher-registry.js';
import { createDriver, driverProfiles, type Connection, type DriverProfile } from './connection.js';
import {
  queries,
  type QueryDef,
  type QueryName,
  type QueryParams,
  type QueryRow,
} from './queries.js';
import { toPlain } from './values.js';

type TransactionConfig = NonNullable<Parameters<Session['run']>[2]>;

/** Where a query runs: a managed transaction, or a session with the limit (an auto-commit query). */
interface QueryRunner {
  run(cypher: string, params: Record<string, unknown>): PromiseLike<QueryResult>;
}

export interface ServerFacts {
  address: string;
  version: string;
  edition: string;
  protocol: string;
}

/**
 * Runs one named query inside a transaction (the callback of Database.transaction). One at a
 * time: await each before the next (a READ unit is a plain session, which runs one query).
 */
export type TransactionRun = <N extends QueryName>(
  name: N,
  params: QueryParams<N>,
) => Promise<QueryRow<N>[]>;

export class Database {
  private constructor(
    readonly driver: Driver,
    readonly registry: CypherRegistry,
    readonly connection: Connection,
    /**
     * How long an auto-commit query is retried after a transient failure (the profile's retry
     * time).
     */
    private readonly retryMs: number,
    /** Every query's time limit (ms), enforced by Neo4j: the interactive profile's. */
    private readonly limitMs: number | undefined,
  ) {
    this.limit = limitMs === undefined ? {} : { timeout: limitMs };
  }

  /** The transaction configuration every query runs with: its time limit. */
  private readonly limit: TransactionConfig;

  /** Creates the driver and loads the Cypher registry; does not connect yet. */
  static async open(
    connection: Connection,
    registry?: CypherRegistry,
    profile: DriverProfile = 'batch',
  ): Promise<Database> {
    return new Database(
      createDriver(connection, profile),
      registry ?? (await CypherRegistry.load()),
      connection,
      driverProfiles[profile].maxTransactionRetryTime,
      profile === 'interactive' ? connection.apiQueryTimeoutMs : undefined,
    );
  }

  /** Connects once and reports the server; throws DatabaseUnavailableError when it cannot. */
  async verify(): Promise<ServerFacts> {
    try {
      const info = await this.driver.getServerInfo({ database: this.connection.database });
      const [kernel] = await this.read('db/components', {});
      return {
        address: info.address ?? this.connection.uri,
        version: kernel?.version ?? info.agent ?? 'unknown',
        edition: kernel?.edition ?? 'unknown',
        protocol: String(info.protocolVersion ?? ''),
      };
    } catch (error) {
      throw error instanceof QueryTimeoutError ? error : unavailable(this.connection, error);
    }
  }

  /** verify() and the GDS version together: what status and health checks report. */
  async describe(): Promise<ServerFacts & { gds: string | undefined }> {
    return { ...(await this.verify()), gds: await this.gdsVersion() };
  }

  /** The GDS version, or undefined where the library is not installed. */
  async gdsVersion(): Promise<string | undefined> {
    try {
      const [row] = await this.read('db/gds-version', {});
      return row?.version;
    } catch (error) {
      if (isUnavailable(error) || error instanceof QueryTimeoutError) throw error;
      return undefined;
    }
  }

  /**
   * Throws, saying what to install, when the server cannot send rows as JSON text (QueryDef.json:
   * APOC Core's apoc.convert.toJson); an unavailable database's error goes through as it is.
   */
  async assertJsonRows(): Promise<void> {
    try {
      await this.read('db/json-rows', {});
    } catch (error) {
      const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
      if (
        code === 'Neo.ClientError.Statement.SyntaxError' &&
        /Unknown function/.test(String(message))
      ) {
        throw new RingwatchError(
          `db: the Neo4j at ${this.connection.uri} lacks APOC Core's apoc.convert.toJson, which ` +
            'the views send their rows with. The embedded one started before `ringwatch db ' +
            'install` fetched APOC Core: `npx ringwatch db stop`, then start again. Another: put ' +
            'the APOC Core jar of its version in its plugins folder (and allow the function if it ' +
            'sets dbms.security.procedures.allowlist), restart it, then start again',
        );
      }
      throw error;
    }
  }

  read<N extends QueryName>(name: N, params: QueryParams<N>): Promise<QueryRow<N>[]> {
    return this.reads((run) => run(name, params));
  }

  write<N extends QueryName>(name: N, params: QueryParams<N>): Promise<QueryRow<N>[]> {
    return this.session('WRITE', (tx) => this.runIn(tx, name, params));
  }

  /**
   * One statement as an auto-commit write: one round trip, where a managed transaction takes
   * two (the statement, then COMMIT). Run again after a transient failure, like a read, so the
   * statement must be safe to run twice: a failure may hide that the first run committed.
   */
  writeAutoCommit<N extends QueryName>(name: N, params: QueryParams<N>): Promise<QueryRow<N>[]> {
    return this.autoCommit('WRITE', (run) => run(name, params));
  }

  /**
   * A read whose rows are handed to `onRow` as they arrive instead of being collected: for
   * results of millions of rows (GDS node properties, scoring tables). The driver pulls the next
   * rows while `onRow` works on these, so the database and this process work side by side. The
   * driver may retry the transaction, so `onRow` may see a row twice and must be idempotent:
   * set a map entry, or write at the row's index (which starts again at 0 on a retry), not push.
   */
  stream<N extends QueryName>(
    name: N,
    params: QueryParams<N>,
    onRow: (row: QueryRow<N>, index: number) => void,
  ): Promise<number> {
    return this.session('READ', async (tx) => {
      const def = queries[name];
      const parsedParams = def.params.safeParse(params);
      if (!parsedParams.success) {
        throw new RingwatchError(`db: bad parameters for ${name}: ${parsedParams.error.message}`);
      }
      let rows = 0;
      for await (const record of tx.run(this.registry.get(name).text, parsedParams.data)) {
        const row = (def.row as z.ZodType).safeParse(rowValue(name, def, record));
        if (!row.success) {
          throw new RingwatchError(`db: ${name} returned an unexpected row: ${row.error.message}`);
        }
        onRow(row.data as QueryRow<N>, rows);
        rows++;
      }
      return rows;
    });
  }

  /**
   * Several named queries as one unit of retry: a managed transaction for WRITE; for READ, the
   * queries on one session, each its own auto-commit read, the whole work run again after a
   * transient failure.
   */
  async transaction<T>(
    mode: 'READ' | 'WRITE',
    work: (run: TransactionRun) => Promise<T>,
  ): Promise<T> {
    if (mode === 'READ') return this.reads(work);
    return this.session(mode, (tx) => work((name, params) => this.runIn(tx, name, params)));
  }

  /** Runs one schema statement (cypher/schema/…); these take no parameters. */
  async runSchema(text: string): Promise<void> {
    const session = this.driver.session({ database: this.connection.database });
    try {
      await session.run(text);
    } catch (error) {
      throw isUnavailable(error) ? unavailable(this.connection, error) : error;
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async session<T>(
    mode: 'READ' | 'WRITE',
    work: (tx: ManagedTransaction) => Promise<T>,
  ): Promise<T> {
    const session = this.driver.session({
      database: this.connection.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    // When the attempt the driver made last began: the limit is the transaction's.
    let began = Date.now();
    const attempt = (tx: ManagedTransaction) => {
      began = Date.now();
      return work(tx);
    };
    try {
      return mode === 'READ'
        ? await session.executeRead(attempt, this.limit)
        : await session.executeWrite(attempt, this.limit);
    } catch (error) {
      throw this.failure(error, began);
    } finally {
      await session.close();
    }
  }

  private reads<T>(work: (run: TransactionRun) => Promise<T>): Promise<T> {
    return this.autoCommit('READ', work);
  }

  /** Auto-commit queries on one session, retried as the driver retries transactions. */
  private async autoCommit<T>(
    mode: 'READ' | 'WRITE',
    work: (run: TransactionRun) => Promise<T>,
  ): Promise<T> {
    let firstFailure: number | null = null;
    for (let attempt = 0; ; attempt++) {
      const session = this.driver.session({
        database: this.connection.database,
        defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      });
      // Each query is a transaction of its own, with its own limit: when the last one began.
      let began = Date.now();
      const runner: QueryRunner = {
        run: (cypher, params) => session.run(cypher, params, this.limit),
      };
      try {
        return await work((name, params) => {
          began = Date.now();
          return this.runIn(runner, name, params);
        });
      } catch (error) {
        // The driver's own policy: exponential from 1 s with jitter, within the retry time.
        const wait = Math.min(1000 * 2 ** attempt, 30_000) * (0.8 + Math.random() * 0.4);
        firstFailure ??= Date.now();
        if (neo4j.isRetryableError(error) && Date.now() + wait - firstFailure < this.retryMs) {
          await new Promise((resolve) => setTimeout(resolve, wait));
          continue;
        }
        throw this.failure(error, began);
      } finally {
        await session.close();
      }
    }
  }

  /**
   * What a failed unit of work throws: unavailable (503), stopped at a time limit (504), or as
   * it is. `began`: when its failed query or transaction began.
   */
  private failure(error: unknown, began: number): unknown {
    if (isUnavailable(error)) return unavailable(this.connection, error);
    return timeLimitError(error, Date.now() - began, this.limitMs) ?? error;
  }

  private async runIn<N extends QueryName>(
    tx: QueryRunner,
    name: N,
    params: QueryParams<N>,
  ): Promise<QueryRow<N>[]> {
    const def = queries[name];
    const parsedParams = def.params.safeParse(params);
    if (!parsedParams.success) {
      throw new RingwatchError(`db: bad parameters for ${name}: ${parsedParams.error.message}`);
    }
    const text = this.registry.get(name).text;
    const statement = (def as QueryDef).statement;
    let result: QueryResult;
    try {
      const cypher = statement ? statement(text, parsedParams.data) : text;
      result = await withoutCallSite(() => tx.run(cypher, parsedParams.data));
    } catch (error) {
      if (error instanceof Error) withQueryFrames(error, name);
      throw error;
    }
    return result.records.map((record) => {
      const row = (def.row as z.ZodType).safeParse(rowValue(name, def, record));
      if (!row.success) {
        throw new RingwatchError(`db: ${name} returned an unexpected row: ${row.error.message}`);
      }
      return row.data as QueryRow<N>;
    });
  }
}

/** A record as plain values: parsed from its JSON text (QueryDef.json), or converted. */
function rowValue(name: string, def: QueryDef, record: Neo4jRecord): unknown {
  if (!def.json) return toPlain(record.toObject());
  const text: unknown = record.keys.length === 1 && record.has('json') ? record.get('json') : null;
  if (typeof text !== 'string') {
    throw new RingwatchError(
      `db: ${name} returned [${record.keys.join(', ')}] where one column \`json\` of text was expected`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RingwatchError(`db: ${name} returned a row that is not JSON: ${String(error)}`);
  }
}

/**
 * Calls the driver with stack traces off. The driver captures and formats a stack trace for
 * every result, to show its caller should the query fail; under tsx every frame is mapped
 * through source maps, and that came to a tenth of the API's CPU for a neighbourhood, which
 * then ran four queries (bench/api.ts). A failed query gets its frames where it is awaited
 * instead (withQueryFrames), captured only then.
 */
function withoutCallSite<T>(call: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return call();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * Gives a failed query's error the name of the query and the frames where it was awaited (with
 * V8's async stack traces, the callers that are async functions).
 */
function withQueryFrames(error: Error, name: QueryName): void {
  try {
    Error.captureStackTrace(error);
  } catch {
    return; // a frozen error keeps what it has
  }
  const header = error.toString();
  if (error.stack?.startsWith(header)) {
    error.stack = `${header}\n    in query ${name}${error.stack.slice(header.length)}`;
  }
}
