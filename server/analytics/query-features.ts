// The query-feature phase of an analysis run: every query feature of the registry computed
// inside Neo4j by its Cypher (cypher/analytics/features/): those that read only the graph and
// the hub flags (f_hub) while the algorithms compute (query-features-thread.ts), the community
// aggregates, which read f_exposure and IN_COMMUNITY, after the graph features and the
// communities are written. Each query runs once, however many features it writes, in registry
// order; it covers its label page by page (`batchSize` nodes per managed write transaction,
// retried by the driver: every page only SETs, so it is idempotent), so memory and transaction
// size stay flat whatever the size of the graph. The pages' first ids are listed beforehand, so that
// `concurrency` pages run at once: Neo4j runs each query on one core, and pages of one query
// write distinct nodes, so they take no common lock.
import type { Database } from '../db/database.js';
import type { FeatureQueryName } from '../db/feature-queries.js';
import { queryFeatures, type FeatureLabel, type QueryFeature } from './features/index.js';
import { isPagedLabel, pageStarts, walkPage, type PageQuery } from './pages.js';
import type { WriteOptions } from './write-back.js';

/** The write-back's options (run, time, scope, `batchSize` nodes per page) and the as-of date. */
export interface QueryFeatureOptions extends WriteOptions {
  /** ISO date the features are measured from. */
  asOf: string;
  /** Pages of one query run at once (default 2). */
  concurrency?: number;
  /** Once aborted, no further page starts, and the call fails. */
  signal?: AbortSignal;
}

export interface QueryFeatureSummary {
  /** Per query: the nodes it wrote and the seconds it took. */
  queries: Record<string, { rows: number; seconds: number }>;
  rows: number;
}

/** The distinct queries of the given features, in the order they must run. */
export function featureQueryOrder(features: readonly QueryFeature[]): FeatureQueryName[] {
  const order = new Set<FeatureQueryName>();
  for (const feature of features) {
    for (const name of Object.values(feature.queries)) order.add(name);
  }
  return [...order];
}

/**
 * Runs work(0 … count − 1), up to `concurrency` at once. After a failure (or once `signal` is
 * aborted) it starts no more, waits for those under way, and throws the first failure: no
 * transaction outlives the call.
 */
async function inParallel(
  count: number,
  concurrency: number,
  signal: AbortSignal | undefined,
  work: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const failures: unknown[] = [];
  const lane = async () => {
    while (failures.length === 0 && next < count) {
      if (signal?.aborted) failures.push(new Error('query features: stopped'));
      else {
        const index = next++;
        await work(index).catch((error: unknown) => failures.push(error));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  if (failures.length > 0) throw failures[0];
}

/**
 * Covers every node with pages that start at `starts` (pageStarts), `concurrency` at a time.
 * Each walks from its first id to the next page's (walkPage): one page, unless nodes were added
 * in that range since the ids were listed, and the last one on to the end (nodes added after
 * the last listed id). A node deleted meanwhile makes a page reach into the next one's, whose
 * nodes are then written twice, to the same values.
 */
export async function coverPages(
  starts: readonly string[],
  options: { limit: number; concurrency: number; signal?: AbortSignal | undefined },
  page: PageQuery,
): Promise<void> {
  await inParallel(starts.length, options.concurrency, options.signal, (i) =>
    walkPage(starts[i]!, starts[i + 1], options.limit, page),
  );
}

export async function runQueryFeatures(
  db: Database,
  options: QueryFeatureOptions,
  features: readonly QueryFeature[] = queryFeatures,
): Promise<QueryFeatureSummary> {
  const limit = options.batchSize ?? 2000;
  const scope = options.scope ?? '';
  const concurrency = options.concurrency ?? 2;
  const labelOf = new Map<FeatureQueryName, FeatureLabel>();
  for (const feature of features) {
    for (const [label, name] of Object.entries(feature.queries)) {
      labelOf.set(name, label as FeatureLabel);
    }
  }
  const summary: QueryFeatureSummary = { queries: {}, rows: 0 };
  // Queries only set properties, so a label's pages stay where they are from query to query.
  const startsOf = new Map<FeatureLabel, string[]>();
  for (const name of featureQueryOrder(features)) {
    const started = performance.now();
    const label = labelOf.get(name)!;
    if (!isPagedLabel(label)) throw new Error(`query features: no id query for ${label}`);
    const starts = startsOf.get(label) ?? (await pageStarts(db, label, scope, limit));
    startsOf.set(label, starts);
    const params = { scope, limit, asOf: options.asOf, run: options.run, at: options.at };
    let rows = 0;
    const page = async (after: string) => {
      const [result] = await db.write(name, { ...params, after });
      rows += result?.rows ?? 0;
      options.onProgress?.(name.replace(/^analytics\/features\//, ''), rows);
      return result;
    };
    await coverPages(starts, { limit, concurrency, signal: options.signal }, page);
    summary.queries[name] = { rows, seconds: Math.round(performance.now() - started) / 1000 };
    summary.rows += rows;
  }
  return summary;
}
