// All shortest paths between two nodes (server/views/shortest-paths.ts), by a bidirectional
// breadth-first search that expands, one level at a time, the side whose next level is cheaper:
// the one whose frontier has fewer relationships in total.
//
// Why not Neo4j's allShortestPaths: its bidirectional search grows the side with fewer frontier
// nodes, so when one end is a large employer (200 000 workers on the 1 M-person data set) it
// walks every one of that end's relationships before the other side takes its second step — half
// a second alone, seconds under load, for a path an investigator asks about often ("how is this
// person linked to that big employer?"). Weighing the sides by their relationships, the search
// reaches the large end from its few neighbours' side instead. Graph Data Science's path
// algorithms need a projection per request, and graphology holds no graph here.
//
// Every level is one query (cypher/views/path-expand.cypher; the first, path-start.cypher) over
// the allowed types, dates and node rules (cypher/views/parts/path-level.cypher-part); the
// parents of each node reached are kept, so every shortest path can be spelt out. At most
// `limit` are, in a stable order. A search reads at most `budget` relationships (100,000 by
// default, some 50 ms): past that it stops and says so, rather than hold the server on two ends
// whose neighbourhoods are both vast.
//
// Round trips cost whatever the query (a trivial read: some 0.4 ms of the API's CPU, one client,
// 2026-12-06): the ends are looked up with the first level (startPathSearch), and the paths'
// relationships with their nodes' details (path-found), so a search of two levels is three
// queries where it was five (the service's CPU a search 6.9-7.5 -> 5.4-5.7 ms:
// bench/api-speed.md).
import type { TransactionRun } from '../db/database.js';
import type { EdgeRow, NodeDetailsRow } from '../db/network-queries.js';
import type { QueryRow } from '../db/queries.js';
import type { NodeLabel, RelationshipType } from './entity-types.js';

/** One end: its element id and degree (resolve-keys.ts and startPathSearch give both). */
export interface PathEnd {
  element: string;
  degree: number;
}

export interface PathSearch {
  from: PathEnd;
  to: PathEnd;
  maxLength: number;
  types: readonly RelationshipType[];
  asOf: string | null;
  avoidHubs: boolean;
  hideStaff: boolean;
  limit: number;
  /** Relationships the search may read; 100,000 when absent. */
  budget?: number;
  /** The first level, when already read with the ends (startPathSearch). */
  firstLevel?: FirstLevel;
}

/** One relationship a level reached (cypher/views/path-expand.cypher's row). */
type Reached = QueryRow<'views/path-expand'>;

/** The first level of a search: from which end, and what it reached. */
export interface FirstLevel {
  near: 'from' | 'to';
  rows: Reached[];
}

export interface PathSearchResult {
  paths: FoundPath[];
  /** What the explorer shows of the paths' nodes (node-details), in their order in the paths. */
  nodes: NodeDetailsRow[];
  /** The budget ran out before the searches met: there may be a path. */
  stopped: boolean;
}

export const pathSearchBudget = 100_000;

export interface FoundPath {
  /** Element ids from `from` to `to`. */
  nodes: string[];
  edges: EdgeRow[];
}

interface Step {
  /** The node one level closer to this side's end. */
  prev: string;
  rel: string;
}

class Side {
  /** Depth of every node reached from this side's end. */
  readonly depth = new Map<string, number>();
  /** How each node was reached (all ways, at the level it was first reached). */
  readonly parents = new Map<string, Step[]>();
  frontier: string[];
  /** The frontier's relationships in total: the cost of expanding it. */
  cost: number;
  level = 0;

  constructor(
    readonly end: string,
    degree: number,
  ) {
    this.depth.set(end, 0);
    this.frontier = [end];
    this.cost = degree;
  }

  /** Ways from this side's end to the node, each as [node, rel, node, rel, …, node]. */
  *chains(node: string): Generator<string[]> {
    if (node === this.end) {
      yield [node];
      return;
    }
    for (const { prev, rel } of this.parents.get(node) ?? []) {
      for (const chain of this.chains(prev)) yield [...chain, rel, node];
    }
  }
}

/** The rules a search follows (PathSearch's). */
export type PathRules = Pick<PathSearch, 'types' | 'asOf' | 'avoidHubs' | 'hideStaff' | 'budget'>;

/**
 * The two ends, by key (from, then to), and the search's first level, in one query
 * (cypher/views/path-start.cypher): what searchShortestPaths goes on from, one round trip less
 * than looking the ends up first. Null when a key names no node.
 */
