// Write-back of an analysis run: every feature of the registry onto its nodes, the Louvain
// communities as Community nodes with IN_COMMUNITY links, and the removal of the communities
// the run did not keep. Batches of `batchSize` rows (`UNWIND $rows`), each in one managed write
// transaction (retried by the driver: every statement is idempotent), all stamped with the run
// id and time; feature batches three at a time, so that Node prepares one while Neo4j writes
// the others on both cores (two at a time left each side a fifth idle: 130 s against 116 s for
// 4.7 M rows).
import type { Database } from '../db/database.js';
import type { QueryName } from '../db/queries.js';
import { graphFeatures, type FeatureContext } from './features/index.js';
import type { HubReport } from './hubs.js';
import {
  entityLabels,
  projectedLabels,
  resourceLabels,
  type EntityLabel,
  type ProjectedLabel,
} from './link-kinds.js';
import type { ProjectedGraph } from './projected-graph.js';

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
 * features go onto distinct nodes; memberships link to Community nodes and go one at a time in
 * each of their lanes (writeMemberships).
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

/** The projected nodes of a label within the run's scope (inScope). */
function* nodesOf(context: FeatureContext, label: ProjectedLabel, scope = '') {
  const { projected } = context;
  for (let node = 0; node < projected.order; node++) {
    if (projected.labels[node] === label && inScope(projected, node, scope)) yield node;
  }
}

const resources = new Set<ProjectedLabel>(resourceLabels);

/**
 * Whether a run confined to a prefix may write onto a projected node. It also projects the
 * entities of other scopes its own link to, and must not write its partial view onto them;
 * the addresses, accounts and contacts its entities link to are its own (a contact's id is not
 * even prefixed), and its query features read their hub flags, so it writes them.
 */
function inScope(projected: ProjectedGraph, node: number, scope = ''): boolean {
  const label = projected.labels[node]!;
  return (
    scope === '' || resources.has(label) || projected.keys[node]!.startsWith(`${label}:${scope}`)
  );
}

/** Writes every registered feature onto every projected node; returns the rows written. */
export async function writeFeatures(
  db: Database,
  context: FeatureContext,
  options: WriteOptions,
): Promise<number> {
  const size = options.batchSize ?? 2000;
  let total = 0;
  for (const label of projectedLabels) {
    const features = graphFeatures.filter((f) => f.entities.includes(label));
    const others = features.filter((f) => f.type !== 'int');
    const names = others.map((f) => f.name);
    const ints = features.filter((f) => f.type === 'int');
    const intNames = ints.map((f) => f.name);
    const rows = function* () {
      for (const node of nodesOf(context, label, options.scope)) {
        const key = context.projected.keys[node]!;
        yield {
          id: key.slice(label.length + 1),
          values: others.map((f) => f.value(context, node, key)),
          ints: ints.map((f) => f.value(context, node, key) as number | null),
        };
      }
    };
    let written = 0;
    total += await inBatches(
      rows(),
      size,
      async (batch) => {
        await db.write(featureWrites[label], {
          rows: batch,
          names,
          intNames,
          run: options.run,
          at: options.at,
        });
        options.onProgress?.(`${label} features`, (written += batch.length));
      },
      3,
    );
  }
  return total;
}

/**
 * Brings the hub flags (f_hub) in the database up to this run's hubs before anything reads them
 * (the query features run alongside the algorithms, before the write-back): flags the new hubs
 * and clears those of an earlier run that are hubs no more — among the projection's nodes in the
 * run's scope only (inScope), so a run confined to a scope leaves the rest alone, also the
 * entities outside it that its links reach. The write-back then writes f_hub again, with every
 * other feature.
 */
export async function writeHubFlags(
  db: Database,
  projected: ProjectedGraph,
  hubs: HubReport,
  options: WriteOptions,
): Promise<{ flagged: number; cleared: number }> {
  const rows = new Map<ProjectedLabel, { id: string; values: [boolean]; ints: never[] }[]>();
  const change = (node: number, hub: boolean) => {
    const label = projected.labels[node]!;
    const id = projected.keys[node]!.slice(label.length + 1);
    const labelRows = rows.get(label) ?? [];
    labelRows.push({ id, values: [hub], ints: [] });
    rows.set(label, labelRows);
  };
  const wasHub = new Set<number>();
  let cleared = 0;
  for (const row of await db.read('analytics/flagged-hubs', {})) {
    const node = projected.indexOf(`${row.label}:${row.id}`);
    if (node === undefined || !inScope(projected, node, options.scope)) continue;
    wasHub.add(node);
    if (!hubs.hubs.has(node)) {
      change(node, false);
      cleared++;
    }
  }
  let flagged = 0;
  for (const node of hubs.hubs) {
    if (wasHub.has(node) || !inScope(projected, node, options.scope)) continue;
    change(node, true);
    flagged++;
  }
  for (const [label, labelRows] of rows) {
    await inBatches(labelRows, options.batchSize ?? 2000, (batch) =>
      db.write(featureWrites[label], {
        rows: batch,
        names: ['f_hub'],
        intNames: [],
        run: options.run,
        at: options.at,
      }),
    );
  }
  return { flagged, cleared };
}

