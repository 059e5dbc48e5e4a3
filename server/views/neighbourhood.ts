// The neighbourhood of one or more nodes, as the explorer draws it: the start nodes, their
// neighbours (depth 1) and, at depth 2, the neighbours of the depth-1 nodes that are neither
// hubs nor over the per-type cap. Per start node at most `cap` neighbours per relationship type
// (highest risk first); hubs and over-cap nodes come back collapsed (collapse.ts) and are never
// traversed; `asOf` keeps the relations active on that date; officials are masked for viewers
// who may not see staff; at most NEIGHBOURHOOD_MAX_NODES nodes. With `expand`, one page of a
// collapsed node's neighbours instead (sorted by id, so pages partition them).
//
// Every step runs in one read unit (one session): keys → nodes (index seeks), expansions from
// element ids, node details from the degree store (a ranked expansion brings its nodes' and
// their kept neighbours' details along, unless already in the view: a round trip less). The
// start nodes' lookup and expansion are one query unless one is too big to rank (expandFrom).
// Nothing scans a label.
import { z } from 'zod';
import { canSeeStaff, type Viewer } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import type { NodeDetailsRow } from '../db/network-queries.js';
import type { QueryRow } from '../db/queries.js';
import {
  collapseHubs,
  collapseNotes,
  maxTypeDegree,
  typeDegree,
  type Expansion,
} from './collapse.js';
import { RelationshipTypeSchema, type RelationshipType } from './entity-types.js';
import { GraphBuilder } from './graph-rows.js';
import { GraphViewSchema, type GraphView } from './graph-shape.js';
import { NodeKeySchema } from './node-key.js';
import {
  checkedKeys,
  nodeDetails,
  resolveKeys,
  staffNotes,
  visibleTypes,
  type ViewRun,
} from './resolve-keys.js';
import { parseInput } from './parse-input.js';
import { listParam } from './view-input.js';

/** The most nodes one neighbourhood response holds. */
export const NEIGHBOURHOOD_MAX_NODES = 1500;
/**
 * A node with more links of the allowed types than this (by the degree store) is not ranked,
 * which reads every neighbour, but sampled: up to `cap` neighbours per type in storage order.
 */
export const NEIGHBOURHOOD_RANK_LIMIT = 5000;
/** Depth-1 nodes traversed per query at depth 2 (the bound is checked between batches). */
const TRAVERSE_BATCH = 100;