export async function startPathSearch(
  run: TransactionRun,
  keys: readonly [{ label: NodeLabel; id: string }, { label: NodeLabel; id: string }],
  rules: PathRules,
): Promise<Pick<PathSearch, 'from' | 'to' | 'firstLevel'> | null> {
  const [row] = await run('views/path-start', {
    keys: keys.map(({ label, id }) => ({ label, id })),
    types: [...rules.types],
    asOf: rules.asOf,
    avoidHubs: rules.avoidHubs,
    hideStaff: rules.hideStaff,
    limit: (rules.budget ?? pathSearchBudget) + 1,
  });
  if (!row) return null;
  const from = row.ends[row.near];
  return {
    from: { element: row.ends[0], degree: row.degrees[0] },
    to: { element: row.ends[1], degree: row.degrees[1] },
    firstLevel: {
      near: row.near === 0 ? 'from' : 'to',
      rows: row.reached.map(([to, rel, degree]) => ({ from, to, rel, degree })),
    },
  };
}

export async function searchShortestPaths(
  run: TransactionRun,
  search: PathSearch,
): Promise<PathSearchResult> {
  const a = new Side(search.from.element, search.from.degree);
  const b = new Side(search.to.element, search.to.degree);
  const ends = [a.end, b.end];
  let budget = search.budget ?? pathSearchBudget;
  let first = search.firstLevel;
  while (a.level + b.level < search.maxLength && a.frontier.length > 0 && b.frontier.length > 0) {
    // The first level, when given, chose its side by the same rule.
    const [near, far] = (first ? first.near === 'from' : a.cost <= b.cost) ? [a, b] : [b, a];
    const rows: Reached[] =
      first?.rows ??
      (await run('views/path-expand', {
        frontier: near.frontier,
        types: [...search.types],
        asOf: search.asOf,
        avoidHubs: search.avoidHubs,
        hideStaff: search.hideStaff,
        ends,
        limit: budget + 1,
      }));
    first = undefined;
    if (rows.length > budget) return { paths: [], nodes: [], stopped: true };
    budget -= rows.length;
    near.level++;
    const next: string[] = [];
    let cost = 0;
    for (const { from, to, rel, degree } of rows) {
      const known = near.depth.get(to);
      if (known === undefined) {
        near.depth.set(to, near.level);
        near.parents.set(to, [{ prev: from, rel }]);
        next.push(to);
        cost += degree;
      } else if (known === near.level) {
        near.parents.get(to)?.push({ prev: from, rel });
      }
    }
    near.frontier = next;
    near.cost = cost;
    // Where the two searches meet, the shortest paths run through the nodes nearest the far end.
    let best = Infinity;
    for (const node of next) best = Math.min(best, far.depth.get(node) ?? Infinity);
    if (best === Infinity) continue;
    const meeting = next.filter((node) => far.depth.get(node) === best).sort();
    return { ...(await spellOut(run, a, b, meeting, search.limit)), stopped: false };
  }
  return { paths: [], nodes: [], stopped: false };
}

/**
 * Up to `limit` paths through the meeting nodes, in a stable order, with their relationships,
 * and their nodes' details.
 */
async function spellOut(
  run: TransactionRun,
  a: Side,
  b: Side,
  meeting: string[],
  limit: number,
): Promise<Pick<PathSearchResult, 'paths' | 'nodes'>> {
  for (const side of [a, b]) {
    for (const steps of side.parents.values()) {
      steps.sort((x, y) => (x.prev === y.prev ? cmp(x.rel, y.rel) : cmp(x.prev, y.prev)));
    }
  }
  const walks: { nodes: string[]; rels: string[] }[] = [];
  outer: for (const node of meeting) {
    for (const fromA of a.chains(node)) {
      for (const fromB of b.chains(node)) {
        const walk = [...fromA, ...[...fromB].reverse().slice(1)];
        walks.push({
          nodes: walk.filter((_, i) => i % 2 === 0),
          rels: walk.filter((_, i) => i % 2 === 1),
        });
        if (walks.length === limit) break outer;
      }
    }
  }
  const rels = [...new Set(walks.flatMap((walk) => walk.rels))];
  const elements = [...new Set(walks.flatMap((walk) => walk.nodes))];
  const [row] = await run('views/path-found', { rels, elements, degreesAbove: null, types: [] });
  const edges = new Map((row?.edges ?? []).map(({ rel, edge }) => [rel, edge] as const));
  const found: FoundPath[] = [];
  for (const { nodes, rels: path } of walks) {
    const rows = path.map((rel) => edges.get(rel));
    // A relationship deleted since the search (a load running) drops its paths.
    if (rows.every((row) => row !== undefined)) found.push({ nodes, edges: rows });
  }
  const details = new Map((row?.nodes ?? []).map((n) => [n.element, n.details] as const));
  const nodes = [...new Set(found.flatMap((path) => path.nodes))].flatMap((element) => {
    const node = details.get(element);
    return node ? [{ element, ...node }] : [];
  });
  return { paths: found, nodes };
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
