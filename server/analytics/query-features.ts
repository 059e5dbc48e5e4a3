// The query-feature phase of an analysis run: every query feature of the registry computed
// inside Neo4j by its Cypher (cypher/analytics/features/), after the graph features and the
// communities are written (community aggregates read f_exposure and IN_COMMUNITY, neighbour
// counts read f_hub). Each query runs once, however many features it writes, in registry order;
// it walks its label page by page (keyset on id, `pageSize` nodes per managed write
// transaction, retried by the driver: every page only SETs, so it is idempotent), so memory
// and transaction size stay flat whatever the size of the graph.
import type { Database } from '../db/database.js';
import type { FeatureQueryName } from '../db/feature-queries.js';
import { queryFeatures, type QueryFeature } from './features/index.js';
import type { WriteOptions } from './write-back.js';

/** The write-back's options (run, time, scope, `batchSize` nodes per page) and the as-of date. */
export interface QueryFeatureOptions extends WriteOptions {
  /** ISO date the features are measured from. */
  asOf: string;
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

export async function runQueryFeatures(
  db: Database,
  options: QueryFeatureOptions,
  features: readonly QueryFeature[] = queryFeatures,
): Promise<QueryFeatureSummary> {
  const limit = options.batchSize ?? 2000;
  const summary: QueryFeatureSummary = { queries: {}, rows: 0 };
  for (const name of featureQueryOrder(features)) {
    const started = performance.now();
    let after = '';
    let rows = 0;
    for (;;) {
      const [page] = await db.write(name, {
        scope: options.scope ?? '',
        after,
        limit,
        asOf: options.asOf,
        run: options.run,
        at: options.at,
      });
      rows += page?.rows ?? 0;
      options.onProgress?.(name.replace(/^analytics\/features\//, ''), rows);
      if (!page || page.rows < limit || page.last === null) break;
      after = page.last;
    }
    summary.queries[name] = { rows, seconds: Math.round(performance.now() - started) / 1000 };
    summary.rows += rows;
  }
  return summary;
}