export const NeighbourhoodInputSchema = z
  .object({
    /** Start nodes, `Label:id` (comma-separated in a query string), at most 50. */
    nodes: listParam(NodeKeySchema, { min: 1, max: 50 }).optional(),
    depth: z.coerce.number().int().min(1).max(2).default(1),
    /** Relationship types to follow (default: all). */
    types: listParam(RelationshipTypeSchema, { min: 1 }).optional(),
    /** Most neighbours per relationship type per node. */
    cap: z.coerce.number().int().min(1).max(200).default(25),
    /** Only relations active on this date (relations without dates are kept). */
    asOf: z.iso.date().optional(),
    /** A collapsed node to page through instead of a neighbourhood. */
    expand: NodeKeySchema.optional(),
    /** 0-based page of `expand`. */
    page: z.coerce.number().int().min(0).default(0),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .superRefine((input, ctx) => {
    if ((input.nodes === undefined) === (input.expand === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: input.nodes === undefined ? ['nodes'] : ['expand'],
        message: 'give either nodes (a neighbourhood) or expand (a page of one node), not both',
      });
    }
  });
export type NeighbourhoodInput = z.input<typeof NeighbourhoodInputSchema>;
type Args = z.infer<typeof NeighbourhoodInputSchema>;

export const NeighbourhoodOutputSchema = GraphViewSchema;

export interface NeighbourhoodOptions {
  /** Overrides NEIGHBOURHOOD_MAX_NODES. */
  maxNodes?: number;
  /** Overrides NEIGHBOURHOOD_RANK_LIMIT. */
  rankLimit?: number;
}

interface Context {
  run: ViewRun;
  args: Args;
  viewer: Viewer;
  types: RelationshipType[];
  maxNodes: number;
  rankLimit: number;
}

/**
 * Which nodes' relationships are counted by type (node-details): hubs and those with more than
 * the cap or the rank limit, whichever is lower; the others can be neither collapsed nor too big
 * to rank.
 */
function degrees({ types, args, rankLimit }: Context) {
  return { over: types, above: Math.min(args.cap, rankLimit) };
}

export async function neighbourhood(
  db: Database,
  input: NeighbourhoodInput,
  viewer: Viewer,
  options: NeighbourhoodOptions = {},
): Promise<GraphView> {
  const args = parseInput(NeighbourhoodInputSchema, input, 'views: bad neighbourhood request');
  const types = visibleTypes(viewer, args.types);
  const maxNodes = options.maxNodes ?? NEIGHBOURHOOD_MAX_NODES;
  const rankLimit = options.rankLimit ?? NEIGHBOURHOOD_RANK_LIMIT;
  return db.transaction('READ', (run) => {
    const context = { run, args, viewer, types, maxNodes, rankLimit };
    return args.expand === undefined
      ? expandFrom(context, args.nodes ?? [])
      : hubPage(context, args.expand);
  });
}

type KeptRow = Pick<QueryRow<'views/graph-hub-page'>, 'kept'> & { element: string };
type ExpandRow = QueryRow<'views/graph-expand'>;
/** An expansion's row, ranked or sampled: its kept neighbours' details, and its own if read. */
type DetailedRow = Pick<ExpandRow, 'element' | 'kept'> & { details?: ExpandRow['details'] };

/** Adds the details that came with expansion rows (their nodes' and kept neighbours') to `known`. */
function detailsIn(
  rows: readonly DetailedRow[],
  known = new Map<string, NodeDetailsRow>(),
): Map<string, NodeDetailsRow> {
  for (const row of rows) {
    if (row.details) known.set(row.element, { element: row.element, ...row.details });
    for (const k of row.kept) {
      if (k.details) known.set(k.neighbour, { element: k.neighbour, ...k.details });
    }
  }
  return known;
}

function expandParams({ args, viewer, types }: Context) {
  return { types, hideStaff: !canSeeStaff(viewer), asOf: args.asOf ?? null };
}

/** Neighbours of the rows neither in the view nor about to join it, in row order, each once. */
function newNeighbours(
  rows: readonly KeptRow[],
  builder: GraphBuilder,
  joining: ReadonlySet<string>,
): string[] {
  const fresh = new Set<string>();
  for (const row of rows) {
    for (const kept of row.kept) {
      if (!builder.hasElement(kept.neighbour) && !joining.has(kept.neighbour)) {
        fresh.add(kept.neighbour);
      }
    }
  }
  return [...fresh];
}

function addEdges(rows: readonly KeptRow[], builder: GraphBuilder): void {
  for (const row of rows)
    for (const kept of row.kept) for (const edge of kept.edges) builder.addEdge(edge);
}

async function expandFrom(context: Context, keys: string[]): Promise<GraphView> {
  const { run, args, maxNodes } = context;
  const builder = new GraphBuilder();
  const expanded = new Map<string, Expansion>();
  const elements: string[] = [];
  let leftOut = 0;
  let stoppedEarly = false;

  const sampled = new Set<string>();
  /** Adds the nodes, with their details (read here unless `known`), to the view. */
  const addNodes = async (
    nodes: readonly string[],
    known: ReadonlyMap<string, NodeDetailsRow> = new Map(),
  ) => {
    const missing = nodes.filter((node) => !known.has(node));
    const read = new Map(
      (await nodeDetails(run, missing, degrees(context))).map((row) => [row.element, row]),
    );
    for (const node of nodes) {
      const row = known.get(node) ?? read.get(node);
      if (row && builder.addNode(row)) elements.push(row.element);
    }
  };
  /**
   * Expands `from`; `joining` (start nodes) get their details with the new neighbours'.
   * `expansion`: rows of the start nodes' expansion, read with their keys; those ranked there
   * are not read again.
   */
  const expand = async (
    from: string[],
    joining: readonly string[] = [],
    expansion: readonly ExpandRow[] = [],
  ) => {
    const params = {
      ...expandParams(context),
      cap: args.cap,
      degreesAbove: degrees(context).above,
      // Nodes already in the view come without details: a depth-2 step expands such nodes, and
      // reading their details again was a fifth of a depth-2 view's database time.
      inView: elements,
    };
    const big = new Set(
      from.filter((element) => {
        const details = builder.detailsOf(element);
        return details !== undefined && typeDegree(details) > context.rankLimit;
      }),
    );
    const rows: DetailedRow[] = [];
    const small = from.filter((element) => !big.has(element));
    const ranked = new Map(expansion.filter((row) => row.ranked).map((row) => [row.element, row]));
    const unread = small.filter((element) => !ranked.has(element));
    if (unread.length > 0) {
      const read = await run('views/graph-expand', {
        elements: unread,
        keys: [],
        rankLimit: null,
        ...params,
      });
      for (const row of read) ranked.set(row.element, row);
    }
    for (const element of small) {
      const row = ranked.get(element);
      if (!row) continue;
      expanded.set(element, {
        total: row.total ?? 0,
        perType: (row.perType ?? []).map((t) => t.count),
      });
      rows.push(row);
    }
    if (big.size > 0) {
      rows.push(...(await run('views/graph-expand-sample', { elements: [...big], ...params })));
      for (const element of big) sampled.add(element);
    }
    /** Details that came with the expansions (their nodes' and their kept neighbours'). */
    const known = detailsIn(rows);
    const fresh = newNeighbours(rows, builder, new Set(joining));
    const room = Math.max(0, maxNodes - builder.size - joining.length);
    const taken = fresh.slice(0, room);
    leftOut += fresh.length - taken.length;
    await addNodes([...joining, ...taken], known);
    addEdges(rows, builder);
    return taken;
  };

  // Whether a start node is ranked or sampled depends on its degree over the allowed types, from
  // its details. Its degree over all types bounds that: the starts are looked up and expanded,
  // their details with their neighbours', in one round trip, but for a start that could be too
  // big to rank by that bound: it comes with its details only, which say whether it is ranked
  // (by the types asked for) or sampled, a round trip more. If a key names no node, that query
  // answers nothing and the starts are looked up on their own (a NotFoundError for a miss).
  const parsed = checkedKeys(keys, context.viewer);
  const expansion = await run('views/graph-expand', {
    elements: [],
    keys: parsed.map(({ label, id }) => ({ label, id })),
    rankLimit: context.rankLimit,
    ...expandParams(context),
    cap: args.cap,
    degreesAbove: degrees(context).above,
    inView: [],
  });
  let depth1: string[];
  if (expansion.length > 0 && expansion.length === parsed.length) {
    const starts = expansion.map((row) => row.element);
    if (expansion.every((row) => row.ranked)) {
      depth1 = await expand(starts, starts, expansion);
    } else {
      // The starts join first, so that their details decide which of them are sampled.
      await addNodes(starts, detailsIn(expansion));
      depth1 = await expand(starts, [], expansion);
    }
  } else {
    const resolved = [...(await resolveKeys(run, keys, context.viewer)).values()];
    const starts = resolved.map((node) => node.element);
    const startsFirst = resolved.some((node) => node.degree > context.rankLimit);
    if (startsFirst) await addNodes(starts);
    depth1 = await expand(starts, startsFirst ? [] : starts);
  }
  if (args.depth === 2) {
    const traversable = depth1.filter((element) => {
      const details = builder.detailsOf(element);
      return details !== undefined && !details.hub && maxTypeDegree(details) <= args.cap;
    });
    for (let i = 0; i < traversable.length; i += TRAVERSE_BATCH) {
      if (builder.size >= maxNodes) {
        stoppedEarly = true;
        break;
      }
      await expand(traversable.slice(i, i + TRAVERSE_BATCH));
    }
  }

  const { collapsed, expandedIncomplete } = collapseHubs(builder, elements, {
    cap: args.cap,
    expanded,
    sampled,
  });
  const notes = collapseNotes(collapsed, args.cap, args.depth);
  if (leftOut > 0 || stoppedEarly) {
    notes.push(
      `the view stops at ${maxNodes.toLocaleString('en')} nodes: ${stoppedEarly ? 'at least ' : ''}${leftOut.toLocaleString('en')} more ${leftOut === 1 ? 'was' : 'were'} left out${stoppedEarly ? ', and some depth-2 nodes were not expanded' : ''}; ask for fewer start nodes, depth 1 or fewer types`,
    );
  }
  const view = builder.view(
    notes,
    collapsed.length > 0 || expandedIncomplete || leftOut > 0 || stoppedEarly,
  );
  view.notes.push(...staffNotes(context.viewer, view.nodes));
  return view;
}

async function hubPage(context: Context, key: string): Promise<GraphView> {
  const { run, args } = context;
  const [hub] = [...(await resolveKeys(run, [key], context.viewer)).values()].map(
    (node) => node.element,
  );
  const skip = args.page * args.pageSize;
  const [row] = await run('views/graph-hub-page', {
    element: hub!,
    ...expandParams(context),
    skip,
    limit: args.pageSize,
  });
  const total = row?.total ?? 0;
  const kept = row?.kept ?? [];
  const builder = new GraphBuilder();
  const elements = [hub!, ...kept.map((k) => k.neighbour)];
  for (const details of await nodeDetails(run, elements, degrees(context)))
    builder.addNode(details);
  for (const k of kept) for (const edge of k.edges) builder.addEdge(edge);

  const remaining = Math.max(0, total - skip - kept.length);
  const { collapsed } = collapseHubs(builder, elements, {
    cap: args.cap,
    expanded: new Map(),
    remaining: new Map([[hub!, remaining]]),
  });
  const pages = Math.max(1, Math.ceil(total / args.pageSize));
  const notes: string[] = [];
  if (kept.length > 0) {
    notes.push(
      `${key}: neighbours ${(skip + 1).toLocaleString('en')}–${(skip + kept.length).toLocaleString('en')} of ${total.toLocaleString('en')} (page ${args.page + 1} of ${pages}, sorted by id)`,
    );
  } else {
    notes.push(
      `${key} has ${total.toLocaleString('en')} neighbours: page ${args.page} is past the last page (${pages - 1})`,
    );
  }
  notes.push(
    ...collapseNotes(
      collapsed.filter((c) => c.key !== key),
      args.cap,
      1,
    ),
  );
  const view = builder.view(notes, collapsed.length > 0);
  view.notes.push(...staffNotes(context.viewer, view.nodes));
  return view;
}