const membershipLanes = 2;

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * Which pass writes a member's change: linking a member locks the Community node it joins and
 * the one it leaves, so the members go in lanes by community (FNV-1a of the id), the lanes side
 * by side, one batch at a time each; a member that leaves one lane's community for another's
 * gets -1: written after the lanes, alone, so that two lanes never wait on each other's locks.
 */
export function membershipLane(
  joins: string | undefined,
  leaves: string | undefined,
  lanes = membershipLanes,
): number {
  const join = joins === undefined ? undefined : fnv1a(joins) % lanes;
  const leave = leaves === undefined ? undefined : fnv1a(leaves) % lanes;
  if (join === undefined) return leave ?? 0;
  return leave === undefined || leave === join ? join : -1;
}

/**
 * Re-links the label's members whose community changed (`previous`: as read at the start of
 * the run) in `membershipLanes` lanes side by side, then those that cross lanes (membershipLane).
 * Neo4j linked a million members on one core for 25 s; in two lanes, 19 s. Once a batch fails,
 * no lane writes another, and the failure is thrown when the batches under way are done.
 */
async function writeMemberships(
  db: Database,
  context: FeatureContext,
  label: EntityLabel,
  previous: ReadonlyMap<string, string>,
  options: WriteOptions,
): Promise<number> {
  const wholeGraph = (options.scope ?? '') === '';
  const passes: number[][] = Array.from({ length: membershipLanes + 1 }, () => []);
  for (const node of nodesOf(context, label, options.scope)) {
    const key = context.projected.keys[node]!;
    const community = context.communities.get(key)?.id;
    const before = previous.get(key);
    if (community === before && (community !== undefined || wholeGraph)) continue;
    const lane = membershipLane(community, before);
    passes[lane < 0 ? membershipLanes : lane]!.push(node);
  }
  const rows = function* (nodes: number[]) {
    for (const node of nodes) {
      const key = context.projected.keys[node]!;
      yield {
        id: key.slice(label.length + 1),
        community: context.communities.get(key)?.id ?? null,
      };
    }
  };
  let written = 0;
  let failure: Error | undefined;
  const write = async (batch: { id: string; community: string | null }[]) => {
    if (failure !== undefined) return; // another lane failed: write no more
    try {
      await db.write(membershipWrites[label], { rows: batch });
    } catch (error) {
      failure ??= error instanceof Error ? error : new Error(String(error));
      throw error;
    }
    options.onProgress?.(`${label} communities`, (written += batch.length));
  };
  const size = options.batchSize ?? 2000;
  const lanes = passes
    .slice(0, membershipLanes)
    .map((nodes) => inBatches(rows(nodes), size, write));
  await Promise.allSettled(lanes);
  if (failure !== undefined) throw failure;
  await inBatches(rows(passes[membershipLanes]!), size, write);
  return passes.reduce((sum, nodes) => sum + nodes.length, 0);
}

export interface CommunityRow {
  id: string;
  size: number;
  persons: number;
  employers: number;
  staff: number;
}

/**
 * Writes the communities, re-links every entity whose community changed since the previous run
 * (`previous`: member key → community id, as read at the start of the run) to its community or
 * none, and deletes the communities of earlier runs that this run did not keep. An entity in
 * no community now and none before is left alone only in a run over the whole graph: a run
 * confined to a scope reads only its own communities as `previous`, so it cannot tell.
 */
export async function writeCommunities(
  db: Database,
  context: FeatureContext,
  communities: CommunityRow[],
  previous: ReadonlyMap<string, string>,
  options: WriteOptions,
): Promise<{ communities: number; memberships: number; deleted: number }> {
  const size = options.batchSize ?? 2000;
  const withAggregates = communities.map((row) => ({
    ...row,
    ...context.communityAggregates.of.get(row.id)!,
  }));
  await inBatches(withAggregates, size, (rows) =>
    db.write('analytics/write-communities', { rows, run: options.run, at: options.at }),
  );
  let memberships = 0; // rows written: memberships that changed
  for (const label of entityLabels) {
    memberships += await writeMemberships(db, context, label, previous, options);
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
