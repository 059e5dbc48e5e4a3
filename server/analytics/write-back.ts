// Write-back of an analysis run: every feature of the registry onto its nodes, the Louvain
// communities as Community nodes with IN_COMMUNITY links, and the removal of the communities
// the run did not keep. Batches of `batchSize` rows (`UNWIND $rows`), each in one managed write
// transaction (retried by the driver: every statement is idempotent), all stamped with the run
// id and time; feature batches two at a time, so that Node prepares one while Neo4j writes the
// other.
import type { Database } from '../db/database.js';
import type { QueryName } from '../db/queries.js';
import { graphFeatures, type FeatureContext } from './features/index.js';
import { entityLabels, type EntityLabel, type ProjectedLabel } from './link-kinds.js';

export interface WriteOptions {
  run: string;
  /** ISO date-time of the run. */
  at: string;
  /** Rows per transaction (default 2000). */
  batchSize?: number;
  /** The id prefix the run is confined to: only its communities are replaced (default ''). */
  scope?: string;
  onProgress?: (what: string, rows: number) => void;
}

const featureWrites = {
  Person: 'analytics/write-person-features',
  Employer: 'analytics/write-employer-features',
  Staff: 'analytics/write-staff-features',
  Address: 'analytics/write-address-features',
  Account: 'analytics/write-account-features',
  Contact: 'analytics/write-contact-features',
} as const satisfies Record<ProjectedLabel, QueryName>;

const membershipWrites = {
  Person: 'analytics/write-person-memberships',
  Employer: 'analytics/write-employer-memberships',
  Staff: 'analytics/write-staff-memberships',
} as const satisfies Record<EntityLabel, QueryName>;

/**
 * Writes the items in batches of `size`, up to `inFlight` batches at once (the next batch is
 * made while Neo4j writes the one before). Only for batches whose writes take no common lock:
 * features go onto distinct nodes; memberships all link to Community nodes and go one by one.
 */
async function inBatches<T>(
  items: Iterable<T>,
  size: number,
  write: (batch: T[]) => Promise<unknown>,
  inFlight = 1,
): Promise<number> {
  const pending = new Set<Promise<unknown>>();
  let failure: Error | undefined;
  const start = (batch: T[]) => {
    const promise: Promise<unknown> = write(batch).then(
      () => pending.delete(promise),
      (error: unknown) => {
        failure ??= error instanceof Error ? error : new Error(String(error));
        pending.delete(promise);
      },
    );
    pending.add(promise);
  };
  let batch: T[] = [];
  let count = 0;
  for (const item of items) {
    batch.push(item);
    if (batch.length < size) continue;
    start(batch);
    count += batch.length;
    batch = [];
    while (pending.size >= inFlight) await Promise.race(pending);
    if (failure !== undefined) break;
  }
  if (batch.length > 0 && failure === undefined) {
    start(batch);
    count += batch.length;
  }
  await Promise.all(pending);
  if (failure !== undefined) throw failure;
  return count;
}

function* nodesOf(context: FeatureContext, label: ProjectedLabel) {
  const { projected } = context;
  for (let node = 0; node < projected.order; node++) {
    if (projected.labels[node] === label) yield node;
  }
}

/** Writes every registered feature onto every projected node; returns the rows written. */
export async function writeFeatures(
  db: Database,
  context: FeatureContext,
  options: WriteOptions,
): Promise<number> {
  const size = options.batchSize ?? 2000;
  let total = 0;
  for (const [label, queryName] of Object.entries(featureWrites) as [
    ProjectedLabel,
    (typeof featureWrites)[ProjectedLabel],
  ][]) {
    const features = graphFeatures.filter((f) => f.entities.includes(label));
    const rows = function* () {
      for (const node of nodesOf(context, label)) {
        const key = context.projected.keys[node]!;
        const row = {
          id: key.slice(label.length + 1),
          features: {} as Record<string, number | string | boolean | null>,
          intFeatures: {} as Record<string, number | null>,
        };
        for (const feature of features) {
          const value = feature.value(context, node, key);
          if (feature.type === 'int') row.intFeatures[feature.name] = value as number | null;
          else row.features[feature.name] = value;
        }
        yield row;
      }
    };
    let written = 0;
    total += await inBatches(
      rows(),
      size,
      async (batch) => {
        await db.write(queryName, { rows: batch, run: options.run, at: options.at });
        options.onProgress?.(`${label} features`, (written += batch.length));
      },
      2,
    );
  }
  return total;
}

export interface CommunityRow {
  id: string;
  size: number;
  persons: number;
  employers: number;
  staff: number;
}

/**
 * Writes the communities, re-links every entity to its community (or none), and deletes the
 * communities of earlier runs that this run did not keep.
 */
export async function writeCommunities(
  db: Database,
  context: FeatureContext,
  communities: CommunityRow[],
  options: WriteOptions,
): Promise<{ communities: number; memberships: number; deleted: number }> {
  const size = options.batchSize ?? 2000;
  await inBatches(communities, size, (rows) =>
    db.write('analytics/write-communities', { rows, run: options.run, at: options.at }),
  );
  let memberships = 0;
  for (const label of entityLabels) {
    const rows = function* () {
      for (const node of nodesOf(context, label)) {
        const key = context.projected.keys[node]!;
        yield {
          id: key.slice(label.length + 1),
          community: context.communities.get(key)?.id ?? null,
        };
      }
    };
    let written = 0;
    memberships += await inBatches(rows(), size, async (batch) => {
      await db.write(membershipWrites[label], { rows: batch });
      options.onProgress?.(`${label} communities`, (written += batch.length));
    });
  }
  let deleted = 0;
  for (;;) {
    const [row] = await db.write('analytics/delete-stale-communities', {
      scope: options.scope ?? '',
      run: options.run,
      limit: size,
    });
    deleted += row?.deleted ?? 0;
    if ((row?.deleted ?? 0) < size) break;
  }
  return { communities: communities.length, memberships, deleted };
}
